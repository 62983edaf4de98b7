"""Reports (统计): one session's figures, an organisation's year and the province's year, each also as Excel.

Access patterns: sessions come from the org-sort-index (an organisation's year: ``sort_key`` begins with the year)
or the year-sort-index (the province's year); attendance and credits are read per session partition, only the
attributes the figures need, a few sessions at a time. Nothing scans a table.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

from chalicelib.errors import Forbidden, ValidationFailed
from chalicelib.models import Attendance, CreditRecord, Session
from chalicelib.principal import Principal
from chalicelib.services import questionnaire
from chalicelib.services.attendance_rules import attendee_status, session_windows
from chalicelib.services.deadlines import is_overdue
from chalicelib.services.excel import ExcelBook, Export
from chalicelib.services.files import FileStore
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.regions import HomeRegion
from chalicelib.services.sessions import SessionService
from chalicelib.timeutil import CHINA, china_today, utc_now
from chalicelib.upstream import PARALLEL_CALLS

MONTHS = range(1, 13)


def _this_year() -> int:
    return china_today(utc_now()).year


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _credits(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True)
class Tally:
    """One approved session's share of the yearly figures."""

    session: Session
    persons: frozenset[str]
    credited: frozenset[str]
    credits: float
    lecturer_credits: float
    overdue: bool

    @property
    def month(self) -> int:
        return int(self.session.start_date[5:7])


def _granted(session: Session) -> bool:
    """Credit records count once the session says granted (an interrupted grant is finished by the next call)."""
    return session.report_status == "granted"


def tally(session: Session, today: date) -> Tally:
    persons = frozenset(
        a.person_key or a.attendee_key
        for a in Attendance.query(session.session_id, attributes_to_get=["attendee_key", "person_key"])
    )
    credited: set[str] = set()
    credits = lecturer = 0.0
    if _granted(session):
        for record in CreditRecord.query(
            session.session_id, attributes_to_get=["credit_key", "kind", "person_key", "credits"]
        ):
            if record.kind == "attendee":
                credited.add(record.person_key or record.credit_key)
                credits += float(record.credits)
            else:
                lecturer += float(record.credits)
    return Tally(session, persons, frozenset(credited), credits, lecturer, is_overdue(session, today))


def totals(tallies: list[Tally]) -> dict[str, Any]:
    """The figures of a set of sessions; people are counted once however many sessions they attended."""
    by_month = []
    for month in MONTHS:
        of_month = [t for t in tallies if t.month == month]
        by_month.append(
            {
                "month": month,
                "sessions": len(of_month),
                "attendees": len(frozenset().union(*(t.persons for t in of_month))),
                "credits": _credits(sum(t.credits for t in of_month)),
            }
        )
    return {
        "sessions_held": len(tallies),
        "attendees": len(frozenset().union(*(t.persons for t in tallies))),
        "credited_attendees": len(frozenset().union(*(t.credited for t in tallies))),
        "credits_granted": _credits(sum(t.credits for t in tallies)),
        "lecturer_credits": _credits(sum(t.lecturer_credits for t in tallies)),
        "overdue": sum(1 for t in tallies if t.overdue),
        "by_month": by_month,
    }


def _parallel(work: Callable[[Session], Tally], sessions: list[Session]) -> list[Tally]:
    if len(sessions) <= 1:
        return [work(session) for session in sessions]
    with ThreadPoolExecutor(max_workers=min(PARALLEL_CALLS, len(sessions))) as pool:
        return list(pool.map(work, sessions))


