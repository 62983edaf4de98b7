from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.schemas.accounts import AccountCreate, AccountOut, AccountPage, AccountQuery, PasswordReset

bp = Blueprint(__name__)


@operation(
    bp, "/accounts", "GET", summary="账号列表", tag="账号", query=AccountQuery, response=AccountPage, errors=(403,)
)
def list_accounts(principal: Principal, query: AccountQuery) -> AccountPage:
    page = services().accounts.list(principal, query.org_id, query.limit, query.cursor)
    return AccountPage.model_validate(page)


@operation(
    bp,
    "/accounts",
    "POST",
    summary="创建账号",
    tag="账号",
    body=AccountCreate,
    response=AccountOut,
    status=201,
    errors=(403, 404, 409),
)
def create_account(principal: Principal, body: AccountCreate) -> AccountOut:
    return AccountOut.model_validate(services().accounts.create(principal, body))


@operation(bp, "/accounts/{username}", "GET", summary="账号详情", tag="账号", response=AccountOut, errors=(404,))
def get_account(principal: Principal, username: str) -> AccountOut:
    return AccountOut.model_validate(services().accounts.get(principal, username))


@operation(
    bp,
    "/accounts/{username}/password",
    "POST",
    summary="重置下级账号密码",
    tag="账号",
    body=PasswordReset,
    response=AccountOut,
    errors=(403, 404, 409),
)
def reset_password(principal: Principal, username: str, body: PasswordReset) -> AccountOut:
    return AccountOut.model_validate(services().accounts.reset_password(principal, username, body.new_password))


@operation(
    bp,
    "/accounts/{username}/disable",
    "POST",
    summary="停用账号",
    tag="账号",
    response=AccountOut,
    errors=(403, 404, 409),
)
def disable_account(principal: Principal, username: str) -> AccountOut:
    return AccountOut.model_validate(services().accounts.set_disabled(principal, username, True))


@operation(
    bp,
    "/accounts/{username}/enable",
    "POST",
    summary="启用账号",
    tag="账号",
    response=AccountOut,
    errors=(403, 404, 409),
)
def enable_account(principal: Principal, username: str) -> AccountOut:
    return AccountOut.model_validate(services().accounts.set_disabled(principal, username, False))
