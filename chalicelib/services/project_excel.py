"""The provincial projects' spreadsheets: the import template, the Excel export of a project list and the
all-or-nothing Excel import."""

from __future__ import annotations

import base64
import io
import re
import uuid
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from chalicelib.errors import AppError, Forbidden
from chalicelib.models import NameClaim, Project
from chalicelib.principal import Principal
from chalicelib.schemas.projects import PROVINCIAL_NUMBER, ProjectFields, ProjectQuery
from chalicelib.services import disciplines, name_index
from chalicelib.services import text as text_rules
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.excel import ExcelBook, Export
from chalicelib.services.files import FileStore
from chalicelib.services.projects import (
    NATURE_LABELS,
    ProjectService,
    build_project,
    discipline_label,
    number_claim,
    number_display,
    review_reason,
)
from chalicelib.services.workflow_tables import PROJECT
from chalicelib.timeutil import utc_now

if TYPE_CHECKING:
    from pynamodb.expressions.condition import Condition
    from pynamodb.models import Model

IMPORT_HEADERS = (
    "项目年份",
    "项目编号",
    "项目名称",
    "学科代码",
    "项目负责人",
    "学分",
    "项目性质",
    "期数",
    "举办单位",
    "科室",
)
EXPORT_HEADERS = (
    "序号",
    "项目编号",
    "期数",
    "项目名称",
    "二/三级学科",
    "负责人",
    "学分",
    "项目性质",
    "单位",
    "科室",
    "状态",
    "审核理由",
)
MAX_ROWS = 5000
MAX_EXPORT = 5000
# Each imported project is 2 transaction items (project, number claim) plus one audit event per chunk.
_CHUNK = 49
_NATURES = {label: code for code, label in NATURE_LABELS.items()}
_FIELDS = {
    "year": "项目年份",
    "name": "项目名称",
    "discipline_code": "学科代码",
    "leader": "项目负责人",
    "credits": "学分",
    "nature": "项目性质",
    "planned_sessions": "期数",
}


