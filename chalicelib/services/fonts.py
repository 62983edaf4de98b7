"""Chinese fonts for generated PDFs (QR posters, certificates): coverage checks and fpdf2 registration.

`make fonts` (scripts/build_fonts.py) builds chalicelib/fonts/ (on Lambda the fonts layer's /opt/fonts: the FONT_DIR
setting, `settings.font_dir()`): a regular and a bold face for ASCII,
GB2312 and Chinese punctuation, and fallback slices with every other character of Noto Sans SC/HK/JP
(names such as 王喆, 李堃, 刘䶮, 𠮷), listed with their code point ranges in fonts.json.

fpdf2 silently leaves out a character its fonts lack (it only logs a warning), so a document
registers its fonts through `use_fonts` with every variable text it will print: the slices those
texts need become fpdf2 fallback fonts, and characters no file maps are returned. A document embeds
only what it uses: a GB2312-only certificate parses the primary faces and nothing else. Such a
document is written with `pdf_bytes(pdf)`, which embeds the fonts much quicker than `pdf.output()`.

Nothing is read at import; fonts.json is read once per process, and each font file once, on first use.
"""

from __future__ import annotations

import bisect
import copy
import io
import json
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chalicelib.settings import font_dir

if TYPE_CHECKING:
    from fpdf import FPDF

