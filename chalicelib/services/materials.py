"""Which files a session's materials may be, checked by declared type, size and leading bytes."""

from __future__ import annotations

import re

from chalicelib.errors import ValidationFailed

MAX_BYTES = 50 * 1024 * 1024
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOC = "application/msword"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLS = "application/vnd.ms-excel"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ALLOWED: dict[str, tuple[str, ...]] = {
    "notice": (JPEG, PNG, PDF),
    "schedule": (PDF, JPEG, PNG, DOC, DOCX, XLS, XLSX),
}
KIND_LABELS = {"notice": "会议通知", "schedule": "会议日程"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    PDF: (b"%PDF-",),
    JPEG: (b"\xff\xd8\xff",),
    PNG: (b"\x89PNG\r\n\x1a\n",),
    DOC: (_OLE,),
    XLS: (_OLE,),
    DOCX: (b"PK\x03\x04",),
    XLSX: (b"PK\x03\x04",),
}
LEADING = 8
# What a browser shows itself (查看 opens these in a tab); Word and Excel files are downloaded.
VIEWABLE = (PDF, JPEG, PNG)
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png", DOC: ".doc", DOCX: ".docx", XLS: ".xls", XLSX: ".xlsx"}


def check_declared(kind: str, content_type: str, size: int) -> None:
    """Refuse an upload before it starts: unknown type for the kind, empty or over 50 MB."""
    if content_type not in ALLOWED[kind]:
        raise ValidationFailed("FILE_TYPE_NOT_ALLOWED", f"{KIND_LABELS[kind]}不支持该文件类型", "content_type")
    if not 0 < size <= MAX_BYTES:
        raise ValidationFailed("FILE_TOO_LARGE", "附件最大50M", "size")


def matches(content_type: str, leading: bytes) -> bool:
    return any(leading.startswith(signature) for signature in SIGNATURES[content_type])


def safe_filename(filename: str, content_type: str) -> str:
    """The user's name for the file without any path, ending in the extension of its checked type."""
    base = re.split(r"[\\/]", filename)[-1].strip() or "附件"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = re.sub(r"[\x00-\x1f\"<>|:*?]", "_", stem)[:100] or "附件"
    return stem + EXTENSIONS[content_type]
