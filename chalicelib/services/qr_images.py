"""QR codes of links as PNG (downloads, PDFs) and as inline SVG markup (console pages).

Error correction level M (15 % of the code may be damaged or covered), with the four-module quiet
zone the QR specification requires around the code.
"""

from __future__ import annotations

import io

QUIET_ZONE = 4  # modules of white margin on every side


def qr_matrix(data: str) -> list[list[bool]]:
    """The modules of the smallest level-M QR code holding data, quiet zone included (True = dark)."""
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(data)
    code.make(fit=True)
    return code.get_matrix()


def qr_png(data: str, module_pixels: int = 10) -> bytes:
    """A black-and-white PNG, module_pixels wide per module (41 modules: 410 px by default)."""
    from PIL import Image

    matrix = qr_matrix(data)
    size = len(matrix)
    image = Image.new("1", (size, size), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    image = image.resize((size * module_pixels, size * module_pixels), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def qr_svg(data: str, label: str = "二维码", size: str | None = None) -> str:
    """Compact <svg> markup for embedding in HTML: one path of horizontal runs of dark modules on a
    white square, in module units with a viewBox, so it scales to its box (size, e.g. "60mm", sets
    width and height for a standalone file). No XML declaration."""
    matrix = qr_matrix(data)
    n = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if not row[x]:
                x += 1
                continue
            start = x
            while x < n and row[x]:
                x += 1
            runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    dimensions = f' width="{size}" height="{size}"' if size else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}"{dimensions} '
        f'shape-rendering="crispEdges" role="img" aria-label="{_escape(label)}">'
        f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>'
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
