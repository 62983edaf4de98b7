"""Demo data for the local system only (never deployed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from chalicelib.container import services
from chalicelib.models import Account
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import AccountCreate
from chalicelib.schemas.organisations import OrganisationCreate
from chalicelib.schemas.projects import NationalProjectCreate, ProvincialProjectCreate
from chalicelib.timeutil import CHINA

DEMO_PASSWORD = "Demo@2026"
OFFICE_NAME = "江苏省继续医学教育委员会办公室"

DEMO_ACCOUNTS = [
    ("office-demo", "管理用户", "江苏省继续医学教育委员会办公室"),
    ("admin-demo", "行政用户", "南京示范医院 科教处"),
    ("organizer-demo", "立项用户", "南京示范医院 心血管内科"),
    ("society-admin-demo", "行政用户", "江苏省示范医学会"),
    ("society-organizer-demo", "立项用户", "江苏省示范医学会 学术部"),
]


def seed_demo(with_projects: bool = True) -> bool:
    """Create the demo organisations, accounts (and projects) once; False when they already exist."""
    svc = services()
    if Account.count("office-demo") > 0:
        return False
    svc.organisations.ensure_office(OFFICE_NAME, "南京")
    svc.accounts.bootstrap_office_account("office-demo", "省继教办（演示）", DEMO_PASSWORD)
    office = Principal("office-demo", "office", "office", None, display_name="省继教办（演示）")
    hospital = svc.organisations.create(office, OrganisationCreate(name="南京示范医院", type="hospital", city="南京"))
    society = svc.organisations.create(office, OrganisationCreate(name="江苏省示范医学会", type="society", city="南京"))
    for username, name, org in (("admin-demo", "王科教", hospital), ("society-admin-demo", "李秘书", society)):
        svc.accounts.create(
            office,
            AccountCreate(
                username=username, display_name=name, role="admin", org_id=org.org_id, password=DEMO_PASSWORD
            ),
        )
    for admin, admin_name, username, name, department, org in (
        ("admin-demo", "王科教", "organizer-demo", "张立项", "心血管内科", hospital),
        ("society-admin-demo", "李秘书", "society-organizer-demo", "赵学术", "学术部", society),
    ):
        svc.accounts.create(
            Principal(admin, "admin", org.org_id, None, display_name=admin_name),
            AccountCreate(
                username=username, display_name=name, role="organizer", department=department, password=DEMO_PASSWORD
            ),
        )
    for username, *_ in DEMO_ACCOUNTS:
        account = Account.get(username)
        account.must_change_password = False
        account.email = f"{username}@demo.cme.local"
        account.save()
    if with_projects:
        _seed_projects(hospital.org_id)
    return True


def _seed_projects(hospital_id: str) -> None:
    svc = services()
    organizer = Principal("organizer-demo", "organizer", hospital_id, "心血管内科", display_name="张立项")
    year = dt.datetime.now(CHINA).year
    common: dict[str, Any] = {
        "year": year,
        "discipline_code": "03-01",
        "credits": 5,
        "nature": "declared",
        "planned_sessions": 2,
    }
    svc.projects.create_national(
        organizer,
        NationalProjectCreate(
            number=f"{year}-03-01-001", name="心血管疾病诊治新进展（演示）", leader="张立项", **common
        ),
    )
    provincial = svc.projects.create_provincial(
        organizer,
        ProvincialProjectCreate(
            name="高血压规范化管理培训班（演示）",
            leader="张立项",
            plan="每年举办两期，面向基层医生讲授高血压规范化管理。",
            **common,
        ),
    )
    steps = (
        ("declare", organizer),
        ("forward", Principal("admin-demo", "admin", hospital_id, None, display_name="王科教")),
        ("approve", Principal("office-demo", "office", "office", None, display_name="省继教办（演示）")),
    )
    for action, actor in steps:
        svc.projects.transition(actor, provincial.project_id, action)
    _seed_held_session(hospital_id, organizer)


DEMO_ATTENDEES = (
    # name, ID prefix (17 digits), mobile, unit, grassroots, region, left at (China time) or None
    ("王喆", "32010219850312451", "13900000001", "南京市鼓楼医院", False, "南京", "17:05"),
    ("李堃", "32050219900708262", "13900000002", "苏州市立医院", False, "苏州", "17:10"),
    ("阿依古丽·买买提", "65010219920115342", "13900000003", "乌鲁木齐市第一人民医院", False, "新疆乌鲁木齐", "17:02"),
    ("陈静", "32030219880920164", "13900000004", "徐州市铜山区社区卫生服务中心", True, "徐州", "12:05"),
    ("刘洋", "32110219950101231", "13900000005", "镇江市第一人民医院", False, "镇江", None),
)


def _valid_id(prefix17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def held_project_number(day: dt.date) -> str:
    """The number of the demo project 急性胸痛规范化诊治（演示） holding sessions in ``day``'s year."""
    return f"{day.year}-03-01-002"


