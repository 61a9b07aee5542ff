"""The one SMTP fake of the test suite: aiosmtpd on loopback, collecting what it receives.

Fixtures (register with ``pytest_plugins = ("tests.fake_smtp",)``):
- ``smtp_server``: plain SMTP, no login, on 127.0.0.1.
- ``smtp_stalling``: plain SMTP that never answers once it has the message (after DATA).
- ``smtp_starttls``: STARTTLS required before AUTH, AUTH required (user ``bot``/``secret``).
- ``smtp_tls``: implicit TLS from the first byte, AUTH offered.
- ``smtp_tls_client_context``: an SSL context trusting the fakes' self-signed certificate.

Each server has ``host``, ``port``, ``user``, ``password`` and ``messages`` (``Received``:
envelope + parsed message).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "bot", "secret"


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    login: str  # who authenticated, "" when nobody did


@dataclass
class _Collector:
    messages: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        login = session.auth_data.login.decode() if session.auth_data else ""
        self.messages.append(Received(envelope.mail_from, tuple(envelope.rcpt_tos), parsed, login))
        return "250 OK"


@dataclass
class _Stalling(_Collector):
    """Takes the message, then never answers DATA (until ``stall`` seconds have passed)."""

    stall: float = 120.0
    stalled: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.stalled += 1
        await asyncio.sleep(self.stall)
        return await super().handle_DATA(server, session, envelope)


def _authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                  auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and \
        (auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


@dataclass
class SmtpFake:
    controller: Controller
    collector: _Collector

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def port(self) -> int:
        return int(self.controller.port)

    user: str = USER
    password: str = PASSWORD

    @property
    def messages(self) -> list[Received]:
        return self.collector.messages


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(collector: _Collector | None = None, **kwargs: Any) -> Iterator[SmtpFake]:
    collector = collector or _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port(), **kwargs)
    controller.start()
    try:
        yield SmtpFake(controller, collector)
    finally:
        controller.stop()


# ------------------------------------------------------------------------ certificate


@pytest.fixture(scope="session")
def smtp_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (cert file, key file)."""
    from ipaddress import IPv4Address

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(IPv4Address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("smtp-tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def _server_context(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    return context


@pytest.fixture
def smtp_tls_client_context(smtp_certificate: tuple[Path, Path]) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(smtp_certificate[0]))


# -------------------------------------------------------------------------- servers


@pytest.fixture
def smtp_server() -> Iterator[SmtpFake]:
    yield from _run()


@pytest.fixture
def smtp_stalling() -> Iterator[SmtpFake]:
    """Plain SMTP that accepts the envelope and the message but never answers after DATA
    (``collector.stalled`` counts the messages it holds)."""
    yield from _run(_Stalling())


@pytest.fixture
def smtp_starttls(smtp_certificate: tuple[Path, Path]) -> Iterator[SmtpFake]:
    yield from _run(tls_context=_server_context(smtp_certificate), require_starttls=True,
                    authenticator=_authenticate, auth_required=True, auth_require_tls=True)


@pytest.fixture
def smtp_tls(smtp_certificate: tuple[Path, Path]) -> Iterator[SmtpFake]:
    # aiosmtpd counts only STARTTLS as TLS for AUTH, so AUTH is offered, not demanded, here.
    yield from _run(ssl_context=_server_context(smtp_certificate),
                    authenticator=_authenticate, auth_require_tls=False)
