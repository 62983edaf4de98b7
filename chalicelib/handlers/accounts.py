"""Account management (``/accounts``): list, create, read, reset a password, disable and enable."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


@operation(bp, "/accounts", "GET", summary="账号列表", tag="账号", errors=(403,))
def list_accounts(principal: Principal, query: schemas.accounts.AccountQuery) -> schemas.accounts.AccountPage:
    page = services().accounts.list(principal, query.org_id, query.limit, query.cursor)
    return schemas.accounts.AccountPage.model_validate(page)


@operation(
    bp,
    "/accounts",
    "POST",
    summary="创建账号",
    tag="账号",
    status=201,
    errors=(403, 404, 409),
)
def create_account(principal: Principal, body: schemas.accounts.AccountCreate) -> schemas.accounts.AccountOut:
    return schemas.accounts.AccountOut.model_validate(services().accounts.create(principal, body))


@operation(bp, "/accounts/{username}", "GET", summary="账号详情", tag="账号", errors=(404,))
def get_account(principal: Principal, username: str) -> schemas.accounts.AccountOut:
    return schemas.accounts.AccountOut.model_validate(services().accounts.get(principal, username))


@operation(
    bp,
    "/accounts/{username}/password",
    "POST",
    summary="重置下级账号密码",
    tag="账号",
    errors=(403, 404, 409),
)
def reset_password(
    principal: Principal, username: str, body: schemas.accounts.PasswordReset
) -> schemas.accounts.AccountOut:
    return schemas.accounts.AccountOut.model_validate(
        services().accounts.reset_password(principal, username, body.new_password)
    )


@operation(
    bp,
    "/accounts/{username}/disable",
    "POST",
    summary="停用账号",
    tag="账号",
    errors=(403, 404, 409),
)
def disable_account(principal: Principal, username: str) -> schemas.accounts.AccountOut:
    return schemas.accounts.AccountOut.model_validate(services().accounts.set_disabled(principal, username, True))


@operation(
    bp,
    "/accounts/{username}/enable",
    "POST",
    summary="启用账号",
    tag="账号",
    errors=(403, 404, 409),
)
def enable_account(principal: Principal, username: str) -> schemas.accounts.AccountOut:
    return schemas.accounts.AccountOut.model_validate(services().accounts.set_disabled(principal, username, False))
