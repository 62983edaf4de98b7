"""Notices: in-app notifications (read, unread count) and their emails, each with a link to the page it is about,
within a time budget; the Mailer sends through the configured transport (SES here, SMTP in services/mail.py)."""

from __future__ import annotations

import hashlib
import uuid
from functools import lru_cache
from time import monotonic
from typing import TYPE_CHECKING, Any, Literal

from pynamodb.exceptions import PutError

from chalicelib.errors import NotFound
from chalicelib.models import Account, Notification
from chalicelib.observability import logger
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.services.mail import MailUnavailable, SmtpTransport, Transport
from chalicelib.timeutil import to_iso, utc_now
from chalicelib.upstream import is_unreachable

if TYPE_CHECKING:
    from chalicelib.settings import Settings

# What a request may spend sending the emails of its notices (API Gateway stops waiting at 29 s).
MAIL_SECONDS = 5.0


def _subject(title: str) -> str:
    return f"[继续医学教育学分系统] {title}"


def _notification(
    account: Account, title: str, body: str, link: str | None, at: str, notification_id: str
) -> Notification:
    return Notification(
        username=account.username,
        notification_key=f"{at}#{notification_id}",
        notification_id=notification_id,
        title=title,
        body=body,
        link=link,
        read=False,
        created_at=at,
    )