class ProjectSpreadsheets:
    """Excel import of a year's approved provincial list and Excel export of project lists."""

    def __init__(self, projects: ProjectService, files: FileStore) -> None:
        self._projects = projects
        self._files = files

    def template(self, principal: Principal) -> tuple[str, str]:
        if not principal.is_office:
            raise Forbidden()
        book = ExcelBook()
        sheet = book.sheet("省级项目")
        sheet.append(IMPORT_HEADERS)
        sheet.append(
            (
                2026,
                "2026480301001",
                "心血管疾病诊治新进展（示例行，导入前请删除）",
                "03-01",
                "张三",
                5,
                "申报项目",
                2,
                "南京示范医院",
                "心血管内科",
            )
        )
        sheet.widths((10, 18, 40, 10, 12, 8, 10, 6, 24, 14))
        return book.upload(self._files, "省级项目导入模板.xlsx")

    @staticmethod
    def check_export(principal: Principal) -> None:
        """Organizers export no project list (checked when the export job is created)."""
        if principal.role == "organizer":
            raise Forbidden()

    def export_rows(
        self, principal: Principal, query: ProjectQuery, cursor: str | None, count: int, rows: int
    ) -> tuple[list[list[Any]], str | None]:
        """The rows of the export after ``count`` already exported, at least ``rows`` of them unless the list ends
        (one chunk of the export job), and the list's cursor after them (None at the end or at MAX_EXPORT)."""
        self.check_export(principal)
        found: list[list[Any]] = []
        while count + len(found) < MAX_EXPORT and len(found) < rows:
            limit = min(100, MAX_EXPORT - count - len(found))
            page = self._projects.list(principal, query.model_copy(update={"limit": limit, "cursor": cursor}))
            for project in page.items:
                found.append(
                    [
                        number_display(project),
                        project.planned_sessions,
                        project.name,
                        discipline_label(project.discipline_code),
                        project.leader,
                        project.credits,
                        NATURE_LABELS[project.nature],
                        project.org_name,
                        project.department,
                        PROJECT.states[project.status],
                        review_reason(project),
                    ]
                )
            cursor = page.next_cursor
            if not cursor:
                return found, None
        return found, cursor if count + len(found) < MAX_EXPORT else None

    @staticmethod
    def export_file(rows: list[list[Any]]) -> Export:
        """The project list as Excel, numbered in list order."""
        book = ExcelBook()
        sheet = book.sheet("项目列表")
        sheet.append(EXPORT_HEADERS)
        for number, row in enumerate(rows, start=1):
            sheet.append((number, *row))
        return book.export(f"项目列表-{utc_now().strftime('%Y%m%d%H%M%S')}.xlsx")

    def import_provincial(self, principal: Principal, filename: str, content_base64: str) -> tuple[int, int]:
        """Validate every row first; import nothing when any row is bad. Rows already imported are skipped."""
        if not principal.is_office:
            raise Forbidden("只有省继教办可以导入项目")
        rows, errors = self._read(content_base64)
        records = [(line, dict(zip(IMPORT_HEADERS, values, strict=False))) for line, values in rows]
        claims = _claims(
            {f"project-number#{_text(record.get('项目编号'))}" for _, record in records}
            | {f"organisation#{_text(record.get('举办单位'))}" for _, record in records}
        )
        projects: list[Project] = []
        skipped = 0
        batch = f"import-{uuid.uuid4().hex[:12]}"
        seen: dict[str, int] = {}
        for line, record in records:
            if _refused_text(line, record, errors):
                continue  # the same rule as every text input; the row's other checks would only repeat it
            row_errors = len(errors)
            number = _text(record.get("项目编号"))
            if not re.fullmatch(PROVINCIAL_NUMBER, number):
                errors.append(_error(line, "项目编号", "须为13位数字"))
            elif number in seen:
                errors.append(_error(line, "项目编号", f"与第{seen[number]}行重复"))
            seen.setdefault(number, line)
            fields = self._fields(line, record, errors)
            organisation = _organisation(line, _text(record.get("举办单位")), claims, errors)
            department = _text(record.get("科室"))
            if not department:
                errors.append(_error(line, "科室", "不能为空"))
            if len(errors) > row_errors or fields is None or organisation is None:
                continue
            if number[:4] != str(fields.year):
                errors.append(_error(line, "项目编号", "年份与项目年份不一致"))
                continue
            if number[6:10] != fields.discipline_code.replace("-", ""):
                errors.append(_error(line, "项目编号", "学科代码与“学科代码”列不一致"))
                continue
            if not disciplines.catalogue().in_use(fields.discipline_code):
                errors.append(_error(line, "学科代码", "该学科已在学科目录中停用"))
                continue
            if f"project-number#{number}" in claims:
                skipped += 1
                continue
            project = build_project(
                fields,
                level="provincial",
                status="approved",
                number=number,
                org_id=organisation[0],
                org_name=organisation[1],
                department=department,
                created_by=principal.username,
            )
            project.import_batch = batch
            projects.append(project)
        if errors:
            raise AppError(
                "IMPORT_INVALID",
                f"有 {len({e['row'] for e in errors})} 行数据有误，未导入任何项目",
                "file",
                rows=errors[:500],
            )
        self._write(principal, batch, filename, projects)
        return len(projects), skipped

    def _write(self, principal: Principal, batch: str, filename: str, projects: list[Project]) -> None:
        """Write in transactions of 49 projects; when one fails, take back those already written."""
        written: list[Project] = []
        try:
            for start in range(0, len(projects), _CHUNK):
                chunk = projects[start : start + _CHUNK]
                creates: list[tuple[Model, Condition]] = []
                for project in chunk:
                    claim = number_claim(project.number, project.project_id)
                    creates.append((claim, NameClaim.claim.does_not_exist()))
                    creates.append((project, Project.project_id.does_not_exist()))
                after = {"filename": filename, "numbers": [p.number for p in chunk]}
                commit(audit_event(principal, "project.import", "import", batch, None, after), creates=tuple(creates))
                written += chunk
                name_index.sync([(None, name_index.of_project(project)) for project in chunk], fresh=True)
        except Exception as error:
            for start in range(0, len(written), _CHUNK):
                chunk = written[start : start + _CHUNK]
                deletes = tuple(item for p in chunk for item in (p, number_claim(p.number, p.project_id)))
                before = {"filename": filename, "numbers": [p.number for p in chunk]}
                commit(
                    audit_event(principal, "project.import_rollback", "import", batch, before, None), deletes=deletes
                )
                name_index.sync([(name_index.of_project(project), None) for project in chunk])
            if isinstance(error, AppError):
                raise AppError(
                    "IMPORT_CONFLICT", "导入时有项目编号被同时录入，本次未导入任何项目，请重新导入", "file", status=409
                ) from None
            raise

    def _read(self, content_base64: str) -> tuple[list[tuple[int, tuple]], list[dict]]:
        from openpyxl import load_workbook

        try:
            content = base64.b64decode(content_base64, validate=True)
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # noqa: BLE001 (not base64, not a zip, not a workbook: all mean unreadable)
            raise AppError("IMPORT_UNREADABLE", "无法读取文件，请使用下载的模板保存为 .xlsx 格式", "file") from error
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = tuple(_text(cell) for cell in next(lines, ()))
        if header[: len(IMPORT_HEADERS)] != IMPORT_HEADERS:
            raise AppError("IMPORT_BAD_HEADER", "表头与模板不一致，请使用下载的模板", "file")
        rows = []
        for line, values in enumerate(lines, start=2):
            if all(_text(value) == "" for value in values[: len(IMPORT_HEADERS)]):
                continue
            rows.append((line, values[: len(IMPORT_HEADERS)]))
            if len(rows) > MAX_ROWS:
                raise AppError("IMPORT_TOO_LARGE", f"一次最多导入 {MAX_ROWS} 行", "file")
        if not rows:
            raise AppError("IMPORT_EMPTY", "文件中没有数据行", "file")
        return rows, []

    def _fields(self, line: int, record: dict[str, Any], errors: list[dict]) -> ProjectFields | None:
        nature = _text(record.get("项目性质"))
        data = {
            "year": _number(record.get("项目年份")),
            "name": _text(record.get("项目名称")),
            "discipline_code": _text(record.get("学科代码")),
            "leader": _text(record.get("项目负责人")),
            "credits": _number(record.get("学分")),
            "nature": _NATURES.get(nature, nature),
            "planned_sessions": _number(record.get("期数")),
        }
        try:
            return ProjectFields.model_validate(data)
        except ValidationError as error:
            for item in error.errors(include_url=False):
                field = str(item["loc"][0]) if item["loc"] else ""
                message = "取值无效" if item["type"] not in ("missing",) else "不能为空"
                if item["type"] in ("text_invalid_char", "person_name", "printable_text"):
                    message = item["msg"]
                elif item["type"] == "value_error":
                    message = str(item["ctx"]["error"]) if "ctx" in item else "取值无效"
                elif item["type"] == "literal_error":
                    message = "须为“申报项目”或“备案项目”"
                errors.append(_error(line, _FIELDS.get(field, field), message))
            return None


def _claims(names: set[str]) -> dict[str, str]:
    """Owners of the given claims that exist, read in batches of 100."""
    return {claim.claim: claim.owner_id for claim in NameClaim.batch_get([n for n in names if n])}


def _error(row: int, column: str, message: str) -> dict[str, Any]:
    return {"row": row, "column": column, "message": message}


def _refused_text(line: int, record: dict[str, Any], errors: list[dict]) -> bool:
    """Whether a cell of the row holds a character no text input may hold (each such cell is an error)."""
    found = False
    for column, value in record.items():
        char = text_rules.refused_char(value) if isinstance(value, str) else None
        if char is not None:
            errors.append(_error(line, column, f"含有不允许的字符（{text_rules.describe(char)}）"))
            found = True
    return found


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _number(value: Any) -> Any:
    text = _text(value)
    return text or None


def _organisation(line: int, name: str, claims: dict[str, str], errors: list[dict]) -> tuple[str, str] | None:
    if not name:
        errors.append(_error(line, "举办单位", "不能为空"))
        return None
    claim = claims.get(f"organisation#{name}")
    if claim is None:
        errors.append(_error(line, "举办单位", f"系统中没有名为“{name}”的机构"))
        return None
    return claim, name
