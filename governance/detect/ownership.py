"""The project's own contacts: its support address, a maintainer's office hours or sponsor page.

A comment whose every link and e-mail address belongs to the project is no ad and leaks
nobody's data, however commercial it sounds ("for paid support write to support@<our
domain>"). What belongs to the project is read from the context, never from the text alone:

- anyone: the project's own domains (``allow.domains``) and links into its repository;
- a maintainer (owner, member, collaborator): also addresses and links naming the
  repository's owner or the maintainer's own login (``calendly.com/<login>``,
  ``<login>@<free mail>``, ``github.com/sponsors/<owner>``). A stranger naming the project in
  a link is not trusted with this: spammers borrow project names.
"""

from __future__ import annotations

import re

from governance.detect.doc import Doc
from governance.detect.malware_links import host_of, into_repo
from governance.detect.pii import EMAIL
from governance.detect.solicitation import URL
from governance.model import Association, Span

MAINTAINERS = frozenset({Association.OWNER, Association.MEMBER, Association.COLLABORATOR})
_PIECES = re.compile(r"[a-z0-9]+")
MIN_NAME = 3  # shorter names ("ui", "go") are pieces of too many unrelated links


def only_own_contacts(doc: Doc) -> bool:
    """Every link and e-mail address in the text (at least one) is the project's own."""
    ctx = doc.context
    if not ctx.repo and not ctx.own_domains:
        return False
    text = doc.base.text
    links = [m.group() for m in URL.finditer(text)] if "." in text else []
    emails = [m.group() for m in EMAIL.finditer(text)] if "@" in text else []
    if not links and not emails:
        return False
    names = _own_names(doc)
    return (all(_own_link(doc, url, names) for url in links)
            and all(_own_email(doc, address, names) for address in emails))


def own_contact_spans(doc: Doc) -> list[Span]:
    """Base-view spans of the links and e-mail addresses that are the project's own (the
    same reading as ``only_own_contacts``, one by one): what the project says of itself."""
    ctx = doc.context
    if not ctx.repo and not ctx.own_domains:
        return []
    text = doc.base.text
    names = _own_names(doc)
    links = [m for m in URL.finditer(text) if _own_link(doc, m.group(), names)] if (
        "." in text) else []
    emails = [m for m in EMAIL.finditer(text) if _own_email(doc, m.group(), names)] if (
        "@" in text) else []
    return [m.span() for m in (*links, *emails)]


def is_maintainer(doc: Doc) -> bool:
    return doc.context.association in MAINTAINERS


def _own_names(doc: Doc) -> frozenset[str]:
    ctx = doc.context
    if not is_maintainer(doc):
        return frozenset()
    owner = ctx.repo.lower().partition("/")[0]  # (a repository's name is often a plain word)
    return frozenset(n for n in (owner, ctx.author.lower()) if len(n) >= MIN_NAME)


def _own_domain(doc: Doc, host: str) -> bool:
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in doc.context.own_domains)


def _own_link(doc: Doc, url: str, names: frozenset[str]) -> bool:
    host = host_of(url)
    if _own_domain(doc, host) or into_repo(url, host, doc.context.repo):
        return True
    return _names_in(url.lower().split("?", 1)[0], names)


def _own_email(doc: Doc, address: str, names: frozenset[str]) -> bool:
    user, _, domain = address.lower().rpartition("@")
    return _own_domain(doc, domain) or _names_in(f"{user} {domain}", names)


def _names_in(text: str, names: frozenset[str]) -> bool:
    """Every piece of a name among the text's pieces: ``jane-acme`` is in
    ``calendly.com/jane-acme`` and in ``jane.acme@gmail.com``, ``acme`` is not in ``acmefx.shop``."""
    if not names:
        return False
    pieces = set(_PIECES.findall(text))
    return any(set(_PIECES.findall(n)) <= pieces for n in names)
