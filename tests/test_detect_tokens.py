"""Token formats: each is recognised by its structure, and look-alikes that fail it are not.

All values below are made up for these tests (random characters in the vendor's layout).
"""

from __future__ import annotations

import base64

import pytest

from governance.detect import classify
from governance.model import Label


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def snowflake_part(user_id: str) -> str:
    return base64.b64encode(user_id.encode()).decode().rstrip("=")


DISCORD = f"{snowflake_part('1187340912256348160')}.GqT4zR.Vx3kP9wL2mN7bQ5cJ8hY1dF6sA0tE4uRgZ_oKi"
TELEGRAM = "6071839245:AAF3kZq8Lp2Wx7Vb9Nc4Mt1Rh6Jd0Ys5Gue"


@pytest.mark.parametrize(("text", "rule"), [
    (f"bot.run('{DISCORD}')  # why does it say improper token?", "discord_bot_token"),
    (f"requests.get('https://api.telegram.org/bot{TELEGRAM}/getMe')", "telegram_bot_token"),
    ("from huggingface_hub import login; login('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')",
     "huggingface_token"),
    ("headers = {'X-Shopify-Access-Token': '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'}",
     "shopify_token"),
    ("client = Anthropic(api_key='sk-ant-api03-Qm7Zr2Xk9Lp4Vt8Wn3Bc6Hj1Fd5Gs0Ya2Ue7Ri4Oo9Pl3"
     "Kj6Mh1Nb8Vc5Xz2Aq7Sw4De1Rf6Tg3Yh0Uj9Ik-Ol5PzAA')", "anthropic_key"),
    ("curl --user 'api:key-9e1b7c3a5f2d4e6a8b0c1d2e3f4a5b6c' https://api.mailgun.net/v3/mg.shop.io",
     "mailgun_key"),
    ("DefaultEndpointsProtocol=https;AccountName=invoicesprod;AccountKey="
     f"{b64(bytes(range(100, 164)))};EndpointSuffix=core.windows.net", "azure_key"),
    ("Endpoint=sb://orders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;"
     f"SharedAccessKey={b64(bytes(range(40, 72)))}", "azure_key"),
    (f"export DIGITALOCEAN_ACCESS_TOKEN=dop_v1_{'8d3f1a7c9e2b4d6f' * 4}", "digitalocean_token"),
    ("gitlab-runner register --token glrt-Xk4pQ9zL2mW7vN3bT8cR", "gitlab_token"),
    (f"SLACK_APP_TOKEN=xapp-1-A04QK7M2XJD-5839274615302-{'c0ffee42' * 8}", "slack_token"),
    ("STRIPE_WEBHOOK_SECRET=whsec_Zq8Lp2Wx7Vb9Nc4Mt1Rh6Jd0Ys5GueK3", "stripe_webhook_secret"),
    ("echo dckr_pat_Xk4pQ9zL2mW7vN3bT8cR1sD5fG6 | docker login -u ci --password-stdin",
     "docker_hub_token"),
    (f"GEM_HOST_API_KEY=rubygems_{'5e0b1d7c' * 6}", "rubygems_key"),
    (f"VAULT_TOKEN=hvs.{'CAESIJk3Lq9Zx2Wm7Vb4Nc8Rt1Yh6Jd0Ps5GuKe' * 3}", "vault_token"),
    ("linear = LinearClient('lin_api_Zq8Lp2Wx7Vb9Nc4Mt1Rh6Jd0Ys5GueK3aB7cD9eF')", "linear_key"),
    (f"x-api-key: PMAK-{'6f1e2d3c' * 3}-{'9a8b7c6d5e' * 3}4f2a", "postman_key"),
    ('{"type": "service_account", "private_key_id": "4f1c", "private_key": "-----BEGIN '
     'PRIVATE KEY-----\\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDf\\n'
     '-----END PRIVATE KEY-----"}',
     "private_key"),
])
def test_token_formats_are_recognised(text, rule):
    verdict = classify(text)
    assert verdict.label is Label.PII
    assert f"pii.secret.{rule}" in {h.rule_id for h in verdict.hits}


