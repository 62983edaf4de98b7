from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from chalicelib.schemas.common import Input, Output

Kind = Literal["in", "out"]


class TokenQuery(Input):
    t: str = Field(min_length=1, max_length=100, title="二维码")


class SignIn(Input):
    t: str = Field(min_length=1, max_length=100, title="二维码")
    id_number: str = Field(min_length=1, max_length=30, title="身份证号码")
    name: str = Field(min_length=1, max_length=30, title="姓名")
    gender: Literal["male", "female"] = Field(title="性别")
    age: int = Field(ge=14, le=100, title="年龄")
    mobile: str = Field(min_length=1, max_length=20, title="手机号")
    unit: str = Field(min_length=1, max_length=60, title="单位")
    department: str = Field(min_length=1, max_length=40, title="科室")
    region: str = Field(min_length=1, max_length=40, title="单位所在地")
    grassroots: bool = Field(title="是否来自基层")
    title: str = Field(min_length=1, max_length=30, title="职称")
    position: str | None = Field(None, max_length=30, title="职务")
    education: str | None = Field(None, max_length=20, title="学历")
    client_id: str | None = Field(None, max_length=64, title="设备标识")


class Identify(Input):
    t: str = Field(min_length=1, max_length=100, title="二维码")
    mobile: str | None = Field(None, max_length=20, title="手机号")
    id_number: str | None = Field(None, max_length=30, title="身份证号码")


class SignOut(Identify):
    answers: dict[str, Any] = Field(title="问卷")


class WindowOut(Output):
    opens: str
    closes: str


class CodePage(Output):
    project_name: str
    project_number: str
    seq: int
    venue: str
    start_date: str
    end_date: str
    window: WindowOut
    state: Literal["open", "not_yet", "closed", "invalid"]
    message: str


class SignInResult(Output):
    status: Literal["signed_in", "already"]
    signed_in_at: str
    name: str


class Question(Output):
    id: str
    text: str
    type: Literal["single", "multiple"]
    choose: int | None = None
    options: list[str]


class Questionnaire(Output):
    version: str
    questions: list[Question]


class AttendeeCheck(Output):
    name: str
    id_number: str
    unit: str
    signed_in_at: str
    signed_out_at: str | None
    questionnaire: Questionnaire


class SignOutResult(Output):
    status: Literal["signed_out", "already"]
    signed_in_at: str
    signed_out_at: str
    hours: float


class Codes(Output):
    sign_in_url: str
    sign_out_url: str
    refresh_seconds: int
    sign_in_window: WindowOut
    sign_out_window: WindowOut


class AttendeeOut(Output):
    name: str
    id_number: str
    gender: str
    age: int
    mobile: str
    unit: str
    department: str
    region: str
    grassroots: bool
    title: str
    signed_in_at: str
    signed_out_at: str | None
    hours: float | None


class AttendanceList(Output):
    signed_in: int
    signed_out: int
    incomplete: int
    items: list[AttendeeOut]
