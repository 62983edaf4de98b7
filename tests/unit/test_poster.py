from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from chalicelib.services.fonts import font_set, missing_glyphs
from chalicelib.services.poster import PosterData, instructions, render_poster
from tests.unit.rendering_helpers import decode_qr, pdf_pages, pdf_text

URL = "https://cme.example.cn/m/attendance/01JZ8Q3K5V7X9Y2B4C6D8F0G1H/in?t=Zk3n2Jq8Wm5Xr7Tb"
NAME = "王喆·李堃·刘䶮·𠮷田心血管病学习班"


def poster(**changes) -> PosterData:
    values = {
        "project_number": "2026-03-01-001 (省)",
        "project_name": NAME,
        "seq": 3,
        "venue": "南京示范医院门诊楼三楼学术报告厅",
        "kind_label": "签到",
        "title": "注册签到二维码",
        "windows": [("2026年5月11日 07:30", "2026年5月11日 09:00")],
        "valid_until_text": "2026年5月12日 08:00",
        "url": URL,
    }
    values.update(changes)
    return PosterData(**values)


def test_poster_is_one_a4_page_with_every_text():
    content = render_poster(poster())
    pages = pdf_pages(content)
    assert len(pages) == 1
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (595.28, 841.89)
    text = pdf_text(content)
    for expected in [
        "注册签到二维码",
        NAME,
        "项目编号：2026-03-01-001 (省)",
        "第 3 期",
        "举办地点：南京示范医院门诊楼三楼学术报告厅",
        "签到时间",
        "2026年5月11日 07:30 至 2026年5月11日 09:00",
        "请扫码签到",
        "本二维码有效期至 2026年5月12日 08:00",
        "使用手机微信或浏览器扫描上方二维码",
        URL,
    ]:
        assert expected in text, expected


def test_poster_qr_decodes_to_the_url():
    images = pdf_pages(render_poster(poster()))[0].images
    assert len(images) == 1
    assert decode_qr(images[0].image) == [(URL, "M")]


def test_sign_out_poster_with_daily_windows_and_a_long_name_stays_on_one_page():
    long_name = "基层医疗卫生机构慢性病规范化管理与合理用药培训班暨江苏省心血管内科专科医师能力提升项目第二阶段课程"
    windows = [(f"2026年5月{day}日 16:00", f"2026年5月{day}日 18:00") for day in range(11, 18)]
    content = render_poster(poster(kind_label="签退", title="离开二维码", project_name=long_name, windows=windows))
    assert len(pdf_pages(content)) == 1
    text = pdf_text(content)
    assert long_name in text.replace("\n", "")
    assert all(f"{opens} 至 {closes}" in text for opens, closes in windows)
    assert "签退时请完成页面上的问卷调查。" in text
    assert decode_qr(pdf_pages(content)[0].images[0].image) == [(URL, "M")]


def test_fixed_texts_need_no_fallback_font():
    fonts = font_set()
    for kind in ("签到", "签退"):
        fixed = (
            "".join(instructions(poster(kind_label=kind, valid_until_text="")))
            + "使用说明请扫码时间项目编号：第期举办地点至"
        )
        assert missing_glyphs(fixed, [fonts.regular]) == []
        assert missing_glyphs(fixed, [fonts.bold]) == []


def test_pdf_is_small():
    assert len(render_poster(poster())) < 80_000
    assert io.BytesIO(render_poster(poster())).getvalue().startswith(b"%PDF-")


def test_importing_the_rendering_modules_loads_no_pdf_or_image_library():
    """They are imported on Lambda cold starts; fpdf2, qrcode, Pillow and fontTools load on first use."""
    code = (
        "import sys; import chalicelib.services.poster, chalicelib.services.fonts, chalicelib.services.qr_images; "
        "print(sorted(name for name in ('fpdf', 'qrcode', 'PIL', 'fontTools') if name in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.check_output([sys.executable, "-c", code], cwd=root, text=True).strip() == "[]"
