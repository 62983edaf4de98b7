"""QR attendance: the phone's sign-in and sign-out, the console's codes, roster, flags, refused scans and the
sign-out questionnaire with its statistics."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from chalicelib.schemas.common import MULTILINE, Input, Output, PageQuery, PersonName
from chalicelib.schemas.sessions import AttendanceSettings, AttendanceSettingsOut, BlockTimes, WindowOut

Kind = Literal["in", "out"]


FlagCode = Literal["SHARED_DEVICE", "SHARED_MOBILE"]


class TokenQuery(Input):
    t: str = Field(min_length=1, max_length=100, title="二维码")


class SignIn(Input):
    t: str = Field(min_length=1, max_length=100, title="二维码")
    id_number: str = Field(min_length=1, max_length=30, title="身份证号码")
    name: PersonName = Field(min_length=1, max_length=30, title="姓名")
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


# ``signed_in``: this sign-in created the record (the name sent, masked, and its time); ``already``: this phone
# signed the number in before (the first sign-in's time and masked name); ``elsewhere``: another phone signed the
# number in first: no detail of that record. (Comments, not docstrings: pydantic would publish them in OpenAPI.)
class SignInResult(Output):
    status: Literal["signed_in", "already", "elsewhere"]
    signed_in_at: str | None
    name: str | None


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


class CodeOut(Output):
    kind: Kind
    label: str
    url: str
    svg: str
    window: WindowOut
    state: Literal["open", "not_yet", "closed"]


class Codes(Output):
    refresh_seconds: int
    valid_until: str
    sign_in_url: str
    sign_out_url: str
    codes: list[CodeOut]
    windows: list[WindowOut]


class CodeFileQuery(Input):
    format: Literal["png", "svg", "pdf"] = Field(title="格式")


class FlagOut(Output):
    code: FlagCode
    label: str


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
    position: str | None
    education: str | None
    day: str | None
    signed_in_at: str
    signed_out_at: str | None
    hours: float | None
    status: Literal["present", "signed_out", "incomplete"]
    questionnaire_done: bool
    flags: list[FlagOut]


class AttendanceTotals(Output):
    """The live counts of a session's attendance."""

    signed_in: int
    signed_out: int
    incomplete: int
    flagged: int


class RosterQuery(PageQuery):
    limit: int = Field(50, ge=1, le=50, title="每页条数")


class AttendeePage(Output):
    """One page of the roster in sign-in order; ``next_cursor`` continues after its last attendee."""

    items: list[AttendeeOut]
    next_cursor: str | None


class OptionCount(Output):
    option: str
    count: int


class QuestionStatistics(Output):
    id: str
    text: str
    type: Literal["single", "multiple"]
    choose: int | None
    options: list[OptionCount]


class QuestionnaireStatistics(Output):
    version: str
    responses: int
    questions: list[QuestionStatistics]


class RejectionOut(Output):
    at: str
    last_at: str
    repeats: int
    kind: Kind
    code: str
    message: str
    id_number: str | None


class RejectionPage(Output):
    items: list[RejectionOut]
    next_cursor: str | None


class RejectionQuery(PageQuery):
    pass


class QuestionIn(Input):
    text: str = Field(min_length=1, max_length=200, title="题目", json_schema_extra=MULTILINE)
    type: Literal["single", "multiple"] = Field(title="题型")
    choose: int | None = Field(None, ge=1, le=9, title="选择项数")
    options: list[str] = Field(min_length=2, max_length=10, title="选项")

    @field_validator("options")
    @classmethod
    def _options(cls, options: list[str]) -> list[str]:
        cleaned = [option.strip() for option in options]
        if any(not 1 <= len(option) <= 50 for option in cleaned):
            raise ValueError("每个选项1至50个字")
        if len(set(cleaned)) != len(cleaned):
            raise ValueError("选项不能重复")
        return cleaned

    @model_validator(mode="after")
    def _choose(self) -> QuestionIn:
        if self.type == "single":
            self.choose = None
        elif self.choose is None or not 1 <= self.choose < len(self.options):
            raise ValueError("多选题须指定选择项数，且少于选项数")
        return self


class QuestionnaireIn(Input):
    questions: list[QuestionIn] = Field(min_length=1, max_length=30, title="题目")


class QuestionnaireOut(Questionnaire):
    created_at: str | None
    created_by: str | None


class QuestionnaireList(Output):
    items: list[QuestionnaireOut]


class WindowsPreviewIn(Input):
    schedule: list[BlockTimes] = Field(default_factory=list, max_length=100, title="教学日程")
    attendance: AttendanceSettings | None = Field(None, title="签到签退设置（不填为默认设置）")


# The settings with their defaults filled in, and the windows they give the schedule.
class WindowsPreview(Output):
    attendance: AttendanceSettingsOut
    windows: list[WindowOut]
