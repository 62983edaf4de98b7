"""What every schema shares: the ``Input`` and ``Output`` bases (text rules, strictness), person names and printable
text, paging, the error envelope, and ``choice`` for stored texts answered as a ``Literal``."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from chalicelib.services import text as text_rules

# A text field that may hold line breaks and tabs (reasons, descriptions, remarks): Field(json_schema_extra=MULTILINE).
MULTILINE: dict[str, Any] = {"x-multiline": True}


class Input(BaseModel):
    """Base of request bodies and query strings: unknown fields are rejected, text is trimmed, and no text (nested
    ones too: lists, dictionaries, nested models) may hold control characters (tab and newline only in MULTILINE
    fields), lone surrogates or Unicode noncharacters."""

    # Schemas are built on first use, not at import: most cold starts serve one or two routes.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _plain_text(cls, value: Any, info: ValidationInfo) -> Any:
        if (isinstance(value, str) and value.isprintable()) or not isinstance(value, str | list | dict):
            return value  # the usual case: one cheap check
        return _checked_text(value, _multiline(cls, info.field_name))


def _multiline(model: type[BaseModel], name: str | None) -> bool:
    extra = model.model_fields[name].json_schema_extra if name in model.model_fields else None
    return isinstance(extra, dict) and bool(extra.get("x-multiline"))


def _checked_text(value: Any, multiline: bool) -> Any:
    """``value`` with its texts checked (and, in multi-line fields, line breaks made ``\\n``)."""
    if isinstance(value, str):
        if value.isprintable():
            return value
        if multiline:
            value = text_rules.multiline_text(value)
        char = text_rules.refused_char(value, multiline)
        if char is not None:
            raise PydanticCustomError(
                "text_invalid_char", "含有不允许的字符（{char}）", {"char": text_rules.describe(char)}
            )
        return value
    if isinstance(value, list):
        return [_checked_text(item, multiline) for item in value]
    if isinstance(value, dict):
        return {_checked_text(key, False): _checked_text(item, multiline) for key, item in value.items()}
    return value


def _person_name(value: str) -> str:
    try:
        return text_rules.person_name(value)
    except text_rules.InvalidName as error:
        raise PydanticCustomError("person_name", str(error)) from None


# A person's name (attendee, lecturer, account, project leader): printable on a certificate, NFC, `·` folded.
PersonName = Annotated[str, AfterValidator(_person_name)]


def _printable_text(value: str) -> str:
    try:
        return text_rules.printable_text(value)
    except text_rules.UnprintableText as error:
        raise PydanticCustomError("printable_text", str(error)) from None


# Free text printed on a certificate (project name, organisation name, revocation and reissue reasons): NFC, no
# format character (zero-width, bidi), only characters the certificate fonts print.
PrintableText = Annotated[str, AfterValidator(_printable_text)]


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True, defer_build=True)


class PageQuery(Input):
    limit: int = Field(20, ge=1, le=100, title="每页条数")
    cursor: str | None = Field(None, max_length=2048, title="分页参数")


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(Output):
    status: str
    version: str


class Meta(Output):
    """What the web app shows of its stage's configuration (GET /meta, public): no secrets."""

    province_name: str = Field(title="省份名称")
    console_title: str = Field(title="管理控制台标题")
    phone_title: str = Field(title="手机页面标题")
    certificate_issuer: str = Field(title="证书颁发单位")
    certificate_prefix: str = Field(title="证书编号前缀")
    version: str = Field(title="版本")
