"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, and can be stopped
and started again on the same port to stand for a mail server that goes down and comes back."""

from __future__ import annotations

import email
import email.policy
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from tests.serving import free_port

USERNAME, PASSWORD = "itpo", "a mail server passphrase"


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class Inbox:
    received: list[Received] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        parsed = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.received.append(
            Received(str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos], parsed)
        )
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address.endswith("@refused.example"):
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def _authenticate(
    server: Any, session: Session, envelope: Envelope, mechanism: str, data: Any
) -> AuthResult:
    good = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USERNAME.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=good, handled=False)  # not handled: the server answers 535


class MailServer:
    """Started on a free loopback port; `stop()` and `start()` keep the port and the inbox.
    `security` is none, starttls (sign-in required, after STARTTLS only) or tls (implicit),
    with a certificate for 127.0.0.1 from a CA of the test's own (`ca_pem`)."""

    def __init__(self, *, security: str = "none") -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.security = security
        self._controller: Controller | None = None
        self._ca = trustme.CA()
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._ca.issue_cert("127.0.0.1").configure_cert(self._context)

    @property
    def ca_pem(self) -> bytes:
        return self._ca.cert_pem.bytes()

    def start(self) -> None:
        options: dict[str, Any] = {}
        if self.security == "starttls":
            options = {
                "tls_context": self._context,
                "require_starttls": True,
                "authenticator": _authenticate,
                "auth_required": True,
            }
        elif self.security == "tls":
            options = {"ssl_context": self._context}
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def received(self) -> list[Received]:
        return self.inbox.received
