from __future__ import annotations

import pytest

from tests.conftest import DEMO_PASSWORD


@pytest.mark.parametrize(
    "username, role, org_name",
    [
        ("office-demo", "office", "江苏省继续医学教育委员会办公室"),
        ("admin-demo", "admin", "南京示范医院"),
        ("organizer-demo", "organizer", "南京示范医院"),
    ],
)
def test_demo_accounts_log_in_with_role_and_organisation(api, demo, username, role, org_name):
    status, body = api.post("/auth/login", {"username": username, "password": DEMO_PASSWORD})
    assert status == 200
    assert body["token"].count(".") == 2
    assert body["user"]["role"] == role
    assert body["user"]["org_name"] == org_name
    assert body["user"]["display_name"]
    status, me = api.get("/auth/me", body["token"])
    assert status == 200 and me["username"] == username


def test_wrong_password_and_unknown_user_get_the_same_answer(api, demo):
    wrong = api.post("/auth/login", {"username": "admin-demo", "password": "Wrong@2026"})
    unknown = api.post("/auth/login", {"username": "nobody-here", "password": "Wrong@2026"})
    assert wrong[0] == unknown[0] == 401
    assert wrong[1]["error"]["code"] == unknown[1]["error"]["code"] == "INVALID_CREDENTIALS"
    assert "用户名或密码错误" in wrong[1]["error"]["message"]


def test_change_password_rotates_token_and_enforces_strength(api, demo):
    token = api.login("organizer-demo")
    status, body = api.post("/auth/password", {"current_password": DEMO_PASSWORD, "new_password": "short"}, token)
    assert status == 400 and body["error"]["code"] == "WEAK_PASSWORD" and body["error"]["field"] == "new_password"
    status, body = api.post(
        "/auth/password", {"current_password": DEMO_PASSWORD, "new_password": "alllowercase1"}, token
    )
    assert status == 400 and body["error"]["code"] == "WEAK_PASSWORD"
    status, body = api.post("/auth/password", {"current_password": "Nope@2026x", "new_password": "Better#2027"}, token)
    assert status == 400 and body["error"]["code"] == "WRONG_PASSWORD"

    status, body = api.post("/auth/password", {"current_password": DEMO_PASSWORD, "new_password": "Better#2027"}, token)
    assert status == 200
    assert api.get("/auth/me", token)[0] == 401, "the old token must stop working"
    assert api.get("/auth/me", body["token"])[0] == 200
    assert api.post("/auth/login", {"username": "organizer-demo", "password": DEMO_PASSWORD})[0] == 401
    assert api.login("organizer-demo", "Better#2027")


def test_tokens_that_are_forged_expired_or_missing_are_refused(api, demo):
    import jwt

    from chalicelib.services.tokens import Claims, issue_token

    forged, _ = issue_token(Claims("office-demo", "office", "office", 1), "another-secret-" + "y" * 40, 600)
    expired = jwt.encode(
        {
            "iss": "cme-credits",
            "sub": "office-demo",
            "role": "office",
            "org": "office",
            "tv": 1,
            "iat": 1_000_000,
            "exp": 1_000_100,
        },
        "test-secret-" + "x" * 40,
        algorithm="HS256",
    )
    unsigned = jwt.encode(
        {
            "iss": "cme-credits",
            "sub": "office-demo",
            "role": "office",
            "org": "office",
            "tv": 1,
            "iat": 1_000_000,
            "exp": 9_000_000_000,
        },
        None,
        algorithm="none",
    )
    for token in (forged, expired, unsigned, "garbage"):
        status, body = api.get("/auth/me", token)
        assert status == 401
        assert body["error"]["code"] == "UNAUTHENTICATED"
    assert api.get("/auth/me")[0] == 401


def test_validation_errors_name_the_field_in_chinese(api, demo):
    status, body = api.post("/auth/login", {"username": "", "password": "x"})
    assert status == 400
    assert body["error"] == {"code": "VALIDATION_FAILED", "message": "用户名长度不能少于1个字符", "field": "username"}
    status, body = api.post("/auth/login", {"username": "a", "password": "x", "extra": 1})
    assert status == 400 and body["error"]["field"] == "extra"
    status, body = api.call("POST", "/auth/login", None)
    assert status == 400 and body["error"]["field"] == "username"


def test_malformed_json_and_wrong_media_type_get_the_envelope(api, demo):
    response = api._client.post("/api/auth/login", data="{not json", content_type="application/json")
    assert response.status_code == 400 and response.json["error"]["code"] == "INVALID_JSON"
    response = api._client.post("/api/auth/login", data="a=b", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415 and response.json["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"
    response = api._client.get("/api/no-such-route")
    assert response.status_code == 404 and response.json["error"]["code"] == "NOT_FOUND"


@pytest.fixture
def frozen(monkeypatch):
    """The login clock stands still, so a slowdown cannot run out between two requests."""
    from datetime import UTC, datetime

    from chalicelib.services import accounts

    monkeypatch.setattr(accounts, "utc_now", lambda: datetime(2026, 11, 25, 8, 0, tzinfo=UTC))


def test_a_disabled_account_with_its_password_is_answered_like_a_wrong_password(api, demo, frozen):
    admin = api.login("admin-demo")
    assert api.post("/accounts/organizer-demo/disable", token=admin)[0] == 200
    for attempt in range(3):  # the same answer each time, the slowdown warning of the 3rd failure included
        disabled = api.post("/auth/login", {"username": "organizer-demo", "password": DEMO_PASSWORD})
        wrong = api.post("/auth/login", {"username": "society-organizer-demo", "password": "Wrong@2026"})
        unknown = api.post("/auth/login", {"username": "nobody-here", "password": "Wrong@2026"})
        assert disabled == wrong == unknown, attempt
        assert disabled[0] == 401 and disabled[1]["error"]["code"] == "INVALID_CREDENTIALS"
    status, body = api.post("/auth/login", {"username": "organizer-demo", "password": DEMO_PASSWORD})
    assert (status, body["error"]["code"]) == (429, "LOGIN_THROTTLED"), "it counted as a failure"


def test_every_failed_login_costs_one_argon2_check(api, demo, monkeypatch):
    from argon2 import PasswordHasher

    admin = api.login("admin-demo")
    assert api.post("/accounts/organizer-demo/disable", token=admin)[0] == 200
    api.post("/auth/login", {"username": "nobody-warmup", "password": "Wrong@2026"})  # the dummy hash is made once
    checks: list[str] = []
    verify = PasswordHasher.verify

    def counted(self, password_hash, password):
        checks.append(password)
        return verify(self, password_hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    for username, password in (
        ("organizer-demo", DEMO_PASSWORD),  # disabled, right password
        ("society-organizer-demo", "Wrong@2026"),  # wrong password
        ("nobody-here", "Wrong@2026"),  # no such account
    ):
        checks.clear()
        assert api.post("/auth/login", {"username": username, "password": password})[0] == 401
        assert checks == [password], username
