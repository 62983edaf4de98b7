"""`make bench`, PDF part: the QR poster and the credit certificate (chalicelib/services/certificate_pdf.py),
warm in this process and cold in a fresh one, with a GB2312 name and with a name that needs the fallback
font, plus a 50-page batch. Printed, never asserted: the summary says PASS or MISS against issue #7.

Times are wall-clock medians; the load average is printed with them because a busy machine inflates
them (the CPU time of the same renders is printed beside them).

Run alone with `.venv/bin/python -m benchmarks.rendering` (needs `make fonts`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.services.certificate_pdf import CertificateData

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
BATCH = 50
COMMON_NAME = "欧阳晓明"
RARE_NAME = "王喆·李堃·刘䶮·𠮷田"  # four characters outside GB2312 and the middle dot
VERIFY_URL = "https://cme.example.cn/verify/7KQ2-M9XD-4HTA-PW3E"
TARGET_WARM_MS = 60.0  # issue #7
TARGET_COLD_S = 0.7
TARGET_KB = 40.0


def certificate(name: str) -> CertificateData:
    from chalicelib.province import LOCAL_DEFAULTS
    from chalicelib.services.certificate_pdf import CertificateData

    return CertificateData(
        name=name,
        id_masked="320102********123X",
        project_number="2026-03-01-001 (省)",
        project_name="心血管疾病诊疗新进展学习班",
        level_label="省级",
        credit_class="I类",
        credits=2.0,
        start_date="2026-05-11",
        end_date="2026-05-12",
        form="面授",
        organiser="南京示范医院 · 心血管内科",
        certificate_no="JS2026-000123",
        verify_url=VERIFY_URL,
        issued_on="2026-05-20",
        issuer=LOCAL_DEFAULTS["certificate_issuer"],
    )


def render(name: str) -> bytes:
    from chalicelib.services.certificate_pdf import render_certificate

    return render_certificate(certificate(name))


def batch() -> bytes:
    from chalicelib.services.certificate_pdf import render_certificates

    names = [COMMON_NAME, "李堃", "张伟", "阿依古丽·买买提", "王芳"]
    return render_certificates(
        [
            replace(
                certificate(names[index % len(names)]),
                certificate_no=f"JS2026-{index:06d}",
                verify_url=f"https://cme.example.cn/verify/7KQ2-M9XD-4HTA-{index:04d}",
            )
            for index in range(BATCH)
        ]
    )


def poster() -> bytes:
    from chalicelib.services.poster import PosterData, render_poster

    return render_poster(
        PosterData(
            project_number="2026-03-01-001 (省)",
            project_name="心血管疾病诊疗新进展学习班",
            seq=2,
            venue="南京示范医院门诊楼三楼学术报告厅",
            kind_label="签到",
            title="注册签到二维码",
            windows=[("2026年5月11日 07:30", "2026年5月11日 09:00")],
            valid_until_text="2026年5月12日 08:00",
            url="https://cme.example.cn/m/attendance/01JZ8Q3K5V7X9Y2B4C6D8F0G1H/in?t=Zk3n2Jq8Wm5Xr7Tb",
        )
    )


def warm(render: Callable[[], bytes], rounds: int = ROUNDS) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds of one render after a first one, and the PDF size."""
    content = render()
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        content = render()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000, len(content)


def cold(name: str) -> float:
    """Seconds from the first import to one certificate's bytes in a fresh interpreter (best of 3)."""
    code = (
        "import time; t = time.perf_counter(); from benchmarks.rendering import render; "
        f"render({name!r}); print(time.perf_counter() - t)"
    )
    return min(float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)) for _ in range(3))


def main() -> int:
    from chalicelib.services.fonts import FontFile, fallback_for, font_set

    fonts = font_set()

    def megabytes(*files: FontFile) -> float:
        return sum(font.path.stat().st_size for font in files) / 2**20

    print(
        f"fonts: regular {megabytes(fonts.regular):.2f} MB, bold {megabytes(fonts.bold):.2f} MB, "
        f"fallback {len(fonts.fallback)} slices {megabytes(*fonts.fallback):.1f} MB; "
        f"{RARE_NAME} needs {len(fallback_for(RARE_NAME))} slice(s); "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    milliseconds, cpu, size = warm(poster)
    print(f"{'poster (A4, QR), regular+bold':38} warm {milliseconds:6.1f} ms (CPU {cpu:5.1f})   {size / 1024:5.1f} KB")
    rows = []
    for label, name in [("GB2312 name", COMMON_NAME), ("fallback-font name", RARE_NAME)]:
        milliseconds, cpu, size = warm(lambda name=name: render(name))
        seconds = cold(name)
        print(
            f"certificate, {label:25} warm {milliseconds:6.1f} ms (CPU {cpu:5.1f})   {size / 1024:5.1f} KB   "
            f"cold process {seconds:.2f} s"
        )
        rows += [
            (
                f"certificate warm, {label}",
                f"{milliseconds:.1f} ms",
                f"≤ {TARGET_WARM_MS:.0f} ms",
                milliseconds <= TARGET_WARM_MS,
            ),
            (
                f"certificate cold process, {label}",
                f"{seconds:.2f} s",
                f"≤ {TARGET_COLD_S} s",
                seconds <= TARGET_COLD_S,
            ),
            (
                f"certificate PDF size, {label}",
                f"{size / 1024:.1f} KB",
                f"≤ {TARGET_KB:.0f} KB",
                size / 1024 <= TARGET_KB,
            ),
        ]
    milliseconds, cpu, size = warm(batch, rounds=max(3, ROUNDS // 5))
    print(
        f"certificates, {BATCH}-page batch{'':12} warm {milliseconds:6.0f} ms (CPU {cpu:5.0f})   "
        f"{size / 1024:5.1f} KB   {milliseconds / BATCH:.1f} ms and {size / 1024 / BATCH:.1f} KB a page"
    )
    rows.append(
        (
            f"certificate batch, per page of {BATCH}",
            f"{milliseconds / BATCH:.1f} ms",
            f"≤ {TARGET_WARM_MS:.0f} ms",
            milliseconds / BATCH <= TARGET_WARM_MS,
        )
    )
    width = 80
    print("\n" + "=" * width)
    print(f"{'SUMMARY (issue #7 certificate targets)':<48}{'measured':<16}{'target':<12}")
    for name, measured, target, ok in rows:
        print(f"{name:<48}{measured:<16}{target:<12}{'PASS' if ok else 'MISS'}")
    print("=" * width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
