"""``ports.Mailer`` over SMTP (aiosmtplib): STARTTLS or implicit TLS, optional login,
a From and Reply-To, and every message in two parts, plain text and HTML.

Errors are raised as ``MailError`` whose text names the server but never the password or
the message body.
"""

from __future__ import annotations

import asyncio
import hashlib
import html as html_lib
import re
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, parseaddr

import aiosmtplib

# The spellings of settings.SmtpTls; "none" only for a relay on the same host.
SECURITY_MODES = ("starttls", "implicit", "none")
QUIT_WAIT = 1.0  # seconds for the server's answer to QUIT once the message is accepted


class MailError(Exception):
    """Sending failed; the caller's retry decides what happens next."""


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    sender: str  # From, e.g. "Code of conduct <conduct@example.org>"
    username: str = ""
    password: str = ""
    reply_to: str = ""
    security: str = "starttls"
    timeout_seconds: float = 30.0  # for the whole hand-over, connection to the last answer

    def __post_init__(self) -> None:
        if self.security not in SECURITY_MODES:
            raise ValueError(f"smtp security must be one of {', '.join(SECURITY_MODES)}")
        if not parseaddr(self.sender)[1]:
            raise ValueError("smtp sender needs an address")

    def __repr__(self) -> str:  # never show the password
        return f"SmtpSettings({self.host}:{self.port}, {self.security}, user={self.username!r})"


class SmtpMailer:
    def __init__(self, settings: SmtpSettings, *, tls_context: ssl.SSLContext | None = None
                 ) -> None:
        self.settings = settings
        self.tls_context = tls_context  # None: the system's trusted certificates

    async def send(self, to: str, subject: str, text: str, html: str | None = None, *,
                   message_id: str) -> None:
        """Hand the message over within ``timeout_seconds`` in all, or raise ``MailError``.

        Not ``aiosmtplib.send``: on a timeout or a cancellation its context manager still
        waits for the server to answer QUIT (up to the timeout again), so a server stalling
        after DATA held a delivery for 39 s. Here a failed hand-over closes the connection
        at once, and the QUIT after a successful one is a courtesy bounded on its own.
        """
        message = self.build(to, subject, text, html, message_id=message_id)
        s = self.settings
        client = aiosmtplib.SMTP(
            hostname=s.host, port=s.port, username=s.username or None,
            password=s.password or None, use_tls=s.security == "implicit",
            start_tls=s.security == "starttls", tls_context=self.tls_context,
            timeout=s.timeout_seconds)
        try:
            async with asyncio.timeout(s.timeout_seconds):
                await client.connect()
                await client.send_message(message)
        except TimeoutError as exc:
            client.close()
            raise MailError(f"sending mail through {s.host}:{s.port} failed: no answer "
                            f"within {s.timeout_seconds:g} s") from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            client.close()
            raise MailError(f"sending mail through {s.host}:{s.port} failed: "
                            f"{type(exc).__name__}: {_first_line(exc)}") from exc
        except BaseException:  # cancelled (the caller's deadline): close, wait for nothing
            client.close()
            raise
        await _quit(client)

    def build(self, to: str, subject: str, text: str, html: str | None, *,
              message_id: str) -> EmailMessage:
        s = self.settings
        message = EmailMessage()
        message["From"] = s.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = make_message_id(message_id, s.sender)
        if s.reply_to:
            message["Reply-To"] = s.reply_to
        message.set_content(text)
        message.add_alternative(html or text_to_html(text), subtype="html")
        return message


async def _quit(client: aiosmtplib.SMTP) -> None:
    """Say goodbye after the server accepted the message; its answer is not awaited long."""
    try:
        async with asyncio.timeout(QUIT_WAIT):
            await client.quit()
    except (TimeoutError, aiosmtplib.SMTPException, OSError):
        pass
    finally:
        client.close()


def make_message_id(key: str, sender: str) -> str:
    """A valid, stable Message-ID for an idempotency key (the same notice, the same id)."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    readable = re.sub(r"[^A-Za-z0-9.-]+", ".", key).strip(".")[:48]
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return f"<{readable}.{digest}@{domain}>" if readable else f"<{digest}@{domain}>"


_URL = re.compile(r"(https?://[^\s<>\"']+)")


def text_to_html(text: str) -> str:
    """The plain text as simple HTML: escaped, paragraphs kept, links clickable."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    rendered = ["<p>" + _link(html_lib.escape(p)).replace("\n", "<br>\n") + "</p>"
                for p in paragraphs]
    return "<!doctype html>\n<html><body>\n" + "\n".join(rendered) + "\n</body></html>\n"


def _link(escaped: str) -> str:
    return _URL.sub(lambda m: f'<a href="{m.group(1)}">{m.group(1)}</a>', escaped)


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [""])[0][:200]
