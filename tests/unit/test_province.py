"""The province configuration model (chalicelib/province.py): every setting validated when read, errors naming the
variable and its stack parameter, the Jiangsu defaults for local runs and tests only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chalicelib.province import LOCAL_DEFAULTS, SETTINGS, ConfigurationError, Province, read_province

ROOT = Path(__file__).resolve().parents[2]
ZHEJIANG = {
    "STAGE": "prodzj",
    "APP_ORIGIN": "https://cme.zj.example.cn",
    "MAIL_SENDER": "no-reply@cme.zj.example.cn",
    "MAIL_TRANSPORT": "smtp",
    "PROVINCE_NAME": "浙江省",
    "CERTIFICATE_ISSUER": "浙江省继续医学教育委员会办公室",
    "CERTIFICATE_PREFIX": "ZJ",
    "HOME_REGION": "33",
    "CONSOLE_TITLE": "浙江省继续医学教育学分管理系统",
    "PHONE_TITLE": "浙江省继续医学教育 手机服务",
}


def test_a_deployed_stage_reads_every_value_from_its_environment():
    province = read_province(ZHEJIANG)
    assert province.certificate_prefix == "ZJ" and province.home_region == "33" and province.mail_transport == "smtp"
    assert province.app_origin == "https://cme.zj.example.cn"


def test_local_runs_and_tests_get_the_jiangsu_defaults_from_one_place():
    for stage in ("local", "test"):
        assert read_province({"STAGE": stage}) == Province.model_validate(LOCAL_DEFAULTS)
    assert read_province({}).certificate_prefix == "JS"  # STAGE unset is a local run
    assert read_province({"STAGE": "test", "CERTIFICATE_PREFIX": "ZJ", "HOME_REGION": "33", "PROVINCE_NAME": "浙江省"})


@pytest.mark.parametrize("variable", [variable for variable, _, _ in SETTINGS.values()])
def test_a_deployed_stage_never_falls_back_to_jiangsu(variable):
    env = {name: value for name, value in ZHEJIANG.items() if name != variable}
    parameter = next(p for v, p, _ in SETTINGS.values() if v == variable)
    with pytest.raises(ConfigurationError, match=f"配置缺失：{variable}.*堆栈参数 {parameter}"):
        read_province(env)


@pytest.mark.parametrize(
    "variable, value",
    [
        ("CERTIFICATE_PREFIX", "zj"),
        ("CERTIFICATE_PREFIX", "ZHEJ1"),
        ("CERTIFICATE_PREFIX", "ZJABC"),
        ("CERTIFICATE_PREFIX", "Z-J"),
        ("HOME_REGION", "99"),
        ("HOME_REGION", "330000"),
        ("MAIL_TRANSPORT", "sendmail"),
        ("MAIL_SENDER", "no-reply"),
        ("APP_ORIGIN", "https://cme.example.cn/"),
        ("APP_ORIGIN", "cme.example.cn"),
        ("CONSOLE_TITLE", "浙江省\n继续医学教育"),
        ("PHONE_TITLE", "浙" * 41),
        ("CERTIFICATE_ISSUER", "浙"),
    ],
)
def test_a_bad_value_is_refused_naming_its_variable(variable, value):
    with pytest.raises(ConfigurationError, match=f"配置无效：{variable}（"):
        read_province({**ZHEJIANG, variable: value})


@pytest.mark.parametrize("prefix", ["Z", "ZJ", "ZJW", "ZHEJ"])
def test_prefixes_of_one_to_four_uppercase_letters(prefix):
    assert read_province({**ZHEJIANG, "CERTIFICATE_PREFIX": prefix}).certificate_prefix == prefix


def test_the_province_name_must_be_the_home_regions():
    with pytest.raises(ConfigurationError, match="浙江省.*HOME_REGION 32"):
        read_province({**ZHEJIANG, "HOME_REGION": "32"})


def test_the_stack_parameters_match_the_model():
    """Each setting is a parameter of the merge template reaching every function as its variable, with the same
    prefix and region rules, and no default: a stage states its province."""
    template = json.loads((ROOT / "infra" / "merge-template.json").read_text(encoding="utf-8"))
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    for variable, parameter, _ in SETTINGS.values():
        assert variables[variable] == {"Ref": parameter}
        assert "Default" not in template["Parameters"][parameter], parameter
    assert template["Parameters"]["CertificatePrefix"]["AllowedPattern"] == "^[A-Z]{1,4}$"
    assert template["Parameters"]["MailTransport"]["AllowedValues"] == ["ses", "smtp"]
    config = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    for stage in config["stages"].values():  # not baked into the package any more
        assert not set(stage["environment_variables"]) & {v for v, _, _ in SETTINGS.values()}


@pytest.mark.parametrize("region", ["cn-north-1", "cn-northwest-1"])
def test_a_china_region_has_no_ses(region):
    with pytest.raises(ConfigurationError, match="MAIL_TRANSPORT.*中国区域没有SES"):
        read_province({**ZHEJIANG, "MAIL_TRANSPORT": "ses", "AWS_REGION": region})
    assert read_province({**ZHEJIANG, "AWS_REGION": region}).mail_transport == "smtp"
    assert read_province({**ZHEJIANG, "MAIL_TRANSPORT": "ses", "AWS_REGION": "ap-east-1"}).mail_transport == "ses"
