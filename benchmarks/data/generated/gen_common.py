"""The frame engine and shared filler pools of the generated comments (standard library only).

A frame is one way of saying something: a template with ``<<slot>>`` placeholders (a pool name,
looked up first in the frame's own slots, then in the shared pools below, with a trailing digit
ignored so ``<<name2>>`` is a second, independent name) and ``<<a|b|c>>`` inline alternatives.
Every placeholder with the same text gets the same value inside one item. Pools are lists of
strings or functions of a ``random.Random`` (for values that must be valid: Luhn card numbers,
mod-97 IBANs, token formats).
"""

from __future__ import annotations

import base64
import json
import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Filler = Sequence[str | tuple[str, ...] | Callable[[random.Random], str]] | Callable[[random.Random], str]

SLOT = re.compile(r"<<([a-z][a-z0-9_]*(?:\.[0-9])?|[^<>]*\|[^<>]*)>>")
LABELS = ("ok", "abuse", "solicitation", "pii")


@dataclass(frozen=True)
class Frame:
    name: str
    label: str
    template: str
    slots: dict[str, Filler] = field(default_factory=dict)
    count: int = 10


def frame(frame_name: str, label: str, template: str, /, count: int = 10, **slots: Filler) -> Frame:
    if label not in LABELS:
        raise ValueError(f"{frame_name}: unknown label {label}")
    return Frame(frame_name, label, template.strip("\n"), dict(slots), count)


def frame_maker(count: int, /, **defaults: Filler) -> Callable[..., Frame]:
    """``frame`` with a writer's own items per frame and default pools (its handles, projects, ...);
    a frame's own slots still win."""

    def make(frame_name: str, label: str, template: str, /, **slots: Filler) -> Frame:
        return frame(frame_name, label, template, count, **{**defaults, **slots})

    return make


# --- random value helpers ---------------------------------------------------------------------

