"""The electronic credit certificate (继续医学教育学分证书) as an A4 PDF, one page per certificate.

Pure rendering: the caller passes the certificate's data (name in full, ID number already masked,
dates as ISO `YYYY-MM-DD` China dates) and gets PDF bytes. Every character must print: a text
holding a character no font has raises ValueError instead of a PDF with a hole in a name.

Only the regular face is embedded (each face costs every document a font subset at output, about
6 ms for the bold one): the title is made heavier with fill-and-stroke text rendering instead.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from chalicelib.services.fonts import FAMILY, pdf_bytes, use_fonts
from chalicelib.services.qr_images import qr_png

if TYPE_CHECKING:
    from fpdf import FPDF

TITLE = "继续医学教育学分证书"
QR_CAPTION = "扫码验证"
REVOKED_MARK = "已作废"

PAGE_WIDTH, PAGE_HEIGHT = 210.0, 297.0  # A4 portrait, mm
FRAME = 10.0  # outer frame line, mm from the page edge
INNER = 13.5  # inner frame line
MARGIN = 28.0  # text block
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QR_SIZE = 32.0
QR_TOP = 206.0
RED = (150, 28, 28)  # frame, title
GOLD = (176, 141, 72)  # inner frame and ornaments
INK = (25, 25, 25)
MUTED = (100, 100, 100)
LABEL_FILL = (246, 240, 228)
REVOKED_RED = (200, 0, 0)


@dataclass(frozen=True)
class CertificateData:
    name: str  # the full, real name: the certificate is the attendee's proof
    id_masked: str  # e.g. 320102********1234, never the full number
    project_number: str
    project_name: str
    level_label: str  # 国家级 / 省级
    credit_class: str  # I类
    credits: float
    start_date: str  # YYYY-MM-DD, China date
    end_date: str
    form: str  # 面授 / 远程
    organiser: str
    certificate_no: str
    verify_url: str
    issued_on: str  # YYYY-MM-DD, China date
    issuer: str  # the configured issuer when the certificate was made (CERTIFICATE_ISSUER), kept with it
    revoked: bool = False
    revoked_reason: str = ""
    revoked_on: str = ""  # YYYY-MM-DD, China date; optional
    lecturer: bool = False  # a lecturer's credits: taught, not attended; lecturers are known by name only


def chinese_date(value: str) -> str:
    """`2026-12-04` → `2026年12月4日`."""
    day = date.fromisoformat(value)
    return f"{day.year}年{day.month}月{day.day}日"


def credits_text(value: float) -> str:
    """2.0 → `2`, 2.5 → `2.5`, 0.25 → `0.25`."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def body_text(data: CertificateData) -> str:
    credit_class = data.credit_class.removesuffix("类")
    who = f"{data.name}（身份证号：{data.id_masked}）" if data.id_masked else data.name
    dates = f"于{chinese_date(data.start_date)}至{chinese_date(data.end_date)}"
    project = f"{data.level_label}继续医学教育项目《{data.project_name}》（项目编号：{data.project_number}）"
    credits = f"特授予 {credit_class} 类学分 {credits_text(data.credits)} 分。"
    if data.lecturer:
        return f"{who}{dates}在{project}中担任授课教师，{credits}"
    return f"{who}{dates}参加{project}，经考核合格，{credits}"


def keep_together(data: CertificateData) -> list[str]:
    """Parts of the body text that a line break would make hard to read."""
    credit_class = data.credit_class.removesuffix("类")
    return [
        data.name,
        chinese_date(data.start_date),
        chinese_date(data.end_date),
        data.project_number,
        f"{credit_class} 类学分 {credits_text(data.credits)} 分",
    ]


def details(data: CertificateData) -> list[tuple[str, str, str, str]]:
    """The table under the text: rows of (label, value, label, value); an empty second label makes the
    first value span the row."""
    return [
        ("项目级别", data.level_label, "学分类别", data.credit_class),
        ("授予学分", f"{credits_text(data.credits)} 分", "形式", data.form),
        ("举办日期", f"{chinese_date(data.start_date)} 至 {chinese_date(data.end_date)}", "", ""),
        ("主办单位", data.organiser, "", ""),
    ]


def revocation_text(data: CertificateData) -> str:
    when = f"已于{chinese_date(data.revoked_on)}" if data.revoked_on else "已"
    reason = f"（原因：{data.revoked_reason}）" if data.revoked_reason else ""
    return f"本证书{when}作废{reason}，不再作为学分证明。"


def footer_text() -> str:
    return "扫描二维码或访问二维码下方的链接，可核验本证书真伪。"


