from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import LoginRequest, LoginResponse, PasswordChange, UserOut
from chalicelib.services.accounts import Session

bp = Blueprint(__name__)


def user_out(account, organisation) -> UserOut:
    return UserOut(
        username=account.username,
        display_name=account.display_name,
        role=account.role,
        org_id=account.org_id,
        org_name=organisation.name,
        department=account.department,
        email=account.email,
        must_change_password=account.must_change_password,
    )


def session_out(session: Session) -> LoginResponse:
    return LoginResponse(
        token=session.token, expires_at=session.expires_at, user=user_out(session.account, session.organisation)
    )


@operation(
    bp,
    "/auth/login",
    "POST",
    summary="登录",
    tag="账号",
    body=LoginRequest,
    response=LoginResponse,
    public=True,
    errors=(401, 403, 423, 429),
)
def login(body: LoginRequest) -> LoginResponse:
    return session_out(services().accounts.login(body.username, body.password))


@operation(bp, "/auth/me", "GET", summary="当前用户", tag="账号", response=UserOut)
def me(principal: Principal) -> UserOut:
    return user_out(*services().accounts.me(principal))


@operation(
    bp, "/auth/password", "POST", summary="修改本人密码", tag="账号", body=PasswordChange, response=LoginResponse
)
def change_password(principal: Principal, body: PasswordChange) -> LoginResponse:
    return session_out(services().accounts.change_password(principal, body.current_password, body.new_password))
