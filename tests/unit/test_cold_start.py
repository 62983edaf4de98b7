"""Importing the app loads only route declarations: models, schemas and services load with the first route
that needs them (Lambda cold start), and each route then finds its contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFERRED = ("pydantic", "boto3", "pynamodb", "fpdf", "qrcode", "openpyxl", "PIL", "cryptography", "argon2", "jwt")


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    return set(json.loads(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)))


def test_import_app_loads_no_schemas_services_models_or_heavy_libraries():
    loaded = _modules_after("import app")
    assert {name.partition(".")[0] for name in loaded} & set(DEFERRED) == set()
    ours = {
        name for name in loaded if name.startswith(("chalicelib.schemas.", "chalicelib.services.", "chalicelib.models"))
    }
    assert ours == set()


def test_a_route_contract_loads_only_its_own_schema_modules():
    loaded = _modules_after(
        "import app\nfrom chalicelib.api import OPERATIONS\n"
        "op = next(o for o in OPERATIONS if o.path == '/public/attendance/{session_id}/sign-in')\n"
        "assert op.body.__name__ == 'SignIn' and op.response.__name__ == 'SignInResult'"
    )
    assert "chalicelib.schemas.attendance" in loaded
    assert {
        "chalicelib.schemas.reports",
        "chalicelib.schemas.certificates",
        "chalicelib.services.reports",
    } & loaded == set()


def test_every_route_resolves_its_contract():
    import app  # noqa: F401  (declares the routes)
    from chalicelib.api import OPERATIONS

    assert OPERATIONS
    for op in OPERATIONS:
        assert op.contract is not None, (op.method, op.path)
    declared = {(op.method, op.path): op for op in OPERATIONS}
    assert declared[("POST", "/sessions/{session_id}/return")].body.__name__ == "SessionReason"
    assert declared[("POST", "/sessions/{session_id}/approve")].body is None
    assert declared[("GET", "/sessions")].query.__name__ == "SessionQuery"


def test_every_service_and_schema_module_imports():
    import importlib
    import pkgutil

    import chalicelib.schemas
    import chalicelib.services

    for package in (chalicelib.services, chalicelib.schemas):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
