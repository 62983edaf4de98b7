"""The organizer's side of attendance: the current codes and their files (PNG, SVG, A4 poster), the live counts,
the roster paged with status and flags (``page_links``, which the selection's pages read too), its Excel export,
questionnaire statistics and the refused scans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from chalicelib.errors import Conflict, Forbidden
from chalicelib.models import Attendance, ScanRejection, Session
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.services import aggregates, questionnaire
from chalicelib.services.attendance_rules import (
    FLAG_LABELS,
    KIND_NAMES,
    KINDS,
    STATUS_LABELS,
    AttendeeStatus,
    Flag,
    Kind,
    Window,
    WindowState,
    attendance_plan,
    attendee_flags,
    attendee_status,
    code_token,
    current_window,
    link_keys,
    link_partition,
    linked_flags,
    session_windows,
    slot_of,
    slot_start,
    summary,
)
from chalicelib.services.attendance_signing import session_questionnaire
from chalicelib.services.excel import ExcelBook, Export
from chalicelib.services.files import FileStore
from chalicelib.services.retention_rules import shown
from chalicelib.services.scan_rejections import rejection_page
from chalicelib.services.sessions import SessionService
from chalicelib.timeutil import CHINA, china_date, china_minute, parse_instant, utc_now

POSTER_TITLES = {"in": "注册签到二维码", "out": "离开二维码"}
GENDER_LABELS = {"male": "男", "female": "女"}
EXPORT_HEADERS = (
    "序号",
    "姓名",
    "身份证号",
    "性别",
    "年龄",
    "手机号",
    "单位",
    "科室",
    "单位所在地",
    "是否来自基层",
    "职称",
    "职务",
    "学历",
    "日期",
    "签到时间",
    "签退时间",
    "学时",
    "状态",
    "问卷",
    "标记",
)


@dataclass(frozen=True)
class Code:
    kind: Kind
    url: str
    window: Window
    state: WindowState


@dataclass(frozen=True)
class Roster:
    session: Session
    attendees: list[Attendance]
    statuses: dict[str, AttendeeStatus]  # by attendee_key
    flags: dict[str, list[Flag]]  # by attendee_key


@dataclass(frozen=True)
class RosterPage:
    """One page of the roster in sign-in order, with each attendee's status and flags."""

    session: Session
    attendees: list[Attendance]
    statuses: dict[str, AttendeeStatus]  # by attendee_key
    flags: dict[str, list[Flag]]  # by attendee_key
    next_cursor: str | None


# The roster's page: its query, then its phones' and mobiles' link items (at most two per attendee) in one
# BatchGetItem of at most 100 keys: with the session's read, three DynamoDB calls a page.
ROSTER_PAGE_MAX = 50
# What the live counts read of each record (the whole partition is read, only these attributes come back).
_COUNTED = ("attendee_key", "person_key", "client_id", "session_mobile", "day", "signed_out_at", "missing_sign_out")


def page_links(session_id: str, attendees: list[Attendance]) -> dict[str, frozenset[str]]:
    """The people of a page's phones and mobiles, by link key, in one BatchGetItem per 100 keys (the roster's and
    the selection's pages: ``linked_flags`` turns them into flags)."""
    partition = link_partition(session_id)
    keys = sorted({key for a in attendees for key in link_keys(a.client_id, a.session_mobile)})
    if not keys:
        return {}
    found = Attendance.batch_get([(partition, key) for key in keys], attributes_to_get=["attendee_key", "people"])
    return {link.attendee_key: frozenset(link.people or ()) for link in found}


@dataclass(frozen=True)
class CodeSheet:
    session: Session
    refresh_seconds: int
    valid_until: datetime
    codes: list[Code]
    windows: list[Window]


