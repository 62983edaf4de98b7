"""`make bench`, PDF part: QR poster and a certificate-like page, warm in this process and cold in a
fresh one, with and without a name that needs the fallback font.

Run alone with `.venv/bin/python -m benchmarks.rendering` (needs `make fonts`).
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
COMMON_NAME = "欧阳晓明"
RARE_NAME = "王喆·李堃·刘䶮·𠮷田"  # four characters outside GB2312 and the middle dot
VERIFY_URL = "https://cme.example.cn/m/certificates/verify?code=7KQ2-M9XD-4HTA"


def certificate_page(name: str, bold: bool = True) -> bytes:
    """One A4 page shaped like a credit certificate: title and name (bold unless not bold), a dozen
    lines, the QR of the verification link."""
    from fpdf import FPDF

    from chalicelib.services.fonts import FAMILY, use_fonts
    from chalicelib.services.qr_images import qr_png

    lines = [
        "身份证号：320***********123X",
        "项目编号：2026-03-01-001 (省)",
        "项目名称：心血管疾病诊疗新进展学习班",
        "经考核合格，特授予 I 类学分 2 分。",
        "举办日期：2026年5月11日 至 2026年5月12日（面授）",
        "举办单位：南京示范医院 · 心血管内科",
        "发证机构：江苏省继续医学教育委员会办公室",
        "发证日期：2026年5月20日",
        "证书编号：JS-2026-000123",
    ]
    pdf = FPDF(format="A4")
    use_fonts(pdf, name, *lines, bold=bold)
    pdf.add_page()
    pdf.set_font(FAMILY, "B" if bold else "", 26)
    pdf.cell(0, 20, "继续医学教育学分证书", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "B" if bold else "", 18)
    pdf.cell(0, 14, name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 12)
    for line in lines:
        pdf.cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
    pdf.image(io.BytesIO(qr_png(VERIFY_URL, module_pixels=6)), x=150, y=230, w=40)
    return bytes(pdf.output())


def poster() -> bytes:
    from chalicelib.services.poster import PosterData, render_poster

    return render_poster(
        PosterData(
            project_number="2026-03-01-001 (省)",
            project_name="心血管疾病诊疗新进展学习班",
            seq=2,
            venue="南京示范医院门诊楼三楼学术报告厅",
            kind_label="签到",
            title="注册签到二维码",
            windows=[("2026年5月11日 07:30", "2026年5月11日 09:00")],
            valid_until_text="2026年5月12日 08:00",
            url="https://cme.example.cn/m/attendance/01JZ8Q3K5V7X9Y2B4C6D8F0G1H/in?t=Zk3n2Jq8Wm5Xr7Tb",
        )
    )


def warm(render: Callable[[], bytes]) -> tuple[float, int]:
    """Median milliseconds of one render after a first one, and the PDF size."""
    content = render()
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        content = render()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, len(content)


def cold(name: str, bold: bool) -> float:
    """Seconds from the first import to one certificate's bytes in a fresh interpreter (best of 3)."""
    code = (
        "import time; t = time.perf_counter(); from benchmarks.rendering import certificate_page; "
        f"certificate_page({name!r}, bold={bold}); print(time.perf_counter() - t)"
    )
    return min(float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)) for _ in range(3))


def main() -> int:
    from chalicelib.services.fonts import FontFile, fallback_for, font_set

    fonts = font_set()

    def megabytes(*files: FontFile) -> float:
        return sum(font.path.stat().st_size for font in files) / 2**20

    print(
        f"fonts: regular {megabytes(fonts.regular):.2f} MB, bold {megabytes(fonts.bold):.2f} MB, "
        f"fallback {len(fonts.fallback)} slices {megabytes(*fonts.fallback):.1f} MB; "
        f"{RARE_NAME} needs {len(fallback_for(RARE_NAME))} slice(s)"
    )
    milliseconds, size = warm(poster)
    print(f"{'poster (A4, QR), regular+bold':45} warm {milliseconds:6.1f} ms   {size / 1024:5.1f} KB")
    for label, name, bold in [
        ("GB2312 name, bold", COMMON_NAME, True),
        ("GB2312 name, regular only", COMMON_NAME, False),
        ("fallback name, bold", RARE_NAME, True),
        ("fallback name, regular only", RARE_NAME, False),
    ]:
        milliseconds, size = warm(lambda name=name, bold=bold: certificate_page(name, bold))
        print(
            f"certificate page, {label:27} warm {milliseconds:6.1f} ms   {size / 1024:5.1f} KB   "
            f"cold process {cold(name, bold):.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
