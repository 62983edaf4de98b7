"""scripts/bootstrap_office.py, the first office account of a stage (issue #14 item 1): the office's name comes from
the province's configuration (CERTIFICATE_ISSUER) or the operator, never a Jiangsu default; a username that exists is
refused with a Chinese message and an exit status, not a traceback; each write has its audit event (actor
``bootstrap``); and the script runs without any of the app's keys."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from scripts import bootstrap_office

PASSWORD = "Office#2027x"
PREFIX = os.environ["TABLE_PREFIX"]
# What the operator's shell holds: no key, no STAGE, no BUCKET_NAME; the province's issuer if they exported it.
OPERATOR_ENV = {
    "TABLE_PREFIX": PREFIX,
    "AWS_DEFAULT_REGION": "us-east-1",
    "PASSWORD_HASH_PROFILE": "CHEAPEST",
}


@pytest.fixture
def operator(aws: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """moto's tables, a process environment without keys or settings (any read of the settings fails), the
    password typed twice; yields what the script printed to stderr."""
    from chalicelib.container import reset

    for variable in ("JWT_SECRET", "PII_KEY", "ID_ENCRYPTION_KEY", "BUCKET_NAME", "TABLE_PREFIX", "STAGE"):
        monkeypatch.delenv(variable, raising=False)
    reset()
    answers = iter([PASSWORD, PASSWORD] * 10)
    monkeypatch.setattr(bootstrap_office.getpass, "getpass", lambda prompt="": next(answers))
    yield []
    monkeypatch.undo()
    reset()
    from chalicelib.models import bind_tables

    bind_tables(PREFIX)  # the app's binding for the next tests


def run(capsys: pytest.CaptureFixture[str], *args: str, **env: str) -> tuple[int, str, str]:
    argv = ["--username", "office-admin", "--name", "省继教办管理员", *args]
    status = bootstrap_office.main(argv, {**OPERATOR_ENV, **env})
    out, err = capsys.readouterr()
    return status, out, err


def _events() -> list:
    from chalicelib.models import AuditEvent

    return [event for event in AuditEvent.scan() if event.actor == "bootstrap"]


def test_first_run_makes_the_office_from_the_configured_issuer_and_audits_both(
    operator: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from argon2 import PasswordHasher

    from chalicelib.models import Account, NameClaim, Organisation

    status, out, err = run(capsys, "--city", "杭州", CERTIFICATE_ISSUER="浙江省继续医学教育委员会办公室")
    assert (status, err) == (0, ""), err
    assert "已创建省继教办机构「浙江省继续医学教育委员会办公室」（杭州）" in out and "office-admin" in out
    office = Organisation.get("office")
    assert (office.name, office.city, office.type) == ("浙江省继续医学教育委员会办公室", "杭州", "office")
    assert NameClaim.get("organisation#浙江省继续医学教育委员会办公室").owner_id == "office"
    account = Account.get("office-admin")
    assert (account.role, account.org_id, account.created_by) == ("office", "office", "bootstrap")
    assert PasswordHasher().verify(account.password_hash, PASSWORD)  # its parameters are in the hash
    assert PASSWORD not in out
    events = sorted(_events(), key=lambda e: e.action)
    assert [(e.action, e.target, e.actor_role) for e in events] == [
        ("account.create", "account#office-admin", "office"),
        ("organisation.create", "organisation#office", "office"),
    ]
    assert events[0].after["display_name"] == "省继教办管理员" and events[0].before is None
    assert "password_hash" not in events[0].after


def test_no_jiangsu_default_the_office_needs_a_name_and_a_city(
    operator: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from chalicelib.models import Account, Organisation

    status, _, err = run(capsys)
    assert status == 2
    assert "--office-name 和 --city" in err and "OFFICE_DETAILS_REQUIRED" in err and "Traceback" not in err
    status, _, err = run(capsys, "--office-name", "浙江省继续医学教育委员会办公室")
    assert status == 2 and "请给出 --city" in err
    assert Organisation.count("office") == 0 and Account.count("office-admin") == 0 and _events() == []
    assert "江苏" not in (bootstrap_office.__doc__ or "") + str(bootstrap_office._parser({}).format_help())


def test_a_second_office_account_uses_the_office_there(operator: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--office-name", "浙江省继续医学教育委员会办公室", "--city", "杭州")[0] == 0
    status, out, err = (
        bootstrap_office.main(["--username", "office-two", "--name", "第二管理员"], OPERATOR_ENV),
        *capsys.readouterr(),
    )
    assert (status, err) == (0, ""), err
    assert "已存在，未修改" in out
    assert sorted(e.action for e in _events()) == ["account.create", "account.create", "organisation.create"]


def test_an_existing_username_is_refused_cleanly_and_nothing_changes(
    operator: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from chalicelib.models import Account

    assert run(capsys, "--office-name", "浙江省继续医学教育委员会办公室", "--city", "杭州")[0] == 0
    before = Account.get("office-admin").password_hash
    events = len(_events())
    status, out, err = run(capsys, "--office-name", "别的名称", "--city", "宁波")
    assert status == 2 and out == ""
    assert err.strip() == "用户名 office-admin 已存在，未做任何修改（USERNAME_TAKEN）"
    assert Account.get("office-admin").password_hash == before and len(_events()) == events


def test_a_username_taken_between_the_check_and_the_write_is_refused_the_same_way(
    operator: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write is conditional: a concurrent run that took the name first wins, this one says so."""
    from chalicelib.models import Account

    assert run(capsys, "--office-name", "浙江省继续医学教育委员会办公室", "--city", "杭州")[0] == 0
    monkeypatch.setattr(Account, "count", classmethod(lambda cls, *a, **k: 0))
    status, _, err = run(capsys)
    assert status == 2 and "USERNAME_TAKEN" in err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--username", "Office Admin"], "INVALID_USERNAME"),
        (["--username", "zj-office", "--name", " "], "INVALID_NAME"),
    ],
)
def test_bad_input_is_refused_before_anything_is_written(
    operator: list[str], capsys: pytest.CaptureFixture[str], args: list[str], code: str
) -> None:
    status = bootstrap_office.main(
        [*["--username", "office-admin", "--name", "管理员"], *args, "--office-name", "浙江省卫健委", "--city", "杭州"],
        OPERATOR_ENV,
    )
    assert status == 2 and code in capsys.readouterr().err
    assert _events() == []


def test_a_weak_password_or_a_mismatch_is_refused(
    operator: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["weak", "weak", "Office#2027x", "Office#2027y"])
    monkeypatch.setattr(bootstrap_office.getpass, "getpass", lambda prompt="": next(typed))
    assert run(capsys, "--office-name", "浙江省卫健委", "--city", "杭州")[:2] == (2, "")
    mismatch = run(capsys, "--office-name", "浙江省卫健委", "--city", "杭州")
    assert mismatch[0] == 2 and mismatch[2].strip() == "两次输入的密码不一致，未做任何修改"
    assert _events() == []


def test_a_wrong_table_prefix_is_an_answer_not_a_traceback(
    operator: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--city", "杭州", TABLE_PREFIX="prod")
    assert status == 2 and "TABLE_PREFIX=cme-<阶段名>" in err
    status, _, err = run(capsys, "--office-name", "浙江省卫健委", "--city", "杭州", TABLE_PREFIX="cme-nosuch")
    assert status == 1 and "表不存在" in err and "Traceback" not in err
