"""The mail interface's transports (MAIL_TRANSPORT): ``Transport`` is what ``notifications.Mailer`` sends through;
SES lives beside the Mailer, SMTP over TLS (a mainland provider, the China regions) here, with the provider's account
read from a Secrets Manager secret at run time through chalicelib.secrets (cached), never from the environment."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import smtplib
    from email.message import EmailMessage

# Each blocking step of an SMTP exchange (connect, TLS, login, each command) waits at most this: a message costs a
# few of them, so a frozen provider stops a notice's emails well inside the request's mail budget
# (notifications.MAIL_SECONDS), after the first message.
SMTP_TIMEOUT_SECONDS = 3.0
IMPLICIT_TLS_PORT = 465  # SMTPS; any other port (587, 25) must offer STARTTLS


class Transport(Protocol):
    """Sends one plain-text message; raises ``MailUnavailable`` when the service gives no answer (every further
    message would wait the same), any other exception when this message was refused."""

    def send(self, sender: str, recipient: str, subject: str, body: str) -> None: ...


class MailUnavailable(Exception):
    """The mail service did not answer, refused our login, or is not configured: stop sending for now."""


class MailInsecure(MailUnavailable):
    """The SMTP server offers no TLS where TLS is required (every deployed stage)."""


@dataclass(frozen=True)
class SmtpAccount:
    host: str
    port: int
    username: str
    password: str = field(repr=False)


def parse_account(raw: str) -> SmtpAccount:
    """The secret's JSON ``{"host", "port", "username", "password"}``; errors name the field, never a value."""
    try:
        data = json.loads(raw)
    except ValueError:
        raise MailUnavailable("SMTP secret is not JSON") from None
    if not isinstance(data, dict):
        raise MailUnavailable("SMTP secret is not a JSON object")
    host, port = str(data.get("host") or "").strip(), data.get("port", IMPLICIT_TLS_PORT)
    if not host:
        raise MailUnavailable("SMTP secret: 'host' is empty (set the provider's account: docs/deploy.md)")
    try:
        port = int(port)
    except (TypeError, ValueError):
        raise MailUnavailable("SMTP secret: 'port' is not a number") from None
    if not 0 < port < 65536:
        raise MailUnavailable("SMTP secret: 'port' is out of range")
    username, password = str(data.get("username") or ""), str(data.get("password") or "")
    if bool(username) != bool(password):
        raise MailUnavailable("SMTP secret: 'username' and 'password' go together")
    return SmtpAccount(host, port, username, password)


def _account(secret_id: str) -> SmtpAccount:
    """The account in ``secret_id`` as chalicelib.secrets holds it (read again after its ``MAX_AGE_SECONDS``, or at once
    after a refused login); a secret that cannot be read is ``MailUnavailable``."""
    from chalicelib import secrets

    try:
        raw = secrets.read(secret_id)
    except (secrets.SecretUnavailable, RuntimeError) as error:
        raise MailUnavailable(f"SMTP secret not readable ({type(error).__name__})") from error
    return parse_account(raw)


def message(sender: str, recipient: str, subject: str, body: str) -> EmailMessage:
    """A UTF-8 plain-text message (Chinese subject and body encoded for any mail client)."""
    from email.headerregistry import Address
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    mail = EmailMessage()
    mail["From"] = Address(addr_spec=sender)
    mail["To"] = Address(addr_spec=recipient)
    mail["Subject"] = subject
    mail["Date"] = formatdate(localtime=False, usegmt=True)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    mail.set_content(body, charset="utf-8")
    return mail


class SmtpTransport:
    """SMTP over TLS: implicit TLS on port 465, STARTTLS on any other. ``require_tls`` (every deployed stage) refuses a
    server without TLS, before any password is sent; without it (local runs and tests against a loopback server) a
    plain connection may still log in only if the server offers no TLS at all."""

    def __init__(self, secret_id: str, require_tls: bool = True, timeout: float = SMTP_TIMEOUT_SECONDS) -> None:
        self._secret_id = secret_id
        self._require_tls = require_tls
        self._timeout = timeout

    def send(self, sender: str, recipient: str, subject: str, body: str) -> None:
        import smtplib  # only the functions that mail through SMTP load it
        import socket
        import ssl

        from chalicelib import secrets

        if not self._secret_id:
            raise MailUnavailable("MAIL_TRANSPORT is smtp but SMTP_SECRET_ID is not set")
        account = _account(self._secret_id)
        try:
            with self._connect(account) as smtp:
                if account.username:
                    try:
                        smtp.login(account.username, account.password)
                    except smtplib.SMTPAuthenticationError as error:
                        secrets.forget(self._secret_id)  # perhaps rotated: read it again next time
                        raise MailUnavailable(f"SMTP login refused ({error.smtp_code})") from None
                smtp.send_message(message(sender, recipient, subject, body))
        except (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, smtplib.SMTPHeloError) as error:
            raise MailUnavailable(f"SMTP server unavailable ({type(error).__name__})") from None
        except (TimeoutError, ConnectionError, ssl.SSLError, socket.gaierror) as error:
            raise MailUnavailable(f"SMTP server unreachable ({type(error).__name__})") from None
        except OSError as error:
            if isinstance(error, smtplib.SMTPException):
                raise  # refused this message (recipient, sender, data): the next may go
            raise MailUnavailable(f"SMTP server unreachable ({type(error).__name__})") from None

    def _connect(self, account: SmtpAccount) -> smtplib.SMTP:
        import smtplib
        import ssl

        context = ssl.create_default_context()
        if account.port == IMPLICIT_TLS_PORT:
            return smtplib.SMTP_SSL(account.host, account.port, timeout=self._timeout, context=context)
        smtp = smtplib.SMTP(account.host, account.port, timeout=self._timeout)
        try:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=context)
                smtp.ehlo()
            elif self._require_tls:
                raise MailInsecure(f"SMTP server {account.host}:{account.port} offers no STARTTLS; refusing to send")
        except BaseException:
            smtp.close()
            raise
        return smtp


def reset() -> None:
    """Forget cached accounts (tests): every secret is read again."""
    from chalicelib import secrets

    secrets.reset()
