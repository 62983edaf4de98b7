"""Stage names are checked so that one stage's IAM patterns cannot match another stage's resources (issue #14
item 1): a stage is 2-16 lowercase letters and digits, no hyphen, wherever a name is given (scripts/package.sh, the
app's STAGE, the web stack's ApiStackName), so ``cme-prod-…`` never starts a resource of a stage ``prod-zj``."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from chalicelib.settings import STAGE_NAME
from tests.infra.aws_calls import (
    PARTITIONS,
    ROOT,
    allows,
    applies,
    lambda_functions,
    load_config,
    load_policy,
    policy_actions,
    slots,
)

PACKAGE = ROOT / "scripts" / "package.sh"


def _package_pattern() -> str:
    (pattern,) = re.findall(r"^STAGE_NAME='([^']+)'$", PACKAGE.read_text(), re.MULTILINE)
    return pattern


def test_package_sh_checks_the_same_pattern_as_the_app() -> None:
    assert _package_pattern() == STAGE_NAME.pattern
    web = json.loads((ROOT / "infra" / "web.json").read_text())
    assert web["Parameters"]["ApiStackName"]["AllowedPattern"] == "^cme-" + STAGE_NAME.pattern[1:]


@pytest.mark.parametrize("stage", ["prod-zj", "prod_zj", "Prod", "p", "1prod", "prod.zj", "a" * 17])
def test_package_sh_refuses_a_bad_stage_name_before_building(stage: str) -> None:
    done = subprocess.run(["bash", str(PACKAGE), stage], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "stage name" in done.stderr, done.stderr


@pytest.mark.parametrize("stage", ["dev", "prod", "prodzj", "zj2", "local", "test"])
def test_good_stage_names(stage: str) -> None:
    assert STAGE_NAME.match(stage)


def test_the_app_refuses_a_hyphenated_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.settings import get_settings

    monkeypatch.setenv("STAGE", "prod-zj")
    get_settings.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="STAGE 'prod-zj'"):
            get_settings()
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_every_configured_stage_has_a_valid_name() -> None:
    for stage in load_config()["stages"]:
        assert STAGE_NAME.match(stage), stage


def _matches_of(stage: str, other: str) -> list[str]:
    """What any policy of ``stage`` allows on a resource of the stack of ``other``."""
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


@pytest.mark.parametrize("other", ["prodzj", "prod-zj", "prod2", "produs"])
def test_a_prod_policy_matches_no_resource_of_another_stage(other: str) -> None:
    assert _matches_of("prod", other) == []


def test_a_hyphenated_stage_would_be_matched_which_is_why_it_is_refused() -> None:
    # The bucket pattern cme-prod-files-*/* covers stage "prod-files"'s bucket cme-prod-files-files-<account>.
    assert any(" s3:" in match for match in _matches_of("prod", "prod-files"))
    assert not STAGE_NAME.match("prod-files")
