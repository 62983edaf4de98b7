"""Renders the chalice project configuration of any stage from the one template in .chalice/ (issue #14 item 1):
``config.json``'s ``stages`` holds a single entry keyed ``{stage}``, and ``policy[-<function>].json`` are the IAM
policies with ``cme-{stage}`` in their resource patterns. A province's stage (``prodzj``) packages with no file
added to the repo: scripts/package.sh renders the stages it builds into its copy of the app (build/chalice-src),
and the IAM tests check the rendered policies, which are what is deployed.

Usage: python -m scripts.stages <project dir> <stage> [<stage> ...]  (writes <project dir>/.chalice/)
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

from chalicelib.province import LOCAL_STAGES
from chalicelib.settings import STAGE_NAME

ROOT = Path(__file__).resolve().parent.parent
CHALICE = ROOT / ".chalice"
PLACEHOLDER = "{stage}"


class StageError(ValueError):
    """A stage name that is not valid, or a template that cannot be rendered."""


def check_stage(stage: str) -> str:
    """``stage`` if it is a valid stage name: 2-16 lowercase letters and digits, starting with a letter. No hyphen,
    so that one stage's patterns (``cme-prod-*``) never match another stage's resources (``cme-prod-zj-*``); not
    ``local`` or ``test``, under which the app falls back to Jiangsu's demo settings and allows SMTP without TLS."""
    if not STAGE_NAME.match(stage):
        raise StageError(
            f"stage name {stage!r} must be 2-16 lowercase letters and digits starting with a letter (no hyphen)"
        )
    if stage in LOCAL_STAGES:  # the local system's and the tests' names: province defaults, SMTP without TLS
        raise StageError(f"stage name {stage!r} is reserved for the local system and the tests: choose another")
    return stage


def load_template(chalice_dir: Path = CHALICE) -> dict[str, Any]:
    """The repo's config.json: the settings of every stage, and the one stage entry keyed ``{stage}``."""
    config = json.loads((chalice_dir / "config.json").read_text(encoding="utf-8"))
    if list(config.get("stages", {})) != [PLACEHOLDER]:
        raise StageError(f"{chalice_dir / 'config.json'}: 'stages' must hold one entry, {PLACEHOLDER!r}")
    return config


def _substitute(value: Any, stage: str) -> Any:
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, stage)
    if isinstance(value, list):
        return [_substitute(item, stage) for item in value]
    if isinstance(value, dict):
        return {_substitute(key, stage): _substitute(item, stage) for key, item in value.items()}
    return value


def _policy_names(entry: dict[str, Any]) -> list[str]:
    """The policy file names the stage entry gives (the stage's own, then each function's), unrendered."""
    names = [entry["iam_policy_file"]] if "iam_policy_file" in entry else []
    for function in entry.get("lambda_functions", {}).values():
        if "iam_policy_file" in function:
            names.append(function["iam_policy_file"])
    return names


def template_file(name: str) -> str:
    """The template file of a policy file name of the stage entry: ``policy-{stage}-run-jobs.json`` ->
    ``policy-run-jobs.json``."""
    if f"-{PLACEHOLDER}" not in name:
        raise StageError(f"policy file name {name!r} of the stage entry must contain '-{PLACEHOLDER}'")
    return name.replace(f"-{PLACEHOLDER}", "", 1)


def render(stages: list[str], chalice_dir: Path = CHALICE) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The chalice config.json of ``stages`` (one entry each) and their policy files (file name -> document)."""
    if not stages:
        raise StageError("name at least one stage")
    template = load_template(chalice_dir)
    entry = template["stages"][PLACEHOLDER]
    config = copy.deepcopy(template)
    config["stages"] = {}
    policies: dict[str, dict[str, Any]] = {}
    for stage in stages:
        check_stage(stage)
        config["stages"][stage] = _substitute(entry, stage)
        for name in _policy_names(entry):
            text = (chalice_dir / template_file(name)).read_text(encoding="utf-8")
            policies[name.replace(PLACEHOLDER, stage)] = _substitute(json.loads(text), stage)
    leftover = [name for name, doc in policies.items() if PLACEHOLDER in json.dumps(doc)]
    if PLACEHOLDER in json.dumps(config) or leftover:
        raise StageError(f"'{PLACEHOLDER}' left after rendering: {leftover or 'config.json'}")
    return config, policies


def write(project_dir: Path, stages: list[str], chalice_dir: Path = CHALICE) -> list[Path]:
    """Render ``stages`` into ``project_dir``/.chalice/ (config.json and each policy file); the files written."""
    config, policies = render(stages, chalice_dir)
    target = project_dir / ".chalice"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in {"config.json": config, **policies}.items():
        path = target / name
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        written = write(Path(argv[0]), argv[1:])
    except StageError as error:
        print(f"stages: {error}", file=sys.stderr)
        return 2
    print(f"stages: rendered {', '.join(argv[1:])}: {len(written)} files in {Path(argv[0]) / '.chalice'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
