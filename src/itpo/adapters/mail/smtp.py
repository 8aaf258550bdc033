"""SMTP with the standard library: STARTTLS, implicit TLS or plain (a local relay), signing in
when credentials are set. Errors that may pass (the server down, a 4xx answer) leave the
message waiting; a 5xx answer for its recipient fails it for good."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from itpo.config import Settings
from itpo.mail.model import Message
from itpo.mail.ports import MailRefused, MailSender, MailUnavailable


class SmtpSender:
    def __init__(self, settings: Settings) -> None:
        if not settings.smtp_host:
            raise ValueError("smtp_host is not set")
        self.host = settings.smtp_host
        self.port = settings.smtp_port
        self.security = settings.smtp_security
        self.username = settings.smtp_username
        secret = settings.smtp_password
        self.password = secret.get_secret_value() if secret is not None else None
        self.timeout = settings.smtp_timeout_seconds
        self.ca_file = settings.smtp_ca_file
        self.sender = settings.resolved_mail_from

    def email(self, message: Message) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(message.created_at.timestamp(), usegmt=True)
        mail["Message-ID"] = make_msgid(idstring=f"itpo-{message.id}")
        mail["Auto-Submitted"] = "auto-generated"  # no out-of-office answers to the platform
        mail.set_content(message.body)
        return mail

    def send(self, message: Message) -> None:
        mail = self.email(message)
        try:
            with self._connect() as server:
                if self.username:
                    server.login(self.username, self.password or "")
                server.send_message(mail)
        except smtplib.SMTPRecipientsRefused as refused:
            answers = list(refused.recipients.values())
            if answers and all(400 <= code < 500 for code, _ in answers):
                raise MailUnavailable(f"recipient deferred: {answers}") from refused
            raise MailRefused(f"recipient refused: {answers}") from refused
        except smtplib.SMTPResponseException as answered:
            text = f"{answered.smtp_code} {answered.smtp_error!r}"
            if 500 <= answered.smtp_code < 600 and answered.smtp_code != 535:
                raise MailRefused(text) from answered
            raise MailUnavailable(text) from answered  # 4xx, or bad credentials: fix and retry
        except (OSError, smtplib.SMTPException) as failed:
            raise MailUnavailable(f"{type(failed).__name__}: {failed}") from failed

    def _connect(self) -> smtplib.SMTP:
        # Certificates are checked, host name included; a private CA is trusted when named.
        context = ssl.create_default_context(cafile=str(self.ca_file) if self.ca_file else None)
        if self.security == "tls":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        server = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        if self.security == "starttls":
            try:
                server.starttls(context=context)
            except BaseException:
                server.close()
                raise
        return server


def sender_from(settings: Settings) -> MailSender | None:
    """The configured mail server; None keeps every message in the outbox."""
    return SmtpSender(settings) if settings.smtp_host else None
