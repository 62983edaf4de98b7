"""Certificates: the public query, revocation and reissue reasons, and certificates as answered."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chalicelib.schemas.common import MULTILINE, Input, Output, PageQuery, PersonName, PrintableText


class CertificateQuery(Input):
    project_number: str = Field(min_length=4, max_length=40, title="项目编号")
    name: PersonName = Field(min_length=1, max_length=30, title="姓名")
    id_number: str = Field(min_length=1, max_length=30, title="身份证号码（完整18位）")


class CertificateReason(Input):
    reason: PrintableText = Field(min_length=2, max_length=200, title="理由", json_schema_extra=MULTILINE)


class CertificateOut(Output):
    certificate_no: str
    verification_code: str
    status: Literal["valid", "revoked"]
    status_label: str
    revoked_reason: str | None
    revoked_at: str | None
    replaced_by: str | None
    kind: Literal["attendee", "lecturer"]
    name: str
    id_number: str | None
    project_number: str
    project_name: str
    project_level: str
    level_label: str
    credit_class: str
    credits: float
    start_date: str
    end_date: str
    form: str
    organiser: str
    issuer: str
    issued_on: str


class VerifiedCertificate(CertificateOut):
    verifications: int


class CertificateList(Output):
    items: list[CertificateOut]


class SessionCertificatesQuery(PageQuery):
    limit: int = Field(100, ge=1, le=200, title="每页条数")


class CertificatePage(Output):
    """One page of a session's certificates in number order; ``next_cursor`` continues after its last one."""

    items: list[CertificateOut]
    next_cursor: str | None


class CertificateLink(Output):
    url: str = Field(description="下载链接（短时有效）")
    filename: str
    view_url: str = Field(description="在浏览器中打开以便打印的链接（短时有效）")