def _seed_held_session(hospital_id: str, organizer: Principal) -> None:
    """A national project held three days ago: attendees signed in and out, the report submitted, the admin's
    selection submitted and the credits granted, so 学员证书查询 and 证书验证 have something to show; and its
    second session today with its codes open all day, to scan with a phone."""
    from chalicelib.models import Attendance, Session
    from chalicelib.schemas.credits import LecturerIn, ReportIn
    from chalicelib.schemas.sessions import AttendanceSettings, BlockIn, SessionCreate
    from chalicelib.services import identity
    from chalicelib.services.attendance_rules import attended_hours, teaching_blocks
    from chalicelib.settings import get_settings
    from chalicelib.timeutil import to_iso

    svc = services()
    settings = get_settings()
    admin = Principal("admin-demo", "admin", hospital_id, None, display_name="王科教")
    office = Principal("office-demo", "office", "office", None, display_name="省继教办（演示）")
    today = dt.datetime.now(CHINA).date()
    held_day = today - dt.timedelta(days=3)
    projects: dict[int, str] = {}  # year -> project id: in the first days of January the two sessions' years differ
    for day in (held_day, today):
        if day.year not in projects:
            projects[day.year] = svc.projects.create_national(
                organizer,
                NationalProjectCreate(
                    number=held_project_number(day),
                    name="急性胸痛规范化诊治（演示）",
                    leader="张立项",
                    year=day.year,
                    discipline_code="03-01",
                    credits=2,
                    nature="declared",
                    planned_sessions=2,
                ),
            ).project_id
    day_long = AttendanceSettings(
        sign_in_opens_before=1440, sign_in_closes_after=1440, sign_out_opens_before=1440, sign_out_closes_after=1440
    )
    sessions = []
    for seq, day, attendance in ((1, held_day, AttendanceSettings()), (2, today, day_long)):
        body = SessionCreate(
            seq=seq,
            venue="南京示范医院学术报告厅",
            start_date=day,
            end_date=day,
            planned_attendees=100,
            schedule=[
                BlockIn(date=day, start=dt.time(9), end=dt.time(12), topic="胸痛中心建设", lecturer="王教授", hours=3),
                BlockIn(date=day, start=dt.time(14), end=dt.time(17), topic="病例讨论", lecturer="李主任", hours=3),
            ],
            attendance=attendance,
        )
        session = svc.sessions.create(organizer, projects[day.year], body)
        for kind, content, content_type, filename in (
            ("notice", b"%PDF-1.4\n% demo notice\n", "application/pdf", "举办通知.pdf"),
            ("schedule", b"%PDF-1.4\n% demo schedule\n", "application/pdf", "日程.pdf"),
        ):
            key = f"sessions/{session.session_id}/{kind}/demo"
            svc.sessions._uploads.put(key, content, content_type)  # noqa: SLF001 - as the browser's presigned POST would
            svc.session_materials.confirm_upload(organizer, session.session_id, kind, key, filename)
        for action, actor in (("submit", organizer), ("forward", admin), ("approve", office)):
            svc.sessions.transition(actor, session.session_id, action)
        sessions.append(session)

    held = Session.get(sessions[0].session_id)
    # as a sign-in would: hashes under the key the session fixed at approval, the copy under the current key
    pii_key, id_keys = settings.pii_keys.key(held.pii_kid), settings.id_encryption_keys
    for name, prefix, mobile, unit, grassroots, region, left in DEMO_ATTENDEES:
        number = _valid_id(prefix)
        resident = identity.parse_resident_id(number, held_day)
        person = identity.lookup_hash(number, pii_key)
        arrive = dt.datetime.combine(held_day, dt.time(8, 45), CHINA)
        leave = dt.datetime.combine(held_day, dt.time.fromisoformat(left), CHINA) if left else None
        hours = attended_hours(arrive, leave, teaching_blocks(held)) if leave else 0
        Attendance(
            session_id=held.session_id,
            attendee_key=person,
            person_key=person,
            session_mobile=f"{held.session_id}#{identity.lookup_hash(mobile, pii_key)}",
            id_masked=identity.mask_id(number),
            id_encrypted=identity.seal(number, id_keys, f"{held.session_id}|{person}"),
            name=name,
            gender=resident.gender,
            age=resident.age_on(held_day),
            mobile_masked=identity.mask_mobile(mobile),
            unit=unit,
            department="心内科",
            region=region,
            grassroots=grassroots,
            title="主治医师",
            client_id=f"demo-{mobile}",
            signed_in_at=to_iso(arrive),
            signed_out_at=to_iso(leave) if leave else None,
            hours=hours,
            answers=_demo_answers() if leave else None,
            questionnaire_version="1" if leave else None,
            missing_sign_out=None if leave else True,
        ).save()
    svc.attendance_close.close_due(dt.datetime.now(CHINA))
    svc.execution_reports.save_report(
        organizer,
        held.session_id,
        ReportIn(
            actual_start_date=held_day,
            actual_end_date=held_day,
            venue="南京示范医院学术报告厅",
            summary="按计划完成两个教学单元，学员签到签退完整。",
            lecturers=[LecturerIn(name="王教授", title="主任医师", unit="南京示范医院", hours=3)],
        ),
    )
    svc.execution_reports.submit_report(organizer, held.session_id)
    svc.selection.submit(admin, held.session_id)
    job = svc.grants.grant(office, held.session_id)
    # The grant is a background job: run it here, so the demo starts granted (its queued message then finds it done).
    svc.jobs.run(job.job_id, lambda: 1000.0)


def _demo_answers() -> dict:
    return {
        "q1": "是",
        "q2": "部分知道",
        "q3": "很大",
        "q4": "较强",
        "q5": "很高",
        "q6": "满意",
        "q7": ["开阔思路", "提高临床诊治能力"],
    }
