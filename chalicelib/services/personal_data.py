"""A person's copy of their data (PIPL Art. 45): the office's request by full ID number (validated, kept only as its
mask and its keyed hashes), the job that reads every record of the person through the person indexes, and the
workbook it writes. Corrections (Art. 46) are in ``corrections``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from chalicelib.errors import Forbidden
from chalicelib.models import Attendance, Certificate, CreditRecord, PersonYear, ScanRejection, Session
from chalicelib.principal import Principal
from chalicelib.services import identity
from chalicelib.services.attendance_console import GENDER_LABELS
from chalicelib.services.audit import append, audit_event
from chalicelib.services.certificates import LEVEL_LABELS, STATUS_LABELS
from chalicelib.services.excel import ExcelBook, Export
from chalicelib.services.jobs import Chunk
from chalicelib.timeutil import CHINA, china_minute, china_today, parse_instant, utc_now

if TYPE_CHECKING:
    from chalicelib.models import Job
    from chalicelib.services.jobs import JobService
    from chalicelib.settings import Keyring

KIND = "personal-data-export"
BATCH = 100  # keys of one BatchGetItem
SHEETS = ("签到记录", "学分记录", "证书", "年度学分", "异常扫码")


def office_only(principal: Principal) -> None:
    if not principal.is_office:
        raise Forbidden("只有省继教办可以导出或更正个人信息")


class PersonalData:
    """Starts the export of one person's records: the request's ID number leaves this call only as its mask and its
    keyed hash under every key of the PII ring (the job item, the audit event and the logs never hold it)."""

    def __init__(self, jobs: JobService, pii_keys: Keyring) -> None:
        self._jobs = jobs
        self._keys = pii_keys

    def export(self, principal: Principal, id_number: str, reference: str, key: str | None = None) -> Job:
        """The export job of the person ``id_number`` names (checksum-checked), for the request ``reference``
        (申请编号); the request is audited with the masked number, the counts when the job finishes."""
        office_only(principal)
        number = identity.parse_resident_id(id_number, china_today(utc_now())).number
        masked = identity.mask_id(number)
        params: dict[str, Any] = {
            "id_masked": masked,
            "person_keys": sorted(identity.lookup_hashes(number, self._keys)),
            "reference": reference.strip(),
        }
        job = self._jobs.start(principal, KIND, params, key)
        append(
            audit_event(
                principal,
                "personal_data.export_request",
                "person",
                masked,
                None,
                {"reference": params["reference"], "job_id": job.job_id},
            )
        )
        return job


class PersonalDataExport:
    """个人数据副本 (Excel): every record of the person in one step (a person has a few hundred records at most), read
    through the person indexes of each table, one query per key of the ring."""

    collects = False
    shared = False
    failed_message = "个人数据导出失败，请重新导出"

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        office_only(principal)

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        raise NotImplementedError  # collects nothing

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export:
        keys: list[str] = list(params["person_keys"])
        found = collect(keys)
        export = workbook(found, params["id_masked"], params["reference"])
        counts = {sheet: len(rows) for sheet, rows in zip(SHEETS, found.sheets(), strict=True)}
        append(
            audit_event(
                principal,
                "personal_data.export",
                "person",
                params["id_masked"],
                None,
                {"reference": params["reference"], "counts": counts},
            )
        )
        return export


class Found:
    """Every record of one person, by table."""

    def __init__(self) -> None:
        self.attendance: list[Attendance] = []
        self.credits: list[CreditRecord] = []
        self.certificates: list[Certificate] = []
        self.years: list[PersonYear] = []
        self.rejections: list[ScanRejection] = []
        self.sessions: dict[str, Session] = {}

    def sheets(self) -> tuple[list[Any], ...]:
        return self.attendance, self.credits, self.certificates, self.years, self.rejections


def collect(person_keys: Iterable[str]) -> Found:
    """The person's records under each of their keyed hashes (one per key of the ring): queries of the person
    indexes, then the attendance records (keys only in their index) and their sessions by key."""
    found = Found()
    attendance_keys: list[tuple[str, str]] = []
    for person in person_keys:
        attendance_keys += [(row.session_id, row.attendee_key) for row in Attendance.person_index.query(person)]
        found.credits += CreditRecord.person_index.query(person)
        found.certificates += Certificate.person_index.query(person)
        found.years += [year for year in PersonYear.query(person) if year.sessions or year.entries]
        found.rejections += ScanRejection.person_index.query(person)
    found.attendance = list(_batches(Attendance, attendance_keys))
    session_ids = {row.session_id for row in found.attendance} | {row.session_id for row in found.rejections}
    found.sessions = {s.session_id: s for s in _batches(Session, [(sid,) for sid in sorted(session_ids)])}
    found.attendance.sort(key=lambda row: row.signed_in_at)
    found.credits.sort(key=lambda row: (row.start_date, row.granted_at))
    found.certificates.sort(key=lambda row: (row.issued_on, row.certificate_no))
    found.years.sort(key=lambda row: row.year)
    found.rejections.sort(key=lambda row: row.at)
    return found


def _batches(model: Any, keys: Sequence[tuple[str, ...]]) -> Iterator[Any]:
    for start in range(0, len(keys), BATCH):
        part = [key if len(key) > 1 else key[0] for key in keys[start : start + BATCH]]
        yield from model.batch_get(part)


def _minute(value: str | None) -> str:
    return china_minute(parse_instant(value)) if value else ""


def _project(session: Session | None) -> tuple[str, str, Any]:
    if session is None:
        return "", "", ""
    return session.project_number, session.project_name, int(session.seq)


def workbook(found: Found, id_masked: str, reference: str) -> Export:
    """The workbook handed to the person: a cover sheet, then a sheet per kind of record (China times; ID numbers
    and mobiles as stored, masked)."""
    book = ExcelBook()
    now = utc_now()
    cover = book.sheet("说明")
    cover.table(
        ("项目", "内容"),
        [
            ("身份证号码", id_masked),
            ("申请编号", reference),
            ("生成时间（北京时间）", china_minute(now)),
            *((f"{title}（条）", len(rows)) for title, rows in zip(SHEETS, found.sheets(), strict=True)),
            ("说明", "本文件为个人信息副本（《个人信息保护法》第四十五条），身份证号码和手机号仅以隐藏形式保存"),
        ],
    )
    cover.widths((24, 80))
    book.sheet(SHEETS[0]).table(
        (
            *("项目编号", "项目名称", "期次", "日期", "姓名", "身份证号码", "性别", "年龄", "手机号", "单位"),
            *("科室", "单位所在地", "基层", "职称", "职务", "学历", "签到时间", "签退时间", "学时", "问卷答案"),
        ),
        [
            (
                *_project(found.sessions.get(a.session_id)),
                *(a.day or "", a.name, a.id_masked, GENDER_LABELS.get(a.gender, a.gender), a.age),
                *(a.mobile_masked, a.unit, a.department, a.region, bool(a.grassroots), a.title, a.position or ""),
                *(a.education or "", _minute(a.signed_in_at), _minute(a.signed_out_at), a.hours),
                json.dumps(a.answers, ensure_ascii=False) if a.answers else "",
            )
            for a in found.attendance
        ],
    )
    book.sheet(SHEETS[1]).table(
        (
            *("项目编号", "项目名称", "级别", "举办单位", "开始日期", "结束日期", "姓名", "学分类别", "学分"),
            *("学时", "授予时间"),
        ),
        [
            (
                *(c.project_number, c.project_name, LEVEL_LABELS.get(c.project_level, c.project_level), c.org_name),
                *(c.start_date, c.end_date, c.name, c.credit_class, float(c.credits), float(c.hours)),
                _minute(c.granted_at),
            )
            for c in found.credits
        ],
    )
    book.sheet(SHEETS[2]).table(
        ("证书编号", "状态", "作废原因", "作废时间", "替代证书", "姓名", "项目编号", "项目名称", "学分", "签发日期"),
        [
            (
                *(c.certificate_no, STATUS_LABELS.get(c.status, c.status), c.revoked_reason or ""),
                *(_minute(c.revoked_at), c.replaced_by or "", c.name, c.project_number, c.project_name),
                *(float(c.credits), c.issued_on),
            )
            for c in found.certificates
        ],
    )
    book.sheet(SHEETS[3]).table(
        ("年度", "项目编号", "项目名称", "级别", "学分类别", "学分", "学时", "开始日期", "证书编号"),
        [
            (
                *(year.year, entry.project_number, entry.project_name, LEVEL_LABELS.get(entry.project_level, "")),
                *(entry.credit_class, float(entry.credits), float(entry.hours), entry.start_date),
                entry.certificate_no or "",
            )
            for year in found.years
            for entry in year.entries or []
        ],
    )
    book.sheet(SHEETS[4]).table(
        ("项目编号", "项目名称", "期次", "时间（北京时间）", "次数", "环节", "代码", "原因", "身份证号码"),
        [
            (
                *_project(found.sessions.get(r.session_id)),
                *(_minute(r.at), int(r.repeats or 1), r.kind, r.code, r.message, r.id_masked or ""),
            )
            for r in found.rejections
        ],
    )
    stamp = now.astimezone(CHINA).strftime("%Y%m%d%H%M")
    return book.export(f"个人信息副本-{id_masked[-4:]}-{stamp}.xlsx")
