from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from chalicelib.services.qr_images import QUIET_ZONE, qr_matrix, qr_png, qr_svg
from tests.unit.rendering_helpers import decode_qr, svg_to_image

URLS = [
    "https://cme.example.cn/m/attendance/01JZ8Q3K5V7X9Y2B4C6D8F0G1H/in?t=Zk3n2Jq8Wm5Xr7Tb",
    "http://127.0.0.1:8000/m/attendance/s-1/out?t=a&b=c",
    "https://cme.example.cn/证书/验证?code=AB12",
]


@pytest.mark.parametrize("url", URLS)
def test_png_decodes_to_the_url_with_level_m(url):
    image = Image.open(io.BytesIO(qr_png(url)))
    assert image.format == "PNG"
    assert decode_qr(image) == [(url, "M")]


def test_png_has_the_quiet_zone_and_whole_modules():
    matrix = qr_matrix(URLS[0])
    image = Image.open(io.BytesIO(qr_png(URLS[0], module_pixels=6))).convert("L")
    assert image.size == (len(matrix) * 6, len(matrix) * 6)
    margin = QUIET_ZONE * 6
    width = image.size[0]
    for box in [
        (0, 0, width, margin),
        (0, 0, margin, width),
        (width - margin, 0, width, width),
        (0, width - margin, width, width),
    ]:
        assert image.crop(box).getextrema() == (255, 255)
    assert image.getpixel((margin, margin)) == 0  # the finder pattern starts right inside the quiet zone


@pytest.mark.parametrize("url", URLS)
def test_svg_is_inline_markup_that_draws_the_same_code(url):
    svg = qr_svg(url)
    assert svg.startswith("<svg ") and svg.endswith("</svg>") and "<?xml" not in svg
    root = ET.fromstring(svg)
    size = len(qr_matrix(url))
    assert root.attrib["viewBox"] == f"0 0 {size} {size}"
    assert "width" not in root.attrib  # scales to its container
    assert root.attrib["aria-label"] == "二维码"
    assert decode_qr(svg_to_image(svg)) == [(url, "M")]


def test_svg_of_a_standalone_file_has_a_size_and_escapes_its_label():
    root = ET.fromstring(qr_svg(URLS[0], label='签到 "A" <B> & C', size="60mm"))
    assert (root.attrib["width"], root.attrib["height"]) == ("60mm", "60mm")
    assert root.attrib["aria-label"] == '签到 "A" <B> & C'


def test_svg_drawing_is_checked_against_the_matrix():
    svg = svg_to_image(qr_svg(URLS[1]), pixels_per_module=1)
    matrix = qr_matrix(URLS[1])
    assert [[svg.getpixel((x, y)) == 0 for x in range(len(row))] for y, row in enumerate(matrix)] == matrix
