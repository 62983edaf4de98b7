"""Checks that a `make package` output (scripts/package.sh) will load on AWS Lambda, with room to grow.

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
* every zip (the code, each layer) must stay HEADROOM (20 MB) under Lambda's 50 MB zipped quota, and each
  function's code with its layers under the 250 MB unzipped quota;
* each function gets its layers from the template (SAM ``Globals`` and its own ``Layers``), every one of them built
  by this package (infra/layers.py), the ``deps`` layer included; the code zip carries no dependency;
* a Python layer holds exactly its lock's distributions and versions (requirements.txt, requirements-render.txt),
  under ``python/``; the fonts layer every file fonts.json lists, under ``fonts/``.

Usage: python infra/check_bundle.py build/package   (exit status 1 on failure)
"""

from __future__ import annotations

import importlib.util
import json
import re
import struct
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any


def _load_layers() -> Any:
    spec = importlib.util.spec_from_file_location("cme_layers", Path(__file__).resolve().with_name("layers.py"))
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault("cme_layers", importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    return module


layers = _load_layers()

MB = 1024 * 1024
MAX_ZIPPED = 50 * MB  # Lambda: 50 MB zipped deployment package (and each layer)
MAX_UNZIPPED = 250 * MB  # Lambda: 250 MB unzipped, the function's code and all its layers
HEADROOM = 20 * MB  # what every zip must leave free under MAX_ZIPPED (issue #14)

RUNTIME_GLIBC = layers.RUNTIME_GLIBC

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
WHEEL_MACHINES = layers.WHEEL_MACHINES
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
    distributions: dict[str, str] = field(default_factory=dict)  # normalised name -> version, from *.dist-info


@dataclass
class PackageReport:
    runtime: str
    architecture: str
    artifacts: dict[str, Report]  # zip file name -> its report
    functions: dict[str, list[str]]  # logical id -> its zips, code first
    errors: list[str]

    def unzipped(self, function: str) -> int:
        return sum(self.artifacts[name].unzipped for name in self.functions[function])


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
    return match is not None and match[3] == machine and (int(match[1]), int(match[2])) <= glibc


def _abi_ok(python_tag: str, abi: str, runtime_abi: str) -> bool:
    if abi == runtime_abi or abi == "none":
        return True
    if abi == "abi3":  # stable ABI: built for an older or equal CPython 3.x
        match = re.fullmatch(r"cp3(\d+)", python_tag)
        return match is not None and int(match[1]) <= int(runtime_abi[3:])
    return False


_runtime_of = layers.runtime_of


def zipped_budget() -> int:
    return MAX_ZIPPED - HEADROOM


def check_zip(
    zip_path: Path, runtime: str, architecture: str = "x86_64", available: frozenset[str] = frozenset()
) -> Report:
    """One zip: its wheels' tags, its shared objects (a needed library may be in it or in ``available``, the file
    names of the other zips its functions load) and its sizes (zipped within the budget, unzipped within 250 MB)."""
    if runtime not in RUNTIME_GLIBC:
        raise SystemExit(f"unknown Lambda runtime {runtime!r}")
    glibc = RUNTIME_GLIBC[runtime]
    runtime_abi = "cp" + runtime.removeprefix("python").replace(".", "")
    machine = WHEEL_MACHINES[architecture]
    errors: list[str] = []
    binaries: list[str] = []
    distributions: dict[str, str] = {}

    with zipfile.ZipFile(zip_path) as bundle:
        entries = [info for info in bundle.infolist() if not info.is_dir()]
        names = {PurePosixPath(info.filename).name for info in entries} | available
        unzipped = sum(info.file_size for info in entries)
        for info in entries:
            path = PurePosixPath(info.filename)
            if path.name == "METADATA" and path.parent.name.endswith(".dist-info"):
                name, _, version = path.parent.name.removesuffix(".dist-info").rpartition("-")
                distributions[layers.normalise(name)] = version

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
    if zipped > zipped_budget():
        errors.append(
            f"zip is {zipped / MB:.1f} MB: over {zipped_budget() / MB:.0f} MB, Lambda's {MAX_ZIPPED / MB:.0f} MB zipped"
            f" limit less {HEADROOM / MB:.0f} MB of headroom"
        )
    if unzipped > MAX_UNZIPPED:
        errors.append(f"unzipped size {unzipped / MB:.1f} MB exceeds Lambda's {MAX_UNZIPPED / MB:.0f} MB")
    return Report(
        runtime, architecture, zipped, unzipped, len(entries), shared, sorted(binaries), errors, distributions
    )


def _function_zips(template: dict, errors: list[str]) -> dict[str, list[str]]:
    """Each function's zips as the template attaches them: its CodeUri, then its layers (SAM ``Globals`` first)."""
    resources = template.get("Resources", {})
    local_layers = {
        logical_id: resource["Properties"]["ContentUri"]
        for logical_id, resource in resources.items()
        if resource.get("Type") == "AWS::Serverless::LayerVersion"
        and isinstance(resource.get("Properties", {}).get("ContentUri"), str)
    }
    shared = template.get("Globals", {}).get("Function", {}).get("Layers", [])
    functions: dict[str, list[str]] = {}
    for logical_id, resource in resources.items():
        if resource.get("Type") not in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            continue
        props = resource.get("Properties", {})
        code = props.get("CodeUri")
        if not isinstance(code, str):
            errors.append(f"{logical_id}: its code is not this package's zip ({code!r})")
            continue
        zips = [PurePosixPath(code).name]
        for layer in [*shared, *props.get("Layers", [])]:
            ref = layer.get("Ref") if isinstance(layer, dict) else None
            if ref not in local_layers:
                errors.append(f"{logical_id}: layer {layer!r} is not built by this package (its size is unknown)")
                continue
            zips.append(PurePosixPath(local_layers[ref]).name)
        functions[logical_id] = zips
    return functions


def _layer_errors(name: str, report: Report, zip_path: Path) -> list[str]:
    """A layer of infra/layers.py holds exactly its lock (a Python layer) or every font (the fonts layer)."""
    layer = next((layer for layer in layers.LAYERS if layer.zip_name == name), None)
    if layer is None:
        return [f"{name}: not a layer of infra/layers.py ({', '.join(item.zip_name for item in layers.LAYERS)})"]
    with zipfile.ZipFile(zip_path) as bundle:
        names = [info.filename for info in bundle.infolist() if not info.is_dir()]
        outside = [entry for entry in names if not entry.startswith(layer.prefix + "/")]
        if outside:
            return [
                f"{name}: {len(outside)} files outside {layer.prefix}/, where Lambda would not find them: {outside[:3]}"
            ]
        if layer.lock is None:
            manifest = f"{layer.prefix}/fonts.json"
            if manifest not in names:
                return [f"{name}: {manifest} is missing; build the fonts first with: make fonts"]
            listed = json.loads(bundle.read(manifest))
            wanted = [entry["file"] for entry in (listed["regular"], listed["bold"], *listed["fallback"])]
            missing = [file for file in wanted if f"{layer.prefix}/{file}" not in names]
            return [f"{name}: fonts missing: {missing}"] if missing else []
    pins = layers.lock_pins(layers.ROOT / layer.lock)
    found = report.distributions
    errors = []
    if set(found) - set(pins):
        errors.append(f"{name}: holds what {layer.lock} does not lock: {sorted(set(found) - set(pins))}")
    if set(pins) - set(found):
        errors.append(f"{name}: lacks what {layer.lock} locks: {sorted(set(pins) - set(found))}")
    changed = sorted(
        f"{dist} {found[dist]} != {pins[dist]}" for dist in set(found) & set(pins) if found[dist] != pins[dist]
    )
    if changed:
        errors.append(f"{name}: versions differ from {layer.lock}: {changed}")
    return errors


def check_package(directory: Path) -> PackageReport:
    """Every zip of a `make package` output and every function with its layers (see the module's docstring)."""
    template = json.loads((directory / "sam.json").read_text())
    runtime, architecture = _runtime_of(template)
    errors: list[str] = []
    functions = _function_zips(template, errors)
    every_function = next(layer.zip_name for layer in layers.LAYERS if layer.name == layers.EVERY_FUNCTION)
    contents: dict[str, set[str]] = {}
    for zips in functions.values():
        for name in zips:
            if name not in contents:
                with zipfile.ZipFile(directory / name) as bundle:
                    contents[name] = {PurePosixPath(entry).name for entry in bundle.namelist()}
    artifacts: dict[str, Report] = {}
    for name in sorted(contents):
        users = [zips for zips in functions.values() if name in zips]
        # what every function loading this zip also loads: a library it needs may be there
        available = frozenset.intersection(
            *(frozenset().union(*(contents[z] for z in zips if z != name)) for zips in users)
        )
        report = check_zip(directory / name, runtime, architecture, available)
        artifacts[name] = report
        errors += [f"{name}: {error}" for error in report.errors]
    for logical_id, zips in functions.items():
        code = artifacts[zips[0]]
        if code.distributions:
            errors.append(
                f"{logical_id}: its code zip carries dependencies (a layer's job): {sorted(code.distributions)}"
            )
        if every_function not in zips:
            errors.append(f"{logical_id}: lacks the {layers.EVERY_FUNCTION} layer ({every_function})")
        total = sum(artifacts[name].unzipped for name in zips)
        if total > MAX_UNZIPPED:
            errors.append(
                f"{logical_id}: code and layers unzip to {total / MB:.1f} MB, over Lambda's {MAX_UNZIPPED / MB:.0f} MB"
            )
    for name in sorted({name for zips in functions.values() for name in zips[1:]}):
        errors += _layer_errors(name, artifacts[name], directory / name)
    return PackageReport(runtime, architecture, artifacts, functions, errors)


def main(argv: list[str]) -> int:
    directory = Path(argv[1] if len(argv) > 1 else "build/package")
    report = check_package(directory)
    print(
        f"bundle: runtime {report.runtime}/{report.architecture}; each zip at most {zipped_budget() / MB:.0f} MB"
        f" (Lambda's {MAX_ZIPPED / MB:.0f} MB less {HEADROOM / MB:.0f} MB headroom), each function at most"
        f" {MAX_UNZIPPED / MB:.0f} MB unzipped"
    )
    for name, artifact in report.artifacts.items():
        print(
            f"bundle: {name:18} {artifact.zipped / MB:5.1f} MB zipped {artifact.unzipped / MB:6.1f} MB unzipped"
            f" ({artifact.files} files, {artifact.shared_objects} shared objects)"
        )
    for function, zips in report.functions.items():
        print(f"bundle: {function:24} {report.unzipped(function) / MB:6.1f} MB unzipped: {' + '.join(zips)}")
    binaries = sorted({dist for artifact in report.artifacts.values() for dist in artifact.binary_distributions})
    print("bundle: binary distributions: " + (", ".join(binaries) or "none"))
    for error in report.errors:
        print(f"bundle: ERROR {error}", file=sys.stderr)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
