"""Builds the PDF fonts into chalicelib/fonts/ (`make fonts`; build output, not in git).

Sources are the OFL Noto Sans CJK faces published on npm, pinned by fonts/package-lock.json
(`npm ci` in fonts/ fetches them). fontTools' subsetter (what `pyftsubset` runs) makes:

* the primary faces, regular and bold: ASCII, Latin-1, GB2312 and the punctuation Chinese text uses
  (middle dots, full-width forms, CJK symbols). Every document embeds one of these, so they are
  kept small and stripped of what fpdf2 does not use (OpenType layout, hinting, vertical metrics);
* the fallback: every other character of Noto Sans SC, then what only Noto Sans HK or Noto Sans JP
  map (CJK Ext B names such as 𠮷), cut into slices of consecutive code points so that a document
  embeds and parses only the slices its rare characters fall in.

fonts.json lists every output file with the code point ranges its cmap maps (read back from the
written file); chalicelib/services/fonts.py routes characters with it. The OFL texts go beside.

Usage: .venv/bin/python scripts/build_fonts.py [--source fonts/node_modules] [--out chalicelib/fonts]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SLICE = 2500  # code points per fallback slice: a slice costs a process ~14 ms to parse on first use


@dataclass(frozen=True)
class Source:
    package: str  # npm package under @expo-google-fonts
    family: str  # file name stem used by that package
    weight: str  # directory/file suffix, e.g. 400Regular

    def path(self, node_modules: Path) -> Path:
        return node_modules / "@expo-google-fonts" / self.package / self.weight / f"{self.family}_{self.weight}.ttf"

    def version(self, node_modules: Path) -> str:
        manifest = node_modules / "@expo-google-fonts" / self.package / "package.json"
        return json.loads(manifest.read_text())["version"]


SC_REGULAR = Source("noto-sans-sc", "NotoSansSC", "400Regular")
SC_BOLD = Source("noto-sans-sc", "NotoSansSC", "700Bold")
# Fallback order: Simplified Chinese forms first, then Hong Kong (HKSCS: many Ext B name
# characters), then Japanese (e.g. U+20BB7 𠮷, which neither Chinese face maps).
FALLBACK_SOURCES = [
    SC_REGULAR,
    Source("noto-sans-hk", "NotoSansHK", "400Regular"),
    Source("noto-sans-jp", "NotoSansJP", "400Regular"),
]


def _gb2312() -> set[int]:
    chars = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def primary_code_points() -> set[int]:
    """What every document may use without a fallback: ASCII, Latin-1, GB2312 and Chinese punctuation."""
    extra = [
        range(0x20, 0x7F),  # ASCII
        range(0xA0, 0x100),  # Latin-1: · (U+00B7, the middle dot of minority names) × ÷ é ü
        range(0x2010, 0x2028),  # dashes, quotes, bullets, ‥ … ‧
        range(0x2030, 0x203C),  # ‰ ′ ″ ※
        range(0x3000, 0x3040),  # CJK symbols and punctuation: 、。〈〉《》「」【】〔〕
        range(0xFF01, 0xFF5F),  # full-width forms: ，：；！？（）
        range(0xFFE0, 0xFFE7),  # full-width ￥ ￡
        (0x30FB, 0xFF65, 0x2E31, 0x2219, 0x22C5),  # other middle dots people type in names
    ]
    return _gb2312().union(*map(set, extra))


def _options() -> subset.Options:
    options = subset.Options()
    options.layout_features = []  # fpdf2 does no OpenType shaping for Chinese
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "VORG", "STAT", "DSIG"]
    options.hinting = False
    options.notdef_outline = True
    options.glyph_names = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keep the copyright and licence entries
    return options


def _rename(font: TTFont, full_name: str) -> None:
    """Name the subset as a modified version (OFL); fpdf2 names the PDF font after the full name."""
    postscript = full_name.replace(" ", "")
    for record in font["name"].names:
        if record.nameID in (3, 4):
            record.string = full_name
        elif record.nameID == 6:
            record.string = postscript


def _quick_to_read(font: TTFont) -> None:
    """fpdf2 reads the font on first use in a process: keep only the Windows cmap subtables
    (the Unicode-platform ones duplicate them) and store the glyph names (post format 2) instead of
    letting fontTools derive them from the cmap on every read. Together about a third faster."""
    font["cmap"].tables = [table for table in font["cmap"].tables if table.platformID == 3]
    post = font["post"]
    post.formatType = 2.0
    post.extraNames, post.mapping = [], {}


def _cmap(path: Path) -> set[int]:
    return set(TTFont(path, lazy=True).getBestCmap())


def _ranges(code_points: Iterable[int]) -> list[list[int]]:
    ranges: list[list[int]] = []
    for point in sorted(code_points):
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ranges


def _write_subset(source: Path, code_points: set[int], out: Path, full_name: str) -> dict:
    options = _options()
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points)
    subsetter.subset(font)
    _rename(font, full_name)
    _quick_to_read(font)
    subset.save_font(font, str(out), options)
    mapped = _cmap(out)
    print(f"fonts: {out.name}: {len(mapped)} characters, {out.stat().st_size / 2**20:.2f} MB")
    return {"file": out.name, "ranges": _ranges(mapped)}


def build(node_modules: Path, out_dir: Path) -> dict:
    for source in {SC_REGULAR, SC_BOLD, *FALLBACK_SOURCES}:
        if not source.path(node_modules).is_file():
            raise SystemExit(f"fonts: {source.path(node_modules)} is missing; run `npm ci` in fonts/ (make fonts)")
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.iterdir():
        if old.suffix in (".ttf", ".json", ".txt"):
            old.unlink()

    wanted = primary_code_points()
    regular = _write_subset(
        SC_REGULAR.path(node_modules), wanted, out_dir / "NotoSansSC-Regular-GB.ttf", "Noto Sans SC GB"
    )
    bold = _write_subset(SC_BOLD.path(node_modules), wanted, out_dir / "NotoSansSC-Bold-GB.ttf", "Noto Sans SC GB Bold")

    covered = {point for start, end in regular["ranges"] for point in range(start, end + 1)}
    fallback = []
    for source in FALLBACK_SOURCES:
        path = source.path(node_modules)
        rest = sorted(_cmap(path) - covered)
        covered.update(rest)
        for first in range(0, len(rest), SLICE):
            part = rest[first : first + SLICE]
            name = f"{source.family}-Fallback-{len(fallback) + 1:02d}"
            fallback.append(_write_subset(path, set(part), out_dir / f"{name}.ttf", name.replace("-", " ")))

    licences = []
    for package in sorted({source.package for source in (SC_REGULAR, *FALLBACK_SOURCES)}):
        target = out_dir / f"OFL-{package}.txt"
        shutil.copyfile(node_modules / "@expo-google-fonts" / package / "LICENSE_FONT", target)
        licences.append(target.name)

    manifest = {
        "sources": sorted({f"@expo-google-fonts/{s.package}@{s.version(node_modules)}" for s in FALLBACK_SOURCES}),
        "licence": "SIL Open Font License 1.1 (" + ", ".join(licences) + ")",
        "regular": regular,
        "bold": bold,
        "fallback": fallback,
    }
    # Written last: its presence means a complete build (it is the Makefile's target).
    (out_dir / "fonts.json").write_text(json.dumps(manifest, separators=(",", ":")) + "\n")
    return manifest


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=ROOT / "fonts" / "node_modules")
    parser.add_argument("--out", type=Path, default=ROOT / "chalicelib" / "fonts")
    args = parser.parse_args(argv)
    manifest = build(args.source, args.out)
    files = [manifest["regular"], manifest["bold"], *manifest["fallback"]]
    total = sum((args.out / entry["file"]).stat().st_size for entry in files)
    print(f"fonts: {len(files)} files, {total / 2**20:.1f} MB in {args.out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
