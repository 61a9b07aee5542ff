"""Leaked credentials: known token formats, private keys, passwords and high-entropy values.

Documented example values (AWS's ``AKIAIOSFODNN7EXAMPLE``), placeholders (``<redacted>``,
``${{ secrets.X }}``, ``changeme``, ``sk_test_...``) and values that sit inside a code block
next to words like "example" or "dummy" are fixtures, not leaks.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from governance.detect.checksums import shannon_entropy
from governance.detect.doc import Doc
from governance.detect.fastre import WordPattern, compile_words
from governance.detect.prefilter import Prefilter
from governance.detect.published import documented_secret
from governance.model import Category, RuleHit, Span

PII = Category.PII


Check = Callable[[Doc, re.Match[str]], float | None]


@dataclass(frozen=True, slots=True)
class TokenFormat:
    rule_id: str
    pattern: WordPattern
    score: float
    # structure the pattern cannot say: the score to give a match, or None when it is no token
    check: Check | None = None


def _b64decode(value: str) -> bytes | None:
    try:
        return base64.b64decode(value.replace("-", "+").replace("_", "/") + "=" * (-len(value) % 4),
                                validate=True)
    except ValueError:
        return None


def _discord_bot(doc: Doc, m: re.Match[str]) -> float | None:
    """The first part of a Discord bot token is the bot's user id (a snowflake) in base64."""
    decoded = _b64decode(m.group().split(".", 1)[0])
    return 0.95 if decoded is not None and decoded.isdigit() and 17 <= len(decoded) <= 20 else None


# A snowflake's first two digits (1-9, 0-9) fix the first three base64 characters: the
# pattern starts with one of these 90, which also gives the prefilter something to look for
# (RE2 keeps at most 16 alternatives as atoms, hence one pattern per 15 starts).
_SNOWFLAKE_STARTS = sorted({base64.b64encode(f"{a}{b}0".encode()).decode()[:3]
                            for a in range(1, 10) for b in range(10)})


def _discord_bot_formats() -> tuple[TokenFormat, ...]:
    return tuple(
        TokenFormat(
            "pii.secret.discord_bot_token",
            compile_words(rf"\b(?:{'|'.join(_SNOWFLAKE_STARTS[i : i + 15])})[A-Za-z0-9_\-]{{20,24}}"
                          r"\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,40}\b"),
            0.95, _discord_bot,
        )
        for i in range(0, len(_SNOWFLAKE_STARTS), 15)
    )


def _mixed(doc: Doc, m: re.Match[str]) -> float | None:
    """Random secrets mix upper case, lower case and digits; a word-like run is no token."""
    secret = re.split(r"[:_]", m.group(), maxsplit=1)[-1]
    classes = sum((any(c.islower() for c in secret), any(c.isupper() for c in secret),
                   any(c.isdigit() for c in secret)))
    return 0.95 if classes >= 2 and shannon_entropy(secret) >= 3.5 else None


def _mailgun(doc: Doc, m: re.Match[str]) -> float | None:
    """``key-`` and 32 hex digits is also a cache key: only next to Mailgun or its API user."""
    near = doc.around(*m.span(), 80)
    return 0.9 if "mailgun" in near or "api:key-" in near else None


def _azure_key(doc: Doc, m: re.Match[str]) -> float | None:
    """Storage account keys are 64 bytes, Service Bus / Event Hubs SAS keys 32, in base64."""
    key = m.group("azkey")
    decoded = _b64decode(key)
    if documented_secret(key) or decoded is None or len(decoded) not in (32, 64):
        return None  # (the storage emulator's published key is everybody's)
    return 0.95


