"""Personal data: validated numbers, phone numbers, private e-mail and street addresses.

A bare pattern is never enough: card numbers pass Luhn and an issuer prefix, IBANs mod-97,
national ids their check digits or structure, phone numbers ``phonenumbers`` validation.
Scores rise when the words around a match say the data belongs to a person ("her number",
"home address", "my card") and fall for documented test values and fixtures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from governance.detect import checksums as ck
from governance.detect.doc import Doc, SpanIndex
from governance.detect.fastre import compile_words
from governance.detect.published import TEST_CARDS
from governance.model import Category, RuleHit

PII = Category.PII

EXAMPLE_IBANS = frozenset({
    "DE89370400440532013000", "GB82WEST12345698765432", "GB29NWBK60161331926819",
    "FR1420041010050500013M02606", "NL91ABNA0417164300", "GB33BUKB20201555555555",
})
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
    "protonmail.com", "pm.me", "mail.ru", "yandex.ru", "yandex.com", "gmx.de", "gmx.net",
    "gmx.com", "web.de", "qq.com", "163.com", "126.com", "zoho.com", "tutanota.com",
    "hotmail.co.uk", "yahoo.co.uk", "yahoo.fr", "orange.fr", "free.fr", "libero.it",
    "rediffmail.com", "naver.com", "hanmail.net", "seznam.cz", "wp.pl", "o2.pl", "t-online.de",
    "bk.ru", "inbox.ru", "list.ru", "fastmail.com", "hey.com", "duck.com", "sina.com",
})
# Free-mail providers under any country domain (outlook.jp, yahoo.co.uk, gmx.at, ...).
FREE_MAIL_NAMES = frozenset({
    "gmail", "googlemail", "outlook", "hotmail", "yahoo", "ymail", "icloud", "aol",
    "proton", "protonmail", "gmx", "yandex", "qq", "163", "126", "zoho", "tutanota",
    "rediffmail", "naver", "seznam", "libero", "rambler", "fastmail", "sina", "daum",
})
ROLE_USERS = re.compile(
    r"^(?:no-?reply|do-?not-?reply|security|support|info|hello|hi|contact|team|maintainers?|"
    r"admin|help|press|sales|abuse|privacy|legal|dev|devs|community|conduct|opensource|oss|"
    r"github|bugs?|feedback|jobs|careers|billing|webmaster|postmaster|mail|office|you|user|"
    r"name|email|someone|foo|bar|test|me|your?\.?name|first\.last|username)$",
    re.I,
)
PLACEHOLDER_DOMAINS = re.compile(
    r"(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local|domain\.com|"
    r"email\.com|company\.com|acme\.com|users\.noreply\.github\.com|noreply\.github\.com)$",
    re.I,
)
TRAILER = re.compile(
    r"^[ \t>]*(?:signed-off-by|co-authored-by|acked-by|reviewed-by|reported-by|tested-by|"
    r"suggested-by|cc|author|from|committer|maintainer)\s*:.*$",
    re.I | re.M,
)

PERSONAL = compile_words(
    r"\b(?:his|her|him|their|my colleague|my boss|wife|husband|girlfriend|boyfriend|mother|father|"
    r"private|personal|home|real name|in real life|irl|leak(?:ed|ing)?|dox+|found|dug up|"
    r"lives?|moved|new place|posting|everybody|everyone|anyone|spam (?:him|her|them)|"
    r"call (?:him|her|them)|ring|harass|has fun|have fun|deserves?)\b"
)
OWNER = compile_words(
    r"\b(?:his|her|their|my colleague|my boss|wife|husband|mother|father|personal|private|"
    r"real name|lives)\b"
)
PHONE_WORDS = compile_words(
    r"\b(?:phone|tel|telephone|mobile|cell|cellphone|number|whatsapp|signal|viber|"
    r"call|ring|dial|text|sms|contact|reach|ph|mob)\b"
)
COMMERCIAL = compile_words(
    r"\b(?:support|helpline|help ?line|customer care|toll[- ]free|hotline|service|"
    r"txt|reply|claim|prize|won|win|free|offer|stop|per min|ppm|cost|rate|urgent|award|"
    r"guaranteed|experts?|technician|recovery|agent)\b(?!')"
)
FIXTURE = compile_words(
    r"\b(?:example|sample|dummy|fake|fictional|test(?:ing)?|mock|placeholder|fixture|"
    r"sandbox|documented|docs?|wikipedia|invalid|reject(?:ed|s)?|e\.g\.)\b"
)
MINE = compile_words(r"\b(?:my|mine|i|i'm|our)\b")
REAL = compile_words(r"\b(?:my (?:own|real)|real (?:data|account|card|number)|leak(?:ed)?|his|her|"
                  r"customer|sender|recipient|ship(?:ping)? to|my (?:card|ssn|social|cpf|dni|aadhaar|sin|iban|account|number))\b")

CARD = re.compile(r"(?<![\w.\-/])(?:\d[ -]?){12,18}\d(?![\w\-/]|\.\d)")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
SSN = re.compile(r"(?<![\w\-.])(\d{3})-(\d{2})-(\d{4})(?![\w\-]|\.\d)")
SSN_WORDS = compile_words(r"\b(?:ssn|social security|social|ss#|tax id|itin)\b")
CPF = re.compile(r"(?<![\w.\-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w\-]|\.\d)|\b\d{11}\b")
AADHAAR = re.compile(r"(?<![\w\-.])[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}(?![\w\-]|\.\d)")
NINO = re.compile(
    r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b"
)
DNI = re.compile(r"\b[XYZ]?\d{7,8}-?[A-Z]\b")
SIN = re.compile(r"(?<![\w\-.])\d{3}[ -]\d{3}[ -]\d{3}(?![\w\-]|\.\d)|\b\d{9}\b")
PHONE = re.compile(r"(?<![\w.\-/:#@=])(?:\+|00)?\(?\d[\d ().\-]{6,18}\d(?![\w\-/]|\.\d|:\d)")
EMAIL = re.compile(r"\b[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}\b")
ADDRESS = compile_words(
    r"\b\d{1,5}[A-Za-z]?,? (?:(?:[A-Z][A-Za-z'\-]+|de|la|del|da|do|dos|das|di|du|von|van|der) ){0,4}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Ct|Court|Pl|Place|"
    r"Sq|Square|Terrace|Crescent|Close|Hwy|Highway|Pkwy|Parkway)\b\.?(?: [NSEW]\b)?"
    r"|\b(?:Rua|Avenida|Calle|Via|Rue|Carrer|Ulica|ul\.) (?:[\w'\-]+ ){0,4}?[A-Z][\w'\-]+,? \d{1,5}"
    r"|\b\d{1,5},? (?:Rua|Avenida|Calle|Via|Rue|Carrer) (?:[a-z]+ ){0,2}[A-Z][\w'\-]+"
    r"(?: [A-Z][\w'\-]+){0,3}"
    r"|\b\d{1,5},? [A-Z][a-z]+(?:strasse|straße|str\.|weg|gasse|platz|allee|laan|straat|gade|vej)\b"
    r"|\b[A-Z][a-z]+(?:strasse|straße|weg|gasse|platz|allee|straat) \d{1,5}[a-z]?\b"
)
POSTCODE = re.compile(
    r"\b(?:[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|"
    r"\d{5}-\d{3}|\d{4,6})\b"
)
PHONE_REGIONS = ("US", "GB", "IN", "BR", "DE", "FR", "ES", "IT", "AU", "JP", "MX", "CN", "NL")


# Every number rule needs a run of at least seven digits (separators allowed).
DIGIT_RUN = re.compile(r"\d[\d \-./()]{5,}\d")
_DIGIT = re.compile(r"\d")
_GROUPED = re.compile(r"\d[ \-.]\d")
_DOTTED_DIGITS = re.compile(r"[\d.]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


def detect(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    if DIGIT_RUN.search(text):
        yield from _cards(doc)
        yield from _ibans(doc)
        yield from _national_ids(doc)
        yield from _phones(doc)
    if "@" in text:
        yield from _emails(doc)
    if _DIGIT.search(text) and _may_hold_address(doc):
        yield from _addresses(doc)


def _personal_boost(doc: Doc, start: int, end: int) -> float:
    return 0.06 if PERSONAL.search(doc.around(start, end, 80)) else 0.0


def _fixture(doc: Doc, start: int, end: int) -> bool:
    """Test values and documented examples, unless the poster says the value is real."""
    near = doc.around(start, end, 50)
    return bool(FIXTURE.search(near)) and not REAL.search(near)


# Test data in a code block: fixtures, factories, seeds and tests are full of made-up people.
FIXTURE_CODE = re.compile(
    r"\b(?:fixtures?|factory|factories|faker|fake\w*|mocks?|stubs?|seeds?|seeding|samples?|"
    r"dummy|test\w*|specs?|assert\w*|expect)\b|@pytest|\bdescribe\(|\bit\("
)


def _fixture_code(doc: Doc, start: int, end: int) -> bool:
    """A contact detail in a code block that (or whose lead-in) reads as test data."""
    region = doc.code_around(start, end)
    if region is None:
        return False
    s, e = region
    return bool(FIXTURE_CODE.search(doc.lower[max(0, s - 120) : e])) and not (
        REAL.search(doc.around(start, end, 60)))


def _cards(doc: Doc) -> Iterator[RuleHit]:
    for m in CARD.finditer(doc.base.text):
        number = ck.digits(m.group())
        if not (13 <= len(number) <= 19) or number in TEST_CARDS or len(set(number)) < 4:
            continue
        if not (ck.luhn(number) and ck.card_brand_ok(number)):
            continue
        near = doc.around(*m.span())
        cue = re.search(r"\b(?:card|cvv|cvc|exp|expiry|visa|mastercard|amex|charged|credit|"
                        r"debit|payment|billing)\b", near)
        if _fixture(doc, *m.span()) and not MINE.search(near):
            continue
        score = 0.9 + (0.06 if cue else 0.0)
        yield doc.hit("pii.card_number", PII, score, [m.span()], severity=2)


def _ibans(doc: Doc) -> Iterator[RuleHit]:
    for m in IBAN.finditer(doc.base.text):
        compact = m.group().replace(" ", "")
        if compact in EXAMPLE_IBANS or not ck.iban_ok(compact):
            continue
        score = 0.92 + _personal_boost(doc, *m.span())
        yield doc.hit("pii.iban", PII, score, [m.span()], severity=2)


def _national_ids(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    for m in SSN.finditer(text):
        if not ck.ssn_ok(m.group(1), m.group(2), m.group(3)) or _fixture(doc, *m.span()):
            continue
        cue = bool(SSN_WORDS.search(doc.around(*m.span()))) or doc.in_code(*m.span())
        yield doc.hit("pii.ssn", PII, 0.93 if cue else 0.6, [m.span()], severity=2)
    for m in CPF.finditer(text):
        cue = bool(re.search(r"\bcpf\b", doc.around(*m.span())))
        if ck.cpf_ok(ck.digits(m.group())) and (cue or "." in m.group()):
            yield doc.hit("pii.cpf", PII, 0.93 if cue else 0.85, [m.span()], severity=2)
    for m in AADHAAR.finditer(text):
        cue = bool(re.search(r"\b(?:aadhaa?r|uidai|uid)\b", doc.around(*m.span())))
        if not cue or _fixture(doc, *m.span()):
            continue
        valid = ck.aadhaar_ok(ck.digits(m.group()))
        # a 4-4-4 number the poster calls an Aadhaar is one even when its check digit is off
        if valid or re.fullmatch(r"\d{4} \d{4} \d{4}", m.group()):
            yield doc.hit("pii.aadhaar", PII, 0.93 if valid else 0.8, [m.span()], severity=2)
    for m in NINO.finditer(text):
        cue = bool(re.search(r"\b(?:nino|national insurance|ni number|ni no)\b", doc.around(*m.span())))
        if ck.nino_ok(m.group()) and (cue or " " in m.group()):
            yield doc.hit("pii.nino", PII, 0.93 if cue else 0.7, [m.span()], severity=2)
    for m in DNI.finditer(text):
        cue = bool(re.search(r"\b(?:dni|nie|nif|documento)\b", doc.around(*m.span())))
        if ck.dni_ok(m.group()) and not _fixture(doc, *m.span()):
            yield doc.hit("pii.dni", PII, 0.93 if cue else 0.8, [m.span()], severity=2)
    for m in SIN.finditer(text):
        cue = bool(re.search(r"\b(?:sin|social insurance)\b", doc.around(*m.span())))
        if cue and ck.sin_ok(ck.digits(m.group())):
            yield doc.hit("pii.sin", PII, 0.93, [m.span()], severity=2)


def _parse_phone(candidate: str) -> tuple[phonenumbers.PhoneNumber | None, bool]:
    """The parsed number and whether it is valid (True) or only possible (False).

    National numbers must be valid in one of the common regions; international ones
    ("+49 ...") may be merely *possible* (right length for the country), since
    numbering plans change faster than the metadata.
    """
    raw = candidate.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    international = raw.startswith("+")
    for region in (None,) if international else PHONE_REGIONS:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number, True
        if international and phonenumbers.is_possible_number(number):
            return number, False
    return None, False


# Validating one candidate costs 0.1-1 ms (up to 13 regions): a text gets this many
# validations (at most ~50 ms). Past them, a candidate counts as a possible (not valid)
# number when an earlier one was a number: a long list of phone numbers stays evidence,
# to be redacted.
PHONE_VALIDATIONS = 64


class _PhoneBudget:
    def __init__(self) -> None:
        self.left = PHONE_VALIDATIONS
        self.seen_number = False

    def check(self, candidate: str) -> tuple[str | None, bool]:
        """The national number (None: not a phone number) and whether it is valid."""
        if self.left <= 0:
            return (ck.digits(candidate) if self.seen_number else None), False
        self.left -= 1
        number, valid = _parse_phone(candidate)
        if number is None:
            return None, False
        self.seen_number = True
        return str(number.national_number), valid


def _phones(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    budget = _PhoneBudget()
    for m in PHONE.finditer(text):
        candidate = m.group()
        n_digits = len(_DIGIT.findall(candidate))
        if not 8 <= n_digits <= 15 or _looks_like_data(candidate):
            continue
        near = doc.around(*m.span(), 70)
        cue = PHONE_WORDS.search(near)
        international = candidate.startswith(("+", "00"))
        formatted = bool(_GROUPED.search(candidate))  # grouped like a phone number
        owned = formatted and OWNER.search(near)
        if not (cue or international or owned):
            continue
        if doc.context.ignore_code and doc.in_code(*m.span()):
            continue
        national, valid = budget.check(candidate)
        if national is None or "55501" in national or _fixture(doc, *m.span()):
            continue
        if not (cue or international or valid):
            continue
        score = (0.8 if cue else 0.7 if international else 0.55) - (0.0 if valid else 0.1)
        score += 0.17 if PERSONAL.search(near) else 0.0
        if COMMERCIAL.search(near):
            score = min(score, 0.5)  # a business line in an ad: solicitation decides
        yield doc.hit("pii.phone_number", PII, score, [m.span()], severity=3 if score > 0.9 else 2)


def _looks_like_data(candidate: str) -> bool:
    """Dates, times, version-like and decimal runs that the phone pattern also matches."""
    if _DOTTED_DIGITS.fullmatch(candidate) and candidate.count(".") != 2:
        return True
    if _DATE.search(candidate):
        return True
    return bool(len(candidate) > 12 and candidate.isdigit())


def _emails(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    trailers = SpanIndex(TRAILER.finditer(text) if ":" in text else ())
    for m in EMAIL.finditer(text):
        user, _, domain = m.group().rpartition("@")
        domain = domain.lower()
        if _ignored_email(doc, user, domain) or trailers.covers(m.start()):
            continue
        near = doc.around(*m.span(), 80)
        free = domain in FREE_MAIL or domain.split(".")[0] in FREE_MAIL_NAMES
        personal = PERSONAL.search(near)
        if not (free or personal):
            continue
        if not personal and doc.context.ignore_code and doc.in_code(*m.span()):
            continue  # package metadata, git config and logs in code blocks
        if _fixture_code(doc, *m.span()):
            continue
        score = 0.72 if free else 0.6
        score += 0.23 if personal else 0.0
        own = re.search(r"\b(?:email me|mail me|reach me|contact me|my (?:e-?mail|address)|"
                        r"write (?:to )?me|send (?:it|them|your \w+) to)\b", near)
        if own and not personal:
            score -= 0.3
        if COMMERCIAL.search(near) or re.search(r"\b(?:cv|resume|hiring|quote)\b", near):
            score = min(score, 0.45)
        yield doc.hit("pii.private_email", PII, score, [m.span()], severity=3 if personal else 2)


def _ignored_email(doc: Doc, user: str, domain: str) -> bool:
    if ROLE_USERS.match(user) or PLACEHOLDER_DOMAINS.search(domain):
        return True
    if "noreply" in user.lower() or "noreply" in domain:
        return True
    own = doc.context.own_domains
    return any(domain == d.lower() or domain.endswith("." + d.lower()) for d in own)


# Every ADDRESS alternative needs one of these words or, for the German/Dutch/Danish forms,
# one of these endings (lower-cased: a superset of the case-sensitive pattern).
STREET_WORDS = frozenset({
    "st", "street", "ave", "avenue", "rd", "road", "blvd", "boulevard", "ln", "lane", "dr",
    "drive", "way", "ct", "court", "pl", "place", "sq", "square", "terrace", "crescent",
    "close", "hwy", "highway", "pkwy", "parkway", "rua", "avenida", "calle", "via", "rue",
    "carrer", "ulica", "ul",
})
STREET_ENDINGS = ("strasse", "straße", "str.", "weg", "gasse", "platz", "allee", "laan",
                  "straat", "gade", "vej")


def _may_hold_address(doc: Doc) -> bool:
    return not doc.lower_words.isdisjoint(STREET_WORDS) or any(
        e in doc.lower for e in STREET_ENDINGS)


def _addresses(doc: Doc) -> Iterator[RuleHit]:
    text = doc.base.text
    for m in ADDRESS.finditer(text):
        tail = text[m.end() : m.end() + 60]
        postcode = POSTCODE.search(tail)
        near = doc.around(*m.span(), 90)
        personal = PERSONAL.search(near) or re.search(
            r"\b(?:address|lives?|sender|shipping|ship to|label|from home|house|door|by post|"
            r"apartment|apt|that's who|who (?:approved|did|wrote|broke|merged)|really is|maps)\b",
            near)
        if not personal or _fixture(doc, *m.span()) or _fixture_code(doc, *m.span()):
            continue  # without a cue it is most likely the poster's own signature
        end = m.end() + postcode.end() if postcode else m.end()
        score = 0.8 + (0.1 if postcode else 0.0)
        yield doc.hit("pii.street_address", PII, score, [(m.start(), end)], severity=3)
