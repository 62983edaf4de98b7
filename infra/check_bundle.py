"""Checks that a `chalice package` output will load on AWS Lambda.

Chalice silently builds a dependency from its sdist when no Lambda-compatible
wheel exists for the target runtime (e.g. Pillow >= 12 has no manylinux2014
wheel, so for python3.11 it is compiled on the build machine, against that
machine's glibc and shared libraries).  The result imports fine locally and
fails on Lambda.  This script inspects the deployment zip instead of trusting
the build log:

* every ``*.dist-info/WHEEL`` that is not pure Python must carry a manylinux
  tag whose glibc is not newer than the runtime's, for the runtime's CPython
  ABI (or abi3) and architecture; a ``linux_x86_64`` tag means "built here";
* every ELF shared object must be for the function's architecture, must not
  need a GLIBC symbol version newer than the runtime's glibc, must be built for
  the runtime's CPython version, and every DT_NEEDED library must either be in
  the bundle (auditwheel's ``<pkg>.libs/``) or be a library every Lambda
  Python runtime provides;
* the zip must respect Lambda's size quotas (50 MB zipped, 250 MB unzipped).

Usage: python infra/check_bundle.py build/package   (exit status 1 on failure)
"""

from __future__ import annotations

import json
import re
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_ZIPPED = 50 * 1024 * 1024  # Lambda: 50 MB zipped deployment package
MAX_UNZIPPED = 250 * 1024 * 1024  # Lambda: 250 MB unzipped, layers included

# glibc of the Amazon Linux under each Lambda Python runtime
# (python3.10/3.11: Amazon Linux 2, glibc 2.26; python3.12+: Amazon Linux 2023, glibc 2.34).
RUNTIME_GLIBC = {
    "python3.10": (2, 26),
    "python3.11": (2, 26),
    "python3.12": (2, 34),
    "python3.13": (2, 34),
    "python3.14": (2, 34),
}

# Libraries the Lambda base images provide (glibc, the C++/GCC runtime, zlib).
# Anything else a binary needs must be shipped inside the bundle.
SYSTEM_LIBRARIES = {
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "librt.so.1",
    "libpthread.so.0",
    "libutil.so.1",
    "libresolv.so.2",
    "libnsl.so.1",
    "libgcc_s.so.1",
    "libstdc++.so.6",
    "libz.so.1",
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
}

ELF_MACHINES = {"x86_64": 62, "arm64": 183}
WHEEL_MACHINES = {"x86_64": "x86_64", "arm64": "aarch64"}
LEGACY_MANYLINUX = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
SHARED_OBJECT = re.compile(r"\.so(\.\d+)*$")
CPYTHON_SUFFIX = re.compile(r"\.cpython-(\d)(\d+)")


@dataclass
class ElfInfo:
    machine: int
    needed: list[str] = field(default_factory=list)
    glibc: tuple[int, int] | None = None  # newest GLIBC_x.y symbol version required


@dataclass
class Report:
    runtime: str
    architecture: str
    zipped: int
    unzipped: int
    files: int
    shared_objects: int
    binary_distributions: list[str]
    errors: list[str]