TOKEN_FORMATS = (
    TokenFormat("pii.secret.aws_key_id", compile_words(r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b"), 0.9),
    TokenFormat("pii.secret.github_token", compile_words(r"\bgh[pousr]_[A-Za-z0-9]{36,255}\b"), 0.97),
    TokenFormat("pii.secret.github_token", compile_words(r"\bgithub_pat_[A-Za-z0-9_]{50,255}\b"), 0.97),
    TokenFormat("pii.secret.slack_token", compile_words(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}"), 0.95),
    TokenFormat(
        "pii.secret.slack_webhook",
        compile_words(r"hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{16,}"),
        0.95,
    ),
    TokenFormat("pii.secret.stripe_key", compile_words(r"\b[rs]k_live_[A-Za-z0-9]{16,}"), 0.97),
    TokenFormat("pii.secret.stripe_test_key", compile_words(r"\b[rs]k_test_[A-Za-z0-9]{16,}"), 0.7),
    TokenFormat(
        "pii.secret.openai_key",
        compile_words(r"\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{32,}(?:T3BlbkFJ[A-Za-z0-9_\-]+)?"),
        0.93,
    ),
    TokenFormat(
        "pii.secret.sendgrid_key",
        compile_words(r"\bSG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{30,64}"),
        0.97,
    ),
    TokenFormat("pii.secret.google_api_key", compile_words(r"\bAIza[0-9A-Za-z_\-]{35}\b"), 0.92),
    TokenFormat("pii.secret.google_oauth", compile_words(r"\bya29\.[0-9A-Za-z_\-]{30,}"), 0.92),
    TokenFormat("pii.secret.npm_token", compile_words(r"\bnpm_[A-Za-z0-9]{36}\b"), 0.95),
    TokenFormat("pii.secret.pypi_token", compile_words(r"\bpypi-AgE[A-Za-z0-9_\-]{50,}"), 0.95),
    TokenFormat("pii.secret.gitlab_token",
                compile_words(r"\bgl(?:pat|dt|rt|ptt)-[A-Za-z0-9_\-]{20,64}\b"), 0.95),
    TokenFormat("pii.secret.twilio_key", compile_words(r"\bSK[0-9a-f]{32}\b"), 0.85),
    TokenFormat(
        "pii.secret.discord_webhook",
        compile_words(r"discord(?:app)?\.com/api/webhooks/\d{5,}/[A-Za-z0-9_\-]{30,}"),
        0.93,
    ),
    *_discord_bot_formats(),
    TokenFormat("pii.secret.telegram_bot_token",
                compile_words(r"(?<![\d:])\d{8,10}:AA[A-Za-z0-9_\-]{33}(?![A-Za-z0-9_\-])"), 0.95, _mixed),
    TokenFormat("pii.secret.huggingface_token",
                compile_words(r"\b(?:hf|api_org)_[A-Za-z]{34}\b"), 0.95, _mixed),
    TokenFormat("pii.secret.shopify_token",
                compile_words(r"\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b"), 0.95),
    TokenFormat("pii.secret.anthropic_key",
                compile_words(r"\bsk-ant-(?:api|admin|sid)\d\d-[A-Za-z0-9_\-]{32,}"), 0.97),
    TokenFormat("pii.secret.digitalocean_token",
                compile_words(r"\bdo[opr]_v1_[a-f0-9]{64}\b"), 0.95),
    TokenFormat("pii.secret.mailgun_key", compile_words(r"\bkey-[0-9a-f]{32}\b"), 0.9, _mailgun),
    TokenFormat("pii.secret.slack_token",
                compile_words(r"\bxapp-\d-[A-Z0-9]{9,12}-\d{10,16}-[a-f0-9]{64}\b"), 0.95),
    TokenFormat("pii.secret.stripe_webhook_secret",
                compile_words(r"\bwhsec_[A-Za-z0-9+/]{32,64}"), 0.9, _mixed),
    TokenFormat("pii.secret.docker_hub_token",
                compile_words(r"\bdckr_pat_[A-Za-z0-9_\-]{27}(?![A-Za-z0-9_\-])"), 0.95),
    TokenFormat("pii.secret.rubygems_key", compile_words(r"\brubygems_[a-f0-9]{48}\b"), 0.95),
    TokenFormat("pii.secret.vault_token", compile_words(r"\bhvs\.[A-Za-z0-9_\-]{90,120}"), 0.93),
    TokenFormat("pii.secret.linear_key", compile_words(r"\blin_api_[A-Za-z0-9]{40}\b"), 0.95,
                _mixed),
    TokenFormat("pii.secret.postman_key",
                compile_words(r"\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}\b"), 0.95),
    TokenFormat(
        "pii.secret.azure_key",
        compile_words(r"(?:AccountKey|SharedAccessKey)=(?P<azkey>[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)"),
        0.95, _azure_key,
    ),
)
PRIVATE_KEY = re.compile(
    r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"
    r"(?:\s*\\?n?\s*[A-Za-z0-9+/=:\- ]{20,})?"
)
JWT = re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")
BEARER = re.compile(r"\b(?:Bearer|token)\s+([A-Za-z0-9_\-.=+/]{24,})", re.I)
DB_URL = re.compile(
    r"\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|"
    r"sqlserver|ftp|smtp)://([^\s:/@]+):([^\s@/]+)@[^\s/]+"
)
PASSWORD = re.compile(
    r"\b(?:password|passwd|passwort|pwd|pass|passphrase|pw|contraseña|senha|"
    r"mot de passe)\b(?: is|\s*[:=])\s*[\"']?([^\s\"'<>,;)]{4,64})",
    re.I,
)
CREDENTIAL_PAIR = re.compile(
    r"\b(?:login|credentials?|creds|user(?:name)?|account)\s*(?:is|are|:|=)\s*"
    r"[\"']?([\w.@\-]{2,40})[\"']?\s*(?:/|:|and password)\s*[\"']?([^\s\"'<>,;]{4,64})",
    re.I,
)
KEY_ASSIGNMENT = re.compile(
    r"\b[\w.\-]*(?:secret|token|api[_\-]?key|apikey|access[_\-]?key|auth|private[_\-]?key|"
    r"client[_\-]?secret)[\w.\-]*[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9_\-/+=.]{16,200})",
    re.I,
)
PLACEHOLDER = re.compile(
    r"^(?:<.*>|\$\{.*\}?|\$\(.*|\$[A-Z_]+|%\w+%?|\{\{.*|\*+|x+|\.\.\.+.*|.*\.\.\.|"
    r"(?:your|my|the|some|a|an)[_\-]?\w*|changeme|change_me|secret|password\d*|passw0rd|"
    r"pass|admin|root|test\w*|example\w*|dummy\w*|fake\w*|sample\w*|placeholder|redacted|"
    r"hidden|none|null|nil|true|false|yes|no|required|optional|empty|string|str|env|"
    r"foo\w*|bar|baz|qwerty|123456\w*|abc\w*|hunter2|letmein|toor|default|same|here|"
    r"wrong|incorrect|invalid|expired|reset|field|prompt|protected|set|unset|"
    r"stored|saved|\w+_(?:here|value)|process\.env.*|os\.environ.*|getenv.*|secrets\..*)$",
    re.I,
)
FIXTURE_WORDS = compile_words(  # searched in lower-cased text (``Doc.around``)
    r"\b(?:example|sample|dummy|fake|placeholder|mock|fixture|redacted|not real|"
    r"documentation|docs say)\b"
)


def detect(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    candidates = _prefilter().candidates(text)  # most comments: none
    formats = len(TOKEN_FORMATS)
    for index in candidates:
        if index < formats:
            yield from _token_format(doc, TOKEN_FORMATS[index], text)
        elif index - formats != PASSWORD_RULE or PASSWORD_HINT.search(doc.lower):
            yield from CREDENTIAL_RULES[index - formats][1](doc, text)


@functools.cache
def _prefilter() -> Prefilter:
    """Token formats first, then the credential rules, in the order ``detect`` reads them."""
    patterns = [fmt.pattern.pattern for fmt in TOKEN_FORMATS]
    patterns += [pattern for pattern, _ in CREDENTIAL_RULES]
    return Prefilter([(p.pattern, p.flags) for p in patterns])


AWS_SECRET = re.compile(r"(?i)aws.{0,20}secret.{0,20}[:=]\s*[\"']?[A-Za-z0-9/+]{40}\b")
LONE_KEY_ID_SCORE = 0.75  # an access-key id alone cannot sign requests
IN_LOG_SCORE = 0.25  # a lone key id (or a JWT in a URL) inside a pasted log or code block


def _token_format(doc: Doc, fmt: TokenFormat, text: str) -> Iterator[RuleHit]:
    for m in fmt.pattern.finditer(text):
        value = m.group()
        if documented_secret(value) or _repetitive(value):
            continue
        if doc.context.ignore_code and _is_fixture(doc, m.start(), m.end()):
            continue
        score = fmt.check(doc, m) if fmt.check else _token_score(doc, fmt, m)
        if score is not None:
            yield doc.hit(fmt.rule_id, PII, score, [m.span()], severity=2)


def _token_score(doc: Doc, fmt: TokenFormat, m: re.Match[str]) -> float:
    if fmt.rule_id != "pii.secret.aws_key_id" or _has_aws_secret(doc.base.text):
        return fmt.score
    if doc.context.ignore_code and doc.in_code(*m.span()):
        return IN_LOG_SCORE
    return LONE_KEY_ID_SCORE


@functools.lru_cache(maxsize=4)
def _has_aws_secret(text: str) -> bool:
    """Asked for every key id of a text: searched once per text, not once per key id."""
    return bool(AWS_SECRET.search(text))


def _private_keys(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in PRIVATE_KEY.finditer(text):
        body = text[m.end() : m.end() + 40]
        if m.group().endswith("-----") and re.match(r"\s*(?:\.\.\.|…|<|\[|$)", body):
            continue  # a header with "..." or nothing after it: a placeholder
        yield doc.hit("pii.secret.private_key", PII, 0.97, [m.span()], severity=2)


def _jwts(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in JWT.finditer(text):
        if documented_secret(m.group()) or not _decodes_as_json(m.group().split(".")[0]):
            continue
        if doc.context.ignore_code and _is_fixture(doc, m.start(), m.end()):
            continue
        in_url = text[max(0, m.start() - 1) : m.start()] in ("=", "/")
        logged = in_url and doc.context.ignore_code and doc.in_code(*m.span())
        yield doc.hit("pii.secret.jwt", PII, IN_LOG_SCORE if logged else 0.88, [m.span()],
                      severity=2)


def _bearer_tokens(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in BEARER.finditer(text):
        value = m.group(1)
        if value.startswith("eyJ") or PLACEHOLDER.match(value) or documented_secret(value) \
                or not _random_looking(value):
            continue  # JWTs have their own rule
        if doc.context.ignore_code and _is_fixture(doc, *m.span(1)):
            continue
        yield doc.hit("pii.secret.bearer_token", PII, 0.88, [m.span(1)], severity=2)


def _db_urls(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in DB_URL.finditer(text):
        password = m.group(2)
        if PLACEHOLDER.match(password) or password == m.group(1):
            continue
        yield doc.hit("pii.secret.database_url", PII, 0.92, [m.span(2)], severity=2)


def _passwords(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in PASSWORD.finditer(text):
        value = m.group(1).rstrip(".!?") if m.group(1)[-1] in ".?" else m.group(1)
        if PLACEHOLDER.match(value) or _is_prose(value) or _is_fixture(doc, *m.span(1)):
            continue
        yield doc.hit("pii.secret.password", PII, 0.88, [m.span(1)], severity=2)


def _credential_pairs(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in CREDENTIAL_PAIR.finditer(text):
        value = m.group(2).rstrip(".,!?")
        if PLACEHOLDER.match(value) or _is_prose(value) or _is_fixture(doc, *m.span(2)):
            continue
        yield doc.hit("pii.secret.password", PII, 0.88, [m.span(2)], severity=2)


def _key_assignments(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in KEY_ASSIGNMENT.finditer(text):
        value = m.group(1)
        if PLACEHOLDER.match(value) or documented_secret(value) or not _random_looking(value):
            continue
        if _is_fixture(doc, *m.span(1)):
            continue
        yield doc.hit("pii.secret.generic", PII, 0.86, [m.span(1)], severity=2)


# SMTP AUTH in a pasted session or debug log: PLAIN sends "\\0user\\0password" in base64
# (on the AUTH line or after a "334" challenge), LOGIN the user and the password as two
# base64 lines, each after a challenge ("334 VXNlcm5hbWU6" is "Username:").
SMTP_AUTH = re.compile(r"\bAUTH[ \t]+(PLAIN|LOGIN)\b", re.I)
BASE64_WORD = re.compile(r"(?<![\w+/=])[A-Za-z0-9+/]{4,}={0,2}(?![\w+/=])")
SMTP_CHALLENGES = frozenset({"VXNlcm5hbWU6", "UGFzc3dvcmQ6", "dXNlcm5hbWU6", "cGFzc3dvcmQ6"})
SMTP_WINDOW = 300  # characters after AUTH in which the client's answers are read


def _smtp_auth(doc: Doc, text: str) -> Iterator[RuleHit]:
    for m in SMTP_AUTH.finditer(text):
        answers = list(_base64_answers(text, m.end(), m.end() + SMTP_WINDOW))
        if m.group(1).upper() == "PLAIN":
            found = [(span, parts) for span, parts in answers[:1]
                     if len(parts) == 3 and all(parts[1:]) and _real_password(parts[2])]
            spans = [span for span, _ in found]
        else:
            pair = answers[:2]
            ok = len(pair) == 2 and len(pair[0][1]) == len(pair[1][1]) == 1
            spans = [span for span, _ in pair] if ok and _real_password(pair[1][1][0]) else []
        if spans:
            yield doc.hit("pii.secret.smtp_credentials", PII, 0.93, spans, severity=2)


def _base64_answers(text: str, start: int, end: int) -> Iterator[tuple[Span, list[str]]]:
    """Base64 words that decode to printable text, split at NUL bytes (PLAIN's separator)."""
    for m in BASE64_WORD.finditer(text, start, end):
        word = m.group()
        if word in SMTP_CHALLENGES or len(word) % 4 or not re.search(r"[A-Za-z]", word):
            continue
        decoded = _b64decode(word)
        try:
            plain = decoded.decode("utf-8") if decoded else ""
        except UnicodeDecodeError:
            continue
        if plain and all(c.isprintable() or c == "\0" for c in plain):
            yield m.span(), plain.split("\0")


def _real_password(value: str) -> bool:
    return len(value) >= 4 and not PLACEHOLDER.match(value)


CredentialRule = Callable[[Doc, str], Iterator[RuleHit]]
# Each rule's pattern (what the prefilter looks at) and the function that runs it.
CREDENTIAL_RULES: tuple[tuple[re.Pattern[str], CredentialRule], ...] = (
    (PRIVATE_KEY, _private_keys), (JWT, _jwts), (BEARER, _bearer_tokens), (DB_URL, _db_urls),
    (PASSWORD, _passwords), (CREDENTIAL_PAIR, _credential_pairs), (KEY_ASSIGNMENT, _key_assignments),
    (SMTP_AUTH, _smtp_auth),
)


# PASSWORD's "pw" is too short for the prefilter's atoms: a substring test instead
PASSWORD_RULE = [pattern for pattern, _ in CREDENTIAL_RULES].index(PASSWORD)
PASSWORD_HINT = re.compile(r"pw|pass|contrase|senha")  # ("pwd" has "pw")


def _random_looking(value: str) -> bool:
    classes = sum((any(c.islower() for c in value), any(c.isupper() for c in value),
                   any(c.isdigit() for c in value)))
    if re.fullmatch(r"[0-9a-f]+", value) or re.fullmatch(r"[\w\-]+(?:\.[\w\-]+)+", value):
        return False  # hex digests and dotted names (config keys, hostnames)
    return classes >= 2 and len(value) >= 20 and shannon_entropy(value) >= 3.8


def _is_prose(value: str) -> bool:
    """A real word after "password:" ("password: wrong") is prose, not a leaked value."""
    return value.isalpha() and value.islower() and len(value) < 12


def _repetitive(value: str) -> bool:
    tail = value[-16:]
    return len(set(tail)) <= 3


def _is_fixture(doc: Doc, start: int, end: int) -> bool:
    return bool(FIXTURE_WORDS.search(doc.around(start, end, 80)))


def _decodes_as_json(segment: str) -> bool:
    try:
        decoded = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        return isinstance(json.loads(decoded), dict)
    except (ValueError, UnicodeDecodeError):
        return False
