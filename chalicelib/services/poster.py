"""The printable A4 poster of a session's sign-in or sign-out QR code (签到/签退二维码).

Pure rendering: the caller passes texts already formatted in China time and gets PDF bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from chalicelib.services.fonts import FAMILY, pdf_bytes, use_fonts
from chalicelib.services.qr_images import qr_png

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0  # A4 portrait, mm
MARGIN = 20.0
QR_MAX = 120.0  # mm; the QR shrinks when many daily windows need the room
ACCENT = (30, 64, 120)  # deep blue of the headings and frame
MUTED = (96, 96, 96)


@dataclass(frozen=True)
class PosterData:
    project_number: str
    project_name: str
    seq: int  # 期数
    venue: str
    kind_label: str  # 签到 / 签退
    title: str  # e.g. 注册签到二维码 / 离开二维码
    windows: Sequence[tuple[str, str]]  # (opens, closes) in China time, one per window (per day in daily mode)
    valid_until_text: str  # when the code on this poster is replaced by the next one
    url: str


def instructions(data: PosterData) -> list[str]:
    steps = [
        f"使用手机微信或浏览器扫描上方二维码，按页面提示填写信息并提交，即完成{data.kind_label}。",
        f"请在{data.kind_label}时间内扫码；未到时间或已过时间的，页面会给出提示。",
        f"本二维码有效期至 {data.valid_until_text}，过期后请以举办方提供的新二维码为准。",
    ]
    if data.kind_label == "签退":
        steps.insert(1, "签退时请完成页面上的问卷调查。")
    return steps


def render_poster(data: PosterData) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(data.title)
    pdf.set_creator("cme-credits")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    window_lines = [f"{opens} 至 {closes}" for opens, closes in data.windows] or ["以举办方通知为准"]
    steps = instructions(data)
    use_fonts(
        pdf,
        data.title,
        data.project_name,
        data.project_number,
        data.venue,
        data.kind_label,
        data.url,
        "".join(window_lines),
        "".join(steps),
    )
    pdf.add_page()
    width = PAGE_WIDTH - 2 * MARGIN

    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, PAGE_WIDTH, 8, style="F")
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FAMILY, "B", 28)
    pdf.set_y(MARGIN)
    pdf.cell(width, 14, data.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN + 30, pdf.get_y() + 2, PAGE_WIDTH - MARGIN - 30, pdf.get_y() + 2)
    pdf.ln(6)

    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FAMILY, "B", 17)
    pdf.multi_cell(width, 8.5, data.project_name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FAMILY, "", 12)
    pdf.cell(width, 7, f"项目编号：{data.project_number}　　第 {data.seq} 期", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(width, 7, f"举办地点：{data.venue}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font(FAMILY, "B", 12)
    pdf.cell(width, 7, f"{data.kind_label}时间", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 11 if len(window_lines) <= 3 else 9.5)
    line_height = 6 if len(window_lines) <= 3 else 5
    for line in window_lines:
        pdf.cell(width, line_height, line, align="C", new_x="LMARGIN", new_y="NEXT")

    # The instructions and URL are laid out from the bottom; the QR takes the room in between.
    footer_top = PAGE_HEIGHT - 16
    steps_height = 6.5 * len(steps) + 10
    steps_top = footer_top - steps_height - 4
    label_height = 12
    top = pdf.get_y() + 6
    size = max(60.0, min(QR_MAX, steps_top - label_height - top - 6))
    x = (PAGE_WIDTH - size) / 2
    pdf.set_line_width(0.4)
    pdf.rect(x - 3, top - 3, size + 6, size + 6)
    pdf.image(io.BytesIO(qr_png(data.url)), x=x, y=top, w=size, h=size)
    pdf.set_y(top + size + 5)
    pdf.set_text_color(*ACCENT)
    pdf.set_font(FAMILY, "B", 20)
    pdf.cell(width, label_height, f"请扫码{data.kind_label}", align="C", new_x="LMARGIN", new_y="NEXT")

    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FAMILY, "B", 11)
    pdf.set_xy(MARGIN, steps_top)
    pdf.cell(width, 7, "使用说明", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, "", 10.5)
    for number, step in enumerate(steps, start=1):
        pdf.set_x(MARGIN)
        pdf.cell(6, 6.5, f"{number}.")
        pdf.multi_cell(width - 6, 6.5, step, new_x="LMARGIN", new_y="NEXT")

    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 8)
    pdf.set_y(footer_top)
    pdf.cell(width, 5, data.url, align="C")
    return pdf_bytes(pdf)
