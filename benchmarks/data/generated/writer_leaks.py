"""Writer "leaks": personal data and live secrets (pii), and the look-alikes that are fine (ok)."""

from __future__ import annotations

from gen_common import frame, jwt, token

WRITER = "leaks"

AWS_EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE"
AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
PLACEHOLDER_TOKEN = ["<YOUR_TOKEN>", "${GITHUB_TOKEN}", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                     "sk_live_************************", "your-api-key-here", "REDACTED",
                     "<redacted>", "$(cat ~/.secrets/token)", "{{ secrets.NPM_TOKEN }}", "xoxb-REPLACE-ME",
                     "sk-...", "****************", "changeme", "<paste token>"]
PLACEHOLDER_PW = ["changeme", "<password>", "${DB_PASSWORD}", "********", "example", "secret",
                  "{{ .Values.db.password }}", "$POSTGRES_PASSWORD", "hunter2 (not my real one lol)"]
SERVICE = ["Slack", "Stripe", "SendGrid", "OpenAI", "GitHub", "npm", "Twilio", "Discord", "Telegram"]
PUBLIC_MAIL = ["security@fluxgate.dev", "maintainers@tinyhttp.io", "conduct@stormforge.dev",
               "hello@quickjson.org", "security@rusty-cache.rs", "team@nanoid-py.org"]

