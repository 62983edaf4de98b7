from __future__ import annotations

import base64
import json

from tests.conftest import DEMO_PASSWORD


def test_office_creates_organisation_and_its_admin_who_creates_an_organizer(api, demo):
    office = api.login("office-demo")
    status, org = api.post("/organisations", {"name": "苏州示范医院", "type": "hospital", "city": "苏州"}, office)
    assert status == 201 and org["type"] == "hospital" and org["status"] == "active"
    assert org["created_at"].endswith("Z")

    status, admin = api.post(
        "/accounts",
        {
            "username": "sz-admin",
            "display_name": "孙科教",
            "role": "admin",
            "org_id": org["org_id"],
            "password": "Init#2026a",
        },
        office,
    )
    assert status == 201 and admin["must_change_password"] is True and admin["org_id"] == org["org_id"]

    first_token = api.login("sz-admin", "Init#2026a")
    status, body = api.get("/organisations", first_token)
    assert status == 403 and body["error"]["code"] == "PASSWORD_CHANGE_REQUIRED", "a password set by someone else"
    assert api.get("/auth/me", first_token)[1]["must_change_password"] is True
    status, session = api.post(
        "/auth/password", {"current_password": "Init#2026a", "new_password": "Mine#2026a"}, first_token
    )
    assert status == 200 and session["user"]["must_change_password"] is False
    admin_token = session["token"]
    status, organizer = api.post(
        "/accounts",
        {
            "username": "sz-organizer",
            "display_name": "周立项",
            "role": "organizer",
            "department": "骨科",
            "password": "Init#2026b",
        },
        admin_token,
    )
    assert status == 201 and organizer["department"] == "骨科" and organizer["org_id"] == org["org_id"]

    status, page = api.get("/accounts", admin_token)
    assert status == 200
    assert [a["username"] for a in page["items"]] == ["sz-admin", "sz-organizer"]
    assert all("password_hash" not in a for a in page["items"])

    status, mine = api.get("/organisations", admin_token)
    assert [o["name"] for o in mine["items"]] == ["苏州示范医院"], "an admin sees only its own organisation"


def test_account_creation_rules(api, demo):
    office = api.login("office-demo")
    admin = api.login("admin-demo")
    status, body = api.post(
        "/accounts", {"username": "x-org", "display_name": "某", "role": "organizer", "password": DEMO_PASSWORD}, admin
    )
    assert status == 400 and body["error"]["code"] == "DEPARTMENT_REQUIRED" and body["error"]["field"] == "department"
    status, body = api.post(
        "/accounts", {"username": "x-adm", "display_name": "某", "role": "admin", "password": DEMO_PASSWORD}, office
    )
    assert status == 400 and body["error"]["code"] == "ORGANISATION_REQUIRED"
    status, body = api.post(
        "/accounts",
        {
            "username": "x-adm",
            "display_name": "某",
            "role": "admin",
            "org_id": "org-missing",
            "password": DEMO_PASSWORD,
        },
        office,
    )
    assert status == 404
    status, body = api.post(
        "/accounts",
        {
            "username": "Bad Name",
            "display_name": "某",
            "role": "organizer",
            "department": "内科",
            "password": DEMO_PASSWORD,
        },
        admin,
    )
    assert status == 400 and body["error"]["field"] == "username" and "格式不正确" in body["error"]["message"]
    status, body = api.post(
        "/accounts",
        {
            "username": "weakling",
            "display_name": "某",
            "role": "organizer",
            "department": "内科",
            "password": "weakling1",
        },
        admin,
    )
    assert status == 400 and body["error"]["code"] == "WEAK_PASSWORD"
    status, body = api.post(
        "/accounts",
        {
            "username": "admin-demo",
            "display_name": "重名",
            "role": "organizer",
            "department": "内科",
            "password": DEMO_PASSWORD,
        },
        admin,
    )
    assert status == 409 and body["error"]["code"] == "USERNAME_TAKEN"
    status, body = api.post(
        "/accounts",
        {
            "username": "mobile-x",
            "display_name": "某",
            "role": "organizer",
            "department": "内科",
            "phone": "12345678901",
            "password": DEMO_PASSWORD,
        },
        admin,
    )
    assert status == 400 and body["error"]["field"] == "phone"


