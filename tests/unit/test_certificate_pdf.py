from __future__ import annotations

import pypdfium2
import pytest

from chalicelib.services.certificate_pdf import (
    CertificateData,
    body_text,
    chinese_date,
    credits_text,
    printed_texts,
    render_certificate,
    render_certificates,
)
from chalicelib.services.fonts import font_set, missing_glyphs
from tests.unit.rendering_helpers import decode_qr, pdf_pages, pdf_text

RARE_NAME = "阿卜杜·王喆堃䶮𠮷"  # middle dot; 喆 堃 outside GB2312, 䶮 CJK Ext A, 𠮷 Ext B
URL = "https://cme.example.cn/verify/7KQ2-M9XD-4HTA-PW3E"
ISSUER = "江苏省继续医学教育委员会办公室"


def certificate(**changes) -> CertificateData:
    values = {
        "name": RARE_NAME,
        "id_masked": "320102********1234",
        "project_number": "2026-03-01-001 (国)",
        "project_name": "心血管疾病诊疗新进展学习班",
        "level_label": "国家级",
        "credit_class": "I类",
        "credits": 2.0,
        "start_date": "2026-05-11",
        "end_date": "2026-05-12",
        "form": "面授",
        "organiser": "南京示范医院 · 心血管内科",
        "certificate_no": "JS2026-000123",
        "verify_url": URL,
        "issued_on": "2026-12-04",
        "issuer": ISSUER,
    }
    values.update(changes)
    return CertificateData(**values)


def flat(text: str) -> str:
    """Text without whitespace: lines wrap anywhere, and a wrap drops the space it falls on."""
    return "".join(text.split())


def test_one_a4_page_with_every_field():
    data = certificate()
    content = render_certificate(data)
    pages = pdf_pages(content)
    assert len(pages) == 1
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (595.28, 841.89)
    text = pdf_text(content)
    assert RARE_NAME in text  # the full name, never split across lines
    sentence = (
        f"{RARE_NAME}（身份证号：320102********1234）于2026年5月11日至2026年5月12日参加国家级继续医学教育项目"
        "《心血管疾病诊疗新进展学习班》（项目编号：2026-03-01-001 (国)），经考核合格，特授予 I 类学分 2 分。"
    )
    assert body_text(data) == sentence
    assert flat(sentence) in flat(text)
    for expected in [
        "继续医学教育学分证书",
        "证书编号：JS2026-000123",
        "形式",
        "面授",
        "主办单位",
        "南京示范医院 · 心血管内科",
        ISSUER,
        "2026年12月4日",
        "扫码验证",
        URL,
    ]:
        assert expected in text, expected
    assert "已作废" not in text


def test_qr_decodes_to_the_verification_url():
    images = pdf_pages(render_certificate(certificate()))[0].images
    assert len(images) == 1
    assert decode_qr(images[0].image) == [(URL, "M")]


def test_printed_page_shows_the_qr_code():
    """Rasterised as a printer would (pdfium), the QR on the page still decodes."""
    page = pypdfium2.PdfDocument(render_certificate(certificate()))[0]
    assert decode_qr(page.render(scale=150 / 72).to_pil()) == [(URL, "M")]


def test_revoked_certificate_carries_the_watermark_and_the_reason():
    content = render_certificate(certificate(revoked=True, revoked_reason="学员信息有误", revoked_on="2026-12-20"))
    text = pdf_text(content)
    assert "已作废" in text
    assert "本证书已于2026年12月20日作废（原因：学员信息有误），不再作为学分证明。" in flat(text)
    assert RARE_NAME in text


def test_a_batch_has_one_page_per_certificate_in_order():
    names = ["欧阳晓明", "王喆", "阿依古丽·买买提"]
    items = [
        certificate(name=name, certificate_no=f"JS2026-00000{index}", verify_url=f"{URL}-{index}")
        for index, name in enumerate(names, start=1)
    ]
    pages = pdf_pages(render_certificates(items))
    assert len(pages) == 3
    for index, (page, name) in enumerate(zip(pages, names, strict=True), start=1):
        text = page.extract_text()
        assert name in text
        assert f"证书编号：JS2026-00000{index}" in text
        assert decode_qr(page.images[0].image) == [(f"{URL}-{index}", "M")]
    with pytest.raises(ValueError):
        render_certificates([])


