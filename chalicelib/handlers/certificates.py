"""Electronic certificates: the public query, verification and PDF, a session's certificates and their PDF,
revocation and reissue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.models import Certificate

bp = Blueprint(__name__)


def certificate_out(certificate: Certificate, public: bool = False) -> dict:
    """A certificate as answered; ``public`` answers show at most the ID number's last four characters (the console
    keeps the stored, longer mask)."""
    id_number = certificate.id_masked
    if public and id_number:
        id_number = rules.identity.mask_id_public(id_number)
    return {
        "certificate_no": certificate.certificate_no,
        "verification_code": certificate.verification_code,
        "status": certificate.status,
        "status_label": rules.certificates.STATUS_LABELS[certificate.status],
        "revoked_reason": certificate.revoked_reason,
        "revoked_at": certificate.revoked_at,
        "replaced_by": certificate.replaced_by,
        "kind": certificate.kind,
        "name": rules.identity.mask_name(certificate.name),
        "id_number": id_number,
        "project_number": certificate.project_number,
        "project_name": certificate.project_name,
        "project_level": certificate.project_level,
        "level_label": rules.certificates.LEVEL_LABELS.get(certificate.project_level, certificate.project_level),
        "credit_class": certificate.credit_class,
        "credits": certificate.credits,
        "start_date": certificate.start_date,
        "end_date": certificate.end_date,
        "form": rules.certificates.FORM,
        "organiser": certificate.organiser,
        "issuer": certificate.issuer,
        "issued_on": certificate.issued_on,
    }


@operation(
    bp,
    "/public/certificates/query",
    "POST",
    summary="学员证书查询（项目编号、姓名和完整身份证号码；目标失败5次锁定24小时）",
    tag="证书",
    public=True,
    errors=(429,),
)
def query_certificates(
    body: schemas.certificates.CertificateQuery, source_ip: str
) -> schemas.certificates.CertificateList:
    found = services().certificates.query(source_ip, body.project_number, body.name, body.id_number)
    return schemas.certificates.CertificateList(
        items=[schemas.certificates.CertificateOut(**certificate_out(c, public=True)) for c in found]
    )


@operation(
    bp,
    "/public/certificates/{code}",
    "GET",
    summary="证书验证（扫码）",
    tag="证书",
    public=True,
    errors=(404,),
)
def verify_certificate(code: str) -> schemas.certificates.VerifiedCertificate:
    certificate = services().certificates.verify(code)
    return schemas.certificates.VerifiedCertificate(
        **certificate_out(certificate, public=True), verifications=int(certificate.verifications)
    )


@operation(
    bp,
    "/public/certificates/{code}/pdf",
    "GET",
    summary="下载或打印证书 PDF（短时有效链接）",
    tag="证书",
    public=True,
    errors=(404, 409, 410),
)
def certificate_pdf(code: str) -> schemas.certificates.CertificateLink:
    url, filename, view_url = services().certificates.public_pdf(code)
    return schemas.certificates.CertificateLink(url=url, filename=filename, view_url=view_url)


@operation(
    bp,
    "/sessions/{session_id}/certificates",
    "GET",
    summary="本期的电子学分证书（按证书编号分页）",
    tag="证书",
    errors=(400, 404),
)
def session_certificates(
    principal: Principal, session_id: str, query: schemas.certificates.SessionCertificatesQuery
) -> schemas.certificates.CertificatePage:
    page = services().certificates.of_session(principal, session_id, query.limit, query.cursor)
    return schemas.certificates.CertificatePage(
        items=[schemas.certificates.CertificateOut(**certificate_out(c)) for c in page.items],
        next_cursor=page.next_cursor,
    )


@operation(
    bp,
    "/sessions/{session_id}/certificates/pdf",
    "POST",
    summary="本期全部有效证书（可打印的 PDF，后台任务；超过一批时为多个 PDF 的 ZIP）",
    tag="证书",
    status=202,
    errors=(404,),
)
def session_certificates_pdf(
    principal: Principal, session_id: str, idempotency_key: str | None = None
) -> schemas.jobs.JobStarted:
    job = services().jobs.start(principal, "certificate-pdf", {"session_id": session_id}, key=idempotency_key)
    return schemas.jobs.JobStarted.model_validate(job)


@operation(
    bp,
    "/certificates/{certificate_no}/revoke",
    "POST",
    summary="作废证书（省继教办）",
    tag="证书",
    errors=(403, 404, 409),
)
def revoke_certificate(
    principal: Principal, certificate_no: str, body: schemas.certificates.CertificateReason
) -> schemas.certificates.CertificateOut:
    return schemas.certificates.CertificateOut(
        **certificate_out(services().certificates.revoke(principal, certificate_no, body.reason))
    )


@operation(
    bp,
    "/certificates/{certificate_no}/reissue",
    "POST",
    summary="重新签发证书（省继教办；原证书作废）",
    tag="证书",
    status=201,
    errors=(403, 404, 409),
)
def reissue_certificate(
    principal: Principal, certificate_no: str, body: schemas.certificates.CertificateReason
) -> schemas.certificates.CertificateOut:
    return schemas.certificates.CertificateOut(
        **certificate_out(services().certificates.reissue(principal, certificate_no, body.reason))
    )