class ReportService:
    """Figures for the console's 统计 pages and their Excel exports, scoped like everything else."""

    def __init__(
        self,
        sessions: SessionService,
        organisations: OrganisationService,
        files: FileStore,
        region: HomeRegion,
    ) -> None:
        self._sessions = sessions
        self._organisations = organisations
        self._files = files
        self._region = region

    # --- one session --------------------------------------------------------------------------

    def session(self, principal: Principal, session_id: str) -> tuple[Session, dict[str, Any]]:
        session = self._sessions.get(principal, session_id)
        attendees = sorted(Attendance.query(session.session_id), key=lambda a: a.signed_in_at)
        windows, now = session_windows(session), utc_now()
        statuses = [attendee_status(a, windows, now) for a in attendees]
        people: dict[str, Attendance] = {}
        for attendee in attendees:  # the first record of a person stands for them (daily mode has one a day)
            people.setdefault(attendee.person_key or attendee.attendee_key, attendee)
        credited: set[str] = set()
        credits = lecturer = 0.0
        for record in CreditRecord.query(session.session_id) if _granted(session) else ():
            if record.kind == "attendee":
                credited.add(record.person_key or record.credit_key)
                credits += float(record.credits)
            else:
                lecturer += float(record.credits)
        template = session.questionnaire or questionnaire.DEFAULT
        return session, {
            "signed_in": len(attendees),
            "signed_out": statuses.count("signed_out"),
            "incomplete": len(statuses) - statuses.count("signed_out"),
            "attendees": len(people),
            "grassroots_share": _share(sum(1 for a in people.values() if a.grassroots), len(people)),
            "out_of_region_share": _share(
                sum(1 for a in people.values() if not self._region.contains(a.region)), len(people)
            ),
            "questionnaire": questionnaire.statistics(template, attendees),
            "credited_attendees": len(credited),
            "credits_granted": _credits(credits),
            "lecturer_credits": _credits(lecturer),
        }

    # --- an organisation's year and the province's year ----------------------------------------

    def organisation(self, principal: Principal, year: int | None, org_id: str | None) -> dict[str, Any]:
        return self._organisation(principal, year, org_id)[0]

    def province(self, principal: Principal, year: int | None) -> dict[str, Any]:
        return self._province(principal, year)[0]

    def _organisation(
        self, principal: Principal, year: int | None, org_id: str | None
    ) -> tuple[dict[str, Any], list[Tally]]:
        if not (principal.is_office or principal.is_admin):
            raise Forbidden("只有行政用户和省继教办可以查看单位统计")
        if org_id is None and principal.is_office:
            raise ValidationFailed("ORG_REQUIRED", "请选择单位", "org_id")
        org = self._organisations.get(principal, org_id or principal.org_id)  # another organisation: not found
        year = year or _this_year()
        sessions = list(
            Session.org_index.query(
                org.org_id,
                Session.sort_key.startswith(f"{year}-"),
                filter_condition=Session.status == "approved",
            )
        )
        today = china_today(utc_now())
        tallies = _parallel(lambda s: tally(s, today), sessions)
        return {"year": year, "org_id": org.org_id, "org_name": org.name, **totals(tallies)}, tallies

    def _province(self, principal: Principal, year: int | None) -> tuple[dict[str, Any], list[Tally]]:
        if not principal.is_office:
            raise Forbidden("只有省继教办可以查看全省统计")
        year = year or _this_year()
        sessions = list(Session.year_index.query(str(year), filter_condition=Session.status == "approved"))
        today = china_today(utc_now())
        tallies = _parallel(lambda s: tally(s, today), sessions)
        by_org: dict[str, list[Tally]] = {}
        for t in tallies:
            by_org.setdefault(t.session.org_id, []).append(t)
        organisations = []
        for org_id, of_org in by_org.items():
            figures = totals(of_org)
            organisations.append(
                {
                    "org_id": org_id,
                    "org_name": of_org[0].session.org_name,
                    **{key: figures[key] for key in _ORG_ROW},
                }
            )
        organisations.sort(key=lambda row: (-row["sessions_held"], row["org_name"]))
        return {"year": year, **totals(tallies), "organisations": organisations}, tallies

    # --- Excel --------------------------------------------------------------------------------

    def check_export(self, principal: Principal, scope: str, org_id: str | None = None) -> None:
        """What the export of ``scope`` (session is checked by its service) asks of the caller, checked cheaply when
        the export job is created: the same errors as the report itself."""
        if scope == "province" and not principal.is_office:
            raise Forbidden("只有省继教办可以查看全省统计")
        if scope == "organisation":
            if not (principal.is_office or principal.is_admin):
                raise Forbidden("只有行政用户和省继教办可以查看单位统计")
            if org_id is None and principal.is_office:
                raise ValidationFailed("ORG_REQUIRED", "请选择单位", "org_id")
            self._organisations.get(principal, org_id or principal.org_id)

    def export_session(self, principal: Principal, session_id: str) -> Export:
        session, figures = self.session(principal, session_id)
        book = ExcelBook()
        rows: list[tuple[Any, ...]] = [
            ("项目编号", session.project_number),
            ("项目名称", session.project_name),
            ("期数", int(session.seq)),
            ("举办单位", session.org_name),
            ("举办日期", f"{session.start_date} 至 {session.end_date}"),
            ("签到人次", figures["signed_in"]),
            ("签退人次", figures["signed_out"]),
            ("未签退人次", figures["incomplete"]),
            ("学员人数", figures["attendees"]),
            ("基层学员占比", _percent(figures["grassroots_share"])),
            (f"{self._region.province}外学员占比", _percent(figures["out_of_region_share"])),
            ("问卷份数", figures["questionnaire"]["responses"]),
            ("获得学分人数", figures["credited_attendees"]),
            ("学员学分合计", figures["credits_granted"]),
            ("授课人学分合计", figures["lecturer_credits"]),
        ]
        book.sheet("统计").table(("项目", "数值"), rows)
        lines = []
        stats = figures["questionnaire"]
        for number, question in enumerate(stats["questions"], start=1):
            for option in question["options"]:
                share = _percent(_share(option["count"], stats["responses"]))
                lines.append((number, question["text"], option["option"], option["count"], share))
        book.sheet("问卷统计").table(("题号", "题目", "选项", "人数", "占比"), lines)
        base = f"统计-{session.project_number}-第{int(session.seq)}期"
        return self._download(book, base)

    def export_organisation(self, principal: Principal, year: int | None, org_id: str | None) -> Export:
        report, tallies = self._organisation(principal, year, org_id)
        book = ExcelBook()
        summary = [("年份", report["year"]), ("单位", report["org_name"]), *_summary(report)]
        book.sheet("汇总").table(("项目", "数值"), summary)
        _month_sheet(book, report["by_month"])
        book.sheet("举办明细").table(_DETAIL_HEADERS, [_detail(t) for t in sorted(tallies, key=_by_start)])
        return self._download(book, f"{report['org_name']}-{report['year']}年统计")

    def export_province(self, principal: Principal, year: int | None) -> Export:
        report, _ = self._province(principal, year)
        book = ExcelBook()
        book.sheet("汇总").table(("项目", "数值"), [("年份", report["year"]), *_summary(report)])
        book.sheet("各单位").table(
            ("单位", "举办期数", "学员人数", "获得学分人数", "授予学分", "逾期未办"),
            [
                (
                    r["org_name"],
                    r["sessions_held"],
                    r["attendees"],
                    r["credited_attendees"],
                    r["credits_granted"],
                    r["overdue"],
                )
                for r in report["organisations"]
            ],
        )
        _month_sheet(book, report["by_month"])
        return self._download(book, f"全省-{report['year']}年统计")

    def _download(self, book: ExcelBook, base: str) -> Export:
        stamp = utc_now().astimezone(CHINA).strftime("%Y%m%d%H%M")
        return book.export(f"{base}-{stamp}.xlsx")


