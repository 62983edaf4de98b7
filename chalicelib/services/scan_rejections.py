"""Refused scans (异常扫码): one counted row per minute, reason and source, kept for the organizer; per-address
folding keeps a flood small. The phone side records them, the console reads them (``rejection_page``)."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from pynamodb.expressions.update import Action

from chalicelib.models import ScanRejection
from chalicelib.observability import count, logger
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.services import identity
from chalicelib.services.retention_rules import REJECTION_DAYS as POLICY_DAYS
from chalicelib.settings import Keyring
from chalicelib.timeutil import to_iso, utc_now

REJECTION_DAYS = POLICY_DAYS[1]  # the TTL: the longest period the retention policy allows (its run deletes earlier)
# Refused scans are kept one row per minute, reason and source (address, phone, ID number), counting repeats;
# past this many rows from one address in a minute, its further refusals fold into one row (a flood stays small).
REJECTION_ROWS_PER_ADDRESS = 50


class ScanRejections:
    """Records refused scans; the rows of one address in the current minute are counted in this process."""

    def __init__(self, pii_keys: Keyring) -> None:
        self._key = pii_keys
        self._minute = ""
        self._rows: defaultdict[str, set[str]] = defaultdict(set)

    def record(
        self,
        session_id: str,
        kind: str,
        code: str,
        message: str,
        source_ip: str,
        id_number: str | None = None,
        client_id: str | None = None,
    ) -> None:
        """Keep a refused scan for the organizer, counted into its row of the minute (see REJECTION_ROWS_PER_ADDRESS);
        never lets its own failure hide the attendee's answer."""
        count("RefusedScans")
        now = utc_now()
        number = (id_number or "").strip().upper()
        minute = to_iso(now)[:16]
        try:
            source, folded = self._source(minute, source_ip, f"{client_id or ''}|{number}")
            actions: list[Action] = [
                ScanRejection.at.set(ScanRejection.at | to_iso(now)),
                ScanRejection.last_at.set(to_iso(now)),
                ScanRejection.kind.set(kind),
                ScanRejection.code.set(code),
                ScanRejection.message.set(message),
                ScanRejection.repeats.add(1),
                ScanRejection.expires_at.set(now + timedelta(days=REJECTION_DAYS)),
            ]
            if not folded:  # a folded row holds many people: it names none of them
                if number:
                    actions.append(ScanRejection.id_masked.set(identity.mask_id(number)))
                    # so the person's copy of their data finds the row (any key of the ring will do: it tries all)
                    actions.append(ScanRejection.person_key.set(identity.lookup_hash(number, self._key.current_key)))
                if client_id:
                    actions.append(ScanRejection.client_id.set(client_id))
            ScanRejection(session_id=session_id, rejection_key=f"{minute}#{kind}#{code}#{source}").update(actions)
        except Exception:  # noqa: BLE001 - a lost log entry must not turn the refusal into a 500
            logger.exception("scan rejection not recorded", extra={"code": code})

    def _source(self, minute: str, source_ip: str, detail: str) -> tuple[str, bool]:
        """A keyed hash naming where a refusal came from (the address and what the phone sent) and False; or the
        address alone and True (folded) once it has sent REJECTION_ROWS_PER_ADDRESS different ones this minute,
        counted per process. The limit is generous because a hospital's Wi-Fi puts many phones behind one address."""
        address = identity.lookup_hash(source_ip, self._key.current_key)[:16]
        if self._minute != minute:
            self._minute, self._rows = minute, defaultdict(set)
        rows = self._rows[address]
        if detail not in rows and len(rows) >= REJECTION_ROWS_PER_ADDRESS:
            return address, True
        rows.add(detail)
        return identity.lookup_hash(f"{source_ip}|{detail}", self._key.current_key)[:16], False


def rejection_page(session_id: str, limit: int, cursor: str | None) -> Page[ScanRejection]:
    """A page of a session's refused scans, newest first (the caller has checked who may read them)."""
    start = decode_cursor(cursor, ("session_id", "rejection_key"), {"session_id": session_id})
    result = ScanRejection.query(session_id, scan_index_forward=False, limit=limit, last_evaluated_key=start)
    # Keys order the rows by minute; within a minute, newest first too.
    items = sorted(result, key=lambda rejection: rejection.at, reverse=True)
    return Page(items=items, next_cursor=encode_cursor(result.last_evaluated_key))