def test_reset_disable_and_enable_a_subordinate(api, demo):
    admin = api.login("admin-demo")
    organizer = api.login("organizer-demo")

    status, body = api.post("/accounts/organizer-demo/disable", token=admin)
    assert status == 200 and body["disabled"] is True
    assert api.get("/auth/me", organizer)[0] == 401, "a disabled account's token stops working at once"
    status, body = api.post("/auth/login", {"username": "organizer-demo", "password": DEMO_PASSWORD})
    assert status == 401 and body["error"]["code"] == "INVALID_CREDENTIALS", "answered like a wrong password"

    assert api.post("/accounts/organizer-demo/enable", token=admin)[0] == 200
    status, body = api.post("/accounts/organizer-demo/password", {"new_password": "Reset#2027x"}, admin)
    assert status == 200 and body["must_change_password"] is True
    assert api.post("/auth/login", {"username": "organizer-demo", "password": DEMO_PASSWORD})[0] == 401
    status, body = api.post("/auth/login", {"username": "organizer-demo", "password": "Reset#2027x"})
    assert status == 200 and body["user"]["must_change_password"] is True

    status, body = api.post("/accounts/admin-demo/disable", token=admin)
    assert status == 403, "nobody disables their own account"


def test_organisation_names_are_unique_and_renames_free_the_old_name(api, demo):
    office = api.login("office-demo")
    status, org = api.post("/organisations", {"name": "无锡示范医院", "type": "hospital", "city": "无锡"}, office)
    assert status == 201
    status, body = api.post("/organisations", {"name": "无锡示范医院", "type": "society", "city": "无锡"}, office)
    assert status == 409 and body["error"]["code"] == "ORGANISATION_NAME_TAKEN"
    status, body = api.patch(f"/organisations/{org['org_id']}", {"name": "南京示范医院"}, office)
    assert status == 409 and body["error"]["field"] == "name"
    status, body = api.patch(f"/organisations/{org['org_id']}", {"name": "无锡第二示范医院", "city": "江阴"}, office)
    assert status == 200 and body["name"] == "无锡第二示范医院" and body["city"] == "江阴"
    assert api.post("/organisations", {"name": "无锡示范医院", "type": "other", "city": "无锡"}, office)[0] == 201
    status, body = api.patch(f"/organisations/{org['org_id']}", {}, office)
    assert status == 400 and "至少修改一项" in body["error"]["message"]


def test_organisation_pages_cover_everything_once_and_reject_tampered_cursors(api, demo):
    office = api.login("office-demo")
    for n in range(12):
        assert (
            api.post("/organisations", {"name": f"分页机构{n:02d}", "type": "other", "city": "常州"}, office)[0] == 201
        )
    seen, cursor = [], None
    while True:
        status, page = api.get("/organisations", office, limit=5, **({"cursor": cursor} if cursor else {}))
        assert status == 200 and len(page["items"]) <= 5
        seen += [o["org_id"] for o in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 12 + 3  # plus the office and the two demo organisations

    status, page = api.get("/organisations", office, q="分页机构1")
    assert sorted(o["name"] for o in page["items"]) == ["分页机构10", "分页机构11"]

    forged = base64.urlsafe_b64encode(
        json.dumps({"listing": {"S": "other"}, "org_id": {"S": "x"}, "created_at": {"S": "y"}}).encode()
    ).decode()
    for bad in (forged, "%%%", "bm90IGpzb24", "W10"):
        status, body = api.get("/organisations", office, cursor=bad)
        assert status == 400 and body["error"]["code"] == "INVALID_CURSOR", bad


def test_every_change_lands_in_the_audit_log_with_before_and_after(api, demo):
    office = api.login("office-demo")
    _, org = api.post("/organisations", {"name": "镇江示范医院", "type": "hospital", "city": "镇江"}, office)
    api.patch(f"/organisations/{org['org_id']}", {"city": "丹阳"}, office)
    status, page = api.get("/audit", office)
    assert status == 200
    update = next(e for e in page["items"] if e["action"] == "organisation.update")
    assert update["actor"] == "office-demo" and update["actor_role"] == "office"
    assert update["before"]["city"] == "镇江" and update["after"]["city"] == "丹阳"
    assert any(e["action"] == "organisation.create" and e["target_id"] == org["org_id"] for e in page["items"])
    creations = [e for e in page["items"] if e["action"] == "account.create"]
    assert creations and all(
        "password_hash" not in json.dumps(e) and DEMO_PASSWORD not in json.dumps(e) for e in creations
    )
    assert api.get("/audit", api.login("admin-demo"))[0] == 403
