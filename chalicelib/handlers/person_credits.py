"""个人年度学分: the public look-up (phone page) and the office's view of any person (console)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.services.person_credits import YearCredits

bp = Blueprint(__name__)


def year_out(year: YearCredits, public: bool) -> schemas.person_credits.PersonCreditsOut:
    """A year as answered; ``public`` answers mask the name (王*喆) and show the ID number's last four only."""
    labels = rules.certificates.LEVEL_LABELS
    requirement = None
    if year.requirement is not None:
        need = year.requirement
        requirement = schemas.person_credits.RequirementOut(
            total_credits=need.total_credits,
            source=need.source,
            met=bool(year.met),
            shortfall=round(max(0.0, need.total_credits - year.total), 1),
            classes=[
                schemas.person_credits.ClassRequirementOut(
                    credit_class=minimum.credit_class,
                    min_credits=minimum.credits,
                    shortfall=round(max(0.0, minimum.credits - year.of_class(minimum.credit_class)), 1),
                )
                for minimum in need.class_minimums
            ],
        )
    return schemas.person_credits.PersonCreditsOut(
        year=year.year,
        name=rules.identity.mask_name(year.name) if public else year.name,
        id_number=rules.identity.mask_id_public(year.id_masked) if public else year.id_masked,
        total_credits=year.total,
        class_i_credits=year.of_class("I类"),
        class_ii_credits=year.of_class("II类"),
        by_level=[
            schemas.person_credits.LevelCreditsOut(
                level=cast("schemas.person_credits.Level", item.level),
                level_label=labels[item.level],
                credit_class=cast("schemas.person_credits.CreditClass", item.credit_class),
                credits=item.credits,
            )
            for item in year.by_level
        ],
        hours=year.hours,
        sessions=year.sessions,
        requirement=requirement,
        certificates=[
            schemas.person_credits.YearCertificateOut(
                certificate_no=entry.certificate_no,
                verification_code=entry.verification_code,
                project_number=entry.project_number,
                project_name=entry.project_name,
                project_level=cast("schemas.person_credits.Level", entry.project_level),
                level_label=labels.get(entry.project_level, entry.project_level),
                credit_class=entry.credit_class,
                credits=float(entry.credits),
                hours=float(entry.hours),
                start_date=entry.start_date,
                end_date=entry.end_date,
                organiser=entry.organiser,
                issued_on=entry.issued_on,
            )
            for entry in year.entries
        ],
        as_of=year.as_of,
    )


@operation(
    bp,
    "/public/person-credits",
    "POST",
    summary="个人年度学分查询（完整身份证号码、姓名和年度；目标失败5次锁定24小时）",
    tag="证书",
    public=True,
    errors=(404, 429),
)
def public_person_credits(
    body: schemas.person_credits.PersonCreditsQuery, source_ip: str
) -> schemas.person_credits.PersonCreditsOut:
    found = services().person_credits.public(source_ip, body.id_number, body.name, body.year)
    return year_out(found, public=True)


@operation(
    bp,
    "/person-credits",
    "POST",
    summary="个人年度学分（省继教办；记入审计日志）",
    tag="证书",
    errors=(403, 404),
)
def office_person_credits(
    principal: Principal, body: schemas.person_credits.PersonCreditsQuery
) -> schemas.person_credits.PersonCreditsOut:
    found = services().person_credits.for_office(principal, body.id_number, body.name, body.year)
    return year_out(found, public=False)
