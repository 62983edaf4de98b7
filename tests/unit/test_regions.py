from __future__ import annotations

import json

import pytest

from chalicelib.services import regions
from chalicelib.services.regions import HomeRegion, home_region


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
        ("", False),
        (None, False),
    ],
)
def test_the_home_province_and_its_cities_are_in_the_region(region, inside):
    assert home_region().contains(region) is inside


def test_the_deployment_data_names_jiangsu_and_its_thirteen_cities():
    data = json.loads(regions._DATA.read_text(encoding="utf-8"))  # noqa: SLF001 - the shipped data file
    assert data["province_full"] == "江苏省" and len(data["cities"]) == 13 and len(set(data["cities"])) == 13
    assert home_region().province == "江苏省"


def test_another_province_is_configured_by_its_own_places():
    zhejiang = HomeRegion("浙江省", ("浙江", "杭州", "台州"))
    assert zhejiang.contains("浙江省台州市") and not zhejiang.contains("江苏省泰州市")
