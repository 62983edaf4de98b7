"""docs/deploy.md is kept true by the code (issue #14 item 5): every stack parameter of the templates, every alarm,
every table in the restore drill, every script and `make` target it tells to run, every stack output it reads and
its list of resource types the deployment rehearsal cannot create are checked against the repository."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "deploy.md"
API_TEMPLATE = ROOT / "infra" / "merge-template.json"
# chalice package writes these outputs of the API stack (chalice/package.py), not the merge template
CHALICE_OUTPUTS = {"RestAPIId", "EndpointURL", "APIHandlerName", "APIHandlerArn"}
# The restore drill's heading, and the heading of the list of resource types the rehearsal cannot create.
DRILL_HEADING = "## 12 Restore drill"
UNCREATABLE_HEADING = "### What the rehearsal cannot create"
SHIMS_HEADING = "### What moto's CloudFormation skips and the rehearsal creates itself"
# What the issue's item 5 asks the document to walk through, as headings.
REQUIRED_HEADINGS = (
    "## 1 Prerequisites",
    "## 3 Configuration",
    "## 4 Build the package",
    "## 5 Deploy the API stack",
    "## 6 Deploy the web stack",
    "## 7 Mail",
    "## 8 The first office account",
    "## 10 Updates and backfills",
    "## 11 Rollback",
    DRILL_HEADING,
    "## 13 Key rotation",
    "### 14.4 Alarms and what to do",
    UNCREATABLE_HEADING,
)


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _templates() -> list[Path]:
    return [API_TEMPLATE, *sorted((ROOT / "infra").glob("web*.json"))]


def _section(heading: str) -> str:
    """The text under the heading that starts with ``heading``, up to the next heading of the same or a higher
    level."""
    lines = _doc().splitlines()
    level = len(heading) - len(heading.lstrip("#"))
    starts = [i for i, line in enumerate(lines) if line.startswith(heading)]
    assert len(starts) == 1, f"docs/deploy.md needs exactly one heading starting with {heading!r}"
    body: list[str] = []
    fenced = False  # a shell comment in a code block is no heading
    for line in lines[starts[0] + 1 :]:
        fenced ^= line.lstrip().startswith("```")
        hashes = len(line) - len(line.lstrip("#"))
        if not fenced and 0 < hashes <= level and line[hashes : hashes + 1] == " ":
            break
        body.append(line)
    return "\n".join(body)


def _named(name: str, text: str) -> bool:
    return f"`{name}`" in text or re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", text) is not None


def test_the_document_has_every_part_the_issue_asks_for() -> None:
    headings = [line for line in _doc().splitlines() if line.startswith("## ") or line.startswith("### ")]
    for wanted in REQUIRED_HEADINGS:
        assert any(h.startswith(wanted) for h in headings), f"docs/deploy.md lacks the section {wanted!r}"


@pytest.mark.parametrize("template", _templates(), ids=lambda p: p.name)
def test_every_stack_parameter_is_named(template: Path) -> None:
    doc = _doc()
    missing = [name for name in _json(template).get("Parameters", {}) if f"`{name}`" not in doc]
    assert not missing, f"docs/deploy.md does not describe these parameters of {template.name}: {missing}"


def test_the_documented_log_retention_is_the_templates() -> None:
    days = _json(API_TEMPLATE)["Parameters"]["LogRetentionDays"]["Default"]
    assert days >= 180  # China: network logs at least six months
    assert f"default **{days} days**" in _doc()


def _alarms() -> dict[str, dict[str, Any]]:
    resources = _json(API_TEMPLATE)["Resources"]
    return {rid: r["Properties"] for rid, r in resources.items() if r.get("Type") == "AWS::CloudWatch::Alarm"}


def test_every_alarm_has_a_row_with_its_logical_id_and_name() -> None:
    section = _section("### 14.4 Alarms and what to do")
    rows = [line for line in section.splitlines() if line.startswith("| `cme-<stage>-")]
    assert _alarms(), "the template declares no alarms"
    for rid, alarm in _alarms().items():
        suffix = alarm["AlarmName"]["Fn::Sub"].removeprefix("${AWS::StackName}-")
        function, _, metric = suffix.partition("-")
        per_function = f"`cme-<stage>-<Function>-{metric}`" if metric in ("errors", "throttles") else None
        names = {f"`cme-<stage>-{suffix}`"} | ({per_function} if per_function else set())
        row = [r for r in rows if f"`{rid}`" in r and any(r.startswith(f"| {n} |") for n in names)]
        assert row, f"docs/deploy.md 14.4 has no row naming the alarm {rid} ({suffix})"
        if per_function:
            assert f"`{function}`" in _doc() or function in row[0], rid


def test_the_restore_drill_names_every_table() -> None:
    drill = _section(DRILL_HEADING)
    tables = []
    for rid, resource in _json(API_TEMPLATE)["Resources"].items():
        if resource.get("Type") == "AWS::DynamoDB::Table":
            name = resource["Properties"]["TableName"]["Fn::Sub"]
            assert name.startswith("${AWS::StackName}-"), rid
            tables.append(name.removeprefix("${AWS::StackName}-"))
            pitr = resource["Properties"].get("PointInTimeRecoverySpecification", {})
            assert pitr.get("PointInTimeRecoveryEnabled") is True, f"{rid} has no point-in-time recovery to drill"
    missing = [t for t in tables if f"`{t}`" not in drill]
    assert not missing, f"the restore drill's list lacks the tables {missing}"
    assert f"(all {len(tables)})" in drill, "the drill's count of tables is stale"
    # the drill's commands derive the tables from the stack, so a new table is restored even before it is listed
    assert "ResourceType=='AWS::DynamoDB::Table'" in drill
    ttl = [
        r["Properties"]["TableName"]["Fn::Sub"].removeprefix("${AWS::StackName}-")
        for r in _json(API_TEMPLATE)["Resources"].values()
        if r.get("Type") == "AWS::DynamoDB::Table" and r["Properties"].get("TimeToLiveSpecification")
    ]
    restore_ttl = re.search(r"TTL on the (\w+) tables with\s+expiring items \(([^)]*)\)", drill)
    assert restore_ttl, "the drill must say which tables get their TTL back"
    assert set(re.findall(r"`([a-z-]+)`", restore_ttl.group(2))) == set(ttl)


def _scripts_run() -> set[str]:
    doc = _doc()
    modules = {f"{m}.py" for m in re.findall(r"python -m scripts\.([A-Za-z0-9_]+)", doc)}
    return modules | set(re.findall(r"scripts/([A-Za-z0-9_]+\.(?:py|sh))", doc))


def test_every_script_the_document_runs_exists() -> None:
    scripts = _scripts_run()
    assert {"bootstrap_office.py", "package.sh"} <= scripts
    for script in sorted(scripts):
        path = ROOT / "scripts" / script
        assert path.is_file(), f"docs/deploy.md names scripts/{script}, which does not exist"
        if script.endswith(".py") and f"scripts.{script[:-3]}" in _doc():
            assert '__name__ == "__main__"' in path.read_text(encoding="utf-8"), f"scripts/{script} is not runnable"


def test_every_backfill_script_is_documented() -> None:
    documented = _scripts_run()
    for path in sorted((ROOT / "scripts").glob("backfill_*.py")):
        assert path.name in documented, f"docs/deploy.md, Updates and backfills: {path.name} is not described"


def test_every_make_target_named_exists() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([A-Za-z][A-Za-z0-9_-]*):", makefile, re.M))
    doc = _doc()
    named = set(re.findall(r"`make ([a-z][a-z0-9-]*)", doc)) | set(re.findall(r"^\s*make ([a-z][a-z0-9-]*)", doc, re.M))
    assert named, "docs/deploy.md names no make target"
    assert named <= targets, f"docs/deploy.md names make targets the Makefile lacks: {sorted(named - targets)}"


def test_every_stack_output_read_exists() -> None:
    outputs = set(CHALICE_OUTPUTS)
    for template in _templates():
        outputs |= set(_json(template).get("Outputs", {}))
    read = set(re.findall(r"OutputKey=='([A-Za-z0-9]+)'", _doc())) | set(re.findall(r"\bout ([A-Za-z0-9]+)\)", _doc()))
    assert read and read <= outputs, f"docs/deploy.md reads stack outputs no template has: {sorted(read - outputs)}"


def _documented_uncreatable() -> set[str]:
    section = _section(UNCREATABLE_HEADING)
    return set(re.findall(r"^\| `(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)` \|", section, re.M))


def _documented_shims() -> set[str]:
    section = _section(SHIMS_HEADING)  # resource types, and pseudo-parameters (AWS::Partition)
    return set(re.findall(r"^\| `(AWS::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?)` \|", section, re.M))


def test_the_lists_of_what_the_rehearsal_cannot_create_are_the_rehearsals_own() -> None:
    """The document's two tables are the rehearsal's own: NOT_REHEARSED (nothing creates them) and SHIMS (created
    through the service's API where moto's CloudFormation skips or drops them)."""
    from tests.infra.rehearsal import NOT_REHEARSED, SHIMS

    documented = _documented_uncreatable()
    assert documented == set(NOT_REHEARSED), (
        "docs/deploy.md and tests/infra/rehearsal.py NOT_REHEARSED disagree: only in the document "
        f"{sorted(documented - set(NOT_REHEARSED))}, only in the rehearsal {sorted(set(NOT_REHEARSED) - documented)}"
    )
    shims = _documented_shims()
    assert shims == set(SHIMS), (
        "docs/deploy.md and tests/infra/rehearsal.py SHIMS disagree: only in the document "
        f"{sorted(shims - set(SHIMS))}, only in the rehearsal {sorted(set(SHIMS) - shims)}"
    )
