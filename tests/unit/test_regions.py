"""The home region chosen by its province code (HOME_REGION) among the provinces of chalicelib/data/regions.json."""

from __future__ import annotations

import json

import pytest

from chalicelib.services import regions
from chalicelib.services.regions import HomeRegion, home_region, province_codes


@pytest.mark.parametrize(
    "region, inside",
    [
        ("南京", True),
        ("江苏省南京市", True),
        ("苏州市工业园区", True),
        ("昆山", True),
        ("连云港市", True),
        ("江苏", True),
        ("  宿迁 ", True),
        ("上海市", False),
        ("浙江省台州市", False),
        ("安徽合肥", False),
        ("上海市南京东路", False),  # names another province, not Jiangsu: the street is not the city
        ("", False),
        (None, False),
    ],
)
def test_the_home_province_and_its_cities_are_in_the_region(region, inside):
    assert home_region("32").contains(region) is inside


def test_the_data_names_every_province_once_with_jiangsu_as_before():
    data = json.loads(regions._DATA.read_text(encoding="utf-8"))["provinces"]  # noqa: SLF001 - the shipped data file
    assert len(data) == 34 and all(len(code) == 2 and code.isdigit() for code in data)
    shorts = [entry["short"] for entry in data.values()]
    assert len(set(shorts)) == len(shorts)
    jiangsu = data["32"]
    assert jiangsu["name"] == "江苏省" and len(jiangsu["cities"]) == 13 and len(set(jiangsu["cities"])) == 13
    assert home_region("32").province == "江苏省" and province_codes()["33"] == "浙江省"
    for entry in data.values():
        assert len(set(entry["cities"])) == len(entry["cities"]), entry["name"]


@pytest.mark.parametrize(
    "region, inside",
    [("浙江省台州市", True), ("义乌", True), ("杭州", True), ("江苏省泰州市", False), ("南京", False)],
)
def test_another_province_is_chosen_by_its_code(region, inside):
    assert home_region("33").province == "浙江省"
    assert home_region("33").contains(region) is inside


def test_a_place_of_the_same_name_in_another_province_is_not_home():
    liaoning = home_region("21")  # 朝阳 is a city of 辽宁 and a district of 北京
    assert liaoning.contains("辽宁省朝阳市") and liaoning.contains("朝阳") and not liaoning.contains("北京市朝阳区")
    qinghai = home_region("63")  # 海南藏族自治州 is in 青海, not the province 海南
    assert qinghai.contains("青海省海南州") and not qinghai.contains("海南省海口市")


def test_a_region_built_by_hand_keeps_its_interface():
    zhejiang = HomeRegion("浙江省", ("浙江", "杭州", "台州"))
    assert zhejiang.contains("浙江省台州市") and not zhejiang.contains("江苏省泰州市")
