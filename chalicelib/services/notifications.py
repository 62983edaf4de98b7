from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from chalicelib.errors import NotFound
from chalicelib.models import Account, Notification
from chalicelib.observability import logger
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.timeutil import to_iso, utc_now


class DeliveryFailed(Exception):
    """Some of a delivery did not go out; delivering it again is safe."""


def _stable_id(key: str, username: str) -> str:
    return hashlib.sha256(f"{key}|{username}".encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def _ses() -> Any:
    import boto3

    return boto3.client("ses")


class Mailer:
    """Email through SES (moto's outbox locally). A failure is logged and answered False, never raised."""

    def __init__(self, sender: str) -> None:
        self._sender = sender

    def send(self, recipient: str, subject: str, body: str) -> bool:
        """One message per recipient, so nobody sees the others' addresses; whether SES took it."""
        try:
            _ses().send_email(
                Source=self._sender,
                Destination={"ToAddresses": [recipient]},
                Message={
                    "Subject": {"Data": subject, "Charset": "UTF-8"},
                    "Body": {"Text": {"Data": body, "Charset": "UTF-8"}},
                },
            )
        except Exception:  # noqa: BLE001 (mail must not undo the committed change)
            logger.exception("email not sent", extra={"subject": subject})
            return False
        return True


class Notifier:
    """In-app notifications (with unread counts) and their emails."""

    def __init__(self, mailer: Mailer) -> None:
        self._mailer = mailer

    def notify(self, accounts: list[Account], title: str, body: str, link: str | None = None) -> None:
        """Best effort after the change is committed: a failure is logged, never turned into an error."""
        now = to_iso(utc_now())
        try:
            self._write(accounts, title, body, link, now, lambda _: uuid.uuid4().hex)
        except Exception:  # noqa: BLE001
            logger.exception("notifications not written", extra={"title": title})
        self._mail(accounts, title, body)

    def deliver(self, accounts: list[Account], title: str, body: str, link: str, key: str, at: str) -> None:
        """At least once, for scheduled jobs that retry: delivering the same ``key`` and ``at`` again rewrites
        the same notifications (no duplicates) and mails again. Raises DeliveryFailed if a write or an email
        failed, after trying every one."""
        self._write(accounts, title, body, link, at, lambda username: _stable_id(key, username))
        unsent = self._mail(accounts, title, body)
        if unsent:
            raise DeliveryFailed(f"{len(unsent)} email(s) not sent: {title}")

    @staticmethod
    def _write(
        accounts: list[Account], title: str, body: str, link: str | None, at: str, new_id: Callable[[str], str]
    ) -> None:
        with Notification.batch_write() as batch:
            for account in accounts:
                notification_id = new_id(account.username)
                batch.save(
                    Notification(
                        username=account.username,
                        notification_key=f"{at}#{notification_id}",
                        notification_id=notification_id,
                        title=title,
                        body=body,
                        link=link,
                        read=False,
                        created_at=at,
                    )
                )

    def _mail(self, accounts: list[Account], title: str, body: str) -> list[str]:
        """Mail every account that has an address; the usernames whose mail SES did not take."""
        subject = f"[继续医学教育学分系统] {title}"
        return [a.username for a in accounts if a.email and not self._mailer.send(a.email, subject, body)]

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
    _ses.cache_clear()
