"""What each background job does: every Excel export and the session's printable certificate PDF, as job kinds
(who may start one, how it is read in chunks, how its file is written), and the list of every kind (the grant's is in
``grant_job``). The jobs themselves are in ``jobs``."""

from __future__ import annotations

import io
import json
import math
import zipfile
from typing import TYPE_CHECKING, Any, Protocol

from chalicelib.errors import NotFound
from chalicelib.models import Attendance, Certificate
from chalicelib.principal import Principal
from chalicelib.services.excel import Export
from chalicelib.services.jobs import Chunk, JobKind

if TYPE_CHECKING:
    from chalicelib.services.attendance_console import AttendanceConsole
    from chalicelib.services.certificates import CertificateService
    from chalicelib.services.grants import Grants
    from chalicelib.services.project_excel import ProjectSpreadsheets
    from chalicelib.services.reports import ReportService
    from chalicelib.services.sessions import SessionService


class Services(Protocol):
    """What the job kinds use of the container (chalicelib/container.py builds it), without importing it."""

    @property
    def attendance_console(self) -> AttendanceConsole: ...
    @property
    def certificates(self) -> CertificateService: ...
    @property
    def grants(self) -> Grants: ...
    @property
    def reports(self) -> ReportService: ...
    @property
    def sessions(self) -> SessionService: ...
    @property
    def spreadsheets(self) -> ProjectSpreadsheets: ...


ATTENDANCE_ROWS = 1000  # records a chunk reads (about 0.6 MB)
PROJECT_ROWS = 500  # project list rows a chunk reads (five pages)
CERTIFICATE_PAGES = 200  # certificates a chunk renders (a few seconds each on Lambda)
EXPORT_FAILED = "任务执行失败，请重新导出"
PDF = "application/pdf"
ZIP = "application/zip"


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class AttendanceExport:
    """签到名单 (Excel): the session's records in chunks, the workbook from all of them (flags need every row)."""

    collects = True
    shared = False
    failed_message = EXPORT_FAILED

    def __init__(self, services: Services) -> None:
        self._services = services

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        self._services.sessions.get(principal, params["session_id"])

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        session_id = params["session_id"]
        total = None
        if cursor is None:  # a count reads no item out, and tells the progress bar how far it is
            total = max(1, math.ceil(Attendance.count(session_id) / ATTENDANCE_ROWS))
        found = Attendance.query(
            session_id, limit=ATTENDANCE_ROWS, page_size=ATTENDANCE_ROWS, last_evaluated_key=cursor
        )
        items = [attendee.serialize() for attendee in found]
        return Chunk(_json(items), found.last_evaluated_key, total)

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export:
        attendees = [Attendance.from_raw_data(item) for part in parts for item in json.loads(part)]
        return self._services.attendance_console.export_file(principal, params["session_id"], attendees)


class ProjectExport:
    """项目列表 (Excel): the caller's list with the filters given, page after page."""

    collects = True
    shared = False
    failed_message = EXPORT_FAILED

    def __init__(self, services: Services) -> None:
        self._services = services

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        self._services.spreadsheets.check_export(principal)

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        from chalicelib.schemas.projects import ProjectQuery

        query = ProjectQuery.model_validate(params["query"])
        at = cursor or {"cursor": None, "count": 0}
        rows, after = self._services.spreadsheets.export_rows(principal, query, at["cursor"], at["count"], PROJECT_ROWS)
        following = {"cursor": after, "count": at["count"] + len(rows)} if after else None
        return Chunk(_json(rows), following)

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export:
        return self._services.spreadsheets.export_file([row for part in parts for row in json.loads(part)])


class ReportExport:
    """统计 (Excel) of a session, an organisation's year or the province's year: one step (reports read aggregates)."""

    collects = False
    shared = False
    failed_message = EXPORT_FAILED

    def __init__(self, services: Services, scope: str) -> None:
        self._services = services
        self._scope = scope

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        if self._scope == "session":
            self._services.sessions.get(principal, params["session_id"])
        else:
            self._services.reports.check_export(principal, self._scope, params.get("org_id"))

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        raise NotImplementedError  # collects nothing

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export:
        reports = self._services.reports
        if self._scope == "session":
            return reports.export_session(principal, params["session_id"])
        if self._scope == "organisation":
            return reports.export_organisation(principal, params.get("year"), params.get("org_id"))
        return reports.export_province(principal, params.get("year"))


class CertificatePdf:
    """本期全部有效证书: the pages rendered in chunks; one PDF, or a ZIP of PDFs when it took several chunks."""

    collects = True
    shared = False
    failed_message = EXPORT_FAILED

    def __init__(self, services: Services) -> None:
        self._services = services

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        self._services.certificates.check_session_pdf(principal, params["session_id"])

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        session_id = params["session_id"]
        total = None
        if cursor is None:
            total = max(1, math.ceil(Certificate.session_index.count(session_id) / CERTIFICATE_PAGES))
        content, after = self._services.certificates.session_pdf_part(session_id, cursor, CERTIFICATE_PAGES)
        return Chunk(content, after, total)

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export:
        filename = self._services.certificates.session_pdf_name(principal, params["session_id"])
        printed = [part for part in parts if part]
        if not printed:
            raise NotFound("本期没有有效的证书")
        if len(printed) == 1:
            return Export(printed[0], filename, PDF)
        stem = filename.removesuffix(".pdf")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as bundle:  # PDFs are compressed already
            for number, part in enumerate(printed, start=1):
                bundle.writestr(f"{stem}-{number:02d}.pdf", part)
        return Export(buffer.getvalue(), f"{stem}.zip", ZIP)


def job_kinds(services: Services) -> dict[str, JobKind]:
    """Every kind of job by the name its records carry."""
    from chalicelib.services.grant_job import GrantJob
    from chalicelib.services.personal_data import PersonalDataExport

    return {
        "grant": GrantJob(services),
        "attendance-export": AttendanceExport(services),
        "project-export": ProjectExport(services),
        "session-report-export": ReportExport(services, "session"),
        "organisation-report-export": ReportExport(services, "organisation"),
        "province-report-export": ReportExport(services, "province"),
        "certificate-pdf": CertificatePdf(services),
        "personal-data-export": PersonalDataExport(),
    }
