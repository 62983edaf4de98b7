"""QR images of code URLs (qrcode is imported lazily: cold start)."""

from __future__ import annotations

import io


def _qr(url: str):  # noqa: ANN202
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=4, box_size=10)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    _qr(url).make_image().save(buffer)
    return buffer.getvalue()


def qr_svg(url: str) -> str:
    from qrcode.image.svg import SvgPathImage

    return _qr(url).make_image(image_factory=SvgPathImage).to_string(encoding="unicode")