FRAMES = [
    # ---------------------------------------------------------------- pii: doxxing people
    frame("dox_phone", "pii", """
<<handle>> won't answer here so everyone can call <<him|her|them>> directly: <<phone>>. Ask why <<pr>> is still not merged.
"""),
    frame("dox_address", "pii", """
FYI the maintainer <<person>> lives at <<address>>. Maybe someone should go ask in person why the <<thing>> is broken.
""", thing=["release", "installer", "sync", "API"]),
    frame("dox_email", "pii", """
<<handle>>'s private email is <<email>> — spam it until they answer.
"""),
    frame("dox_full", "pii", """
Found the guy who closed my issue: <<person>>, <<address>>, phone <<phone>>, personal mail <<email>>. You're welcome.
"""),
    frame("support_leak_customer", "pii", """
Customer still can't log in after the update. Details from the ticket:
Name: <<person>>
Email: <<email>>
Phone: <<phone>>
Address: <<address>>
Account created <<ts>>, plan: Pro.
"""),
    frame("support_leak_csv", "pii", """
Here's a sample of the rows that fail to import:

```
name,email,phone,city
<<person>>,<<email>>,<<phone>>,<<city>>
<<person2>>,<<email2>>,<<phone2>>,<<city2>>
```
""", city=["Berlin", "Austin", "Leeds", "Pune", "Lyon"]),
    frame("report_other_user_contact", "pii", """
The person who keeps opening duplicate issues is <<person>>, you can reach <<him|her|them>> at <<phone>> or <<email>> if you want to tell <<him|her|them>> to stop.
"""),
    # ---------------------------------------------------------------- pii: own money and ids
    frame("own_card_refund", "pii", """
I was charged twice for the <<plan>> plan!!! Please refund to my card <<card>> exp <<exp>> CVV <<cvv>>, I don't have another way.
""", plan=["Pro", "annual", "Team", "lifetime"], exp=["04/27", "11/28", "09/29", "01/30"], cvv=["123", "847", "301", "559"]),
    frame("card_in_log", "pii", """
Payment fails with this log (from our prod box):

```
<<ts>> INFO checkout request amount=<<amt>> currency=<<cur>> card_number=<<card>> exp=<<exp>>
<<ts2>> ERROR gateway: do_not_honor
```
""", amt=["49.00", "129.99", "12.50"], cur=["EUR", "USD", "GBP"], exp=["03/28", "12/27", "07/29"]),
    frame("card_amex", "pii", """
My <<Amex|AmEx|American Express>> <<amex>> keeps getting declined at checkout with code <<code>>. Other cards work.
""", code=["E102", "card_declined", "402"]),
    frame("iban_refund", "pii", """
Since PayPal doesn't work in my country please send the bounty to my bank: <<person>>, IBAN <<iban>>. Thanks!
"""),
    frame("iban_invoice", "pii", """
Invoice for the sponsored feature attached. Wire to: <<company>>, IBAN <<iban>>, BIC <<bic>>.
""", company=["Kowalski Software", "Dubois Conseil", "Petrov IT"], bic=["COBADEFFXXX", "BNPAFRPPXXX", "INGBNL2A"]),
    frame("ssn_verification", "pii", """
For the KYC verification step the form rejects my SSN <<ssn>> with "invalid format". Date of birth <<dob>>. What am I doing wrong?
""", dob=["1987-04-12", "03/22/1991", "1979-11-30", "12/01/1995"]),
    frame("cpf_form", "pii", """
O formulário não aceita meu CPF <<cpf>> — the validation says it's invalid but it's my real one. Bug in the check digit code?
"""),
    frame("aadhaar", "pii", """
The app asks for Aadhaar and crashes when I type it: <<aadhaar>>. Android <<v>>, app version <<version>>.
""", v=["12", "13", "14"]),
    frame("nino", "pii", """
Payroll export puts my National Insurance number <<nino>> in the filename, that's surely not ok? It's also shown in the PDF header.
"""),
    frame("dni_sin", "pii", """
<<Mi DNI es <<dni>>|My SIN is <<sin>>>> and the tax form generator puts it in the wrong box on page <<n>>. Screenshot attached.
""", n=["1", "2", "3"]),
    # ---------------------------------------------------------------- pii: secrets in configs/logs
    frame("aws_in_env", "pii", """
Still getting AccessDenied. My `.env`:

```
AWS_ACCESS_KEY_ID=<<tok_akia>>
AWS_SECRET_ACCESS_KEY=<<tok_aws_secret>>
AWS_REGION=<<region>>
```
""", region=["eu-west-1", "us-east-1", "ap-south-1"]),
    frame("github_token_curl", "pii", """
This returns 404 but the repo exists:

```
curl -H "Authorization: token <<tok>>" https://api.github.com/repos/<<user>>/<<project>>/releases
```
""", tok=[token("ghp"), token("github_pat"), token("gho")]),
    frame("slack_webhook", "pii", """
Notifications stopped working after <<version>>. config.yaml:

```yaml
notify:
  slack:
    webhook: <<tok_slack_hook>>
    channel: "#<<chan>>"
```
""", chan=["alerts", "deploys", "ci"]),
    frame("stripe_live_key", "pii", """
Webhooks fail signature verification. Using `stripe.api_key = "<<tok_stripe>>"` and the endpoint secret from the dashboard. <<lang>> SDK.
"""),
    frame("openai_key", "pii", """
```python
client = OpenAI(api_key="<<tok_openai>>")
resp = client.chat.completions.create(model="<<model>>", messages=msgs)
```
Gives `RateLimitError` immediately, any idea?
""", model=["gpt-4o-mini", "gpt-4.1", "o3-mini"]),
    frame("discord_bot_token", "pii", """
bot doesn't come online, no error. main.py:

```python
import discord
client = discord.Client(intents=discord.Intents.<<intents>>())
client.run("<<tok_discord>>")
```
""", intents=["default", "all"]),
    frame("telegram_bot_token", "pii", """
Getting 409 Conflict from getUpdates. My setup: `BOT_TOKEN=<<tok_telegram>>` and polling every <<n>>s on <<os>>.
""", n=["1", "2", "5"]),
    frame("smtp_auth_log", "pii", """
Mail sending fails, here is the SMTP debug output:

```
S: 220 smtp.<<host>> ESMTP ready
C: EHLO <<client>>
S: 250-AUTH PLAIN LOGIN
C: AUTH PLAIN <<smtp_auth>>
S: 535 5.7.8 Authentication credentials invalid
```
""", host=["gmail.com", "office365.com", "mailgun.org", "sendgrid.net"], client=["localhost", "app-1", "worker.local"]),
    frame("sendgrid_key", "pii", """
`SENDGRID_API_KEY=<<tok_sendgrid>>` is set but emails never arrive. Activity feed shows nothing. Using version <<version>> of the <<lang>> package.
"""),
    frame("google_key", "pii", """
Maps stopped loading: `<script src="https://maps.googleapis.com/maps/api/js?key=<<tok_google>>&callback=initMap"></script>` — console says RefererNotAllowedMapError.
"""),
    frame("npm_token_npmrc", "pii", """
Publishing fails with E403. My ~/.npmrc:

```
//registry.npmjs.org/:_authToken=<<tok_npm>>
```
""", count=10),
    frame("pypi_token", "pii", """
twine upload fails, .pypirc:

```
[pypi]
username = __token__
password = <<tok_pypi>>
```
"""),
    frame("gitlab_hf_token", "pii", """
CI can't <<var.1>>, I set `<<var>>=<<tok>>` in the pipeline variables but it's still asking for a password.
""", var=[("GITLAB_TOKEN", "clone the submodule"), ("CI_PUSH_TOKEN", "push the release tag"), ("GL_TOKEN", "fetch the private package")],
          tok=[token("gitlab")]),
    frame("hf_token", "pii", """
`huggingface-cli download` fails with 401 for the gated model even though I'm logged in. Ran `export HF_TOKEN=<<tok_hf>>` first, <<os>>, hub version <<version>>.
"""),
    frame("db_url_with_password", "pii", """
Migrations hang forever. Connection string from the deployment:

`DATABASE_URL=<<db_url>>`
"""),
    frame("private_key_paste", "pii", """
ssh still says permission denied (publickey). This is the key I added:

```
<<private_key>>
```
"""),
    frame("jwt_in_request", "pii", """
The API returns 401 even though the token is fresh:

```
GET /api/v1/<<res>> HTTP/1.1
Host: <<host>>
Authorization: Bearer <<jwt>>
```
""", res=["orders", "me", "projects", "invoices"], host=["api.shopwave.io", "app.medilink.net", "api.acme-corp.com"]),
    frame("password_in_comment", "pii", """
Can't log into the admin panel of <<project>> after upgrading. User is `admin`, password `<<password>>` — it worked before the update. Is the hash format different now?
"""),
    frame("kubeconfig_token", "pii", """
```yaml
users:
- name: <<cluster>>-admin
  user:
    token: <<tok>>
```
kubectl says Unauthorized against <<cluster>>.
""", cluster=["prod-eu", "staging", "gke-main"], tok=[jwt]),
    frame("twilio_creds", "pii", """
SMS not sending. `TWILIO_ACCOUNT_SID=AC<<hex32>>` `TWILIO_API_KEY=<<tok_twilio>>` `TWILIO_API_SECRET=<<secret>>`
""", hex32=lambda r: "".join(r.choice("0123456789abcdef") for _ in range(32)),
          secret=lambda r: "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789") for _ in range(32))),
    # ---------------------------------------------------------------- ok: documented examples
    frame("ok_aws_example_keys", "ok", """
Minimal repro config (these are the documented example keys from the AWS docs, not real ones):

```ini
[default]
aws_access_key_id = <<id>>
aws_secret_access_key = <<secret>>
region = <<region>>
```
""", id=[AWS_EXAMPLE_ID], secret=[AWS_EXAMPLE_SECRET], region=["us-west-2", "eu-central-1", "us-east-1", "ap-northeast-1", "sa-east-1"],
          count=5),
    frame("ok_aws_example_env", "ok", """
In the test we set `AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE` and `AWS_SECRET_ACCESS_KEY=<<secret>>` so <<tool>> never talks to real AWS. It still tries to hit <<endpoint>> on <<version>>.
""", secret=[AWS_EXAMPLE_SECRET, "testing", "dummy", "fake"], tool=["moto", "localstack", "the SDK", "boto3"],
          endpoint=["sts.amazonaws.com", "169.254.169.254", "the IMDS endpoint"]),
    frame("ok_stripe_test_card", "ok", """
Checkout fails in test mode with card <<test_card>>, any expiry in the future, CVC <<cvc>>. Error: `<<err>>`.
""", cvc=["123", "314", "424"], err=["card_declined", "authentication_required", "processing_error", "incorrect_cvc"]),
    frame("ok_test_card_table", "ok", """
For the docs, the test cards we use in the e2e suite:

| card | behaviour |
|---|---|
| <<test_card>> | <<b1>> |
| <<test_card2>> | <<b2>> |
""", b1=["succeeds", "requires 3DS", "declined"], b2=["insufficient funds", "succeeds", "expired card"]),
    frame("ok_placeholder_token", "ok", """
Set the token in your environment first:

```
export <<var>>=<<ph>>
<<cmd>>
```
""", var=["GITHUB_TOKEN", "SLACK_BOT_TOKEN", "OPENAI_API_KEY", "NPM_TOKEN", "STRIPE_SECRET_KEY"],
          ph=PLACEHOLDER_TOKEN, cmd=["./scripts/release.sh", "make publish", "npm run deploy", "go run ./cmd/sync"]),
    frame("ok_redacted_log", "ok", """
Log with secrets redacted:

```
<<ts>> DEBUG request headers: Authorization=Bearer <<ph>>, X-Request-Id=<<uuid>>
<<ts2>> ERROR upstream returned 502 after <<duration>>
```
""", ph=["[REDACTED]", "***", "eyJ...<redacted>", "<hidden>"]),
    frame("ok_placeholder_password", "ok", """
```yaml
database:
  host: <<ip>>
  port: 5432
  user: app
  password: <<ph>>
```
Connection refused from the app container, but psql from the host works.
""", ph=PLACEHOLDER_PW),
    frame("ok_revoked_token_mention", "ok", """
Heads up: I accidentally pasted a <<svc>> token in an earlier comment. I've deleted the comment and revoked the token, so it's harmless now. Sorry!
""", svc=SERVICE),
    frame("ok_hashes", "ok", """
Checksums don't match for the <<os>> artifact:

expected sha256: <<checksum>>
got:             <<checksum2>>
""", os=["linux-amd64", "darwin-arm64", "windows-amd64"]),
    frame("ok_git_shas", "ok", """
Bisected: good at <<short_sha>>, bad at <<short_sha2>>. First bad commit is <<sha>> ("<<msg>>").
""", msg=["refactor: move config parsing", "deps: bump grpc", "fix: handle nil map", "perf: pool buffers"]),
    frame("ok_uuids", "ok", """
Request <<uuid>> fails but <<uuid2>> succeeds with the same payload. Trace ids in the attached log; both hit <<ip>>:<<port>>.
"""),
    frame("ok_docker_digest", "ok", """
Pinned the image to `ghcr.io/<<user>>/<<project>>@sha256:<<sha256>>` and the crash is gone, so it's something in the <<version>> build.
"""),
    frame("ok_faker_fixture", "ok", """
```python
@pytest.fixture
def customer():
    return Customer(
        name="<<person>>",
        email="<<local>>@example.com",
        phone="555-01<<d2>>",
        address="<<n>> Test Street, Springfield",
    )
```
The fixture works locally but fails on CI with `<<err>>`.
""", local=["jane.doe", "test.user", "alice", "bob"], d2=["00", "23", "42", "99"], n=["1", "42", "123"],
          err=["IntegrityError", "ValidationError: phone", "KeyError: 'tz'"]),
    frame("ok_factory_go", "ok", """
```go
func newTestUser() User {
	return User{ID: "<<uuid>>", Email: "user<<n>>@example.org", Card: "<<tc>>"}
}
```
Should these fixtures live in `<<go_pkg>>/testdata` instead?
""", n=["1", "2", "42"], tc=["4242424242424242", "4000056655665556", "5555555555554444"]),
    frame("ok_maintainer_public_mail", "ok", """
Please don't post vulnerability details here. Send them to <<mail>> (PGP key in SECURITY.md) and we'll respond within <<n>> days.
""", mail=PUBLIC_MAIL, n=["2", "3", "5", "7"]),
    frame("ok_signed_off", "ok", """
<<msg>>

Signed-off-by: <<person>> <<<local>>@<<dom>>>
""", msg=["fix(cache): avoid double free on eviction", "docs: clarify retry semantics",
          "ci: pin actions to SHAs", "feat: add --dry-run to sync"],
          local=["jdoe", "m.kowalski", "priya", "wchen"], dom=["redhat.com", "suse.de", "kernel.org", "users.noreply.github.com"]),
    frame("ok_version_numbers", "ok", """
Build <<b>> (<<version>>, commit <<short_sha>>) on <<os>>, node <<nv>>, npm <<npmv>>. Total time <<duration>>, peak RSS <<rss>> MB.
""", b=["20260412.3", "4521", "1.0.0-rc.2+build.1187"], nv=["20.11.1", "22.3.0", "18.19.0"],
          npmv=["10.2.4", "10.8.1", "9.8.1"], rss=["512", "1337", "2048"]),
    frame("ok_numbers_like_phone", "ok", """
Order of magnitude check: we processed <<a>> events, <<b>> dropped, sequence numbers <<c>> to <<d>>. The drop ratio matches the one in #<<n>>.
""", a=["4152039981", "800233415", "12,345,678"], b=["2 201", "17", "0"],
          c=["4000 0001", "90210", "312-555"], d=["4000 9981", "91000", "312-999"], n=["88", "412", "1203"]),
    frame("ok_private_ips", "ok", """
The node at <<ip>> can reach <<ip2>>:<<port>> but not the service IP. `ip route` and the iptables dump are below; MTU is <<mtu>> on both.
""", mtu=["1500", "1450", "9001"]),
    frame("ok_fictional_phone", "ok", """
In the demo data we use <<ph>> as the support number (a reserved fictional number), so the docs screenshot is safe to publish.
""", ph=["(555) 010-<<d4>>", "+1 555-01<<d2>>", "+44 20 7946 0<<d3>>"], d4=["0199", "0123", "0142"],
          d2=["00", "99", "45"], d3=["018", "960", "511"]),
    frame("ok_example_email", "ok", """
`git config user.email "<<mail>>"` then re-run the hook; it rejects commits whose author isn't in `.mailmap`.
""", mail=["you@example.com", "dev@example.org", "ci-bot@localhost", "noreply@github.com",
           "41898282+github-actions[bot]@users.noreply.github.com", "me@example.net"]),
    frame("ok_public_key", "ok", """
Here's my <<kind>> public key if you want to verify the signed tags:

```
ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI<<k>> <<user>>@laptop
```
""", kind=["SSH", "signing"], k=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43))),
    frame("ok_secret_name_only", "ok", """
The workflow reads `secrets.<<name>>` but forks don't get secrets, so the step fails on PRs from forks. Use `pull_request_target` carefully or skip the step when the secret is empty.
""", name=["NPM_TOKEN", "DOCKERHUB_PASSWORD", "CODECOV_TOKEN", "SLACK_WEBHOOK", "PYPI_API_TOKEN"]),
    frame("ok_token_format_discussion", "ok", """
GitHub tokens now start with `<<pfx>>` followed by <<pfx.1>> characters, so the old regex in `<<file>>` doesn't match them anymore. Should we update the secret scanner?
""", pfx=[("ghp_", "36"), ("github_pat_", "82"), ("gho_", "36"), ("ghs_", "36")],
          file=["scanner/patterns.go", "lib/redact.js", "src/secrets.rs"]),
    frame("ok_jwt_structure", "ok", """
Note that a JWT is three base64url parts: `header.payload.signature`. The header here decodes to `{"alg":"<<alg>>","typ":"JWT"}`; your server only accepts <<alg2>>, that's why you get 401.
""", alg=["none", "HS256", "RS256"], alg2=["RS256", "ES256", "HS512"]),
    frame("ok_example_private_key_header", "ok", """
The parser expects the key to start with `-----BEGIN <<kind>>-----`; yours starts with `<<other>>`. Convert it with `<<cmd>>`.
""", kind=["RSA PRIVATE KEY", "PRIVATE KEY", "OPENSSH PRIVATE KEY"],
          other=["-----BEGIN ENCRYPTED PRIVATE KEY-----", "PuTTY-User-Key-File-3", "ssh-rsa"],
          cmd=["ssh-keygen -p -m PEM -f key", "openssl pkcs8 -topk8 -nocrypt", "puttygen key.ppk -O private-openssh"]),
    frame("ok_iban_validation_bug", "ok", """
IBAN validation rejects lowercase country codes (`<<cc>>`). The spec says input should be normalised first; fix in `<<file>>` line <<line>>. Test vectors from the ECBS examples still pass.
""", cc=["de", "fr", "gb", "nl"], file=["validators/iban.py", "src/iban.ts", "iban/iban.go"]),
    frame("ok_card_luhn_code", "ok", """
```js
function luhn(num) {
  let sum = 0;
  for (let i = 0; i < num.length; i++) { /* ... */ }
  return sum % 10 === 0;
}
luhn("<<tc>>"); // <<res>>
```
Returns <<res>> for <<what>> too, which is wrong.
""", tc=["4242424242424242", "4111111111111111", "79927398713"], res=["true", "false"],
          what=["an empty string", "\"0000\"", "strings with spaces"]),
    frame("ok_ssn_format_talk", "ok", """
The `<<field>>` mask should show `***-**-<<last>>` only; right now the export writes the full number for <<who>>. Filed as a privacy bug, repro steps use the seed data.
""", field=["ssn", "tax_id", "national_id"], last=["XXXX", "1234", "0000"], who=["admins", "everyone", "CSV exports"]),
    frame("ok_own_contact_signature", "ok", """
Happy to help debug on a call if that's easier.

--
<<person>>
Maintainer, <<proj>> · <<proj.1>>
""", proj=[("fluxgate", "security@fluxgate.dev"), ("tinyhttp", "maintainers@tinyhttp.io"), ("stormforge", "conduct@stormforge.dev"),
           ("quickjson", "hello@quickjson.org"), ("rusty-cache", "security@rusty-cache.rs"), ("nanoid-py", "team@nanoid-py.org")]),
    frame("ok_env_template", "ok", """
`.env.example` should document every variable:

```
DATABASE_URL=postgres://user:password@localhost:5432/<<db>>
REDIS_URL=redis://localhost:6379/0
SECRET_KEY=<<ph>>
```
""", db=["app_dev", "myapp", "test"], ph=["change-me", "generate-with-openssl-rand", "<random 32 bytes>", "dev-only-not-secret"]),
    frame("ok_base64_not_secret", "ok", """
The <<where>> value is base64 of the config, e.g. `<<b64>>` decodes to `<<b64.1>>`. It's not sensitive, just escaped to survive the YAML round-trip.
""", b64=[("eyJkZWJ1ZyI6dHJ1ZX0=", '{"debug":true}'), ("bG9nTGV2ZWw6IGluZm8=", "logLevel: info"),
          ("cmVwbGljYXM6IDM=", "replicas: 3"), ("W10=", "[]")], where=["annotation", "ConfigMap", "label", "env var"]),
    frame("ok_test_token_fixture", "ok", """
In `testdata/<<file>>` we use `<<tok>>` as the fake token; the scanner in CI flags it every time. Can we add it to the allowlist?
""", file=["auth.json", "config_test.yaml", "fixtures.go"],
          tok=["ghp_000000000000000000000000000000000000", "xoxb-0000-0000-test", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
               "test-token-123", "AKIAIOSFODNN7EXAMPLE"]),
    frame("ok_mac_and_serials", "ok", """
Device info: MAC <<mac>>, serial <<serial>>, firmware <<version>>. The bootloader log is attached; it stops right after `<<stage>>`.
""", mac=lambda r: ":".join(f"{r.randint(0, 255):02x}" for _ in range(6)),
          serial=lambda r: "SN" + "".join(r.choice("0123456789ABCDEF") for _ in range(10)),
          stage=["loading kernel", "mounting rootfs", "DDR training"]),
]
