"""Accounts and sign-in: login, the signed-in user, account creation, listing and password changes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from chalicelib.schemas.common import Input, Output, PageQuery, PersonName

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,31}$"
MOBILE_PATTERN = r"^1[3-9][0-9]{9}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

Role = Literal["office", "admin", "organizer"]


class LoginRequest(Input):
    username: str = Field(min_length=1, max_length=64, title="用户名")
    password: str = Field(min_length=1, max_length=128, title="密码")


class PasswordChange(Input):
    current_password: str = Field(min_length=1, max_length=128, title="当前密码")
    new_password: str = Field(min_length=1, max_length=128, title="新密码")


class PasswordReset(Input):
    new_password: str = Field(min_length=1, max_length=128, title="新密码")


class AccountCreate(Input):
    username: str = Field(pattern=USERNAME_PATTERN, title="用户名")
    display_name: PersonName = Field(min_length=1, max_length=30, title="姓名")
    role: Role = Field(title="角色")
    org_id: str | None = Field(None, min_length=1, max_length=64, title="所属机构")
    department: str | None = Field(None, min_length=1, max_length=60, title="科室")
    email: str | None = Field(None, max_length=120, pattern=EMAIL_PATTERN, title="邮箱")
    phone: str | None = Field(None, pattern=MOBILE_PATTERN, title="手机号")
    password: str = Field(min_length=1, max_length=128, title="初始密码")


class AccountQuery(PageQuery):
    org_id: str | None = Field(None, min_length=1, max_length=64, title="所属机构")


class UserOut(Output):
    username: str
    display_name: str
    role: Role
    org_id: str
    org_name: str
    department: str | None
    email: str | None
    must_change_password: bool


class LoginResponse(Output):
    token: str
    expires_at: str
    user: UserOut


class AccountOut(Output):
    username: str
    display_name: str
    role: Role
    org_id: str
    department: str | None
    email: str | None
    phone: str | None
    disabled: bool
    must_change_password: bool
    created_at: str
    last_login_at: str | None


class AccountPage(Output):
    items: list[AccountOut]
    next_cursor: str | None
