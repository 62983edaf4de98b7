"""Reports (统计): one session's figures, an organisation's year and the province's year, each also as Excel.

The years read only the aggregates (services/aggregates.py): an organisation's year is one Query of its ``sum#``
items (12 months and the year), the province's one Query of its partition (12 months, the year and a row per
organisation), whatever the number of sessions; each answers the time its figures are as of. One session's figures
are counted live from its partition while its attendance is open (or its stored totals are not final yet) and read
from its stored totals afterwards. Nothing scans a table.
"""

from __future__ import annotations

from typing import Any

from chalicelib.errors import Forbidden, ValidationFailed
from chalicelib.models import Aggregate, Attendance, CreditRecord, Session
from chalicelib.principal import Principal
from chalicelib.services import aggregates
from chalicelib.services.aggregate_rules import (
    SESSION_PREFIX,
    SUM_PREFIX,
    latest,
    org_scope,
    organisation_row,
    province_scope,
    year_figures,
)
from chalicelib.services.excel import ExcelBook, Export
from chalicelib.services.files import FileStore
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.regions import HomeRegion
from chalicelib.services.sessions import SessionService
from chalicelib.timeutil import CHINA, china_today, parse_instant, to_iso, utc_now


def _this_year() -> int:
    return china_today(utc_now()).year


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _credits(value: float) -> float:
    return round(value, 1)


def _final(session: Session, item: Aggregate | None) -> bool:
    """The stored totals say what a live count would: attendance closed and counted, and credits settled by the
    grant exactly when the session says granted."""
    if item is None or session.attendance_open is not None or not item.recounted:
        return False
    return (session.report_status == "granted") == (item.credited_counted is not None)


def session_figures(figures: dict[str, Any], as_of: str | None) -> dict[str, Any]:
    """The session report from a tally's (or stored totals') figures."""
    people = int(figures.get("attendees") or 0)
    return {
        "signed_in": int(figures.get("signed_in") or 0),
        "signed_out": int(figures.get("signed_out") or 0),
        "incomplete": int(figures.get("incomplete") or 0),
        "attendees": people,
        "grassroots_share": _share(int(figures.get("grassroots") or 0), people),
        "out_of_region_share": _share(int(figures.get("out_of_region") or 0), people),
        "questionnaire": figures["questionnaire"],
        "credited_attendees": int(figures.get("credited") or 0),
        "credits_granted": _credits(float(figures.get("credits") or 0)),
        "lecturer_credits": _credits(float(figures.get("lecturer_credits") or 0)),
        "as_of": as_of,
    }


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
        """Live from the session's partition while its attendance is open, else its stored totals."""
        session = self._sessions.get(principal, session_id)
        item = aggregates.stored(session) if session.attendance_open is None else None
        if item is not None and _final(session, item):
            return session, session_figures(item.attribute_values, item.as_of)
        now = utc_now()
        attendees = list(Attendance.query(session.session_id))
        records = list(CreditRecord.query(session.session_id)) if session.report_status == "granted" else []
        return session, session_figures(aggregates.tally(session, attendees, records, now).figures, to_iso(now))

    # --- an organisation's year and the province's year ----------------------------------------

    def organisation(self, principal: Principal, year: int | None, org_id: str | None) -> dict[str, Any]:
        """An organisation's year from its rollups (admin: its own; office: any)."""
        if not (principal.is_office or principal.is_admin):
            raise Forbidden("只有行政用户和省继教办可以查看单位统计")
        if org_id is None and principal.is_office:
            raise ValidationFailed("ORG_REQUIRED", "请选择单位", "org_id")
        org = self._organisations.get(principal, org_id or principal.org_id)  # another organisation: not found
        year = year or _this_year()
        items = aggregates.rollup_items(org_scope(org.org_id, str(year)), SUM_PREFIX)
        as_of = latest(item.get("as_of") for item in items.values())
        return {"year": year, "org_id": org.org_id, "org_name": org.name, **year_figures(items), "as_of": as_of}

    def province(self, principal: Principal, year: int | None) -> dict[str, Any]:
        """The province's year from its rollups, with a row per organisation that held sessions (office only)."""
        if not principal.is_office:
            raise Forbidden("只有省继教办可以查看全省统计")
        year = year or _this_year()
        items = aggregates.rollup_items(province_scope(str(year)))
        sums = {key: item for key, item in items.items() if key.startswith(SUM_PREFIX)}
        rows = [organisation_row(item) for key, item in items.items() if not key.startswith(SUM_PREFIX)]
        organisations = [row for row in rows if row["sessions_held"]]
        organisations.sort(key=lambda row: (-row["sessions_held"], row["org_name"]))
        as_of = latest(item.get("as_of") for item in items.values())
        return {"year": year, **year_figures(sums), "organisations": organisations, "as_of": as_of}

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
        """The year's figures, its months and one row per approved session (its stored totals: bounded by the
        organisation's sessions of the year, in the export job)."""
        report = self.organisation(principal, year, org_id)
        sessions = Session.org_index.query(
            report["org_id"],
            Session.sort_key.startswith(f"{report['year']}-"),
            filter_condition=Session.status == "approved",
        )
        totals = aggregates.rollup_items(org_scope(report["org_id"], str(report["year"])), SESSION_PREFIX)
        book = ExcelBook()
        summary = [("年份", report["year"]), ("单位", report["org_name"]), *_summary(report)]
        book.sheet("汇总").table(("项目", "数值"), summary)
        _month_sheet(book, report["by_month"])
        ordered = sorted(sessions, key=_by_start)
        details = [_detail(s, totals.get(f"{SESSION_PREFIX}{s.session_id}", {})) for s in ordered]
        book.sheet("举办明细").table(_DETAIL_HEADERS, details)
        return self._download(book, f"{report['org_name']}-{report['year']}年统计")

    def export_province(self, principal: Principal, year: int | None) -> Export:
        report = self.province(principal, year)
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


def _by_start(session: Session) -> str:
    return session.sort_key


def _summary(report: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        ("举办期数", report["sessions_held"]),
        ("学员人数", report["attendees"]),
        ("获得学分人数", report["credited_attendees"]),
        ("学员学分合计", report["credits_granted"]),
        ("授课人学分合计", report["lecturer_credits"]),
        ("逾期未办", report["overdue"]),
        ("数据截至", _china_time(report.get("as_of"))),
    ]


def _china_time(as_of: str | None) -> str:
    return parse_instant(as_of).astimezone(CHINA).strftime("%Y-%m-%d %H:%M") if as_of else ""


def _detail(s: Session, totals: dict[str, Any]) -> tuple[Any, ...]:
    return (
        s.project_number,
        s.project_name,
        int(s.seq),
        s.start_date,
        s.end_date,
        int(totals.get("attendees") or 0),
        int(totals.get("credited") or 0),
        _credits(float(totals.get("credits") or 0)),
        s.deadline_due if s.deadline_open else "",
        "是" if totals.get("overdue") else "否",
    )


def _month_sheet(book: ExcelBook, by_month: list[dict[str, Any]]) -> None:
    rows = [(f"{m['month']}月", m["sessions"], m["attendees"], m["credits"]) for m in by_month]
    book.sheet("按月").table(("月份", "举办期数", "学员人数", "授予学分"), rows)
