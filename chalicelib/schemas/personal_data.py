"""个人信息: the office's request for a copy of one person's data, and the correction of an attendee's name or unit
on a certificate."""

from __future__ import annotations

from pydantic import Field

from chalicelib.schemas.common import Input, Output, PersonName, PrintableText


class PersonalDataExport(Input):
    id_number: str = Field(min_length=1, max_length=30, title="身份证号码（完整18位）")
    reference: PrintableText = Field(min_length=1, max_length=60, title="申请编号")


class Correction(Input):
    name: PersonName | None = Field(None, min_length=1, max_length=30, title="更正后的姓名")
    unit: str | None = Field(None, min_length=1, max_length=60, title="更正后的单位")
    reference: PrintableText = Field(min_length=1, max_length=60, title="申请编号或更正依据")
    version: int | None = Field(None, ge=0, title="读取时的证书版本（他人已更正时拒绝）")


class CorrectableOut(Output):
    """The person on one certificate as the office corrects it (unmasked name: the office edits it)."""

    certificate_no: str
    status: str
    status_label: str
    replaced_by: str | None = Field(title="已重新签发为")
    kind: str = Field(title="attendee 学员 / lecturer 授课教师")
    name: str
    unit: str | None = Field(title="单位（签到记录中的；授课教师或已删除时为空）")
    id_number: str | None = Field(title="身份证号码（隐藏）")
    project_number: str
    project_name: str
    credits: float
    issued_on: str
    verification_code: str
    version: int
    days: int = Field(title="签到记录数（按日签到时每天一条）")
