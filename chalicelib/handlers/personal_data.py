"""个人信息 (the office): a copy of one person's data by full ID number (a job), and the correction of an attendee's
name or unit on a certificate (reissued under a new number)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.services.corrections import Correctable

bp = Blueprint(__name__)


def correctable_out(found: Correctable) -> schemas.personal_data.CorrectableOut:
    certificate = found.certificate
    return schemas.personal_data.CorrectableOut(
        certificate_no=certificate.certificate_no,
        status=certificate.status,
        status_label=rules.certificates.STATUS_LABELS[certificate.status],
        replaced_by=certificate.replaced_by,
        kind=certificate.kind,
        name=certificate.name,
        unit=found.unit,
        id_number=certificate.id_masked,
        project_number=certificate.project_number,
        project_name=certificate.project_name,
        credits=float(certificate.credits),
        issued_on=certificate.issued_on,
        verification_code=certificate.verification_code,
        version=int(certificate.version or 0),
        days=len(found.attendance),
    )


@operation(
    bp,
    "/personal-data/export",
    "POST",
    summary="导出个人数据副本（省继教办；完整身份证号码和申请编号；后台任务；记入审计日志）",
    tag="个人信息",
    status=202,
    errors=(400, 403),
)
def export_personal_data(
    principal: Principal, body: schemas.personal_data.PersonalDataExport, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    job = services().personal_data.export(principal, body.id_number, body.reference, idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/personal-data/certificates/{certificate_no}",
    "GET",
    summary="按证书编号查看学员信息（省继教办，用于更正）",
    tag="个人信息",
    errors=(403, 404, 409),
)
def correctable(principal: Principal, certificate_no: str) -> schemas.personal_data.CorrectableOut:
    return correctable_out(services().corrections.find(principal, certificate_no))


@operation(
    bp,
    "/personal-data/certificates/{certificate_no}/correct",
    "POST",
    summary="更正学员姓名或单位（省继教办；更正姓名时原证书作废并以新编号重新签发；记入审计日志）",
    tag="个人信息",
    errors=(400, 403, 404, 409),
)
def correct(
    principal: Principal, certificate_no: str, body: schemas.personal_data.Correction
) -> schemas.personal_data.CorrectableOut:
    found = services().corrections.correct(
        principal, certificate_no, body.name, body.unit, body.reference, body.version
    )
    return correctable_out(found)
