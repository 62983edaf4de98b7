"""Text rules: which characters a text input may hold, person names, and text made safe for Excel cells.

Every request field of text goes through `refused_char` (via `schemas.common.Input`): control characters
(C0 but tab and newline in multi-line fields, DEL, C1), lone surrogates and Unicode noncharacters are
refused. Text printed on a certificate (`printable_text`: project and organisation names, reasons) must also hold
no format character (Cf: zero-width, bidi controls) and only characters the PDF fonts print. Person names
(`person_name`) are stricter: letters and combining marks that the PDF fonts can print, with `·`, one space, `-`
or `'` between letters, normalised to NFC with the middle-dot look-alikes and space separators folded.

Pure functions with no AWS and no heavy imports (the fonts' coverage is read on the first name checked).
"""

from __future__ import annotations

import re
import unicodedata

MIDDLE_DOT = "\u00b7"
# Characters typed for the middle dot of transcribed (e.g. Uyghur or foreign) names, folded to U+00B7.
MIDDLE_DOT_LOOKALIKES = (
    "\u2022"  # • bullet
    "\u30fb"  # ・ katakana middle dot
    "\u2027"  # ‧ hyphenation point
    "\uff0e"  # ． full-width full stop
    "\uff65"  # ･ half-width katakana middle dot
    "\u0387"  # · Greek ano teleia (NFC turns it into U+00B7 already)
    "\u2219"  # ∙ bullet operator
    "\u22c5"  # ⋅ dot operator
    "\u2e31"  # ⸱ word separator middle dot
    "\u16eb"  # ᛫ runic single punctuation
    "\ufe52"  # ﹒ small full stop
    "\u2024"  # ․ one dot leader
    "\u00b7"
)
_FOLD_DOTS = str.maketrans(dict.fromkeys(MIDDLE_DOT_LOOKALIKES, MIDDLE_DOT))
# Typographic apostrophes and hyphens typed (or pasted) in names, folded to the plain ones.
_FOLD_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})
# Separators allowed between two letters of a name.
NAME_SEPARATORS = (MIDDLE_DOT, " ", "-", "'")
_SPACE_RUN = re.compile(" {2,}")
_AROUND_DOT = re.compile(" ?\u00b7 ?")


class InvalidName(ValueError):
    """A person name that cannot be accepted; the message (Chinese) says why."""


class UnprintableText(ValueError):
    """Text that a certificate cannot print; the message (Chinese) says which character."""


def is_noncharacter(point: int) -> bool:
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def refused_char(text: str, multiline: bool = False) -> str | None:
    """The first character ``text`` may not hold, or None: C0 controls (tab and newline only when
    ``multiline``), DEL and C1 controls, lone surrogates, Unicode noncharacters."""
    if text.isprintable():  # fast path: no Cc, Cs or Cn character at all
        return None
    for char in text:
        point = ord(char)
        if point < 0x20:
            if multiline and char in "\t\n":
                continue
            return char
        if 0x7F <= point <= 0x9F or 0xD800 <= point <= 0xDFFF or is_noncharacter(point):
            return char
    return None


def describe(char: str) -> str:
    """A refused character as people can read it in a message (most of them are invisible)."""
    return f"U+{ord(char):04X}"


def multiline_text(text: str) -> str:
    """Line breaks of a multi-line field as ``\\n`` (browsers may send ``\\r\\n``)."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def person_name(raw: str) -> str:
    """A person's name as stored and printed, or InvalidName saying why it is refused.

    NFC, middle-dot look-alikes folded to `·`, space separators (ideographic, no-break …) to one space, the
    typographic apostrophe to `'`; then: letters (Unicode categories L* and Nl such as 〇, CJK extension planes
    included) and combining marks (M*, after a letter), with `·`, one space, `-` or `'` between letters, and
    only characters the certificate fonts print."""
    name = unicodedata.normalize("NFC", raw).translate(_FOLD_DOTS).translate(_FOLD_PUNCTUATION)
    if not name.isascii():
        name = "".join(" " if unicodedata.category(char) == "Zs" else char for char in name)
    name = _AROUND_DOT.sub(MIDDLE_DOT, _SPACE_RUN.sub(" ", name)).strip(" ")
    previous = ""  # "" at the start, "L" after a letter or mark, "S" after a separator
    for char in name:
        if char in NAME_SEPARATORS:
            if previous != "L":
                raise InvalidName(_BETWEEN_LETTERS)
            previous = "S"
            continue
        category = unicodedata.category(char)
        if category[0] == "L" or category == "Nl" or (category[0] == "M" and previous == "L"):
            previous = "L"
            continue
        raise InvalidName("只能由文字组成，少数民族或外籍姓名可用“·”分隔")
    if previous != "L":
        raise InvalidName(_BETWEEN_LETTERS if name else "不能为空")
    if _gb2312(name):
        return name  # the primary face prints all of GB2312 (tests/unit/test_fonts.py): no need to read the fonts
    from chalicelib.services.fonts import missing_glyphs

    if missing_glyphs(name):
        raise InvalidName("含有证书无法打印的字")
    return name


_BETWEEN_LETTERS = "中间的分隔符（“·”、空格、“-”或“'”）须在两个字之间"


def printable_text(raw: str) -> str:
    """Text printed on a certificate (project or organisation name, a reason), NFC, or UnprintableText.

    Besides what `refused_char` refuses (checked by every input), a printed text may hold no format character
    (Unicode category Cf: zero-width characters, bidi controls, soft hyphen, BOM) and only characters the
    certificate fonts print; tab and newline (multi-line fields) are not printed as glyphs and pass."""
    text = unicodedata.normalize("NFC", raw)
    if _gb2312(text):
        return text  # GB2312 holds no format character and the primary face prints all of it
    for char in text:
        if unicodedata.category(char) == "Cf":
            raise UnprintableText(f"含有不可见的格式字符（{describe(char)}）")
    from chalicelib.services.fonts import missing_glyphs

    missing = missing_glyphs(text)
    if missing:
        raise UnprintableText(f"含有证书无法打印的字符（{describe(missing[0])}）")
    return text


def _gb2312(text: str) -> bool:
    """Whether text is GB2312 (with ASCII and the middle dot), all of which the primary face prints."""
    try:
        text.replace(MIDDLE_DOT, "").encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def excel_text(text: str) -> str:
    """Text as an Excel cell may hold it, as a value and never a formula.

    Characters a text input may not hold (records stored before the rule) are dropped, tab and line breaks
    kept; text that a spreadsheet would read as a formula (starting with ``= + - @``, tab or CR; OWASP
    CSV-injection guidance) gets a leading ``'``."""
    if not text.isprintable():
        text = "".join(char for char in text if char in "\t\n\r" or refused_char(char) is None)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text
