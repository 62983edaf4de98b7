"""infra/check_bundle.py rejects deployment zips that would not load on Lambda."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_bundle", ROOT / "infra" / "check_bundle.py")
check_bundle = importlib.util.module_from_spec(_spec)
sys.modules["check_bundle"] = check_bundle
_spec.loader.exec_module(check_bundle)

HERE = f"python{sys.version_info.major}.{sys.version_info.minor}"
OTHER = "python3.12" if HERE != "python3.12" else "python3.11"


def wheel(tag: str, purelib: bool = False) -> str:
    return f"Wheel-Version: 1.0\nRoot-Is-Purelib: {str(purelib).lower()}\nTag: {tag}\n"


def make_zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for name, content in files.items():
            bundle.writestr(name, content)
    return path


def errors(tmp_path: Path, files: dict, runtime: str) -> list[str]:
    return check_bundle.check_zip(make_zip(tmp_path / "deployment.zip", files), runtime).errors


@pytest.mark.parametrize(
    ("tag", "runtime", "ok"),
    [
        ("cp311-cp311-manylinux2014_x86_64", "python3.11", True),
        ("cp311-cp311-manylinux_2_17_x86_64", "python3.11", True),
        ("cp311-cp311-manylinux_2_28_x86_64", "python3.11", False),  # AL2 has glibc 2.26
        ("cp312-cp312-manylinux_2_28_x86_64", "python3.12", True),  # AL2023 has glibc 2.34
        ("cp312-cp312-manylinux_2_35_x86_64", "python3.12", False),
        ("cp311-cp311-linux_x86_64", "python3.11", False),  # compiled on the build machine
        ("cp311-cp311-manylinux2014_x86_64", "python3.12", False),  # other CPython ABI
        ("cp39-abi3-manylinux2014_x86_64", "python3.12", True),
        ("cp311-cp311-manylinux2014_aarch64", "python3.11", False),
        ("cp311-cp311-macosx_11_0_arm64", "python3.11", False),
    ],
)
def test_wheel_tags(tmp_path: Path, tag: str, runtime: str, ok: bool) -> None:
    found = errors(tmp_path, {"pkg-1.0.dist-info/WHEEL": wheel(tag)}, runtime)
    assert (found == []) is ok, found


def test_pure_python_wheels_pass(tmp_path: Path) -> None:
    assert errors(tmp_path, {"pkg-1.0.dist-info/WHEEL": wheel("py3-none-any", purelib=True)}, "python3.12") == []


def _shared_object(module: str) -> Path:
    path = Path(__import__(module, fromlist=["_"]).__file__)
    assert path.suffix == ".so"
    return path


def test_a_manylinux_extension_passes_for_its_runtime(tmp_path: Path) -> None:
    so = _shared_object("_cffi_backend")  # from a manylinux wheel in the venv
    assert errors(tmp_path, {so.name: so.read_bytes()}, HERE) == []


def test_an_extension_for_another_python_is_rejected(tmp_path: Path) -> None:
    so = _shared_object("_cffi_backend")
    found = errors(tmp_path, {so.name: so.read_bytes()}, OTHER)
    assert any("built for CPython" in error for error in found), found


def test_an_extension_without_its_bundled_libraries_is_rejected(tmp_path: Path) -> None:
    so = _shared_object("PIL._imaging")  # needs libjpeg etc. from pillow.libs/
    found = errors(tmp_path, {f"PIL/{so.name}": so.read_bytes()}, HERE)
    assert any("neither bundled nor on Lambda" in error for error in found), found


def test_an_extension_needing_a_newer_glibc_is_rejected(tmp_path: Path) -> None:
    elf = check_bundle._parse_elf(_shared_object("PIL._imagingmath").read_bytes())
    assert elf is not None and elf.glibc is not None
    older = max((runtime for runtime, glibc in check_bundle.RUNTIME_GLIBC.items() if glibc < elf.glibc), default=None)
    if older is None:
        pytest.skip(f"this Pillow needs only GLIBC_{elf.glibc}")
    so = _shared_object("PIL._imagingmath")
    found = errors(tmp_path, {so.name: so.read_bytes()}, older)
    assert any("needs GLIBC_" in error for error in found), found


def test_size_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_bundle, "MAX_ZIPPED", 100)
    monkeypatch.setattr(check_bundle, "MAX_UNZIPPED", 1000)
    found = errors(tmp_path, {"big.txt": "x" * 5000, "app.py": "print(1)"}, "python3.12")
    assert any("zipped" in error for error in found) and any("unzipped" in error for error in found), found
