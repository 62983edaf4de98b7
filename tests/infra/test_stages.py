"""Any valid stage name packages with no file added to the repo (issue #14 item 1): .chalice/ holds one template
(config.json's ``{stage}`` entry, ``policy[-<function>].json``), and scripts/stages.py renders a stage's config
entry and policy files into the copy of the app that scripts/package.sh packages. The IAM tests read the rendered
policies (tests/infra/aws_calls.py), so what they check is what is deployed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import stages
from tests.infra.aws_calls import (
    CHECKED_STAGES,
    PARTITIONS,
    ROOT,
    allows,
    applies,
    lambda_functions,
    load_policy,
    policy_actions,
    slots,
)

CHALICE = ROOT / ".chalice"


def test_the_repo_holds_one_template_and_no_stage_of_its_own() -> None:
    names = sorted(path.name for path in CHALICE.iterdir() if path.is_file())  # not chalice deploy's deployments/
    assert names == sorted(
        [
            "config.json",
            "policy.json",
            "policy-jwt-authorizer.json",
            "policy-close-attendance-windows.json",
            "policy-credit-deadline-reminders.json",
            "policy-remove-personal-details.json",
            "policy-run-jobs.json",
        ]
    ), "policies are rendered per stage from .chalice/policy[-<function>].json (scripts/stages.py), never copied"
    config = stages.load_template()
    assert list(config["stages"]) == ["{stage}"]
    for path in CHALICE.glob("*.json"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"cme-(dev|prod)\b", text), f"{path.name} names a stage: write cme-{{stage}}"
    for path in CHALICE.glob("policy*.json"):
        patterns = re.findall(r"cme-[^-/\"*?]*", path.read_text(encoding="utf-8"))
        assert patterns and set(patterns) == {"cme-{stage}"}, (path.name, set(patterns))


def test_a_fresh_stage_renders_its_config_entry_and_policies(tmp_path: Path) -> None:
    written = stages.write(tmp_path, ["zj2"])
    files = sorted(path.name for path in written)
    assert files == sorted(
        [
            "config.json",
            "policy-zj2.json",
            "policy-zj2-jwt-authorizer.json",
            "policy-zj2-close-attendance-windows.json",
            "policy-zj2-credit-deadline-reminders.json",
            "policy-zj2-remove-personal-details.json",
            "policy-zj2-run-jobs.json",
        ]
    )
    config = json.loads((tmp_path / ".chalice" / "config.json").read_text(encoding="utf-8"))
    assert list(config["stages"]) == ["zj2"]
    entry = config["stages"]["zj2"]
    assert entry["environment_variables"]["STAGE"] == "zj2"
    assert config["app_name"] == "cme-credits" and config["autogen_policy"] is False
    for path in written[1:]:
        text = path.read_text(encoding="utf-8")
        assert "{stage}" not in text and "cme-zj2-" in text and "cme-prod" not in text, path.name


def test_chalice_reads_the_rendered_stage_as_it_packages_it(tmp_path: Path) -> None:
    """chalice's own lookup (per function, then stage, then global) finds each function's rendered policy file,
    memory and timeout, and the stage's variables."""
    from chalice.config import Config

    stages.write(tmp_path, ["prodzj", "dev"])
    on_disk = json.loads((tmp_path / ".chalice" / "config.json").read_text(encoding="utf-8"))
    for function in lambda_functions():
        config = Config(chalice_stage="prodzj", function_name=function, config_from_disk=on_disk)
        assert config.iam_policy_file is not None
        assert config.iam_policy_file.startswith("policy-prodzj"), (function, config.iam_policy_file)
        assert (tmp_path / ".chalice" / config.iam_policy_file).is_file()
        assert config.environment_variables["STAGE"] == "prodzj"
        assert config.lambda_memory_size in (256, 512, 1769)
    worker = Config(chalice_stage="prodzj", function_name="run-jobs", config_from_disk=on_disk)
    assert worker.lambda_timeout == 300 and worker.lambda_memory_size == 1769


def test_rendered_stages_differ_only_by_their_name() -> None:
    for function in lambda_functions():
        texts = {
            re.sub(rf"cme-{stage}([-/])", r"cme-STAGE\1", json.dumps(load_policy(stage, function)))
            for stage in (*CHECKED_STAGES, "zj2")
        }
        assert len(texts) == 1, function


@pytest.mark.parametrize("stage", ["prod-zj", "Prod", "p", "1prod", "prod.zj", "a" * 17, "{stage}", ""])
def test_the_renderer_refuses_a_bad_stage_name(stage: str, tmp_path: Path) -> None:
    with pytest.raises(stages.StageError, match="stage name"):
        stages.write(tmp_path, [stage])
    assert not (tmp_path / ".chalice").exists()


@pytest.mark.parametrize("stage", ["local", "test"])
def test_the_local_systems_stage_names_are_never_packaged(stage: str, tmp_path: Path) -> None:
    """Under these names the app takes Jiangsu's demo settings for missing province values and sends SMTP without
    TLS (chalicelib/province.py LOCAL_STAGES): a deployed stage must never carry one."""
    with pytest.raises(stages.StageError, match="reserved"):
        stages.write(tmp_path, [stage])
    assert not (tmp_path / ".chalice").exists()


def test_the_renderer_needs_the_placeholder_in_the_template(tmp_path: Path) -> None:
    source = tmp_path / "template"
    source.mkdir()
    config = stages.load_template()
    (source / "config.json").write_text(json.dumps({**config, "stages": {"prod": {}}}), encoding="utf-8")
    with pytest.raises(stages.StageError, match="one entry"):
        stages.render(["prod"], source)


def test_the_command_line_renders_or_refuses(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "scripts.stages", str(tmp_path)]
    done = subprocess.run([*command, "prodzj"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".chalice" / "policy-prodzj-run-jobs.json").is_file()
    refused = subprocess.run([*command, "prod-zj"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "stage name" in refused.stderr


def test_package_sh_renders_the_stages_it_packages() -> None:
    script = (ROOT / "scripts" / "package.sh").read_text(encoding="utf-8")
    assert '"$PY" -m scripts.stages "$src" "${STAGES[@]}"' in script
    assert "policy-*.json" not in script, "package.sh copies no policy file: it renders them"


def _matches_of(stage: str, other: str) -> list[str]:
    """What any rendered policy of ``stage`` allows on a resource of the stack of ``other`` (``cme-<other>``)."""
    found = []
    for partition, region in PARTITIONS:
        # SES identities and X-Ray (no resource at all) are the account's, not a stage's
        resources = {
            slot: arn for slot, arn in slots(other, partition, region).items() if slot not in ("sender", "xray")
        }
        for function in lambda_functions():
            policy = load_policy(stage, function)
            for action in sorted(policy_actions(policy)):
                found += [
                    f"{function} {action} {arn}"
                    for slot, arn in resources.items()
                    if applies(action, slot) and allows(policy, action, arn)
                ]
    return found


@pytest.mark.parametrize(("stage", "other"), [("prodzj", "prod"), ("prod", "prodzj"), ("prodzj", "prodzj2")])
def test_a_province_stage_and_prod_never_match_each_others_resources(stage: str, other: str) -> None:
    assert _matches_of(stage, other) == []


def test_a_rendered_stage_matches_its_own_resources() -> None:
    """The check above can fail: a stage's policies do reach its own tables, bucket and queues."""
    matched = "\n".join(_matches_of("prodzj", "prodzj"))
    for resource in ("table/cme-prodzj-accounts", "cme-prodzj-files-", "cme-prodzj-jobs"):
        assert resource in matched, resource
