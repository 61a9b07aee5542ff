"""What a rewarded contributor reads: the e-mail, the thank-you and the contact comments.

Templates use ``string.Template`` placeholders (``$login``, ``$repo``, ``$number``, ``$url``,
``$tier``, ``$tier_label``, ``$store``, ``$store_url``, ``$redeem``, ``$contact``; the e-mail
also gets ``$code``). ``$redeem`` is the whole how-to-redeem sentence: a link to the store
(``recognition.store_url``, or the Shopify shop) when there is one, otherwise an invitation
to reply, because a code without a place to spend it helps nobody. In the HTML e-mail it
carries the ``<a href>`` link; every other value is escaped there.
Maintainers override any of them with a file of the same name under ``rewards/templates/``
in the private ledger repository. Comments are rendered without the code and the address
in reach, so an override cannot leak them; an e-mail override without ``$code`` is refused
(the contributor would get nothing).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from string import Template

log = logging.getLogger("governance.rewards")

TEMPLATE_DIR = "rewards/templates"
SUBJECT, EMAIL_TEXT, EMAIL_HTML = "email-subject.txt", "email.txt", "email.html"
THANKS, CONTACT = "thanks.md", "contact.md"
SECRET_FIELDS = ("code", "email")

DEFAULTS: dict[str, str] = {
    SUBJECT: "Thank you for $repo#$number: your merch code ($tier_label)",
    EMAIL_TEXT: """\
Hi @$login,

thank you for your pull request $repo#$number, which was merged: $url

As a thank-you from the maintainers, here is your merch code ($tier_label):

    $code

$redeem
The code works once and is yours alone, so please do not share it.

If anything does not work, reply to this e-mail.

Thanks again for contributing!
""",
    EMAIL_HTML: """\
<!doctype html>
<html><body>
<p>Hi @$login,</p>
<p>thank you for your pull request <a href="$url">$repo#$number</a>, which was merged.</p>
<p>As a thank-you from the maintainers, here is your merch code ($tier_label):</p>
<p style="font-size:1.3em"><strong><code>$code</code></strong></p>
<p>$redeem
The code works once and is yours alone, so please do not share it.</p>
<p>If anything does not work, reply to this e-mail.</p>
<p>Thanks again for contributing!</p>
</body></html>
""",
    THANKS: """\
Thank you for this contribution, @$login! :tada: As a thank-you for your merged pull \
request, we have e-mailed you a merch code ($tier_label) to the address on your \
commits or your GitHub profile. If nothing arrives within a day, please check your spam folder.\
""",
    CONTACT: """\
Thank you for this contribution, @$login! :tada: We would like to send you a \
merch code ($tier_label) as a thank-you, but we could not find a public e-mail address \
for you (your commits use GitHub's private noreply address). Please get in touch with \
the maintainers at $contact and mention this pull request, and we will send it to you.\
""",
}

MARKER = "<!-- governance:reward:{kind} {key} -->"
DEFAULT_STORE = "our merch store"
REDEEM_AT = "How to redeem it: pick what you like at {store} and enter the code at checkout."
REDEEM_BY_REPLY = ("How to redeem it: reply to this e-mail with the code and what you would "
                   "like, and the maintainers will arrange it.")
DEFAULT_CONTACT = "the contact address in this repository's README"


@dataclass(frozen=True, slots=True)
class Email:
    subject: str
    text: str
    html: str


@dataclass(frozen=True, slots=True)
class Texts:
    """The templates in force: defaults, with the maintainers' overrides laid over them."""

    templates: Mapping[str, str]

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, str]) -> Texts:
        merged = dict(DEFAULTS)
        for name, text in overrides.items():
            if name not in DEFAULTS:
                continue
            if name in (EMAIL_TEXT, EMAIL_HTML) and "$code" not in text \
                    and "${code}" not in text:
                log.warning("template %s/%s has no $code; using the built-in one",
                            TEMPLATE_DIR, name)
                continue
            merged[name] = text
        return cls(merged)

    def email(self, values: Mapping[str, str], code: str) -> Email:
        plain = {**values, "code": code}
        escaped = {k: html.escape(v) for k, v in plain.items()}
        escaped["redeem"] = redeem_html(plain.get("store_url", ""))
        subject = _fill(self.templates[SUBJECT], plain).replace("\n", " ").strip()
        return Email(subject, _fill(self.templates[EMAIL_TEXT], plain),
                     _fill(self.templates[EMAIL_HTML], escaped))

    def thanks(self, values: Mapping[str, str], key: str) -> str:
        return self._comment(THANKS, values, key)

    def contact(self, values: Mapping[str, str], key: str) -> str:
        return self._comment(CONTACT, values, key)

    def _comment(self, name: str, values: Mapping[str, str], key: str) -> str:
        public = {k: v for k, v in values.items() if k not in SECRET_FIELDS}
        body = _fill(self.templates[name], public).strip()
        return f"{body}\n\n{marker(name, key)}"


def marker(name: str, key: str) -> str:
    """An invisible tag that lets a retry see that this comment is already posted."""
    kind = name.split(".", 1)[0]
    return MARKER.format(kind=kind, key=key)


def _fill(template: str, values: Mapping[str, str]) -> str:
    return Template(template).safe_substitute(values)


def redeem_text(store_url: str) -> str:
    """How to redeem the code, in plain text: at the store when there is one, else by reply."""
    return REDEEM_AT.format(store=store_url) if store_url else REDEEM_BY_REPLY


def redeem_html(store_url: str) -> str:
    """The same sentence for the HTML e-mail, the store as a link (the URL escaped)."""
    if not store_url:
        return html.escape(REDEEM_BY_REPLY)
    link = html.escape(store_url)
    return html.escape(REDEEM_AT).format(store=f'<a href="{link}">{link}</a>')


def values_for(*, login: str, repo: str, number: int, url: str, tier: str, tier_label: str,
               store_url: str, contact: str) -> dict[str, str]:
    """The placeholders every template may use."""
    return {"login": login, "repo": repo, "number": str(number), "url": url, "tier": tier,
            "tier_label": tier_label or f"tier {tier}", "store": store_url or DEFAULT_STORE,
            "store_url": store_url, "redeem": redeem_text(store_url),
            "contact": contact or DEFAULT_CONTACT}
