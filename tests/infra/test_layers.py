"""The locks and the layers (issue #14 item 3): every runtime import is locked with hashes, in the layer of the
functions that import it; the dev lock installs the same runtime versions; the fonts are found where FONT_DIR says.

infra/check_bundle.py checks the built zips against the locks in `make package`; these tests need no build.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import re
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("cme_layers", ROOT / "infra" / "layers.py")
assert _spec is not None and _spec.loader is not None
layers = sys.modules.setdefault("cme_layers", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(layers)

RUNTIME_LOCKS = ("requirements.txt", "requirements-render.txt")
LOCKS = (*RUNTIME_LOCKS, "requirements-dev.txt")
PACKAGED_BY_CHALICE = {"chalice"}  # its runtime part goes into the code zip with the app


def _pins(lock: str) -> dict[str, str]:
    return layers.lock_pins(ROOT / lock)


def _requirements(lock: str) -> list[str]:
    """The lock's requirements, each with its continuation lines joined."""
    text = (ROOT / lock).read_text().replace("\\\n", " ")
    return [line for line in text.splitlines() if line and not line.lstrip().startswith("#")]


class _RuntimeImports(ast.NodeVisitor):
    """Top-level names of every module imported outside `if TYPE_CHECKING:` blocks, including imports in functions."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
            isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
        ):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        self.names.update(alias.name.partition(".")[0] for alias in node.names)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module:
            self.names.add(node.module.partition(".")[0])


def runtime_imports() -> set[str]:
    visitor = _RuntimeImports()
    for path in [ROOT / "app.py", *sorted((ROOT / "chalicelib").rglob("*.py"))]:
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
    return visitor.names - set(sys.stdlib_module_names) - {"chalicelib", "app", "__future__"}


def test_every_runtime_import_is_locked_for_lambda() -> None:
    distributions = packages_distributions()
    locked = set(_pins("requirements.txt")) | set(_pins("requirements-render.txt"))
    unlocked = {
        module: distributions.get(module)
        for module in runtime_imports() - PACKAGED_BY_CHALICE
        if not {layers.normalise(dist) for dist in distributions.get(module, [])} & locked
    }
    assert unlocked == {}, "imported by chalicelib but in no runtime lock (requirements*.in, then make lock)"
    assert "fontTools" in runtime_imports()  # fpdf2 needs it, and fonts.py reads the font tables with it


def test_every_lock_pins_every_requirement_with_hashes() -> None:
    for lock in LOCKS:
        requirements = _requirements(lock)
        assert requirements, lock
        for requirement in requirements:
            assert re.match(r"^[A-Za-z0-9][\w.\-\[\],]*==\S+", requirement), (lock, requirement)
            assert "--hash=sha256:" in requirement, (lock, requirement)


def test_the_runtime_locks_are_disjoint_and_the_dev_lock_installs_their_versions() -> None:
    deps, render, dev = (_pins(lock) for lock in LOCKS)
    assert set(deps) & set(render) == set()  # both layers land in /opt/python: one copy of each distribution
    assert {name: dev.get(name) for name in {**deps, **render}} == {**deps, **render}
    assert {"botocore", "fonttools", "pillow", "cryptography", "pydantic-core"} <= set(deps) | set(render)


def test_the_locks_hold_the_pins_of_their_inputs() -> None:
    for source, lock in (
        ("requirements.in", "requirements.txt"),
        ("requirements-render.in", "requirements-render.txt"),
        ("requirements-dev.in", "requirements-dev.txt"),
    ):
        wanted = layers.lock_pins(ROOT / source)
        assert wanted, source
        assert {name: _pins(lock).get(name) for name in wanted} == wanted, f"{lock} is stale: make lock"


def test_the_templates_layers() -> None:
    template = json.loads((ROOT / "infra" / "merge-template.json").read_text(encoding="utf-8"))
    resources = template["Resources"]
    built = {layer.zip_name for layer in layers.LAYERS}
    declared = {
        logical_id: resource["Properties"]["ContentUri"].removeprefix("./")
        for logical_id, resource in resources.items()
        if resource.get("Type") == "AWS::Serverless::LayerVersion"
    }
    assert set(declared.values()) == built
    assert template["Globals"]["Function"]["Layers"] == [{"Ref": "DepsLayer"}]  # every function, new ones too
    for function in ("APIHandler", "RunJobs"):  # they render PDFs, QR images and Excel files
        props = resources[function]["Properties"]
        assert props["Layers"] == [{"Ref": "RenderLayer"}, {"Ref": "FontsLayer"}]
        assert props["Environment"]["Variables"]["FONT_DIR"] == "/opt/fonts"
    prefix = next(layer.prefix for layer in layers.LAYERS if layer.name == "fonts")
    assert f"/opt/{prefix}" == "/opt/fonts"


def test_the_fonts_are_read_where_font_dir_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.services import fonts
    from chalicelib.settings import font_dir

    built = font_dir()
    assert built == ROOT / "chalicelib" / "fonts"
    monkeypatch.setenv("FONT_DIR", str(tmp_path))
    fonts.font_set.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=str(tmp_path)):
            fonts.font_set()
        (tmp_path / "fonts.json").write_bytes((built / "fonts.json").read_bytes())
        assert fonts.font_set().regular.path == tmp_path / fonts.font_set().regular.file
    finally:
        fonts.font_set.cache_clear()


_SMALL_FUNCTIONS = """
import importlib.abc, json, sys

BLOCKED = set(json.loads(sys.argv[1]))


class RenderLayerMissing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ImportError(f"{name} is in the render layer, which this function does not load")


sys.meta_path.insert(0, RenderLayerMissing())
from tests.conftest import start_aws

mock = start_aws()
from localdev.seed import DEMO_PASSWORD, seed_demo
from localdev.schedules import scheduled_event
from chalicelib.authorizer import jwt_authorizer
from chalicelib.container import services
from chalicelib.handlers import schedules

seed_demo(with_projects=False)
token = services().accounts.login("office-demo", DEMO_PASSWORD, "127.0.0.1").token
arn = "arn:aws-cn:execute-api:cn-north-1:123456789012:abcdef/api/GET/me"
answer = jwt_authorizer({"type": "TOKEN", "authorizationToken": token, "methodArn": arn}, None)
assert answer["principalId"] == "office-demo", answer
schedules.close_attendance_windows(scheduled_event("close-attendance-windows"), None)
schedules.credit_deadline_reminders(scheduled_event("credit-deadline-reminders"), None)
print(json.dumps(sorted(name for name in sys.modules if name.partition(".")[0] in BLOCKED)))
"""


def test_the_authorizer_and_the_scheduled_functions_run_without_the_render_layer() -> None:
    """They get only the deps layer: with the render layer's modules unimportable, each runs (on the demo accounts;
    a module that imported a render library at its top would fail here)."""
    distributions = packages_distributions()
    render = set(_pins("requirements-render.txt"))
    blocked = sorted(
        module
        for module, dists in distributions.items()
        if {layers.normalise(dist) for dist in dists} & render and not module.startswith("_")
    )
    assert {"fpdf", "qrcode", "openpyxl", "PIL", "fontTools"} <= set(blocked)
    result = subprocess.run(  # noqa: S603  this interpreter and our own script
        [sys.executable, "-c", _SMALL_FUNCTIONS, json.dumps(blocked)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.splitlines()[-1]) == []
