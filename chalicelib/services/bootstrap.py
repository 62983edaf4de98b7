"""The first office account of a stage (scripts/bootstrap_office.py): the provincial office's organisation, made
once, and an office account (管理用户), each written with its audit event by the actor ``bootstrap``. It needs none
of the app's keys: the tool gives its own limits, connection and password hash profile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chalicelib.errors import Conflict, NotFound, ValidationFailed
from chalicelib.models import Account, NameClaim, Organisation
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import USERNAME_PATTERN
from chalicelib.services import passwords
from chalicelib.services.accounts import snapshot as account_snapshot
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.organisations import snapshot as organisation_snapshot
from chalicelib.timeutil import to_iso, utc_now

if TYPE_CHECKING:
    from pynamodb.connection import Connection

# Who the audit log says acted: the operator at the command line, not an account of the app.
BOOTSTRAP = Principal("bootstrap", "office", "office", None)
OFFICE_ID = "office"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Bootstrapped:
    """What the run wrote: the account, and the office organisation (made by this run or found)."""

    account: Account
    office: Organisation
    office_created: bool


def _find_office() -> Organisation | None:
    try:
        return OrganisationService().load(OFFICE_ID)
    except NotFound:
        return None


def _check(username: str, display_name: str, password: str) -> None:
    if not re.match(USERNAME_PATTERN, username):
        raise ValidationFailed(
            "INVALID_USERNAME", "用户名须为3–32位小写字母、数字或 . _ -，以字母或数字开头", "username"
        )
    if not display_name.strip() or len(display_name) > 30 or _CONTROL.search(display_name):
        raise ValidationFailed("INVALID_NAME", "姓名须为1–30个字符", "name")
    passwords.check_strength(password, username)


def _create_office(name: str, city: str, via: Connection | None) -> tuple[Organisation, bool]:
    """The office organisation with its name claim and audit event; a run that raced another one finds theirs."""
    if not 2 <= len(name) <= 60 or _CONTROL.search(name):
        raise ValidationFailed("INVALID_OFFICE_NAME", "省继教办名称须为2–60个字符", "office_name")
    if not 1 <= len(city) <= 30 or _CONTROL.search(city):
        raise ValidationFailed("INVALID_CITY", "所在城市须为1–30个字符", "city")
    now = to_iso(utc_now())
    office = Organisation(org_id=OFFICE_ID, name=name, type="office", city=city, created_at=now, updated_at=now)
    claim = NameClaim(claim=f"organisation#{name}", owner_id=OFFICE_ID)
    taken = Conflict("ORGANISATION_NAME_TAKEN", f"已存在同名机构「{name}」：请换一个 --office-name", "office_name")
    after = organisation_snapshot(office)
    event = audit_event(BOOTSTRAP, "organisation.create", "organisation", OFFICE_ID, None, after)
    try:
        commit(
            event,
            creates=((claim, NameClaim.claim.does_not_exist()), (office, Organisation.org_id.does_not_exist())),
            conflict=taken,
            via=via,
        )
    except Conflict:
        found = _find_office()
        if found is None:
            raise
        return found, False
    return office, True


def bootstrap_office(
    username: str,
    display_name: str,
    password: str,
    office_name: str | None,
    city: str | None,
    *,
    hash_profile: str,
    via: Connection | None = None,
) -> Bootstrapped:
    """Create an office account (管理用户, no password change asked: the operator chose it) and, on a stage's first
    run, the office organisation (``office_name``, ``city``). Each write is conditional and carries its audit event
    in the same transaction, so a run repeated after a failure writes nothing twice; an existing username is
    refused (USERNAME_TAKEN) before anything is written."""
    username = username.strip().lower()
    display_name = display_name.strip()
    _check(username, display_name, password)
    taken = Conflict("USERNAME_TAKEN", f"用户名 {username} 已存在，未做任何修改", "username")
    if Account.count(username) > 0:
        raise taken
    office, office_created = _find_office(), False
    if office is None:
        missing = [flag for flag, value in (("--office-name", office_name), ("--city", city)) if not value]
        if missing:
            raise ValidationFailed(
                "OFFICE_DETAILS_REQUIRED",
                f"本阶段尚无省继教办机构：请给出 {' 和 '.join(missing)}（省继教办名称默认取 CERTIFICATE_ISSUER）",
                "office_name" if "--office-name" in missing else "city",
            )
        office, office_created = _create_office(str(office_name).strip(), str(city).strip(), via)
    account = Account(
        username=username,
        password_hash=passwords.hash_password(password, hash_profile),
        role="office",
        org_id=OFFICE_ID,
        department=None,
        display_name=display_name,
        disabled=False,
        must_change_password=False,
        token_version=1,
        created_at=to_iso(utc_now()),
        created_by=BOOTSTRAP.username,
    )
    commit(
        audit_event(BOOTSTRAP, "account.create", "account", username, None, account_snapshot(account)),
        creates=((account, Account.username.does_not_exist()),),
        conflict=taken,
        via=via,
    )
    return Bootstrapped(account, office, office_created)
