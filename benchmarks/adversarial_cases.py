"""Adversarial comments of GitHub's maximum length (65,536 characters), one per weakness.

Each builder returns exactly ``MAX_COMMENT`` characters. ``benchmarks/adversarial.py``
times them; the property tests classify them too. A case repeats a numbered unit so that no
two hits are the same (dedup of equal evidence must not hide a quadratic merge).
"""

from __future__ import annotations

from collections.abc import Callable

MAX_COMMENT = 65_536  # GitHub's limit for a comment body


def fill(unit: Callable[[int], str], head: str = "", tail: str = "") -> str:
    """``head`` + ``unit(0)`` + ``unit(1)`` + ... + ``tail``, cut to ``MAX_COMMENT``."""
    parts, size, i = [head], len(head) + len(tail), 0
    while size < MAX_COMMENT:
        piece = unit(i)
        parts.append(piece)
        size += len(piece)
        i += 1
    body = "".join(parts)[: MAX_COMMENT - len(tail)]
    return body + tail


def _card(i: int) -> str:
    """A Luhn-valid 16-digit Visa-like number that differs with ``i``."""
    digits = [int(c) for c in f"4539{i:011d}"]
    total = 0
    for pos, d in enumerate(reversed(digits)):
        total += (d * 2 - 9 if d * 2 > 9 else d * 2) if pos % 2 == 0 else d
    check = (10 - total % 10) % 10
    number = "".join(map(str, digits)) + str(check)
    return " ".join(number[k : k + 4] for k in range(0, 16, 4))


def _iban(i: int) -> str:
    """A checksum-valid German IBAN that differs with ``i``."""
    bban = f"37040044{i:010d}"
    numeric = int(bban + "131400")  # D=13 E=14, then "00"
    check = 98 - numeric % 97
    return f"DE{check:02d}{bban}"


CASES: dict[str, Callable[[], str]] = {
    "password lines": lambda: fill(lambda i: f"pw=h{i}\n"),
    "password assignments": lambda: fill(lambda i: f"password: Hx{i}q9Zr! "),
    "key-like strings": lambda: fill(lambda i: f"api_key={i:08d}Zq9Xv2Lm8Np4Rt7Ws "),
    "token formats": lambda: fill(lambda i: f"ghp_{i:036d} AKIA{i:016d}\n"),
    "e-mail addresses": lambda: fill(lambda i: f"user{i}@example{i % 7}.org "),
    "phone numbers": lambda: fill(lambda i: f"call +1 415 555 {i % 10000:04d} "),
    "card numbers": lambda: fill(lambda i: f"card {_card(i)} "),
    "IBAN-like strings": lambda: fill(lambda i: f"{_iban(i)} "),
    "links": lambda: fill(lambda i: f"https://bit.ly/x{i} "),
    "long URL paths": lambda: fill(lambda i: "https://evil.example/" + "a/" * 400 + f"{i} "),
    "code fences": lambda: fill(lambda i: f"```\ncode {i}\n```\n"),
    "unclosed fences": lambda: fill(lambda i: f"```x{i}\n"),
    "inline code": lambda: fill(lambda i: f"`a{i}` "),
    "combining marks": lambda: fill(lambda i: "i\u0301\u0302\u0303d\u0336i\u0489o\u0300t "),
    "strike-through overlay": lambda: fill(lambda i: "\u0336".join("idiot") + "\u0336 "),
    "variation selectors": lambda: fill(lambda i: "id\ufe0fiot "),
    "bidi overrides": lambda: fill(lambda i: "\u202etoidi\u202c "),
    "one long word": lambda: "a" * MAX_COMMENT,
    "one long letter-digit word": lambda: fill(lambda i: "a1b3"),
    "long line without spaces": lambda: fill(lambda i: f"x{i}.y/z-"),
    "spaced letters": lambda: fill(lambda i: "i d i o t "),
    "dotted letters": lambda: fill(lambda i: "a."),
    "leetspeak": lambda: fill(lambda i: "1d10t "),
    "mentions": lambda: fill(lambda i: f"@user{i} "),
    "quote lines": lambda: fill(lambda i: f"> quoted idiot {i}\n"),
    "nested markdown": lambda: fill(lambda i: "**_~~"),
    "emphasis inside words": lambda: fill(lambda i: "i**d**iot "),
    "html entities": lambda: fill(lambda i: "id&#105;ot &amp; &#x69; "),
    "unterminated entities": lambda: fill(lambda i: "&#1234567"),
    "html comments": lambda: fill(lambda i: "id<!-- -->iot "),
    "letter references": lambda: fill(lambda i: "&#105;&#x64;&iacute;"),
    "overrides without end": lambda: fill(lambda i: "\u202etoidi "),
    "one override run": lambda: fill(lambda i: "toidi uoy ", head="\u202e"),
    "marks after one word": lambda: fill(lambda i: "\u0301", head="you idiot"),
    "override lines": lambda: fill(lambda i: "\u202etoidi\u202c\n"),
    "emphasis delimiters": lambda: fill(lambda i: "a**b~~c*"),
    "unclosed html comment": lambda: fill(lambda i: "x", head="<!--"),
    "insults": lambda: fill(lambda i: "you stupid idiot moron "),
    "spam phrases": lambda: fill(lambda i: f"buy cheap followers now, visit http://spam{i}.biz "),
    "malware lures": lambda: fill(lambda i: f"download fix{i}.zip password: 1234 run setup.exe "),
    "repeated punctuation": lambda: fill(lambda i: "!?"),
    "digits only": lambda: fill(lambda i: "1234567890"),
    "digit groups": lambda: fill(lambda i: "12 34 "),
    "emoji": lambda: fill(lambda i: "\U0001f600\u200d"),
    "confusable letters": lambda: fill(lambda i: "іdіоt "),
    "street addresses": lambda: fill(lambda i: f"{i} Main Street "),
    "addresses with cues": lambda: fill(lambda i: f"she lives at {i} Main Street "),
    "national phone numbers": lambda: fill(lambda i: f"call 0{i % 10}{i:06d}1 "),
    "numbers no region accepts": lambda: fill(lambda i: f"ring 1-{i % 10000:04d}-{i % 9999:04d} "),
    "phone numbers with cues": lambda: fill(lambda i: f"my number 0{i:09d} "),
    "e-mails on trailer lines": lambda: fill(lambda i: f"cc: user{i}@gmail.com\n"),
    "personal e-mails": lambda: fill(lambda i: f"her email u{i}@gmail.com "),
    "fences and inline code": lambda: fill(lambda i: f"```\nx\n```\n`a{i}` "),
    "inline code between e-mails": lambda: fill(lambda i: f"`a` u{i}@gmail.com "),
    "reported speech": lambda: fill(lambda i: f'he said "idiot {i}" '),
    "reported posts in one paragraph": lambda: fill(lambda i: f"he posted:a{i} ",
                                                     tail=" you idiot!"),
    "AWS key ids": lambda: fill(lambda i: f"AKIA{i:016d} "),
    "JWTs": lambda: fill(lambda i: f"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx{i:04d}.abcdefghijk "),
    "bearer tokens": lambda: fill(lambda i: f"Bearer Zq9Xv2Lm8Np4Rt7Ws{i:08d}Ab "),
    "database URLs": lambda: fill(lambda i: f"postgres://u:Pw{i}xyz@h/db "),
    "social security numbers": lambda: fill(lambda i: f"ssn 123-45-{i % 10000:04d} "),
}