FAMILY = "notosans"  # pdf.set_font(FAMILY, style="" | "B", size=...) after use_fonts(pdf, ...)
# The parsed file behind each font use_fonts registered with a document, by fpdf2 font key (for
# pdf_bytes); an entry goes away with its document.
_DOCUMENT_FONTS: weakref.WeakKeyDictionary[FPDF, dict[str, _Parsed]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class FontFile:
    """One font file and the code points its cmap maps, as sorted inclusive ranges."""

    file: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @property
    def path(self) -> Path:
        return font_dir() / self.file

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
    manifest_path = font_dir() / "fonts.json"
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

    Every face costs each document a subset at output (a few ms each with pdf_bytes): bold=False
    leaves the bold face out of documents that do not use it."""
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


@dataclass(frozen=True)
class _Cmap:
    """One subtable of a file's cmap: its kind and the code points it maps to each glyph."""

    format: int
    platform_id: int
    encoding_id: int
    language: int
    points: dict[str, tuple[int, ...]]


@dataclass(frozen=True)
class _Parsed:
    """One font file as parsed once per process, shared read-only by every document that uses it."""

    font: Any  # fpdf2's TTFFont: cmap, widths and glyph ids (most of add_font's time)
    data: bytes  # the file
    glyph_order: list[str]
    glyph_index: dict[str, int]
    glyf_offset: int  # where the glyf table starts in data
    loca: tuple[int, ...]  # glyph i's outline is glyf[loca[i]:loca[i + 1]]
    metrics: dict[str, tuple[int, int]]  # hmtx: glyph name → (advance width, left side bearing)
    cmaps: tuple[_Cmap, ...]

    def outline(self, glyph: str) -> bytes:
        index = self.glyph_index[glyph]
        return self.data[self.glyf_offset + self.loca[index] : self.glyf_offset + self.loca[index + 1]]


@cache
def _parsed(font: FontFile, family: str, style: str) -> _Parsed:
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

    scratch = FPDF()
    scratch.add_font(family, style, font.path)
    parsed = scratch.fonts[f"{family}{style}"]
    if not isinstance(parsed, TTFFont):  # add_font of a file makes one; only PDF core fonts are not
        raise TypeError(f"{font.path} did not load as a TrueType font")
    ttfont = parsed.ttfont
    cmaps = []
    for table in ttfont["cmap"].tables:
        points: dict[str, list[int]] = {}
        for point, glyph in table.cmap.items():
            points.setdefault(glyph, []).append(point)
        by_glyph = {glyph: tuple(glyph_points) for glyph, glyph_points in points.items()}
        cmaps.append(_Cmap(table.format, table.platformID, table.platEncID, table.language, by_glyph))
    glyph_order = list(ttfont.getGlyphOrder())
    return _Parsed(
        font=parsed,
        data=font.path.read_bytes(),
        glyph_order=glyph_order,
        glyph_index={glyph: index for index, glyph in enumerate(glyph_order)},
        glyf_offset=ttfont.reader.tables["glyf"].offset,
        loca=tuple(ttfont["loca"].locations),
        metrics=ttfont["hmtx"].metrics,
        cmaps=tuple(cmaps),
    )


def _add_font(pdf: FPDF, family: str, style: str, font: FontFile) -> None:
    """`pdf.add_font(family, style, font.path)` without parsing the file again in this process.

    fpdf2 subsets a font's fontTools object in place when it writes a document, so each document
    gets the parsed metrics of the first add_font and a fresh (lazily read) fontTools object.
    The attributes are those TTFFont.__deepcopy__ (fpdf2 2.8.9) treats as per-document."""
    from fontTools.ttLib import TTFont
    from fpdf.fonts import SubsetMap

    parsed = _parsed(font, family, style)
    clone = copy.copy(parsed.font)
    clone.i = len(pdf.fonts) + 1
    clone.cw = copy.copy(parsed.font.cw)  # a defaultdict: reading an unknown character adds it
    clone.missing_glyphs = []
    clone.biggest_size_pt = 0
    # recalcBBoxes=False (pyftsubset's default): with True, saving the subset decodes and re-encodes
    # the outline of every kept glyph only to recompute bounding boxes the glyphs already carry.
    ttfont = TTFont(io.BytesIO(parsed.data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    # The subset drops glyph names (post format 3), so give the document the glyph order parsed once
    # and a format-3 post table instead of decoding the file's thousands of names again.
    ttfont.setGlyphOrder(list(parsed.glyph_order))
    post = copy.copy(parsed.font.ttfont["post"])
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    ttfont.tables["post"] = post
    clone.ttfont = ttfont
    clone.subset = SubsetMap(clone)
    pdf.fonts[f"{family}{style}"] = clone
    _DOCUMENT_FONTS.setdefault(pdf, {})[f"{family}{style}"] = parsed


def pdf_bytes(pdf: FPDF) -> bytes:
    """`bytes(pdf.output())` for a document whose fonts use_fonts registered, quicker.

    When fpdf2 writes a document it subsets each font down to the glyphs the document printed, and
    fontTools' subsetter first decodes the whole glyf, hmtx and cmap tables of the font (thousands
    of glyphs; most of a certificate's time). Here each font is first cut down to those glyphs from
    the process's parsed copy of its file, so the subsetter handles a few dozen. The bytes are the
    same as pdf.output()'s, which stays correct for these documents, only slower."""
    from fpdf import FPDF

    # A header or footer override prints while output() closes the last page, after the cut: keep those whole.
    if type(pdf).header is FPDF.header and type(pdf).footer is FPDF.footer:
        for key, parsed in _DOCUMENT_FONTS.get(pdf, {}).items():
            _keep_printed_glyphs(pdf.fonts[key], parsed)
    return bytes(pdf.output())


def _keep_printed_glyphs(font: Any, parsed: _Parsed) -> None:
    """Reduce the document's fontTools object (font.ttfont, as _add_font made it) to the glyphs fpdf2
    will ask its subsetter for: those the document printed, and glyphs 0-3 (.notdef and fpdf2's
    `recommended_glyphs`), with their outlines, metrics and cmap entries. Every table is new or a
    per-document copy: the parsed file is only read. Composite glyphs would reference glyphs by
    their index in the whole file: a font using any is left whole (the subsetter handles it)."""
    from fontTools.ttLib import newTable
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
    from fontTools.ttLib.tables._g_l_y_f import Glyph

    printed = font.subset.get_all_glyph_names()
    kept = sorted({*printed, *parsed.glyph_order[:4]}, key=parsed.glyph_index.__getitem__)
    outlines = {glyph: Glyph(parsed.outline(glyph)) for glyph in kept}
    if any(outline.isComposite() for outline in outlines.values()):
        return
    ttfont = font.ttfont
    ttfont.setGlyphOrder(kept)
    glyf = newTable("glyf")
    glyf.glyphOrder = kept
    glyf.glyphs = outlines
    hmtx = newTable("hmtx")
    hmtx.metrics = {glyph: parsed.metrics[glyph] for glyph in kept}
    cmap = newTable("cmap")
    cmap.tableVersion = 0
    cmap.tables = []
    for source in parsed.cmaps:
        table = CmapSubtable.newSubtable(source.format)
        table.platformID, table.platEncID, table.language = source.platform_id, source.encoding_id, source.language
        table.cmap = {point: glyph for glyph in kept for point in source.points.get(glyph, ())}
        cmap.tables.append(table)
    ttfont.tables.update(glyf=glyf, loca=newTable("loca"), hmtx=hmtx, cmap=cmap)
