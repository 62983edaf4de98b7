"""Demo data for the local system only (never deployed)."""

from __future__ import annotations

from chalicelib.container import services
from chalicelib.models import Account
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import AccountCreate
from chalicelib.schemas.organisations import OrganisationCreate
from chalicelib.schemas.projects import NationalProjectCreate, ProvincialProjectCreate

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
    office = Principal("office-demo", "office", "office", None)
    hospital = svc.organisations.create(office, OrganisationCreate(name="南京示范医院", type="hospital", city="南京"))
    society = svc.organisations.create(office, OrganisationCreate(name="江苏省示范医学会", type="society", city="南京"))
    for username, name, org in (("admin-demo", "王科教", hospital), ("society-admin-demo", "李秘书", society)):
        svc.accounts.create(
            office,
            AccountCreate(
                username=username, display_name=name, role="admin", org_id=org.org_id, password=DEMO_PASSWORD
            ),
        )
    for admin, username, name, department, org in (
        ("admin-demo", "organizer-demo", "张立项", "心血管内科", hospital),
        ("society-admin-demo", "society-organizer-demo", "赵学术", "学术部", society),
    ):
        svc.accounts.create(
            Principal(admin, "admin", org.org_id, None),
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
    organizer = Principal("organizer-demo", "organizer", hospital_id, "心血管内科")
    common = {"year": 2026, "discipline_code": "03-01", "credits": 5, "nature": "declared", "planned_sessions": 2}
    svc.projects.create_national(
        organizer,
        NationalProjectCreate(number="2026-03-01-001", name="心血管疾病诊治新进展（演示）", leader="张立项", **common),
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
        ("forward", Principal("admin-demo", "admin", hospital_id, None)),
        ("approve", Principal("office-demo", "office", "office", None)),
    )
    for action, actor in steps:
        svc.projects.transition(actor, provincial.project_id, action)
