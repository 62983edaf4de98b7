"""Chinese fonts for generated PDFs (QR posters, certificates): coverage checks and fpdf2 registration.

`make fonts` (scripts/build_fonts.py) builds chalicelib/fonts/: a regular and a bold face for ASCII,
GB2312 and Chinese punctuation, and fallback slices with every other character of Noto Sans SC/HK/JP
(names such as 王喆, 李堃, 刘䶮, 𠮷), listed with their code point ranges in fonts.json.

fpdf2 silently leaves out a character its fonts lack (it only logs a warning), so a document
registers its fonts through `use_fonts` with every variable text it will print: the slices those
texts need become fpdf2 fallback fonts, and characters no file maps are returned. A document embeds
only what it uses: a GB2312-only certificate parses the primary faces and nothing else.

Nothing is read at import; fonts.json is read once per process, on first use.
"""

from __future__ import annotations

import bisect
import copy
import io
import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "notosans"  # pdf.set_font(FAMILY, style="" | "B", size=...) after use_fonts(pdf, ...)


@dataclass(frozen=True)
class FontFile:
    """One font file and the code points its cmap maps, as sorted inclusive ranges."""

    file: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def path(self) -> Path:
        return FONT_DIR / self.file

    def maps(self, char: str) -> bool:
        point = ord(char)
        index = bisect.bisect_right(self.starts, point) - 1
        return index >= 0 and point <= self.ends[index]


@dataclass(frozen=True)
class FontSet:
    regular: FontFile
    bold: FontFile
    fallback: tuple[FontFile, ...]


def _font_file(entry: dict) -> FontFile:
    ranges = entry["ranges"]
    return FontFile(entry["file"], tuple(start for start, _ in ranges), tuple(end for _, end in ranges))


@cache
def font_set() -> FontSet:
    manifest_path = FONT_DIR / "fonts.json"
    if not manifest_path.is_file():
        raise FileNotFoundError(f"{manifest_path} is missing: build the fonts with `make fonts`")
    manifest = json.loads(manifest_path.read_text())
    return FontSet(
        regular=_font_file(manifest["regular"]),
        bold=_font_file(manifest["bold"]),
        fallback=tuple(_font_file(entry) for entry in manifest["fallback"]),
    )


def _printable(text: str) -> list[str]:
    """Distinct characters of text in order, without control characters (newlines, tabs)."""
    return [char for char in dict.fromkeys(text) if unicodedata.category(char) != "Cc"]


def missing_glyphs(text: str, fonts: Iterable[FontFile] | None = None) -> list[str]:
    """Characters of text (each once, in order) that none of fonts maps; by default the regular face
    and every fallback slice, i.e. what no document can render."""
    chosen = list(fonts) if fonts is not None else [font_set().regular, *font_set().fallback]
    return [char for char in _printable(text) if not any(font.maps(char) for font in chosen)]


def fallback_for(*texts: str) -> list[FontFile]:
    """The fallback slices needed for the characters of texts that the primary faces lack."""
    fonts = font_set()
    needed: list[FontFile] = []
    for char in missing_glyphs("".join(texts), [fonts.regular]):
        for font in fonts.fallback:
            if font.maps(char):
                if font not in needed:
                    needed.append(font)
                break
    return needed


def use_fonts(pdf: FPDF, *texts: str, bold: bool = True) -> list[str]:
    """Register FAMILY (regular and bold) with pdf, plus as fallback fonts the slices that texts need;
    bold text falls back to the regular slices. Returns the characters of texts no font maps (they
    would be left out of the PDF), so the caller can log or refuse them.

    Every face costs each document a subset at output (about 40 ms for a primary face, a few ms
    for a slice): bold=False leaves the bold face out of documents that do not use it."""
    fonts = font_set()
    _add_font(pdf, FAMILY, "", fonts.regular)
    if bold:
        _add_font(pdf, FAMILY, "B", fonts.bold)
    fallback = fallback_for(*texts)
    for font in fallback:
        _add_font(pdf, _fallback_family(font), "", font)
    if fallback:
        pdf.set_fallback_fonts([_fallback_family(font) for font in fallback], exact_match=False)
    return missing_glyphs("".join(texts))


def _fallback_family(font: FontFile) -> str:
    return "fallback-" + Path(font.file).stem.lower()


@cache
def _parsed(font: FontFile, family: str, style: str) -> tuple[Any, bytes]:
    """fpdf2's parsed font (cmap, widths, glyph ids: most of add_font's time) and the file's bytes."""
    from fpdf import FPDF

    scratch = FPDF()
    scratch.add_font(family, style, font.path)
    return scratch.fonts[f"{family}{style}"], font.path.read_bytes()


def _add_font(pdf: FPDF, family: str, style: str, font: FontFile) -> None:
    """`pdf.add_font(family, style, font.path)` without parsing the file again in this process.

    fpdf2 subsets a font's fontTools object in place when it writes a document, so each document
    gets the parsed metrics of the first add_font and a fresh (lazily read) fontTools object.
    The attributes are those TTFFont.__deepcopy__ (fpdf2 2.8.9) treats as per-document."""
    from fontTools.ttLib import TTFont
    from fpdf.fonts import SubsetMap

    parsed, data = _parsed(font, family, style)
    clone = copy.copy(parsed)
    clone.i = len(pdf.fonts) + 1
    clone.cw = copy.copy(parsed.cw)  # a defaultdict: reading an unknown character adds it
    clone.missing_glyphs = []
    clone.biggest_size_pt = 0
    # recalcBBoxes=False (pyftsubset's default): with True, saving the subset decodes and re-encodes
    # the outline of every kept glyph only to recompute bounding boxes the glyphs already carry.
    ttfont = TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    # The subset drops glyph names (post format 3), so give the document the glyph order parsed once
    # and a format-3 post table instead of decoding the file's thousands of names again.
    ttfont.setGlyphOrder(list(parsed.ttfont.getGlyphOrder()))
    post = copy.copy(parsed.ttfont["post"])
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    ttfont.tables["post"] = post
    clone.ttfont = ttfont
    clone.subset = SubsetMap(clone)
    pdf.fonts[f"{family}{style}"] = clone