def printed_texts(data: CertificateData) -> dict[str, str]:
    """Every text the page prints, by the field it comes from (for use_fonts and error messages)."""
    rows = details(data)
    return {
        "name": data.name,
        "id_masked": data.id_masked,
        "project_number": data.project_number,
        "project_name": data.project_name,
        "level_label": data.level_label,
        "credit_class": data.credit_class,
        "form": data.form,
        "organiser": data.organiser,
        "issuer": data.issuer,
        "certificate_no": data.certificate_no,
        "verify_url": data.verify_url,
        "revoked_reason": data.revoked_reason,
        "fixed": "".join(
            [TITLE, QR_CAPTION, REVOKED_MARK, body_text(data), revocation_text(data), footer_text(), "证书编号："]
            + [label + value for row in rows for label, value in (row[:2], row[2:])]
            + [chinese_date(data.issued_on)]
        ),
    }


def render_certificate(data: CertificateData) -> bytes:
    """One A4 page."""
    return render_certificates([data])


def render_certificates(items: Sequence[CertificateData]) -> bytes:
    """One printable PDF with a page per certificate, in the given order; fonts are registered once."""
    from fpdf import FPDF

    if not items:
        raise ValueError("no certificates to render")
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_title(TITLE if len(items) > 1 else f"{TITLE} {items[0].certificate_no}")
    pdf.set_creator("cme-credits")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    texts = [printed_texts(data) for data in items]
    missing = use_fonts(pdf, *(text for fields in texts for text in fields.values()), bold=False)
    if missing:
        raise ValueError(_missing_message(missing, texts))
    for data in items:
        _page(pdf, data)
    return pdf_bytes(pdf)


def _missing_message(missing: list[str], texts: list[dict[str, str]]) -> str:
    fields = sorted({field for fields in texts for field, text in fields.items() if any(c in text for c in missing)})
    characters = ", ".join(f"{char!r} (U+{ord(char):04X})" for char in missing)
    return f"certificate text has characters no PDF font can render: {characters} in {', '.join(fields)}"


def _page(pdf: FPDF, data: CertificateData) -> None:
    pdf.add_page()
    _frame(pdf)

    pdf.set_text_color(*RED)
    pdf.set_draw_color(*RED)
    pdf.set_font(FAMILY, "", 30)
    pdf.set_char_spacing(5)
    with pdf.local_context(text_mode="FILL_STROKE", line_width=0.35):
        pdf.set_xy(MARGIN, 34)
        # char spacing also follows the last character: shift right by half of it to stay centred
        pdf.cell(TEXT_WIDTH + 5 * 25.4 / 72, 16, TITLE, align="C")
    pdf.set_char_spacing(0)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.5)
    pdf.line(MARGIN + 35, 54, PAGE_WIDTH - MARGIN - 35, 54)
    pdf.set_fill_color(*GOLD)
    pdf.rect(PAGE_WIDTH / 2 - 1.2, 52.8, 2.4, 2.4, style="F")

    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 11)
    pdf.set_xy(MARGIN, 58)
    pdf.cell(TEXT_WIDTH, 7, f"证书编号：{data.certificate_no}", align="C")

    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "", 14)
    y = 78.0
    for line in wrap_lines(pdf, "\u3000\u3000" + body_text(data), TEXT_WIDTH, keep_together(data)):
        pdf.set_xy(MARGIN, y)
        pdf.cell(TEXT_WIDTH, 10, line)
        y += 10
    pdf.set_xy(MARGIN, y)

    _details(pdf, data, pdf.get_y() + 8)

    if data.revoked:
        pdf.set_text_color(*REVOKED_RED)
        pdf.set_font(FAMILY, "", 12)
        pdf.set_xy(MARGIN, pdf.get_y() + 5)
        pdf.multi_cell(TEXT_WIDTH, 7, revocation_text(data), new_x="LMARGIN", new_y="NEXT")

    pdf.image(io.BytesIO(qr_png(data.verify_url, module_pixels=4)), x=MARGIN, y=QR_TOP, w=QR_SIZE, h=QR_SIZE)
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "", 10)
    pdf.set_xy(MARGIN, QR_TOP + QR_SIZE + 0.5)
    pdf.cell(QR_SIZE, 5, QR_CAPTION, align="C")
    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 7)
    pdf.set_xy(MARGIN, QR_TOP + QR_SIZE + 6)
    pdf.cell(TEXT_WIDTH, 4, data.verify_url)

    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "", 14)
    issuer_width = min(max(pdf.get_string_width(data.issuer) + 2 * pdf.c_margin + 1, 60.0), TEXT_WIDTH - QR_SIZE - 20)
    pdf.set_xy(PAGE_WIDTH - MARGIN - issuer_width, QR_TOP + 8)
    pdf.multi_cell(issuer_width, 8, data.issuer, align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_font(FAMILY, "", 13)
    pdf.cell(issuer_width, 9, chinese_date(data.issued_on), align="C")

    pdf.set_text_color(*MUTED)
    pdf.set_font(FAMILY, "", 8.5)
    pdf.set_xy(MARGIN, PAGE_HEIGHT - INNER - 12)
    pdf.cell(TEXT_WIDTH, 5, footer_text(), align="C")

    if data.revoked:
        _revoked_watermark(pdf)


NO_LINE_START = frozenset("，。、：；！？）》」』】〕”’…%,.:;!?)]")
NO_LINE_END = frozenset("（《「『【〔“‘([")


def wrap_lines(pdf: FPDF, text: str, width: float, keep: Sequence[str] = ()) -> list[str]:
    """text in lines at most width wide in the current font, broken the Chinese way, which fpdf2's
    multi_cell does not know: between any two characters, but never before closing punctuation or
    after opening punctuation, inside a run of Latin letters and digits, or inside one of keep
    (e.g. the name, a date) unless it is wider than a line. Spaces at a break are dropped."""
    lines: list[str] = []
    line, line_width = "", 0.0
    pending = list(reversed(_units(text, keep)))
    while pending:
        unit = pending.pop()
        unit_width = pdf.get_string_width(unit)
        if unit_width > width and len(unit) > 1:
            pending.extend(reversed(unit))
            continue
        if line and line_width + unit_width > width and not unit.isspace():
            lines.append(line.rstrip())
            line, line_width = "", 0.0
        if line or not lines or not unit.isspace():
            line += unit
            line_width += unit_width
    lines.append(line.rstrip())
    return lines


def _units(text: str, keep: Sequence[str]) -> list[str]:
    """text cut into the pieces a line may not break inside."""
    units: list[str] = []
    index = 0
    while index < len(text):
        span = next((span for span in keep if span and text.startswith(span, index)), None)
        if span is None:
            span = text[index]
            if span.isascii() and not span.isspace():
                while index + len(span) < len(text) and text[index + len(span)].isascii():
                    if text[index + len(span)].isspace():
                        break
                    span += text[index + len(span)]
        if units and (span[0] in NO_LINE_START or units[-1][-1] in NO_LINE_END):
            units[-1] += span
        else:
            units.append(span)
        index += len(span)
    return units


def _frame(pdf: FPDF) -> None:
    """A thick red outer line, a thin gold inner line and gold corner squares."""
    pdf.set_draw_color(*RED)
    pdf.set_line_width(1.6)
    pdf.rect(FRAME, FRAME, PAGE_WIDTH - 2 * FRAME, PAGE_HEIGHT - 2 * FRAME)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.4)
    pdf.rect(INNER, INNER, PAGE_WIDTH - 2 * INNER, PAGE_HEIGHT - 2 * INNER)
    pdf.set_fill_color(*GOLD)
    corner = 5.0
    for x in (INNER + 1.5, PAGE_WIDTH - INNER - 1.5 - corner):
        for y in (INNER + 1.5, PAGE_HEIGHT - INNER - 1.5 - corner):
            pdf.rect(x, y, corner, corner, style="D")
            pdf.rect(x + 1.5, y + 1.5, corner - 3, corner - 3, style="F")


