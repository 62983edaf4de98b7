"""Generates the console's API types (web/src/shared/api-types.ts) from the app's OpenAPI document, and its workflow
labels (web/src/shared/workflow.ts: states and buttons) from chalicelib/services/workflow_tables.py.

The document is the one ``GET /api/openapi.json`` serves, built in-process from the registered operations
(no server, no AWS); openapi-typescript (web/node_modules, a dev dependency) turns it into TypeScript.
``web/src/shared/types.ts`` gives its schemas friendly names. Run after changing a schema or a route:

    .venv/bin/python -m scripts.openapi_types            # rewrite both files
    .venv/bin/python -m scripts.openapi_types --check    # exit 1 if a committed file is stale

``tests/infra/test_api_types.py`` runs the check in ``make test``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "web"
TARGET = WEB / "src" / "shared" / "api-types.ts"
WORKFLOW_TARGET = WEB / "src" / "shared" / "workflow.ts"
COMMAND = ".venv/bin/python -m scripts.openapi_types"
HEADER = f"""/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json) by openapi-typescript: do not edit.
 * Regenerate with `{COMMAND}` after changing a schema or a route; `make test` checks it is current.
 * Friendly names for these schemas are in ./types.ts.
 */
"""


def openapi_json() -> str:
    """The OpenAPI document the API serves, as JSON text (the version is fixed: it is not in the types)."""
    import app  # noqa: F401  registers every operation
    from chalicelib.openapi import openapi_document

    return json.dumps(openapi_document("generated"), ensure_ascii=False, indent=1)


def generate() -> str:
    """The TypeScript that api-types.ts should hold."""
    binary = WEB / "node_modules" / ".bin" / "openapi-typescript"
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: run `npm ci` in web/ first")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "openapi.json"
        source.write_text(openapi_json(), encoding="utf-8")
        # A field with a default may be left out of a request, so it is optional, not "non-nullable"
        # (openapi-typescript's default); the few response fields with one (DisciplineOut.children) become optional too.
        result = subprocess.run(  # noqa: S603  our own binary and temp file
            [str(binary), str(source), "--default-non-nullable", "false"],
            cwd=tmp,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    if result.returncode != 0:
        raise SystemExit(f"openapi-typescript failed:\n{result.stderr}")
    body = result.stdout
    if body.startswith("/**"):  # openapi-typescript's own header, replaced by one naming the command
        body = body.split("*/\n", 1)[1]
    return HEADER + "\n" + body.lstrip("\n")


def generate_workflow() -> str:
    """The TypeScript that workflow.ts should hold: each workflow's state and button labels, in table order."""
    from chalicelib.services.workflow_tables import workflows

    lines = [
        "/**",
        " * Generated from chalicelib/services/workflow_tables.py (the review workflows' tables): do not edit.",
        f" * Regenerate with `{COMMAND}`; `make test` checks it is current.",
        " */",
    ]
    for workflow in workflows():
        name = workflow.name.upper()
        lines += ["", f"/** {workflow.noun}: state → label, as the API's `status_label` gives it. */"]
        lines.append(f"export const {name}_STATES = {json.dumps(dict(workflow.states), ensure_ascii=False)} as const")
        if workflow.buttons:
            lines.append(f"/** {workflow.noun}: action → button text, in the order the buttons are shown. */")
            lines.append(
                f"export const {name}_BUTTONS = {json.dumps(dict(workflow.buttons), ensure_ascii=False)} as const"
            )
    return "\n".join(lines) + "\n"


def stale_message(target: Path = TARGET) -> str:
    source = "the API's OpenAPI document" if target == TARGET else "chalicelib/services/workflow_tables.py"
    return f"{target.relative_to(ROOT)} does not match {source}; regenerate it with `{COMMAND}`"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args(argv)
    stale = False
    for target, text in ((TARGET, generate()), (WORKFLOW_TARGET, generate_workflow())):
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(stale_message(target), file=sys.stderr)
                stale = True
            continue
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