def test_an_anthropic_key_is_not_reported_as_an_openai_key():
    text = ("ANTHROPIC_API_KEY=sk-ant-api03-Qm7Zr2Xk9Lp4Vt8Wn3Bc6Hj1Fd5Gs0Ya2Ue7Ri4Oo9Pl3Kj6Mh1Nb8"
            "Vc5Xz2Aq7Sw4De1Rf6Tg3Yh0Uj9Ik-Ol5PzAA")
    assert "pii.secret.openai_key" not in {h.rule_id for h in classify(text).hits}


@pytest.mark.parametrize("text", [
    # first part is not a user id in base64 (it decodes to letters, not digits)
    f"{b64(b'abcdefghijklmnopqr')}.GqT4zR.Vx3kP9wL2mN7bQ5cJ8hY1dF6sA0tE4uRgZ_oKi",
    # Telegram's own example token from its Bot API guide
    "The guide's sample is 110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw, I replaced it with mine",
    # a key-like cache entry that has nothing to do with Mailgun
    "cache miss for key-9e1b7c3a5f2d4e6a8b0c1d2e3f4a5b6c after the deploy",
    # an AccountKey that is not 64 bytes of base64 (a truncated paste)
    "AccountKey=" + b64(bytes(range(48))) + " is what the portal shows, is that right?",
    # the storage emulator's published key
    "UseDevelopmentStorage=true or AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2"
    "UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    # a hugging face-like word without the mixed case of a random token
    "we renamed hf_abcdefghijklmnopqrstuvwxyzabcdefgh to something shorter",
])
def test_look_alikes_that_fail_the_structure_are_ok(text):
    assert classify(text).label is Label.OK


def auth_login_session(user: str, password: str) -> str:
    return (f"C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: {b64(user.encode())}\n"
            f"S: 334 UGFzc3dvcmQ6\nC: {b64(password.encode())}\nS: 235 2.7.0 Authentication "
            "successful")


def test_smtp_auth_login_reveals_the_password_in_base64():
    verdict = classify(auth_login_session("alerts@billing-shop.net", "Qx7!harbour-Lamp"))
    hits = [h for h in verdict.hits if h.rule_id == "pii.secret.smtp_credentials"]
    assert verdict.label is Label.PII and hits
    assert len(hits[0].evidence) == 2  # the user and the password lines, to redact both


PLAIN_FIELDS = b64(b"\0relay@shop.net\0Gr4nite-Owl-19")  # authzid (empty), user, password


def test_smtp_auth_plain_decodes_to_nul_separated_user_and_password():
    inline = f"send: 'AUTH PLAIN {PLAIN_FIELDS}\\r\\n'"
    assert classify(inline).label is Label.PII
    challenged = f"AUTH PLAIN\n334\n{PLAIN_FIELDS}\n235 ok"
    assert classify(challenged).label is Label.PII


@pytest.mark.parametrize("text", [
    "Our relay only offers AUTH LOGIN and AUTH PLAIN, no CRAM-MD5: is that enough for you?",
    "AUTH PLAIN " + b64(b"\0user\0password"),  # a documentation placeholder
    "AUTH PLAIN " + b64(b"just some text"),  # no NUL-separated fields
    auth_login_session("user@example.com", "changeme"),
])
def test_smtp_auth_without_a_real_credential_is_ok(text):
    assert classify(text).label is Label.OK


@pytest.mark.parametrize("text", [
    "here is the prod key sk_live_51HqLyjWDarjtT1zdp7dcXk3mP9EXAMPLE (drop the last 7 chars)",
    "my key sk-proj-Abc123Def456Ghi789Jkl012Mno345Pqr678Stu901EXAMPLE",
    "aws_secret_access_key=8fDz0Fq3Kp+R1vWbXnY7sTgLm2QhJcEu9aZoViNkEXAMPLE",
])
def test_the_word_example_appended_to_a_real_key_does_not_hide_it(text: str) -> None:
    """AWS's example mark counts only in the shape AWS prints (review finding)."""
    assert classify(text).label is Label.PII


@pytest.mark.parametrize("text", [
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "aws_access_key_id = AKIAJ2QWERTY7EXAMPLE",
])
def test_aws_documented_example_shapes_stay_ok(text: str) -> None:
    assert classify(text).label is Label.OK
