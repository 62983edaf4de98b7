"""Render a demo certificate (fake data) to docs/certificate-example.png for the README.

Dev only: `.venv/bin/python -m scripts.certificate_example [--revoked] [--pdf out.pdf]` (needs `make fonts`
and pypdfium2 from requirements-dev.txt).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from chalicelib.province import LOCAL_DEFAULTS
from chalicelib.services.certificate_pdf import CertificateData, render_certificate

ROOT = Path(__file__).resolve().parent.parent
PNG = ROOT / "docs" / "certificate-example.png"

DEMO = CertificateData(
    name="王喆",
    id_masked="320102********1234",
    project_number="2026-03-01-001 (国)",
    project_name="心血管疾病诊疗新进展学习班",
    level_label="国家级",
    credit_class="I类",
    credits=2.5,
    start_date="2026-05-11",
    end_date="2026-05-12",
    form="面授",
    organiser="南京示范医院 · 心血管内科",
    certificate_no="JS2026-000123",
    verify_url="https://cme.example.cn/verify/7KQ2-M9XD-4HTA-PW3E",
    issued_on="2026-05-20",
    issuer=LOCAL_DEFAULTS["certificate_issuer"],
)


def main() -> int:
    import pypdfium2

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--revoked", action="store_true", help="render the revoked version")
    parser.add_argument("--pdf", type=Path, help="also write the PDF here")
    parser.add_argument("--png", type=Path, default=PNG)
    parser.add_argument("--dpi", type=int, default=72)
    args = parser.parse_args()
    data = DEMO
    if args.revoked:
        from dataclasses import replace

        data = replace(DEMO, revoked=True, revoked_reason="学员信息有误，已换发新证书", revoked_on="2026-06-01")
    content = render_certificate(data)
    if args.pdf:
        args.pdf.write_bytes(content)
    page = pypdfium2.PdfDocument(content)[0]
    image = page.render(scale=args.dpi / 72).to_pil().convert("RGB")
    image = image.quantize(colors=64)  # a few colours: a small, sharp PNG
    image.save(args.png, optimize=True)
    print(
        f"{args.png}: {image.width}x{image.height} px, {args.png.stat().st_size / 1024:.0f} KB; "
        f"PDF {len(content) / 1024:.1f} KB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