def _details(pdf: FPDF, data: CertificateData, top: float) -> None:
    label_width = 26.0
    value_width = TEXT_WIDTH / 2 - label_width
    line_height = 7.0
    pdf.set_font(FAMILY, "", 11.5)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.3)
    pdf.set_fill_color(*LABEL_FILL)
    y = top
    for label, value, second_label, second_value in details(data):
        cells = [(label, label_width, True)]
        if second_label:
            cells += [
                (value, value_width, False),
                (second_label, label_width, True),
                (second_value, value_width, False),
            ]
        else:
            cells.append((value, TEXT_WIDTH - label_width, False))
        wrapped = [[text] if is_label else wrap_lines(pdf, text, width - 4) for text, width, is_label in cells]
        height = max(10.0, max(len(lines) for lines in wrapped) * line_height + 3)
        x = MARGIN
        for (_, width, is_label), lines in zip(cells, wrapped, strict=True):
            pdf.rect(x, y, width, height, style="DF" if is_label else "D")
            pdf.set_text_color(*(MUTED if is_label else INK))
            line_y = y + (height - len(lines) * line_height) / 2
            for line in lines:
                pdf.set_xy(x + 2, line_y)
                pdf.cell(width - 4, line_height, line, align="C" if is_label else "L")
                line_y += line_height
            x += width
        y += height
    pdf.set_xy(MARGIN, y)


def _revoked_watermark(pdf: FPDF) -> None:
    """已作废 across the page, diagonally, in translucent red."""
    with pdf.local_context(fill_opacity=0.28, text_color=REVOKED_RED):
        pdf.set_font(FAMILY, "", 120)
        with pdf.rotation(angle=35, x=PAGE_WIDTH / 2, y=PAGE_HEIGHT / 2):
            pdf.set_xy(0, PAGE_HEIGHT / 2 - 25)
            pdf.cell(PAGE_WIDTH, 50, REVOKED_MARK, align="C")
