"""Accounts: login and the session token, the signed-in account, password changes and resets, and creating,
listing, disabling and enabling accounts within the caller's reach."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import (
    Conflict,
    Forbidden,
    NotFound,
    ValidationFailed,
)
from chalicelib.models import Account, Organisation
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import AccountCreate
from chalicelib.services import identity, passwords
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.login_guard import LoginGuard
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.tokens import Claims, issue_token, read_token
from chalicelib.timeutil import to_iso, utc_now


@dataclass(frozen=True)
class Session:
    """A login's answer: the token, its expiry (UTC ISO), the account and its organisation."""

    token: str
    expires_at: str
    account: Account
    organisation: Organisation


def snapshot(account: Account) -> dict:
    return {
        "username": account.username,
        "display_name": account.display_name,
        "role": account.role,
        "org_id": account.org_id,
        "department": account.department,
        "email": identity.mask_email(account.email) if account.email else None,
        "phone": identity.mask_mobile(account.phone) if account.phone else None,
        "disabled": account.disabled,
        "must_change_password": account.must_change_password,
    }


def _principal_of(account: Account) -> Principal:
    return Principal(
        account.username,
        account.role,
        account.org_id,
        account.department,
        bool(account.must_change_password),
        display_name=account.display_name or "",
    )


class AccountService:
    """Accounts, login and password rules; every call is scoped by the caller's role and organisation."""

    def __init__(
        self, organisations: OrganisationService, jwt_secret: Callable[[], str], token_ttl_seconds: int
    ) -> None:
        self._organisations = organisations
        self._secret = jwt_secret  # asked on each use: the key is read from its secret (cached), never frozen here
        self._ttl = token_ttl_seconds
        self._guard = LoginGuard()

    # --- authentication -------------------------------------------------------------------

    def login(self, username: str, password: str, source_ip: str) -> Session:
        """A session for the right password of an enabled account. The attempt is counted per name and per
        address before the password is checked (``login_guard``); an unknown name, a wrong password and a disabled
        account cost one argon2 check each and get the same answer, and each is audited."""
        now = utc_now()
        username = username.strip().lower()
        reservation = self._guard.reserve(username, source_ip, now)
        account = self._find(username)
        if account is None:
            passwords.dummy_verify(password)
            raise self._guard.failed(reservation, "unknown_user")
        if not passwords.verify_password(account.password_hash, password):
            raise self._guard.failed(reservation, "wrong_password")
        if account.disabled:
            raise self._guard.failed(reservation, "disabled")
        self._guard.succeeded(reservation)
        account.last_login_at = to_iso(now)
        with contextlib.suppress(Conflict):  # a concurrent login of the same account recorded its time
            event = audit_event(_principal_of(account), "auth.login", "account", username, title=account.display_name)
            commit(event, saves=(account,))
        return self._session(account)

    def authenticate(self, token: str) -> Principal | None:
        """The principal of a valid bearer token whose account is still enabled, else None."""
        if token.lower().startswith("bearer "):
            token = token[7:]
        token = token.strip()
        if token.count(".") != 2:  # not a JWT at all: refused without reading the key's secret
            return None
        claims = read_token(token, self._secret())
        if claims is None:
            return None
        account = self._find(claims.username)
        if account is None or account.disabled or account.token_version != claims.token_version:
            return None
        return _principal_of(account)

    def me(self, principal: Principal) -> tuple[Account, Organisation]:
        return self._load(principal.username), self._organisations.load(principal.org_id)

    def change_password(self, principal: Principal, current: str, new: str) -> Session:
        account = self._load(principal.username)
        if not passwords.verify_password(account.password_hash, current):
            raise ValidationFailed("WRONG_PASSWORD", "当前密码不正确", "current_password")
        if current == new:
            raise ValidationFailed("PASSWORD_UNCHANGED", "新密码不能与当前密码相同", "new_password")
        passwords.check_strength(new, account.username, "new_password")
        before = snapshot(account)
        account.password_hash = passwords.hash_password(new)
        account.must_change_password = False
        account.token_version += 1
        commit(
            audit_event(principal, "account.change_password", "account", account.username, before, snapshot(account)),
            saves=(account,),
        )
        return self._session(account)

    # --- administration ---------------------------------------------------------------------

    def create(self, principal: Principal, data: AccountCreate) -> Account:
        org_id, department = self._placement(principal, data)
        organisation = self._organisations.load(org_id)
        if organisation.status != "active":
            raise ValidationFailed("ORGANISATION_DISABLED", "该机构已停用", "org_id")
        if data.role == "admin" and organisation.type == "office":
            raise ValidationFailed("INVALID_ORGANISATION", "行政用户不能属于省继教办", "org_id")
        passwords.check_strength(data.password, data.username)
        account = Account(
            username=data.username,
            password_hash=passwords.hash_password(data.password),
            role=data.role,
            org_id=org_id,
            department=department,
            display_name=data.display_name,
            email=data.email,
            phone=data.phone,
            disabled=False,
            must_change_password=True,
            token_version=1,
            created_at=to_iso(utc_now()),
            created_by=principal.username,
        )
        commit(
            audit_event(principal, "account.create", "account", account.username, None, snapshot(account)),
            creates=((account, Account.username.does_not_exist()),),
            conflict=Conflict("USERNAME_TAKEN", "用户名已被使用", "username"),
        )
        return account

    def get(self, principal: Principal, username: str) -> Account:
        account = self._find(username)
        if account is None or not self._can_view(principal, account):
            raise NotFound("账号不存在")
        return account

    def list(self, principal: Principal, org_id: str | None, limit: int, cursor: str | None) -> Page[Account]:
        if principal.role == "organizer":
            raise Forbidden()
        if principal.is_admin:
            if org_id not in (None, principal.org_id):
                raise Forbidden("只能查看本单位的账号")
            org_id = principal.org_id
        elif org_id is None:
            raise ValidationFailed("ORGANISATION_REQUIRED", "请选择机构", "org_id")
        start = decode_cursor(cursor, ("org_id", "username"), {"org_id": org_id})
        result = Account.org_index.query(org_id, limit=limit, last_evaluated_key=start)
        items = list(result)
        return Page(items=items, next_cursor=encode_cursor(result.last_evaluated_key))

    def reset_password(self, principal: Principal, username: str, new_password: str) -> Account:
        account = self._manageable(principal, username)
        passwords.check_strength(new_password, account.username, "new_password")
        before = snapshot(account)
        account.password_hash = passwords.hash_password(new_password)
        account.must_change_password = True
        account.token_version += 1
        commit(
            audit_event(principal, "account.reset_password", "account", username, before, snapshot(account)),
            saves=(account,),
        )
        self._guard.clear(username)
        return account

    def set_disabled(self, principal: Principal, username: str, disabled: bool) -> Account:
        account = self._manageable(principal, username)
        if account.disabled == disabled:
            return account
        before = snapshot(account)
        account.disabled = disabled
        account.token_version += 1
        action = "account.disable" if disabled else "account.enable"
        commit(audit_event(principal, action, "account", username, before, snapshot(account)), saves=(account,))
        return account

    def bootstrap_office_account(self, username: str, display_name: str, password: str) -> Account:
        """The first office account of an installation (command line only)."""
        passwords.check_strength(password, username)
        account = Account(
            username=username,
            password_hash=passwords.hash_password(password),
            role="office",
            org_id="office",
            department=None,
            display_name=display_name,
            disabled=False,
            must_change_password=False,
            token_version=1,
            created_at=to_iso(utc_now()),
            created_by="bootstrap",
        )
        account.save(condition=Account.username.does_not_exist())
        return account

    # --- rules ------------------------------------------------------------------------------

    def _placement(self, principal: Principal, data: AccountCreate) -> tuple[str, str | None]:
        if principal.is_office:
            if data.role == "office":
                return principal.org_id, None
            if data.role != "admin":
                raise Forbidden("省继教办只能创建行政用户或管理用户；立项用户由本单位行政用户创建")
            if not data.org_id:
                raise ValidationFailed("ORGANISATION_REQUIRED", "请选择机构", "org_id")
            return data.org_id, None
        if principal.is_admin:
            if data.role != "organizer":
                raise Forbidden("行政用户只能创建立项用户")
            if data.org_id not in (None, principal.org_id):
                raise Forbidden("只能在本单位创建账号")
            if not data.department:
                raise ValidationFailed("DEPARTMENT_REQUIRED", "请填写科室", "department")
            return principal.org_id, data.department
        raise Forbidden()

    def _can_view(self, principal: Principal, account: Account) -> bool:
        if principal.is_office or account.username == principal.username:
            return True
        return principal.is_admin and account.org_id == principal.org_id

    def _manageable(self, principal: Principal, username: str) -> Account:
        account = self.get(principal, username)
        if account.username == principal.username:
            raise Forbidden("不能对自己的账号执行此操作，请使用修改密码")
        allowed = principal.is_office or (principal.is_admin and account.role == "organizer")
        if not allowed:
            raise Forbidden("只能管理下级账号")
        return account

    def _session(self, account: Account) -> Session:
        claims = Claims(account.username, account.role, account.org_id, int(account.token_version))
        token, expires_at = issue_token(claims, self._secret(), self._ttl)
        return Session(token, expires_at, account, self._organisations.load(account.org_id))

    def _find(self, username: str) -> Account | None:
        if not username or len(username) > 64:
            return None
        try:
            return Account.get(username, consistent_read=True)
        except DoesNotExist:
            return None

    def _load(self, username: str) -> Account:
        account = self._find(username)
        if account is None:
            raise NotFound("账号不存在")
        return account
