"""infra/check_bundle.py rejects packages that would not load on Lambda or leave too little room: wheels and shared
objects that do not fit the runtime, zips within 20 MB of the 50 MB limit, functions past 250 MB unzipped with their
layers, layers that differ from their locks."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_bundle", ROOT / "infra" / "check_bundle.py")
assert _spec is not None and _spec.loader is not None
check_bundle = importlib.util.module_from_spec(_spec)
sys.modules["check_bundle"] = check_bundle
_spec.loader.exec_module(check_bundle)

HERE = f"python{sys.version_info.major}.{sys.version_info.minor}"
OTHER = "python3.12" if HERE != "python3.12" else "python3.11"


def wheel(tag: str, purelib: bool = False) -> str:
    return f"Wheel-Version: 1.0\nRoot-Is-Purelib: {str(purelib).lower()}\nTag: {tag}\n"


def make_zip(path: Path, files: Mapping[str, bytes | str]) -> Path:
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
    path = Path(str(__import__(module, fromlist=["_"]).__file__))
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


# ---------------------------------------------------------------------------------------------
# A whole package: the code zip and the layers each function loads (check_package)
# ---------------------------------------------------------------------------------------------

layers = check_bundle.layers


def _dist_infos(lock: str) -> dict[str, str]:
    return {
        f"python/{name.replace('-', '_')}-{version}.dist-info/METADATA": f"Name: {name}\n"
        for name, version in layers.lock_pins(ROOT / lock).items()
    }


def _fonts() -> dict[str, str]:
    entry = {"file": "f.ttf", "ranges": [[32, 126]]}
    manifest = {"regular": entry, "bold": {**entry, "file": "b.ttf"}, "fallback": []}
    return {"fonts/fonts.json": json.dumps(manifest), "fonts/f.ttf": "regular", "fonts/b.ttf": "bold"}


def _function(handler: str, *own_layers: str) -> dict:
    props: dict[str, object] = {"Runtime": "python3.12", "Handler": handler, "CodeUri": "./deployment.zip"}
    if own_layers:
        props["Layers"] = [{"Ref": layer} for layer in own_layers]
    return {"Type": "AWS::Serverless::Function", "Properties": props}


def _layer(zip_name: str) -> dict:
    return {"Type": "AWS::Serverless::LayerVersion", "Properties": {"ContentUri": f"./{zip_name}"}}


def make_package(tmp_path: Path, **replace: Mapping[str, bytes | str]) -> Path:
    """A package as scripts/package.sh lays it out: the API with every layer, the authorizer with the deps layer."""
    files: dict[str, Mapping[str, bytes | str]] = {
        "deployment.zip": {"app.py": "app = 1", "chalicelib/__init__.py": ""},
        "layer-deps.zip": _dist_infos("requirements.txt"),
        "layer-render.zip": _dist_infos("requirements-render.txt"),
        "layer-fonts.zip": _fonts(),
        **replace,
    }
    for name, content in files.items():
        make_zip(tmp_path / name, content)
    template = {
        "Globals": {"Function": {"Layers": [{"Ref": "DepsLayer"}]}},
        "Resources": {
            "APIHandler": _function("app.app", "RenderLayer", "FontsLayer"),
            "JwtAuthorizer": _function("chalicelib.authorizer.jwt_authorizer"),
            "DepsLayer": _layer("layer-deps.zip"),
            "RenderLayer": _layer("layer-render.zip"),
            "FontsLayer": _layer("layer-fonts.zip"),
        },
    }
    (tmp_path / "sam.json").write_text(json.dumps(template))
    return tmp_path


def test_a_package_of_code_and_locked_layers_passes(tmp_path: Path) -> None:
    report = check_bundle.check_package(make_package(tmp_path))
    assert report.errors == []
    assert report.functions == {
        "APIHandler": ["deployment.zip", "layer-deps.zip", "layer-render.zip", "layer-fonts.zip"],
        "JwtAuthorizer": ["deployment.zip", "layer-deps.zip"],
    }


def test_a_zip_within_20_mb_of_lambdas_50_mb_is_refused(tmp_path: Path) -> None:
    big = {"fonts/fonts.json": _fonts()["fonts/fonts.json"], "fonts/f.ttf": "r", "fonts/b.ttf": "b"}
    path = make_package(tmp_path, **{"layer-fonts.zip": big})
    with zipfile.ZipFile(path / "layer-fonts.zip", "a", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("fonts/noise.bin", os.urandom(31 * 2**20))  # incompressible: 31 MB zipped
    found = check_bundle.check_package(path).errors
    assert any(error.startswith("layer-fonts.zip: zip is 31.0 MB: over 30 MB") for error in found), found


def test_a_function_whose_code_and_layers_unzip_past_250_mb_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_bundle, "MAX_UNZIPPED", 20_000)
    code, fonts = {"app.py": "x" * 12_000}, {**_fonts(), "fonts/OFL.txt": "x" * 10_000}
    found = check_bundle.check_package(make_package(tmp_path, **{"deployment.zip": code, "layer-fonts.zip": fonts}))
    # each zip and the authorizer (code and deps layer) stay under; the API's code and its three layers do not
    assert [error.partition(":")[0] for error in found.errors] == ["APIHandler"], found.errors
    assert "code and layers unzip to" in found.errors[0]


def test_a_layer_must_hold_exactly_its_lock(tmp_path: Path) -> None:
    deps = _dist_infos("requirements.txt")
    botocore = next(name for name in deps if name.startswith("python/botocore-"))
    deps.pop(botocore)
    deps["python/botocore-0.0.1.dist-info/METADATA"] = "Name: botocore\n"  # drifted from the lock
    deps["python/requests-2.0.dist-info/METADATA"] = "Name: requests\n"  # not locked
    found = check_bundle.check_package(make_package(tmp_path, **{"layer-deps.zip": deps})).errors
    assert any("holds what requirements.txt does not lock: ['requests']" in error for error in found), found
    assert any("versions differ from requirements.txt: ['botocore 0.0.1 !=" in error for error in found), found


def test_python_layers_keep_their_files_under_python(tmp_path: Path) -> None:
    render = {name.removeprefix("python/"): text for name, text in _dist_infos("requirements-render.txt").items()}
    found = check_bundle.check_package(make_package(tmp_path, **{"layer-render.zip": render})).errors
    assert any("outside python/, where Lambda would not find them" in error for error in found), found


def test_the_fonts_layer_carries_every_listed_font(tmp_path: Path) -> None:
    fonts = _fonts()
    del fonts["fonts/b.ttf"]
    found = check_bundle.check_package(make_package(tmp_path, **{"layer-fonts.zip": fonts})).errors
    assert found == ["layer-fonts.zip: fonts missing: ['b.ttf']"]


def test_dependencies_in_the_code_zip_are_refused(tmp_path: Path) -> None:
    code = {"app.py": "", "jwt-2.0.dist-info/METADATA": "Name: PyJWT\n"}
    found = check_bundle.check_package(make_package(tmp_path, **{"deployment.zip": code})).errors
    assert any("its code zip carries dependencies" in error for error in found), found


def test_every_function_needs_the_deps_layer_and_only_layers_of_this_package(tmp_path: Path) -> None:
    path = make_package(tmp_path)
    template = json.loads((path / "sam.json").read_text())
    del template["Globals"]
    template["Resources"]["JwtAuthorizer"]["Properties"]["Layers"] = ["arn:aws-cn:lambda:cn-north-1:1:layer:x:1"]
    (path / "sam.json").write_text(json.dumps(template))
    found = check_bundle.check_package(path).errors
    assert "APIHandler: lacks the deps layer (layer-deps.zip)" in found, found
    assert any(error.startswith("JwtAuthorizer: layer 'arn:aws-cn:lambda") for error in found), found


def test_a_library_may_come_from_another_layer_of_every_function_that_loads_it(tmp_path: Path) -> None:
    so = _shared_object("PIL._imaging")  # needs libjpeg etc. from pillow.libs/
    render: dict[str, bytes | str] = {
        **_dist_infos("requirements-render.txt"),
        f"python/PIL/{so.name}": so.read_bytes(),
    }
    libs = Path(so).parent.parent / "pillow.libs"
    fonts: dict[str, bytes | str] = {**_fonts(), **{f"fonts/{lib.name}": lib.read_bytes() for lib in libs.iterdir()}}
    assert check_bundle.check_package(make_package(tmp_path, **{"layer-render.zip": render})).errors != []
    assert (
        check_bundle.check_package(
            make_package(tmp_path, **{"layer-render.zip": render, "layer-fonts.zip": fonts})
        ).errors
        == []
    )
