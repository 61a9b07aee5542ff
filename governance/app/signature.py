"""Webhook signatures: ``X-Hub-Signature-256`` is HMAC-SHA256 of the raw body, hex, prefixed.

Always computed over the exact bytes received (never re-serialised JSON) and compared in
constant time, so the check leaks nothing about the expected value.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIX = "sha256="


def sign(secret: str, body: bytes) -> str:
    """The header value GitHub sends for ``body`` under ``secret``."""
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return PREFIX + digest


def verify(secret: str, body: bytes, header: str | None) -> bool:
    """True only for a well-formed header matching ``body``; a missing header is False."""
    if not secret or not header or not header.startswith(PREFIX):
        return False
    return hmac.compare_digest(sign(secret, body).encode(), header.strip().encode())
