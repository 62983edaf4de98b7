"""The province and stage configuration (issue #14 item 1): what differs between one province's deployment and
another's, read from the environment the stack's parameters set, validated once per process, with the local
(Jiangsu) defaults in ``LOCAL_DEFAULTS`` and nowhere else."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from chalicelib.services import regions

_TEXT = r"^[^\x00-\x1f\x7f]+$"  # no control characters: these are printed on certificates and page titles
Text = Annotated[str, Field(min_length=2, max_length=40, pattern=_TEXT)]


class Province(BaseModel):
    """One stage's province settings. Field -> environment variable and stack parameter: ``SETTINGS``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    app_origin: Annotated[str, Field(pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]
    mail_sender: Annotated[str, Field(pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    mail_transport: Literal["ses", "smtp"]
    province_name: Text
    certificate_issuer: Text
    certificate_prefix: Annotated[str, Field(pattern=r"^[A-Z]{1,4}$")]
    home_region: Annotated[str, Field(pattern=r"^[0-9]{2}$")]
    console_title: Text
    phone_title: Text

    @field_validator("home_region")
    @classmethod
    def _known_region(cls, code: str) -> str:
        if code not in regions.province_codes():
            raise ValueError("不是已知的省级行政区划代码（GB/T 2260 前两位，如江苏 32、浙江 33）")
        return code

    @model_validator(mode="after")
    def _name_matches_region(self) -> Province:
        if regions.province_short_name(self.home_region) not in self.province_name:
            raise ValueError(f"PROVINCE_NAME「{self.province_name}」与 HOME_REGION {self.home_region} 不是同一省份")
        return self


# field -> (environment variable, stack parameter of infra/merge-template.json, what it is)
SETTINGS: dict[str, tuple[str, str, str]] = {
    "app_origin": ("APP_ORIGIN", "ConsoleOrigin", "控制台地址（链接、上传的跨域来源）"),
    "mail_sender": ("MAIL_SENDER", "MailSender", "邮件发件地址"),
    "mail_transport": ("MAIL_TRANSPORT", "MailTransport", "邮件发送方式 ses|smtp"),
    "province_name": ("PROVINCE_NAME", "ProvinceName", "省份名称"),
    "certificate_issuer": ("CERTIFICATE_ISSUER", "CertificateIssuer", "证书颁发单位"),
    "certificate_prefix": ("CERTIFICATE_PREFIX", "CertificatePrefix", "证书编号前缀（1–4个大写字母）"),
    "home_region": ("HOME_REGION", "HomeRegion", "本省行政区划代码（省外学员占比）"),
    "console_title": ("CONSOLE_TITLE", "ConsoleTitle", "管理控制台标题"),
    "phone_title": ("PHONE_TITLE", "PhoneTitle", "手机页面标题"),
}

# Local runs and tests only (STAGE local or test): a deployed stage gets every value from its stack's parameters.
LOCAL_DEFAULTS: dict[str, str] = {
    "app_origin": "http://127.0.0.1:8000",
    "mail_sender": "no-reply@cme.local",
    "mail_transport": "ses",
    "province_name": "江苏省",
    "certificate_issuer": "江苏省继续医学教育委员会办公室",
    "certificate_prefix": "JS",
    "home_region": "32",
    "console_title": "江苏省继续医学教育学分管理系统",
    "phone_title": "江苏省继续医学教育项目 管理系统",
}
LOCAL_STAGES = frozenset({"local", "test"})


class ConfigurationError(RuntimeError):
    """A stage's configuration is missing or invalid; the message names the variable and its stack parameter."""


def read_province(environ: Mapping[str, str] | None = None) -> Province:
    """The province settings of ``environ`` (the process environment by default). Outside local runs and tests a
    missing value is an error, never a Jiangsu default."""
    env = os.environ if environ is None else environ
    local = env.get("STAGE", "local") in LOCAL_STAGES
    values: dict[str, str] = {}
    for name, (variable, parameter, label) in SETTINGS.items():
        value = env.get(variable, "").strip()
        if not value and local:
            value = LOCAL_DEFAULTS[name]
        if not value:
            raise ConfigurationError(f"配置缺失：{variable}（{label}；堆栈参数 {parameter}）未设置")
        values[name] = value
    if values["mail_transport"] == "ses" and env.get("AWS_REGION", "").startswith("cn-"):
        # The China regions have no SES; sending through a global account's would move personal data abroad.
        variable, parameter, label = SETTINGS["mail_transport"]
        raise ConfigurationError(f"配置无效：{variable}（{label}；堆栈参数 {parameter}）：中国区域没有SES，请使用smtp")
    try:
        return Province.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        if field in SETTINGS:
            variable, parameter, label = SETTINGS[field]
            where = f"{variable}（{label}；堆栈参数 {parameter}）"
        else:
            where = "省份配置"
        message = re.sub(r"^Value error, ", "", first["msg"])
        raise ConfigurationError(f"配置无效：{where}：{message}") from None
