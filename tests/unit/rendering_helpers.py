"""Reading generated PDFs and QR images back, for the rendering tests."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import zxingcpp
from PIL import Image, ImageDraw
from pypdf import PdfReader


def pdf_pages(content: bytes) -> list:
    return PdfReader(io.BytesIO(content)).pages


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pdf_pages(content))


def decode_qr(image: Image.Image) -> list[tuple[str, str]]:
    """(text, error-correction level) of every QR code zxing finds in image."""
    return [(found.text, found.ec_level) for found in zxingcpp.read_barcodes(image.convert("L"))]


def svg_to_image(svg: str, pixels_per_module: int = 8) -> Image.Image:
    """Draw the QR of `qr_svg` markup: the white square, then each `M x y h w v1 h-w z` run of the path."""
    root = ET.fromstring(svg)
    _, _, width, height = (int(value) for value in root.attrib["viewBox"].split())
    image = Image.new("L", (width * pixels_per_module, height * pixels_per_module), 128)
    draw = ImageDraw.Draw(image)
    namespace = "{http://www.w3.org/2000/svg}"
    rect = root.find(f"{namespace}rect")
    if rect is not None and rect.attrib.get("fill") == "#fff":
        size = (int(rect.attrib["width"]) * pixels_per_module - 1, int(rect.attrib["height"]) * pixels_per_module - 1)
        draw.rectangle([(0, 0), size], fill=255)
    path = root.find(f"{namespace}path").attrib["d"]
    runs = re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", path)
    assert "".join(f"M{x} {y}h{w}v1h-{back}z" for x, y, w, back in runs) == path, "unexpected path syntax"
    for x, y, run, back in runs:
        assert run == back
        left, top = int(x) * pixels_per_module, int(y) * pixels_per_module
        draw.rectangle([(left, top), (left + int(run) * pixels_per_module - 1, top + pixels_per_module - 1)], fill=0)
    return image