class AttendanceConsole:
    """What organizers (and admins, for reading) see and download of a session's attendance."""

    def __init__(self, sessions: SessionService, files: FileStore, app_origin: str) -> None:
        self._sessions = sessions
        self._files = files
        self._origin = app_origin.rstrip("/")

    def codes(self, principal: Principal, session_id: str) -> CodeSheet:
        session = self._coded(principal, session_id)
        refresh = attendance_plan(session).refresh_seconds
        now = utc_now()
        slot = slot_of(now, refresh)
        windows = session_windows(session)
        secret = session.qr_secret.encode()
        codes = []
        for kind in KINDS:
            window, state = current_window(windows, kind, now)
            token = code_token(secret, session_id, kind, slot)
            codes.append(Code(kind, f"{self._origin}/m/{kind}/{session_id}?t={token}", window, state))
        return CodeSheet(session, refresh, slot_start(slot + 1, refresh), codes, windows)

    def _coded(self, principal: Principal, session_id: str) -> Session:
        session = self._sessions.get(principal, session_id)
        if principal.is_office:
            raise Forbidden("二维码由主办单位管理")
        if session.status != "approved" or not session.qr_secret:
            raise Conflict("SESSION_NOT_APPROVED", "举办申请审核通过后才能获取二维码")
        return session

    def attendees(self, principal: Principal, session_id: str) -> tuple[Session, list[Attendance]]:
        """The session's attendees in sign-in order."""
        session = self._sessions.get(principal, session_id)
        attendees = sorted(Attendance.query(session.session_id), key=lambda attendee: attendee.signed_in_at)
        return session, attendees

    def roster(self, principal: Principal, session_id: str) -> Roster:
        """Attendees with their status (present / signed out / incomplete) and flags."""
        session, attendees = self.attendees(principal, session_id)
        windows, now = session_windows(session), utc_now()
        statuses = {a.attendee_key: attendee_status(a, windows, now) for a in attendees}
        return Roster(session, attendees, statuses, attendee_flags(attendees))

    def roster_page(self, principal: Principal, session_id: str, limit: int, cursor: str | None) -> RosterPage:
        """One page of attendees in sign-in order (at most ``ROSTER_PAGE_MAX``; the cursor resumes after the last
        one, so sign-ins meanwhile appear at the end), with status and flags: three DynamoDB calls, whatever the
        size of the session."""
        session = self._sessions.get(principal, session_id)
        names = ("session_id", "attendee_key", "signed_in_at")
        start = decode_cursor(cursor, names, {"session_id": session.session_id})
        limit = min(limit, ROSTER_PAGE_MAX)
        result = Attendance.roster_index.query(
            session.session_id, limit=limit, page_size=limit, last_evaluated_key=start
        )
        attendees = list(result)
        more = result.last_evaluated_key if len(attendees) == limit else None
        windows, now = session_windows(session), utc_now()
        statuses = {a.attendee_key: attendee_status(a, windows, now) for a in attendees}
        flags = linked_flags(attendees, page_links(session.session_id, attendees))
        return RosterPage(session, attendees, statuses, flags, encode_cursor(more))

    def counts(self, principal: Principal, session_id: str) -> dict[str, int]:
        """The live counts (signed in, signed out, not signed out, flagged). They read the session's own partition
        (its records' few counted attributes), as the issue allows live counts to; pages of the roster do not."""
        session = self._sessions.get(principal, session_id)
        attendees = list(Attendance.query(session.session_id, attributes_to_get=list(_COUNTED)))
        windows, now = session_windows(session), utc_now()
        statuses = {a.attendee_key: attendee_status(a, windows, now) for a in attendees}
        return summary(attendees, statuses, attendee_flags(attendees))

    def export_file(self, principal: Principal, session_id: str, attendees: list[Attendance]) -> Export:
        """The attendee list as Excel (masked ID numbers and mobiles), from the session's records as the export job
        read them in chunks; statuses and flags are those of the whole list, as the roster shows them. 日期 is the
        record's day (daily mode) or else the China date of its sign-in."""
        session = self._sessions.get(principal, session_id)
        attendees = sorted(attendees, key=lambda attendee: attendee.signed_in_at)
        windows, now = session_windows(session), utc_now()
        statuses = {a.attendee_key: attendee_status(a, windows, now) for a in attendees}
        flags = attendee_flags(attendees)
        book = ExcelBook()
        sheet = book.sheet("签到名单")
        sheet.append(EXPORT_HEADERS)
        for index, a in enumerate(attendees, start=1):
            sheet.append(
                (
                    index,
                    a.name,
                    a.id_masked,
                    GENDER_LABELS.get(a.gender, a.gender),
                    int(a.age),
                    shown(a.mobile_masked),  # 已删除 past the retention policy
                    shown(a.unit),
                    shown(a.department),
                    a.region,
                    "是" if a.grassroots else "否",
                    a.title,
                    a.position or "",
                    a.education or "",
                    a.day or china_date(parse_instant(a.signed_in_at)),
                    china_minute(parse_instant(a.signed_in_at)),
                    china_minute(parse_instant(a.signed_out_at)) if a.signed_out_at else "",
                    a.hours if a.hours is not None else "",
                    STATUS_LABELS[statuses[a.attendee_key]],
                    "已填" if a.answers else "未填",
                    "；".join(FLAG_LABELS[flag] for flag in flags[a.attendee_key]),
                )
            )
        stamp = utc_now().astimezone(CHINA).strftime("%Y%m%d%H%M")
        return book.export(f"签到名单-{session.project_number}-第{int(session.seq)}期-{stamp}.xlsx")

    def code_file(self, principal: Principal, session_id: str, kind: str, fmt: str) -> tuple[str, str]:
        """The current code of ``kind`` as PNG, SVG or a printable A4 poster (PDF), behind a short-lived link."""
        sheet = self.codes(principal, session_id)
        code = next(code for code in sheet.codes if code.kind == kind)
        session = sheet.session
        base = f"{KIND_NAMES[kind]}二维码-{session.project_number}-第{int(session.seq)}期"
        if fmt == "png":
            from chalicelib.services.qr_images import qr_png

            return self._download(qr_png(code.url), f"{base}.png", "image/png")
        if fmt == "svg":
            from chalicelib.services.qr_images import qr_svg

            return self._download(qr_svg(code.url).encode(), f"{base}.svg", "image/svg+xml")
        from chalicelib.services.poster import PosterData, render_poster

        poster = PosterData(
            project_number=session.project_number,
            project_name=session.project_name,
            seq=int(session.seq),
            venue=session.venue,
            kind_label=KIND_NAMES[kind],
            title=POSTER_TITLES[kind],
            windows=[(china_minute(w.opens), china_minute(w.closes)) for w in sheet.windows if w.kind == kind],
            valid_until_text=china_minute(sheet.valid_until),
            url=code.url,
        )
        return self._download(render_poster(poster), f"{base}-海报.pdf", "application/pdf")

    def _download(self, content: bytes, filename: str, content_type: str) -> tuple[str, str]:
        return self._files.put_download(content, filename, content_type), filename

    def questionnaire_statistics(self, principal: Principal, session_id: str) -> dict[str, Any]:
        session, attendees = self.attendees(principal, session_id)
        if session.details_removed_at:  # the answers are removed (retention_run.py): the figures counted before
            totals = aggregates.stored(session)
            if totals is not None and totals.questionnaire:
                return dict(totals.questionnaire)
        return questionnaire.statistics(session_questionnaire(session), attendees)

    def rejections(self, principal: Principal, session_id: str, limit: int, cursor: str | None) -> Page[ScanRejection]:
        """The session's refused scans, newest first."""
        session = self._sessions.get(principal, session_id)
        return rejection_page(session.session_id, limit, cursor)