_ORG_ROW = ("sessions_held", "attendees", "credited_attendees", "credits_granted", "overdue")
_DETAIL_HEADERS = (
    "项目编号",
    "项目名称",
    "期数",
    "开始日期",
    "结束日期",
    "学员人数",
    "获得学分人数",
    "授予学分",
    "办理截止日期",
    "是否逾期",
)


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _by_start(t: Tally) -> str:
    return t.session.sort_key


def _summary(report: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        ("举办期数", report["sessions_held"]),
        ("学员人数", report["attendees"]),
        ("获得学分人数", report["credited_attendees"]),
        ("学员学分合计", report["credits_granted"]),
        ("授课人学分合计", report["lecturer_credits"]),
        ("逾期未办", report["overdue"]),
    ]


def _detail(t: Tally) -> tuple[Any, ...]:
    s = t.session
    return (
        s.project_number,
        s.project_name,
        int(s.seq),
        s.start_date,
        s.end_date,
        len(t.persons),
        len(t.credited),
        _credits(t.credits),
        s.deadline_due if s.deadline_open else "",
        "是" if t.overdue else "否",
    )


def _month_sheet(book: ExcelBook, by_month: list[dict[str, Any]]) -> None:
    rows = [(f"{m['month']}月", m["sessions"], m["attendees"], m["credits"]) for m in by_month]
    book.sheet("按月").table(("月份", "举办期数", "学员人数", "授予学分"), rows)