def _stable_id(key: str, username: str) -> str:
    return hashlib.sha256(f"{key}|{username}".encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _ses() -> Any:
    import boto3

    from chalicelib.upstream import botocore_config

    return boto3.client("ses", config=botocore_config())


class SesTransport:
    """SES (moto's outbox locally), with the app's timeouts."""

    def send(self, sender: str, recipient: str, subject: str, body: str) -> None:
        _ses().send_email(
            Source=sender,
            Destination={"ToAddresses": [recipient]},
            Message={
                "Subject": {"Data": subject, "Charset": "UTF-8"},
                "Body": {"Text": {"Data": body, "Charset": "UTF-8"}},
            },
        )


class Mailer:
    """Email through one transport (SES by default). A failure is logged and answered, never raised."""

    def __init__(self, sender: str, transport: Transport | None = None) -> None:
        self._sender = sender
        self._transport: Transport = transport or SesTransport()

    def attempt(self, recipient: str, subject: str, body: str) -> Literal["sent", "failed", "unavailable"]:
        """Send one message ("sent"), telling a message not sent ("failed": refused, or throttled or a 5xx after
        botocore's standard retries; the next message may well go) from the service not answering ("unavailable": a
        timeout, a connection error, a refused login or a missing configuration; every further message would fail
        the same way, so callers stop sending)."""
        try:
            self._transport.send(self._sender, recipient, subject, body)
        except Exception as error:  # noqa: BLE001 (mail must not undo the committed change)
            # The error's kind only: an SMTP refusal's text names the recipient's address.
            logger.error("email not sent", extra={"subject": subject, "error": type(error).__name__})
            return "unavailable" if isinstance(error, MailUnavailable) or is_unreachable(error) else "failed"
        return "sent"


def mailer(settings: Settings) -> Mailer:
    """The stage's Mailer: MAIL_TRANSPORT ses or smtp (the account in the SMTP_SECRET_ID secret; TLS required on
    every deployed stage)."""
    from chalicelib.province import LOCAL_STAGES

    if settings.province.mail_transport == "smtp":
        transport = SmtpTransport(settings.smtp_secret_id, require_tls=settings.stage not in LOCAL_STAGES)
        return Mailer(settings.mail_sender, transport)
    return Mailer(settings.mail_sender)


def mail_body(body: str, link: str | None, origin: str) -> str:
    """The notice's text and the address of the page it is about (the notification centre for a notice without
    one), so that the email leads where the in-app notification does."""
    return f"{body}\n\n查看详情：{origin}{link or '/notifications'}"


class Notifier:
    """In-app notifications (with unread counts) and their emails; ``origin`` is the console's (APP_ORIGIN)."""

    def __init__(self, mailer: Mailer, origin: str = "") -> None:
        self._mailer = mailer
        self._origin = origin

    def notify(self, accounts: list[Account], title: str, body: str, link: str | None = None) -> None:
        """Best effort after the change is committed: a failure is logged, never turned into an error."""
        now = to_iso(utc_now())
        try:
            self._write(accounts, title, body, link, now)
        except Exception:  # noqa: BLE001
            logger.exception("notifications not written", extra={"title": title})
        self._mail(accounts, title, mail_body(body, link, self._origin))

    def deliver(self, accounts: list[Account], title: str, body: str, link: str, key: str, at: str) -> list[str]:
        """For scheduled jobs that retry: each account's notification (written once: the same ``key`` and ``at``
        name the same item, so a retry leaves a read one read) and email. Answers the usernames that got both."""
        delivered = []
        mail_unavailable = False
        for account in accounts:
            notification_id = _stable_id(key, account.username)
            notification = _notification(account, title, body, link, at, notification_id)
            try:
                notification.save(condition=Notification.notification_key.does_not_exist())
            except PutError as error:
                if error.cause_response_code != "ConditionalCheckFailedException":
                    logger.exception("notification not written", extra={"title": title})
                    continue
            if not account.email:
                delivered.append(account.username)
                continue
            if mail_unavailable:  # not delivered: the job's next run sends it
                continue
            outcome = self._mailer.attempt(account.email, _subject(title), mail_body(body, link, self._origin))
            mail_unavailable = outcome == "unavailable"
            if outcome == "sent":
                delivered.append(account.username)
        return delivered

    @staticmethod
    def _write(accounts: list[Account], title: str, body: str, link: str | None, at: str) -> None:
        with Notification.batch_write() as batch:
            for account in accounts:
                batch.save(_notification(account, title, body, link, at, uuid.uuid4().hex))

    def _mail(self, accounts: list[Account], title: str, body: str) -> None:
        """One email per account with an address, inside the request that made the change; stops at the first SES
        does not answer at all (each would wait the same timeout), not at a throttle, and once ``MAIL_SECONDS`` are
        spent (slow answers and retries add up over many recipients; the in-app notifications are already there)."""
        started = monotonic()
        for account in accounts:
            if not account.email:
                continue
            if monotonic() - started > MAIL_SECONDS:
                logger.warning("mail took too long: remaining emails not sent", extra={"title": title})
                return
            if self._mailer.attempt(account.email, _subject(title), body) == "unavailable":
                logger.warning("mail service unavailable: remaining emails not sent", extra={"title": title})
                return

    def list(self, principal: Principal, limit: int, cursor: str | None) -> tuple[Page[Notification], int]:
        start = decode_cursor(cursor, ("username", "notification_key"), {"username": principal.username})
        result = Notification.query(principal.username, scan_index_forward=False, limit=limit, last_evaluated_key=start)
        items = list(result)
        unread = Notification.count(principal.username, filter_condition=Notification.read == False)  # noqa: E712
        return Page(items=items, next_cursor=encode_cursor(result.last_evaluated_key)), unread

    def mark_read(self, principal: Principal, notification_id: str) -> Notification:
        for notification in Notification.query(
            principal.username, filter_condition=Notification.notification_id == notification_id
        ):
            notification.update(actions=[Notification.read.set(True)])
            return notification
        raise NotFound("通知不存在")

    def mark_all_read(self, principal: Principal) -> int:
        """Mark every unread notification of the caller read; answers how many were."""
        marked = 0
        for notification in Notification.query(
            principal.username,
            filter_condition=Notification.read == False,  # noqa: E712
        ):
            notification.update(actions=[Notification.read.set(True)])
            marked += 1
        return marked


def recipients(org_id: str, role: str, department: str | None = None) -> list[Account]:
    """Enabled accounts of a role in an organisation (and department, for organizers)."""
    condition = (Account.role == role) & (Account.disabled == False)  # noqa: E712
    if department is not None:
        condition &= Account.department == department
    return list(Account.org_index.query(org_id, filter_condition=condition))


def reset() -> None:
    from chalicelib.services import mail

    _ses.cache_clear()
    mail.reset()
