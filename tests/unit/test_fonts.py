from __future__ import annotations

import gc
from datetime import UTC, datetime

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF

from chalicelib.services import fonts as fonts_module
from chalicelib.services.fonts import FAMILY, fallback_for, font_set, missing_glyphs, pdf_bytes, use_fonts
from tests.unit.rendering_helpers import pdf_pages, pdf_text

RARE = "王喆·李堃·刘䶮·𠮷田"  # 喆 堃: GBK only; 䶮: CJK Ext A; 𠮷 U+20BB7: Ext B; · U+00B7


def _gb2312() -> str:
    chars = []
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes((high, low)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def _all_files():
    fonts = font_set()
    return [fonts.regular, fonts.bold, *fonts.fallback]


@pytest.mark.parametrize("font", _all_files(), ids=lambda font: font.file)
def test_manifest_lists_exactly_what_each_file_maps(font):
    cmap = set(TTFont(font.path, lazy=True).getBestCmap())
    listed = {point for start, end in zip(font.starts, font.ends, strict=True) for point in range(start, end + 1)}
    assert listed == cmap
    assert font.path.stat().st_size < 2.5 * 2**20


def test_primary_faces_cover_gb2312_ascii_and_chinese_punctuation():
    fonts = font_set()
    text = _gb2312() + "".join(map(chr, range(0x20, 0x7F))) + "·・‧•—…“”‘’《》〈〉「」【】、。，：；！？（）￥"
    assert len(_gb2312()) == 7445
    assert missing_glyphs(text, [fonts.regular]) == []
    assert missing_glyphs(text, [fonts.bold]) == []


def test_rare_name_characters_are_in_fallback_slices_only():
    fonts = font_set()
    assert missing_glyphs(RARE, [fonts.regular]) == ["喆", "堃", "䶮", "𠮷"]
    assert missing_glyphs(RARE) == []
    slices = fallback_for(RARE)
    assert 1 <= len(slices) <= 4
    mapped = set().union(*(TTFont(font.path, lazy=True).getBestCmap() for font in slices))
    assert {ord(char) for char in "喆堃䶮𠮷"} <= mapped


def test_a_character_no_font_has_is_reported_once_and_controls_are_ignored():
    assert missing_glyphs("张\U000f0000三\n\t\U000f0000😀") == ["\U000f0000", "😀"]
    assert fallback_for("张三\n") == []


def _document(name: str, bold: bool = True) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2026, 5, 20, tzinfo=UTC))
    missing = use_fonts(pdf, name, bold=bold)
    assert missing == []
    pdf.add_page()
    pdf.set_font(FAMILY, "B" if bold else "", 20)
    pdf.cell(0, 12, f"{name} 同志", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 12)
    pdf.multi_cell(0, 8, "经考核合格，特授予 I 类学分 2 分。证书编号：JS-2026-000123")
    return pdf


def _certificate(name: str, bold: bool = True) -> tuple[FPDF, bytes]:
    pdf = _document(name, bold)
    return pdf, pdf_bytes(pdf)


def _embedded_fonts(content: bytes) -> list[TTFont]:
    import io

    return [
        TTFont(io.BytesIO(font.get_object()["/DescendantFonts"][0]["/FontDescriptor"]["/FontFile2"].get_data()))
        for page in pdf_pages(content)
        for font in page["/Resources"]["/Font"].values()
    ]


def test_rare_characters_render_through_the_fallback_even_in_bold():
    pdf, content = _certificate(RARE)
    text = pdf_text(content)
    assert f"{RARE} 同志" in text
    assert "经考核合格，特授予 I 类学分 2 分。证书编号：JS-2026-000123" in text
    assert len(pdf.fonts) == 2 + len(fallback_for(RARE))


def test_a_gb2312_name_embeds_the_primary_faces_only():
    pdf, content = _certificate("欧阳晓明")
    assert "欧阳晓明 同志" in pdf_text(content)
    assert sorted(pdf.fonts) == [FAMILY, FAMILY + "B"]
    assert len(content) < 40_000
    assert len(pdf_pages(content)) == 1


def test_documents_without_bold_leave_the_bold_face_out():
    pdf, content = _certificate(RARE, bold=False)
    assert f"{RARE} 同志" in pdf_text(content)
    assert FAMILY + "B" not in pdf.fonts
    assert FAMILY in pdf.fonts


def test_fonts_parsed_once_serve_many_documents():
    """Each document gets its own copy of the parsed font: later documents render their own text."""
    first, second = _certificate("欧阳晓明")[1], _certificate("司马相如")[1]
    assert "司马相如 同志" in pdf_text(second)
    assert "欧阳晓明" not in pdf_text(second)
    assert "欧阳晓明 同志" in pdf_text(first)


def test_pdf_bytes_writes_what_pdf_output_writes():
    """pdf_bytes only makes fpdf2's font subsetting quicker: fpdf2 alone writes the same bytes."""
    for name, bold in [(RARE, True), ("欧阳晓明", False), ("𠮷田 䶮", False)]:
        quick = pdf_bytes(_document(name, bold))
        assert quick == bytes(_document(name, bold).output())
        assert len(_embedded_fonts(quick)) == 1 + bold + len(fallback_for(name))


def test_documents_one_after_another_embed_only_their_own_glyphs():
    """Fonts parsed once serve many documents; nothing of one document's fonts reaches the next."""
    names = [RARE, "欧阳晓明", "司马相如 䶮", RARE]
    contents = [_certificate(name)[1] for name in names]
    for name, content in zip(names, contents, strict=True):
        assert f"{name} 同志" in pdf_text(content)
        printed = {ord(char) for char in f"{name} 同志经考核合格，特授予 I 类学分 2 分。证书编号：JS-2026-000123"}
        for font in _embedded_fonts(content):
            assert not ({ord(char) for char in "".join(names)} - printed) & set(font.getBestCmap())
            assert len(font.getGlyphOrder()) <= len(printed) + 4
    assert "欧阳晓明" not in pdf_text(contents[2])
    assert contents[0] == contents[3]


def test_no_document_state_outlives_its_document():
    _certificate(RARE)
    gc.collect()
    assert len(fonts_module._DOCUMENT_FONTS) == 0
    assert fonts_module._parsed.cache_info().currsize <= 2 + len(font_set().fallback)


def test_without_the_fallback_fpdf_would_drop_the_rare_characters():
    """Why use_fonts exists: fpdf2 alone leaves the characters out silently."""
    pdf = FPDF(format="A4")
    pdf.add_font(FAMILY, "", font_set().regular.path)
    pdf.add_page()
    pdf.set_font(FAMILY, "", 12)
    pdf.cell(0, 10, RARE)
    assert "喆" not in pdf_text(bytes(pdf.output()))
