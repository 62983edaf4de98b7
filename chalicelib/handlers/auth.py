"""Sign-in, the signed-in account and its own password change (``/auth/*``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from chalice import Blueprint

from chalicelib import schemas
from chalicelib import services as rules
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from chalicelib.models import Account, Organisation

bp = Blueprint(__name__)


def user_out(account: Account, organisation: Organisation) -> schemas.accounts.UserOut:
    return schemas.accounts.UserOut(
        username=account.username,
        display_name=account.display_name,
        role=cast("schemas.accounts.Role", account.role),
        org_id=account.org_id,
        org_name=organisation.name,
        department=account.department,
        email=account.email,
        must_change_password=account.must_change_password,
    )


def session_out(session: rules.accounts.Session) -> schemas.accounts.LoginResponse:
    return schemas.accounts.LoginResponse(
        token=session.token, expires_at=session.expires_at, user=user_out(session.account, session.organisation)
    )


@operation(
    bp,
    "/auth/login",
    "POST",
    summary="登录",
    tag="账号",
    public=True,
    errors=(401, 423, 429),
)
def login(body: schemas.accounts.LoginRequest, source_ip: str) -> schemas.accounts.LoginResponse:
    return session_out(services().accounts.login(body.username, body.password, source_ip))


@operation(bp, "/auth/me", "GET", summary="当前用户", tag="账号")
def me(principal: Principal) -> schemas.accounts.UserOut:
    return user_out(*services().accounts.me(principal))


@operation(bp, "/auth/password", "POST", summary="修改本人密码", tag="账号")
def change_password(principal: Principal, body: schemas.accounts.PasswordChange) -> schemas.accounts.LoginResponse:
    return session_out(services().accounts.change_password(principal, body.current_password, body.new_password))