def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def alnum(rng: random.Random, n: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def hexs(rng: random.Random, n: int) -> str:
    return alnum(rng, n, "0123456789abcdef")


def luhn_complete(prefix_and_body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(prefix_and_body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix_and_body + str((10 - total % 10) % 10)


TEST_CARDS = (
    "4242 4242 4242 4242", "4000 0566 5566 5556", "5555 5555 5555 4444", "2223 0031 2200 3222",
    "5200 8282 8282 8210", "3782 822463 10005", "6011 1111 1111 1117", "4000 0000 0000 0002",
    "4000 0000 0000 9995", "4111 1111 1111 1111", "4000 0025 0000 3155", "3566 0020 2036 0505",
)
_TEST_DIGITS = {c.replace(" ", "") for c in TEST_CARDS}


def card(rng: random.Random) -> str:
    while True:
        prefix = rng.choice(["4" + digits(rng, 5), "51" + digits(rng, 4), "53" + digits(rng, 4),
                             "2221" + digits(rng, 2), "6011" + digits(rng, 2)])
        number = luhn_complete(prefix + digits(rng, 9))
        if number not in _TEST_DIGITS and len(set(number[6:])) > 3:
            break
    sep = rng.choice([" ", "-", ""])
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


def amex(rng: random.Random) -> str:
    number = luhn_complete(rng.choice(["34", "37"]) + digits(rng, 12))
    return f"{number[:4]} {number[4:10]} {number[10:]}"


def iban(rng: random.Random) -> str:
    country, body = rng.choice([
        ("DE", lambda: digits(rng, 18)),
        ("FR", lambda: digits(rng, 10) + alnum(rng, 11, string.ascii_uppercase + string.digits)
         + digits(rng, 2)),
        ("GB", lambda: rng.choice(["NWBK", "BARC", "LOYD", "MIDL"]) + digits(rng, 14)),
        ("NL", lambda: rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10)),
        ("ES", lambda: digits(rng, 20)),
        ("IT", lambda: rng.choice(string.ascii_uppercase) + digits(rng, 22)),
    ])
    bban = body()
    moved = bban + country + "00"
    numeric = "".join(str(int(ch, 36)) for ch in moved)
    check = 98 - int(numeric) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def cpf(rng: random.Random) -> str:
    base = [rng.randint(0, 9) for _ in range(9)]
    for length in (9, 10):
        total = sum(d * w for d, w in zip(base, range(length + 1, 1, -1), strict=True))
        base.append((total * 10 % 11) % 10)
    s = "".join(map(str, base))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar(rng: random.Random) -> str:
    body = str(rng.randint(2, 9)) + digits(rng, 10)
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    s = body + str(_VINV[c])
    return f"{s[:4]} {s[4:8]} {s[8:]}"


def nino(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    return f"{first}{second} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}"


def dni(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def sin(rng: random.Random) -> str:
    while True:
        s = str(rng.randint(1, 7)) + digits(rng, 7)
        full = luhn_complete(s)
        if len(full) == 9:
            return f"{full[:3]} {full[3:6]} {full[6:]}"


def phone_us(rng: random.Random) -> str:
    area = rng.choice(["212", "312", "415", "503", "617", "702", "813", "919", "206", "404"])
    exch = str(rng.randint(2, 9)) + digits(rng, 2)
    if exch == "555":
        exch = "556"
    return rng.choice([f"({area}) {exch}-{digits(rng, 4)}", f"{area}-{exch}-{digits(rng, 4)}",
                       f"+1 {area} {exch} {digits(rng, 4)}"])


def phone_intl(rng: random.Random) -> str:
    return rng.choice([
        lambda: f"+44 7{digits(rng, 3)} {digits(rng, 6)}",
        lambda: f"+49 15{rng.randint(1, 9)} {digits(rng, 8)}",
        lambda: f"+55 11 9{digits(rng, 4)}-{digits(rng, 4)}",
        lambda: f"+91 9{digits(rng, 4)} {digits(rng, 5)}",
        lambda: f"+33 6 {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}",
        lambda: f"+234 80{rng.randint(2, 9)} {digits(rng, 3)} {digits(rng, 4)}",
        lambda: f"+62 812-{digits(rng, 4)}-{digits(rng, 4)}",
        lambda: f"+7 916 {digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 2)}",
    ])()


def phone(rng: random.Random) -> str:
    return phone_us(rng) if rng.random() < 0.5 else phone_intl(rng)


FIRST = ["Anna", "Bilal", "Chen", "Dmitri", "Eszter", "Fatima", "Gustavo", "Hana", "Ivan", "Jonas",
         "Kwame", "Lucia", "Mateus", "Nadia", "Oluwaseun", "Priya", "Quentin", "Rafael", "Sofia",
         "Tomasz", "Usha", "Viktor", "Wei", "Ximena", "Yusuf", "Zainab", "Marek", "Aiko", "Lars",
         "Emeka", "Ingrid", "Rohan", "Camille", "Diego", "Mei", "Noor", "Pavel", "Sanjay", "Tess"]
LAST = ["Kowalski", "Okafor", "Nguyen", "Schmidt", "Fernandes", "Haddad", "Ivanova", "Tanaka",
        "Garcia", "Lindqvist", "Mensah", "Rossi", "Petrov", "Sharma", "Dubois", "Kim", "Novak",
        "Silva", "Hughes", "Bauer", "Yilmaz", "Moreau", "Andersson", "Costa", "Reyes", "Park"]
STREETS = ["Maple Street", "Oak Avenue", "Elm Road", "Kastanienallee", "Rua Augusta",
           "Rue de la Paix", "Station Road", "Cedar Lane", "Lindenstrasse", "Via Roma",
           "Calle Mayor", "Willow Court", "High Street", "Birch Drive", "Sunset Boulevard"]
CITIES = ["Springfield, IL 62704", "Berlin 10435", "São Paulo - SP, 01310-100", "Lyon 69002",
          "Leeds LS6 2AB", "Austin, TX 78704", "Kraków 31-042", "Madrid 28013", "Milano 20121",
          "Portland, OR 97214", "Pune 411001", "Toronto, ON M5V 2T6", "Manchester M14 5RT"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def address(rng: random.Random) -> str:
    return f"{rng.randint(2, 480)} {rng.choice(STREETS)}, {rng.choice(CITIES)}"


def email_private(rng: random.Random) -> str:
    f, last = rng.choice(FIRST).lower(), rng.choice(LAST).lower()
    local = rng.choice([f"{f}.{last}", f"{f}{last}{rng.randint(70, 99)}", f"{f[0]}{last}",
                        f"{f}_{last}{rng.randint(1, 9)}", f"{last}.{f}{rng.randint(1980, 2004)}"])
    host = rng.choice(["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "proton.me",
                       "gmx.de", "web.de", "icloud.com", "mail.ru", "yandex.ru", "uol.com.br"])
    return f"{local}@{host}"


B64 = string.ascii_letters + string.digits + "+/"
URLSAFE = string.ascii_letters + string.digits + "-_"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


TOKEN_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "ghp": lambda r: "ghp_" + alnum(r, 36),
    "gho": lambda r: "gho_" + alnum(r, 36),
    "github_pat": lambda r: "github_pat_11" + alnum(r, 20, string.ascii_uppercase + string.digits)
    + "_" + alnum(r, 59),
    "akia": lambda r: "AKIA" + alnum(r, 16, string.ascii_uppercase + "234567"),
    "aws_secret": lambda r: alnum(r, 40, B64),
    "slack": lambda r: f"xoxb-{digits(r, 12)}-{digits(r, 13)}-{alnum(r, 24)}",
    "slack_hook": lambda r: "https://hooks.slack.com/services/T" + alnum(r, 8, string.ascii_uppercase
                                                                        + string.digits)
    + "/B" + alnum(r, 10, string.ascii_uppercase + string.digits) + "/" + alnum(r, 24),
    "stripe": lambda r: "sk_live_" + alnum(r, 24),
    "openai": lambda r: "sk-proj-" + alnum(r, 48, URLSAFE),
    "sendgrid": lambda r: "SG." + alnum(r, 22, URLSAFE) + "." + alnum(r, 43, URLSAFE),
    "google": lambda r: "AIza" + alnum(r, 35, URLSAFE),
    "gitlab": lambda r: "glpat-" + alnum(r, 20, URLSAFE),
    "npm": lambda r: "npm_" + alnum(r, 36),
    "pypi": lambda r: "pypi-AgEIcHlwaS5vcmc" + alnum(r, 60, URLSAFE),
    "discord": lambda r: b64url(str(r.randint(10**17, 10**18)).encode()) + "."
    + alnum(r, 6, URLSAFE) + "." + alnum(r, 38, URLSAFE),
    "telegram": lambda r: f"{r.randint(10**8, 10**10 - 1)}:AA" + alnum(r, 33, URLSAFE),
    "twilio": lambda r: "SK" + hexs(r, 32),
    "hf": lambda r: "hf_" + alnum(r, 34),
}


def token(kind: str) -> Callable[[random.Random], str]:
    return TOKEN_MAKERS[kind]


def any_token(rng: random.Random) -> str:
    return TOKEN_MAKERS[rng.choice(sorted(TOKEN_MAKERS))](rng)


def jwt(rng: random.Random) -> str:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": str(rng.randint(1000, 99999)), "name": person(rng),
                                 "iat": rng.randint(1_690_000_000, 1_760_000_000)}).encode())
    return f"{header}.{payload}.{alnum(rng, 43, URLSAFE)}"


def smtp_auth(rng: random.Random) -> str:
    user = email_private(rng)
    password = alnum(rng, rng.randint(9, 14)) + rng.choice("!#%&*")
    return base64.b64encode(f"\0{user}\0{password}".encode()).decode()


def password(rng: random.Random) -> str:
    words = ["Summer", "Winter", "Dragon", "Monkey", "Sunshine", "Bella", "Falcon", "Tiger",
             "Rocket", "Maria", "Kiwi", "Storm"]
    return rng.choice([rng.choice(words) + str(rng.randint(1, 2025)) + rng.choice("!@#$"),
                       alnum(rng, 12) + rng.choice("!#%"), rng.choice(words).lower()
                       + rng.choice(words) + digits(rng, 2)])


def private_key(rng: random.Random) -> str:
    kind = rng.choice(["RSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY"])
    lines = [alnum(rng, 64, B64) for _ in range(rng.randint(3, 5))]
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def db_url(rng: random.Random) -> str:
    scheme = rng.choice(["postgres", "postgresql", "mysql", "mongodb+srv", "redis"])
    user = rng.choice(["admin", "app", "postgres", "root", "svc_billing", "deploy"])
    host = rng.choice(["db.internal.", "prod-db.", "cluster0.x8k2p.mongodb.net", "10.0.3.17",
                       "billing-prod.c9akciq32.eu-west-1.rds.amazonaws.com"])
    if host.endswith("."):
        host += rng.choice(["acme-corp.com", "shopwave.io", "medilink.net"])
    return f"{scheme}://{user}:{password(rng)}@{host}/{rng.choice(['prod', 'app', 'orders', 'main'])}"


def uuid(rng: random.Random) -> str:
    h = hexs(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def sha(rng: random.Random) -> str:
    return hexs(rng, 40)


def short_sha(rng: random.Random) -> str:
    return hexs(rng, rng.choice([7, 8, 10, 12]))


def sha256(rng: random.Random) -> str:
    return hexs(rng, 64)


def private_ip(rng: random.Random) -> str:
    return rng.choice([f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                       f"192.168.{rng.randint(0, 10)}.{rng.randint(2, 254)}",
                       f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])


def version(rng: random.Random) -> str:
    return f"{rng.randint(0, 4)}.{rng.randint(0, 31)}.{rng.randint(0, 15)}"


def port(rng: random.Random) -> str:
    return str(rng.choice([3000, 5432, 6379, 8080, 8443, 9090, 9200, 27017, 5000, 8000]))


def num(lo: int, hi: int) -> Callable[[random.Random], str]:
    return lambda rng: str(rng.randint(lo, hi))


def money(rng: random.Random) -> str:
    return f"${rng.choice([3, 5, 7, 12, 15, 20, 25, 40])},{rng.randint(0, 9)}{rng.randint(0, 9)}0"


def pr(rng: random.Random) -> str:
    return f"#{rng.randint(120, 48000)}"


def line(rng: random.Random) -> str:
    return str(rng.randint(12, 980))


def duration(rng: random.Random) -> str:
    return f"{rng.randint(1, 59)}.{rng.randint(0, 999):03d}s"


def ts(rng: random.Random) -> str:
    return (f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:"
            f"{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z")


HANDLE_BASE = ["mkowalski", "jdoe-dev", "tanaka-h", "priya-s", "bfernandes", "kwame-m", "lucia-r",
               "dpetrov", "weichen88", "ingridl", "rohan-k", "zainabh", "tnovak", "camoreau",
               "ysilva", "emeka-o", "larsand", "noor-dev", "pavel-io", "sanjayp", "aiko-t",
               "mhaddad", "gus-costa", "hana-park", "ivanova-e", "qdubois"]


def handle(rng: random.Random) -> str:
    return "@" + rng.choice(HANDLE_BASE)


POOLS: dict[str, Filler] = {
    "name": FIRST,
    "person": person,
    "handle": handle,
    "user": HANDLE_BASE,
    "project": ["kubelet-exporter", "fluxgate", "pgbouncer-operator", "tinyhttp", "vaultwarden-sync",
                "gorm-tracing", "helm-diffsync", "rusty-cache", "nanoid-py", "openmetrics-relay",
                "terraform-provider-hcloudx", "quickjson", "linkerd-viz-plus", "stormforge",
                "sqlc-gen-kotlin", "react-tiny-table", "fastcsv", "echo-jwt", "tauri-notes",
                "mkdocs-mermaid-lite", "pydantic-settings-yaml", "argo-rollouts-demo"],
    "version": version,
    "version2": version,
    "pr": pr,
    "line": line,
    "sha": sha,
    "short_sha": short_sha,
    "sha256": sha256,
    "checksum": sha256,
    "uuid": uuid,
    "ip": private_ip,
    "port": port,
    "duration": duration,
    "ts": ts,
    "card": card,
    "amex": amex,
    "iban": iban,
    "ssn": ssn,
    "cpf": cpf,
    "aadhaar": aadhaar,
    "nino": nino,
    "dni": dni,
    "sin": sin,
    "phone": phone,
    "phone_us": phone_us,
    "phone_intl": phone_intl,
    "address": address,
    "email": email_private,
    "jwt": jwt,
    "smtp_auth": smtp_auth,
    "password": password,
    "private_key": private_key,
    "db_url": db_url,
    "any_token": any_token,
    "test_card": list(TEST_CARDS),
    "money": money,
    "go_pkg": ["internal/reconcile", "pkg/controller", "cmd/agent", "pkg/cache", "internal/grpc",
               "pkg/apis/v1beta1", "internal/store", "pkg/webhook", "cmd/cli", "pkg/metrics"],
    "k8s_obj": ["Deployment", "StatefulSet", "DaemonSet", "CronJob", "Ingress", "Service",
                "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler", "CustomResource"],
    "lang": ["Go", "Rust", "Python", "TypeScript", "Java", "Kotlin", "C#", "Ruby", "Elixir"],
    "os": ["Windows 11", "macOS 14.5", "Ubuntu 24.04", "Fedora 40", "Android 14", "iOS 17.4",
           "Debian 12", "Arch Linux", "Windows 10 22H2", "Pop!_OS 22.04"],
    "app": ["NoteNest", "PhotoVault", "Lumen Reader", "TaskPilot", "Beatbox Player", "Openscan",
            "Kitefox Browser", "PocketLedger", "Trailmap", "ClipDock", "MailSprout", "Zapcam"],
}
for kind, maker in TOKEN_MAKERS.items():
    POOLS["tok_" + kind] = maker


# --- expansion --------------------------------------------------------------------------------

def _pick(filler: Filler, rng: random.Random) -> str | tuple[str, ...]:
    if callable(filler):
        return filler(rng)
    value = rng.choice(list(filler))
    # A list may mix fixed strings and value makers (e.g. several token formats), or hold tuples
    # of values that belong together (a product and its link): <<p>> is the first, <<p.1>> the second.
    return value(rng) if callable(value) else value


def _lookup(key: str, slots: dict[str, Filler]) -> Filler:
    for candidate in (key, key.rstrip("0123456789")):
        if candidate in slots:
            return slots[candidate]
        if candidate in POOLS:
            return POOLS[candidate]
    raise KeyError(key)


def expand(template: str, slots: dict[str, Filler], rng: random.Random) -> str:
    chosen: dict[str, str | tuple[str, ...]] = {}

    def replace(match: re.Match[str]) -> str:
        key = match.group(1)
        base, _, part = key.partition(".") if "|" not in key else (key, "", "")
        if base not in chosen:
            if "|" in base:
                chosen[base] = rng.choice(base.split("|"))
            else:
                chosen[base] = _pick(_lookup(base, slots), rng)
        value = chosen[base]
        if isinstance(value, tuple):
            return value[int(part or 0)]
        return value

    # Fillers may themselves hold placeholders (e.g. a pool of sentences naming <<handle>>).
    text = template
    for _ in range(4):
        new = SLOT.sub(replace, text)
        if new == text:
            break
        text = new
    return text


def instances(fr: Frame, seed: str) -> list[str]:
    """Up to ``fr.count`` distinct texts of one frame, the same for the same seed."""
    rng = random.Random(f"{seed}:{fr.name}")
    texts: list[str] = []
    seen: set[str] = set()
    attempts = 0
    while len(texts) < fr.count and attempts < fr.count * 30:
        attempts += 1
        text = expand(fr.template, fr.slots, rng).strip()
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts
