"""The one writer of the Excel files handed out as downloads (openpyxl is imported on first use), and `Export`,
a generated file before it is stored.

Every cell goes through `cell_value`: numbers stay numbers, everything else is stored as text with the
characters a text input may not hold dropped (records stored before that rule) and a leading ``'`` on text
a spreadsheet would read as a formula (``= + - @``, tab, CR), so no value of ours is ever a live formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from chalicelib.services.text import excel_text, refused_char

if TYPE_CHECKING:
    from chalicelib.services.files import FileStore

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_COLUMNS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Not in a file name: path separators, characters Windows refuses, and controls.
_FILENAME_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f-\x9f]')


def cell_value(value: Any) -> Any:
    """What a cell stores for ``value``: ints, floats and decimals as numbers, None as empty, else text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal):
        return value
    return excel_text(str(value))


def safe_filename(name: str) -> str:
    """A download's file name without path separators, controls or characters Windows refuses."""
    name = "".join(char for char in _FILENAME_UNSAFE.sub("_", name) if refused_char(char) is None)
    return name.strip() or "download.xlsx"


@dataclass(frozen=True)
class Export:
    """A generated file: what a job stores as its result."""

    content: bytes
    filename: str
    content_type: str


class Sheet:
    """One worksheet; rows are appended through `cell_value`."""

    def __init__(self, worksheet: Any) -> None:
        self._sheet = worksheet

    def append(self, row: Iterable[Any]) -> None:
        self._sheet.append([cell_value(value) for value in row])

    def table(self, headers: Iterable[str], rows: Iterable[Iterable[Any]]) -> None:
        """A header row, the rows, and column widths fitted to the headers."""
        headers = tuple(headers)
        self.append(headers)
        for row in rows:
            self.append(row)
        self.widths(max(10, 2 * len(header) + 4) for header in headers)

    def widths(self, widths: Iterable[float]) -> None:
        for column, width in zip(_COLUMNS, widths, strict=False):
            self._sheet.column_dimensions[column].width = width


class ExcelBook:
    """An .xlsx workbook built sheet by sheet; `upload` stores it and returns a short-lived link."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self._book = Workbook()
        self._sheets = 0

    def sheet(self, title: str) -> Sheet:
        worksheet = self._book.active if self._sheets == 0 else self._book.create_sheet()
        worksheet.title = title
        self._sheets += 1
        return Sheet(worksheet)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()

    def export(self, filename: str) -> Export:
        """The workbook as a file with a cleaned name."""
        return Export(self.to_bytes(), safe_filename(filename), XLSX)

    def upload(self, files: FileStore, filename: str) -> tuple[str, str]:
        """Store the workbook as a download; its link and the (cleaned) file name."""
        name = safe_filename(filename)
        return files.put_download(self.to_bytes(), name, XLSX), name