def test_certificates_rendered_one_after_another_each_show_their_own_texts():
    """The fonts are parsed once per process (a Lambda container renders many certificates): each
    document still prints its own texts (test_fonts checks that each embeds its own glyphs only)."""
    names = [RARE_NAME, "欧阳晓明", "刘䶮 𠮷田", RARE_NAME]
    contents = [
        render_certificate(certificate(name=name, certificate_no=f"JS2026-00010{index}", credits=index + 0.5))
        for index, name in enumerate(names)
    ]
    for index, (name, content) in enumerate(zip(names, contents, strict=True)):
        text = pdf_text(content)
        assert name in text
        assert f"证书编号：JS2026-00010{index}" in text
        assert f"特授予I类学分{index}.5分。" in flat(text)
        assert not [other for other in names if other != name and other in text]
    assert "喆" not in pdf_text(contents[1]) + pdf_text(contents[2])


def test_a_character_no_font_has_is_refused_not_dropped():
    with pytest.raises(ValueError, match=r"U\+1F600.*name"):
        render_certificate(certificate(name="张三😀"))
    with pytest.raises(ValueError, match="organiser"):
        render_certificates([certificate(), certificate(organiser="医院\U000f0000")])


def test_long_texts_stay_on_the_page():
    long_name = "基层医疗卫生机构慢性病规范化管理与合理用药培训班暨江苏省心血管内科专科医师能力提升项目第二阶段课程"
    organiser = "江苏省示范医学会 · 心血管病学分会、南京示范医院 · 心血管内科、苏州示范医院 · 心内科联合举办"
    content = render_certificate(certificate(project_name=long_name, organiser=organiser, revoked=True))
    assert len(pdf_pages(content)) == 1
    text = flat(pdf_text(content))
    assert flat(long_name) in text
    assert flat(organiser) in text


def test_formats():
    assert chinese_date("2026-12-24") == "2026年12月24日"
    assert chinese_date("2026-05-01") == "2026年5月1日"
    assert [credits_text(value) for value in (2.0, 2.5, 0.25, 10)] == ["2", "2.5", "0.25", "10"]
    assert "特授予 I 类学分 2.5 分。" in body_text(certificate(credits=2.5))


def test_fixed_texts_need_no_fallback_font():
    data = certificate(
        name="张三", organiser="南京示范医院", revoked=True, revoked_reason="重复", revoked_on="2026-12-20"
    )
    assert missing_glyphs("".join(printed_texts(data).values()), [font_set().regular]) == []


def test_embedded_font_subsets_carry_the_source_outlines():
    """Each embedded subset maps every printed character to the same outline as the source font
    file (fonts.py shares the parsed glyph order between documents)."""
    import io

    from fontTools.ttLib import TTFont

    from chalicelib.services.fonts import fallback_for

    content = render_certificate(certificate())
    sources = {font: TTFont(font.path) for font in [font_set().regular, *fallback_for(RARE_NAME)]}
    embedded = []
    for page in pdf_pages(content):
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            embedded.append(TTFont(io.BytesIO(descendant["/FontDescriptor"]["/FontFile2"].get_data())))
    assert len(embedded) == len(sources) == 3
    checked = set()
    for subset in embedded:
        for point, glyph_name in subset.getBestCmap().items():
            source = next(parsed for font, parsed in sources.items() if font.maps(chr(point)))
            expected = source["glyf"][source.getBestCmap()[point]]
            actual = subset["glyf"][glyph_name]
            assert actual.getCoordinates(subset["glyf"])[0] == expected.getCoordinates(source["glyf"])[0], chr(point)
            checked.add(chr(point))
    assert set("喆堃䶮𠮷·继续医学") <= checked


def test_importing_the_module_loads_no_pdf_or_image_library():
    """It is imported on Lambda cold starts; fpdf2, qrcode, Pillow and fontTools load on first render."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys; import chalicelib.services.certificate_pdf; "
        "print(sorted(name for name in ('fpdf', 'qrcode', 'PIL', 'fontTools') if name in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.check_output([sys.executable, "-c", code], cwd=root, text=True).strip() == "[]"
