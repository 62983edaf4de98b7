"""Builds the Lambda layers of `make package` beside chalice's output: which layer holds what, and byte-stable zips.

Layers (each a `layer-<name>.zip` that infra/merge-template.json declares as an `AWS::Serverless::LayerVersion`):

* ``deps``   every function's dependencies, exactly requirements.txt, in ``python/`` (Lambda: /opt/python);
* ``render`` the PDF, image and Excel libraries, exactly requirements-render.txt, in ``python/``: the API and run-jobs;
* ``fonts``  the PDF fonts of `make fonts` (chalicelib/fonts/), in ``fonts/`` (/opt/fonts, the functions' FONT_DIR):
  the API and run-jobs.

Python layers are installed by pip from the locks with ``--require-hashes``, as wheels for the functions' runtime
(manylinux for its glibc and CPython, never a source build), without byte-code (like chalice's zip). A zip has sorted
entries with fixed times and modes: the same lock and fonts give the same bytes, so `aws cloudformation package`
uploads the same key and a deployment publishes a new layer version only when its content changed. A Python layer's
zip is kept in build/layer-cache/ under a hash of its lock, runtime, pip and this file, and reused while they stay.

Usage: python infra/layers.py build/package   (after `chalice package` wrote sam.json there)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT_SOURCE = ROOT / "chalicelib" / "fonts"
CACHE = ROOT / "build" / "layer-cache"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

# glibc of the Amazon Linux under each Lambda Python runtime (python3.10/3.11: AL2, 2.26; python3.12+: AL2023, 2.34).
RUNTIME_GLIBC = {
    "python3.10": (2, 26),
    "python3.11": (2, 26),
    "python3.12": (2, 34),
    "python3.13": (2, 34),
    "python3.14": (2, 34),
}
WHEEL_MACHINES = {"x86_64": "x86_64", "arm64": "aarch64"}


@dataclass(frozen=True)
class Layer:
    name: str
    lock: str | None  # requirements file (repository root) of a Python layer; None: the fonts
    prefix: str  # directory inside the zip: python/ lands on sys.path, fonts/ is FONT_DIR=/opt/fonts

    @property
    def zip_name(self) -> str:
        return f"layer-{self.name}.zip"


LAYERS = (
    Layer("deps", "requirements.txt", "python"),
    Layer("render", "requirements-render.txt", "python"),
    Layer("fonts", None, "fonts"),
)
EVERY_FUNCTION = "deps"  # the layer every function needs (app.py imports chalice's runtime only; the rest lazily)


def lock_pins(path: Path) -> dict[str, str]:
    """Normalised distribution name -> version of every ``name==version`` line of a requirements lock."""
    pins: dict[str, str] = {}
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", line)
        if match:
            pins[normalise(match[1])] = match[2]
    return pins


def normalise(name: str) -> str:
    """PEP 503 name: dist-info directories spell it with underscores, locks with dashes."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_platforms(runtime: str, architecture: str) -> list[str]:
    """pip takes --platform literally: every manylinux tag the runtime's glibc loads, and the legacy alias."""
    major, minor = RUNTIME_GLIBC[runtime]
    machine = WHEEL_MACHINES[architecture]
    return [f"manylinux_{major}_{m}_{machine}" for m in range(17, minor + 1)] + [f"manylinux2014_{machine}"]


def install_python_layer(lock: Path, target: Path, runtime: str, architecture: str) -> None:
    """pip installs exactly the lock (hashes required, wheels only) for the Lambda runtime into target."""
    version = runtime.removeprefix("python")
    command = [
        sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input",
        "--require-hashes", "--only-binary=:all:", "--no-compile", "--target", str(target),
        "--implementation", "cp", "--python-version", version, "--abi", "cp" + version.replace(".", ""),
    ]  # fmt: skip
    for platform in pip_platforms(runtime, architecture):
        command += ["--platform", platform]
    subprocess.run([*command, "-r", str(lock)], check=True)  # noqa: S603  this interpreter's pip, our lock
    # Console scripts carry this machine's interpreter path and are never run on Lambda.
    shutil.rmtree(target / "bin", ignore_errors=True)


def write_zip(source: Path, zip_path: Path, prefix: str) -> None:
    """source's files under prefix/, sorted, with fixed times and modes: equal content, equal bytes."""
    files = sorted(path for path in source.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{prefix}/{path.relative_to(source).as_posix()}", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100755 if os.access(path, os.X_OK) else 0o100644) << 16
            bundle.writestr(info, path.read_bytes(), compresslevel=9)


def fonts_files(font_dir: Path) -> list[str]:
    """The files fonts.json lists (regular, bold, fallback slices); raises when the fonts are not built."""
    manifest_path = font_dir / "fonts.json"
    if not manifest_path.is_file():
        raise SystemExit(f"layers: {manifest_path} is missing; build the fonts first with: make fonts")
    manifest = json.loads(manifest_path.read_text())
    return [entry["file"] for entry in (manifest["regular"], manifest["bold"], *manifest["fallback"])]


def build(out: Path, runtime: str, architecture: str) -> list[Path]:
    """Every layer zip of LAYERS into out; returns their paths."""
    built = []
    for layer in LAYERS:
        zip_path = out / layer.zip_name
        if layer.lock is None:
            missing = [name for name in fonts_files(FONT_SOURCE) if not (FONT_SOURCE / name).is_file()]
            if missing:
                raise SystemExit(f"layers: fonts missing from {FONT_SOURCE}: {missing}; rebuild with: make fonts")
            write_zip(FONT_SOURCE, zip_path, layer.prefix)
        else:
            lock = ROOT / layer.lock
            key = hashlib.sha256(
                b"\0".join(
                    [lock.read_bytes(), runtime.encode(), architecture.encode(), installed_version("pip").encode()]
                    + [Path(__file__).read_bytes()]
                )
            ).hexdigest()[:16]
            cached = CACHE / f"{layer.name}-{key}.zip"
            if not cached.is_file():
                with tempfile.TemporaryDirectory(prefix=f"layer-{layer.name}-") as tmp:
                    install_python_layer(lock, Path(tmp), runtime, architecture)
                    CACHE.mkdir(parents=True, exist_ok=True)
                    for stale in CACHE.glob(f"{layer.name}-*.zip"):
                        stale.unlink()
                    write_zip(Path(tmp), cached.with_suffix(".tmp"), layer.prefix)
                    cached.with_suffix(".tmp").replace(cached)
            shutil.copyfile(cached, zip_path)
        built.append(zip_path)
    return built


def runtime_of(template: dict) -> tuple[str, str]:
    """The one runtime and architecture of the template's functions."""
    runtimes, architectures = set(), set()
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
            props = resource.get("Properties", {})
            runtimes.add(props.get("Runtime"))
            architectures.update(props.get("Architectures", ["x86_64"]))
    if len(runtimes) != 1 or len(architectures) != 1:
        raise SystemExit(f"expected one runtime and architecture, got {runtimes} / {architectures}")
    return runtimes.pop(), architectures.pop()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "build/package")
    runtime, architecture = runtime_of(json.loads((out / "sam.json").read_text()))
    for path in build(out, runtime, architecture):
        print(f"layers: {path.name} {path.stat().st_size / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