def _parse_elf(data: bytes) -> ElfInfo | None:
    """DT_NEEDED entries and newest GLIBC version needed by a 64-bit little-endian ELF file."""
    if data[:4] != b"\x7fELF":
        return None
    if data[4] != 2 or data[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    machine = struct.unpack_from("<H", data, 18)[0]
    shoff = struct.unpack_from("<Q", data, 40)[0]
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    sections = []
    for index in range(shnum):
        base = shoff + index * shentsize
        (sh_type,) = struct.unpack_from("<I", data, base + 4)
        sh_offset, sh_size = struct.unpack_from("<QQ", data, base + 24)
        sh_link, sh_info = struct.unpack_from("<II", data, base + 40)
        sections.append((sh_type, sh_offset, sh_size, sh_link, sh_info))

    def string(section_index: int, offset: int) -> str:
        start = sections[section_index][1] + offset
        return data[start : data.index(b"\x00", start)].decode()

    info = ElfInfo(machine=machine)
    for sh_type, offset, size, link, count in sections:
        if sh_type == SHT_DYNAMIC:
            for entry in range(offset, offset + size, 16):
                tag, value = struct.unpack_from("<qQ", data, entry)
                if tag == 0:
                    break
                if tag == DT_NEEDED:
                    info.needed.append(string(link, value))
        elif sh_type == SHT_GNU_VERNEED:
            need = offset
            for _ in range(count):
                _, aux_count, _, aux, next_need = struct.unpack_from("<HHIII", data, need)
                entry = need + aux
                for _ in range(aux_count):
                    _, _, _, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                    match = re.fullmatch(r"GLIBC_(\d+)\.(\d+)(?:\.\d+)?", string(link, name))
                    if match:
                        version = (int(match[1]), int(match[2]))
                        info.glibc = max(info.glibc or version, version)
                    entry += next_aux
                    if not next_aux:
                        break
                need += next_need
                if not next_need:
                    break
    return info


def _platform_ok(platform: str, glibc: tuple[int, int], machine: str) -> bool:
    if platform == "any":
        return True
    for legacy, version in LEGACY_MANYLINUX.items():
        if platform == f"{legacy}_{machine}":
            return version <= glibc
    match = re.fullmatch(r"manylinux_(\d+)_(\d+)_(\w+)", platform)
    return bool(match) and match[3] == machine and (int(match[1]), int(match[2])) <= glibc


def _abi_ok(python_tag: str, abi: str, runtime_abi: str) -> bool:
    if abi == runtime_abi or abi == "none":
        return True
    if abi == "abi3":  # stable ABI: built for an older or equal CPython 3.x
        match = re.fullmatch(r"cp3(\d+)", python_tag)
        return bool(match) and int(match[1]) <= int(runtime_abi[3:])
    return False


def _runtime_of(template: dict) -> tuple[str, str]:
    runtimes, architectures = set(), set()
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            props = resource.get("Properties", {})
            runtimes.add(props.get("Runtime"))
            architectures.update(props.get("Architectures", ["x86_64"]))
    if len(runtimes) != 1 or len(architectures) != 1:
        raise SystemExit(f"expected one runtime and architecture, got {runtimes} / {architectures}")
    return runtimes.pop(), architectures.pop()


def check_zip(zip_path: Path, runtime: str, architecture: str = "x86_64") -> Report:
    if runtime not in RUNTIME_GLIBC:
        raise SystemExit(f"unknown Lambda runtime {runtime!r}")
    glibc = RUNTIME_GLIBC[runtime]
    runtime_abi = "cp" + runtime.removeprefix("python").replace(".", "")
    machine = WHEEL_MACHINES[architecture]
    errors: list[str] = []
    binaries: list[str] = []

    with zipfile.ZipFile(zip_path) as bundle:
        entries = [info for info in bundle.infolist() if not info.is_dir()]
        names = {PurePosixPath(info.filename).name for info in entries}
        unzipped = sum(info.file_size for info in entries)

        for info in entries:
            path = PurePosixPath(info.filename)
            if path.name != "WHEEL" or not path.parent.name.endswith(".dist-info"):
                continue
            text = bundle.read(info).decode()
            if "Root-Is-Purelib: true" in text:
                continue
            distribution = path.parent.name.removesuffix(".dist-info")
            binaries.append(distribution)
            tags = [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Tag:")]
            usable = [
                tag
                for tag in tags
                if len(tag.split("-")) == 3
                and _abi_ok(tag.split("-")[0], tag.split("-")[1], runtime_abi)
                and _platform_ok(tag.split("-")[2], glibc, machine)
            ]
            if not usable:
                errors.append(
                    f"{distribution}: wheel tags {tags} do not fit {runtime}/{architecture} "
                    f"(needs manylinux with glibc <= {glibc[0]}.{glibc[1]}, ABI {runtime_abi} or abi3); "
                    "a linux_* tag means chalice compiled it from the sdist on this machine"
                )

        shared = 0
        for info in entries:
            path = PurePosixPath(info.filename)
            if not SHARED_OBJECT.search(path.name):
                continue
            try:
                elf = _parse_elf(bundle.read(info))
            except (ValueError, struct.error, IndexError) as error:
                errors.append(f"{path}: unreadable ELF file ({error})")
                continue
            if elf is None:
                continue
            shared += 1
            if elf.machine != ELF_MACHINES[architecture]:
                errors.append(f"{path}: ELF machine {elf.machine} is not {architecture}")
            if elf.glibc and elf.glibc > glibc:
                errors.append(f"{path}: needs GLIBC_{elf.glibc[0]}.{elf.glibc[1]}, {runtime} has {glibc[0]}.{glibc[1]}")
            match = CPYTHON_SUFFIX.search(path.name)
            if match and f"cp{match[1]}{match[2]}" != runtime_abi:
                errors.append(f"{path}: built for CPython {match[1]}.{match[2]}, runtime is {runtime}")
            for library in elf.needed:
                if library not in SYSTEM_LIBRARIES and library not in names:
                    errors.append(f"{path}: needs {library}, which is neither bundled nor on Lambda")

    zipped = zip_path.stat().st_size
    if zipped > MAX_ZIPPED:
        errors.append(f"zip is {zipped / 2**20:.1f} MB, Lambda allows {MAX_ZIPPED // 2**20} MB zipped")
    if unzipped > MAX_UNZIPPED:
        errors.append(f"unzipped size {unzipped / 2**20:.1f} MB exceeds Lambda's {MAX_UNZIPPED // 2**20} MB")
    return Report(runtime, architecture, zipped, unzipped, len(entries), shared, sorted(binaries), errors)


def check_package(directory: Path) -> Report:
    template = json.loads((directory / "sam.json").read_text())
    runtime, architecture = _runtime_of(template)
    return check_zip(directory / "deployment.zip", runtime, architecture)


def main(argv: list[str]) -> int:
    directory = Path(argv[1] if len(argv) > 1 else "build/package")
    report = check_package(directory)
    print(
        f"bundle: runtime {report.runtime}/{report.architecture}, "
        f"{report.zipped / 2**20:.1f} MB zipped (limit 50), "
        f"{report.unzipped / 2**20:.1f} MB unzipped (limit 250), "
        f"{report.files} files, {report.shared_objects} shared objects"
    )
    print("bundle: binary distributions: " + (", ".join(report.binary_distributions) or "none"))
    for error in report.errors:
        print(f"bundle: ERROR {error}", file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
