"""Values vendors publish for everyone to copy: documented example credentials and test cards.

They appear in configs, tutorials and bug reports and leak nothing. Kept as data, one table
per kind, so an entry is added because a vendor's documentation lists it, never because a
detector misfired on one comment. Every card here passes Luhn (``tests`` check it: an entry
that does not is a typo and would never have matched anyway).
"""

from __future__ import annotations

import re

# Card numbers of payment providers' test modes (Stripe's testing page: brands, declines,
# 3-D Secure, disputes and one card per country; Braintree's and Adyen's sandbox cards; the
# long-standing issuer test numbers every gateway accepts).
TEST_CARDS = frozenset({
    # Stripe: brands
    "4242424242424242", "4000056655665556", "5555555555554444", "2223003122003222",
    "5200828282828210", "5105105105105100", "378282246310005", "371449635398431",
    "6011111111111117", "6011000990139424", "6011981111111113", "3056930009020004",
    "36227206271667", "3566002020360505", "6200000000000005", "6200000000000047",
    "6205500000000000004", "6555900000604105", "4000002500001001",
    # Stripe: declines, fraud checks, 3-D Secure, disputes
    "4000000000000002", "4000000000009995", "4000000000009987", "4000000000009979",
    "4000000000000069", "4000000000000127", "4000000000000119", "4100000000000019",
    "4000000000000101", "4000000000000036", "4000000000000028", "4000000000000010",
    "4000000000000259", "4000000000002685", "4000000000001976", "4000000000005423",
    "4000000000000077", "4000000000000093", "4000000000000341", "4000000000000044",
    "4000000000000085", "4000002500003155", "4000002760003184", "4000003800000446",
    "4000000000003220",
    # Stripe: one card per country
    "4000000760000002", "4000001240000000", "4000004840008001", "4000000400000008",
    "4000000560000004", "4000002080000001", "4000002460000001", "4000002500000003",
    "4000002760000016", "4000003720000005", "4000003800000008", "4000004420000006",
    "4000005280000002", "4000005780000007", "4000006200000007", "4000007240000007",
    "4000007520000008", "4000007560000009", "4000008260000000", "4000058260000005",
    "4000000360000006", "4000001560000002", "4000003440000004", "4000003920000003",
    "4000007020000003", "4000005540000008",
    # Braintree and Adyen sandboxes, and the classic issuer test numbers
    "4111111111111111", "4012888888881881", "4222222222222", "3530111333300000",
    "30569309025904", "38520000023237", "4005519200000004", "4009348888881881",
    "4012000033330026", "4012000077777777", "4217651111111119", "4500600000000061",
    "5555341244441115", "4988438843884305", "370000000000002", "5431111111111111",
    "6011601160116611", "3566111111111113", "5454545454545454",
})

# Credentials printed in vendors' documentation as examples (AWS's IAM guide, Azure's
# storage emulator, Stripe's API reference, Telegram's Bot API guide, jwt.io's sample).
DOCUMENTED_SECRETS = frozenset({
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9l"
    "IiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
})
# AWS marks every documented key with this word where a real key has random characters: an
# access key id ends in it, a secret key in "EXAMPLEKEY". Only those shapes count: the word
# anywhere else ("sk_live_...EXAMPLE") is an easy way to post a real key past the detector.
AWS_EXAMPLE_SHAPE = re.compile(r"A[KS]IA[A-Z0-9]{9}EXAMPLE|[A-Za-z0-9/+]{30}EXAMPLEKEY")


def documented_secret(value: str) -> bool:
    """A vendor's published example credential (or an AWS key in AWS's example shape)."""
    return value in DOCUMENTED_SECRETS or bool(AWS_EXAMPLE_SHAPE.fullmatch(value))
