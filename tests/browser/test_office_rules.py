"""Browser tests of the rules the office keeps (issue #17 part 1): 学分规则 versions added, edited and withdrawn
before they take effect (never the one in force), others reading them without buttons or the office's names, a
colleague's change in between refused and the dialog reopened with the version as it now is; 学科目录 entries added
and retired, entries under a retired group retired with it (恢复 only after the group), and the organizer's project
dialog offering the catalogue as it now is (codes beside names, retired entries not offered, a project's retired
code kept and marked); a session's detail naming the version that judges it, or the one today's estimate uses."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    CHINA,
    YEAR,
    api_login,
    approved_session_today,
    confirm,
    draft_session,
    login,
    logout,
    table_row,
    unique,
)


def _rules_row(page: Page, version: str):
    return page.locator("[data-test=credit-rules-table] tbody tr").filter(
        has=page.locator(f"[data-test='credit-rule-{version}']")
    )


def _rule_body(rule: dict) -> dict:
    """A version as GET /credit-rules lists it, as POST or PUT takes it (without the revision)."""
    return {k: rule[k] for k in rule if k not in ("state", "editable", "updated_by", "updated_at")}


def test_the_office_keeps_credit_rule_versions(page: Page, site: str) -> None:
    future = (datetime.now(CHINA) + timedelta(days=400)).date()
    # Version ids are ASCII path segments (schemas/credit_rules.py VERSION_ID).
    version = f"{future.year}T"

    # A version the office added, still editable: others read it, without the office's buttons or names.
    office = api_login(page.request, site, "office-demo")
    book = page.request.get(f"{site}/api/credit-rules", headers=office).json()
    shipped = next(item for item in book["items"] if item["version"] == "2006")
    theirs = f"{future.year}-o{datetime.now().strftime('%H%M%S')}"
    added = page.request.post(
        f"{site}/api/credit-rules",
        headers=office,
        data={
            **_rule_body(shipped),
            "revision": book["revision"],
            "version": theirs,
            "effective_from": (future + timedelta(days=1)).isoformat(),
            "source_title": "他人可见的待生效版本",
        },
    )
    assert added.ok, added.text()
    login(page, site, "organizer-demo")
    page.goto(f"{site}/credit-rules")
    expect(_rules_row(page, "2006")).to_contain_text("施行中")
    expect(_rules_row(page, theirs)).to_contain_text("待生效")
    expect(page.locator("[data-test=credit-rules-notice]")).to_have_text("已生效的版本不能修改；需要调整时请新增版本")
    expect(page.locator("[data-test=credit-rule-add]")).to_have_count(0)
    table = page.locator("[data-test=credit-rules-table]")
    expect(table.get_by_role("columnheader", name="操作")).to_have_count(0)
    expect(table.get_by_role("button", name="修改")).to_have_count(0)
    expect(table.get_by_role("button", name="撤销")).to_have_count(0)
    # who changed it is the office's to know: the time only
    updated = page.locator(f"[data-test='credit-rule-updated-{theirs}']")
    expect(updated).to_have_text(re.compile(r"^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改\s*$"))
    expect(table).not_to_contain_text("office-demo")
    logout(page)
    book = page.request.get(f"{site}/api/credit-rules", headers=office).json()
    withdrawn = page.request.post(
        f"{site}/api/credit-rules/{theirs}/withdraw", headers=office, data={"revision": book["revision"]}
    )
    assert withdrawn.ok, withdrawn.text()

    login(page, site, "office-demo")
    page.locator("[data-test=side-menu]").get_by_role("menuitem", name="学分规则").click()
    expect(page).to_have_url(f"{site}/credit-rules")
    in_force = _rules_row(page, "2006")
    expect(in_force).to_contain_text("施行中")
    expect(in_force).to_contain_text("已生效")
    expect(page.locator("[data-test='credit-rule-edit-2006']")).to_have_count(0)  # the version in force stays

    # 新增版本: the figures start from the version in force; the date must be after today.
    page.locator("[data-test=credit-rule-add]").click()
    dialog = page.get_by_role("dialog", name="新增学分规则版本")
    national_hours = dialog.locator("[data-test=credit-rule-national]").get_by_label("学员每多少学时1学分")
    expect(national_hours).to_have_value("3.00")
    # the two levels' inputs are told apart by their accessible names
    expect(dialog.get_by_label("国家级：学员每多少学时1学分", exact=True)).to_have_count(1)
    expect(dialog.get_by_label("省级：学员每多少学时1学分", exact=True)).to_have_count(1)
    dialog.get_by_label("版本号").fill(version)
    date_input = dialog.get_by_placeholder("须晚于今天")
    date_input.fill(future.isoformat())
    date_input.press("Enter")
    dialog.locator("[data-test=credit-rule-save]").click()
    expect(dialog.get_by_text("请填写依据文件名称（至少 2 个字）")).to_be_visible()
    dialog.get_by_label("依据文件名称").fill("省继续医学教育学分管理实施细则（浏览器测试）")
    dialog.get_by_label("文号").fill("苏卫科教〔2026〕9号")
    dialog.get_by_label("文件链接").fill("https://example.cn/rules.html")
    provincial_hours = dialog.locator("[data-test=credit-rule-provincial]").get_by_label("学员每多少学时1学分")
    provincial_hours.fill("5")
    provincial_hours.press("Tab")
    dialog.locator("[data-test=credit-rule-save]").click()
    expect(dialog).to_be_hidden()
    row = _rules_row(page, version)
    expect(row).to_contain_text("待生效")
    expect(row).to_contain_text(future.isoformat())
    expect(row).to_contain_text("学员每 5 学时 1 学分")
    expect(row).to_contain_text("（苏卫科教〔2026〕9号）")
    expect(row).to_contain_text("office-demo")
    link = row.locator(f"[data-test='credit-rule-link-{version}']")
    expect(link).to_have_attribute("href", "https://example.cn/rules.html")
    expect(link).to_have_attribute("target", "_blank")

    # 修改 while it has not taken effect: the version id stays.
    row.locator(f"[data-test='credit-rule-edit-{version}']").click()
    dialog = page.get_by_role("dialog", name=f"修改 {version} 版（尚未生效）")
    expect(dialog.get_by_label("版本号")).to_be_disabled()
    dialog.get_by_label("文号").fill("苏卫科教〔2026〕10号")
    dialog.locator("[data-test=credit-rule-save]").click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text("（苏卫科教〔2026〕10号）")

    # A colleague's change in between: refused; the dialog stays, reopened with the version as it now is.
    row.locator(f"[data-test='credit-rule-edit-{version}']").click()
    dialog = page.get_by_role("dialog", name=f"修改 {version} 版（尚未生效）")
    book = page.request.get(f"{site}/api/credit-rules", headers=office).json()
    mine = next(item for item in book["items"] if item["version"] == version)
    changed = page.request.put(
        f"{site}/api/credit-rules/{version}",
        headers=office,
        data={**_rule_body(mine), "revision": book["revision"], "note": "同事先改了说明"},
    )
    assert changed.ok, changed.text()
    dialog.get_by_label("文号").fill("苏卫科教〔2026〕11号")
    dialog.locator("[data-test=credit-rule-save]").click()
    expect(page.get_by_text(f"{version} 版刚被他人修改，已载入最新内容，请核对后重新修改并保存")).to_be_visible()
    expect(dialog).to_be_visible()
    expect(dialog.get_by_label("说明", exact=True)).to_have_value("同事先改了说明")
    expect(dialog.get_by_label("文号")).to_have_value("苏卫科教〔2026〕10号")
    expect(row).to_contain_text("同事先改了说明")
    # saved again, under the new revision
    dialog.get_by_label("文号").fill("苏卫科教〔2026〕11号")
    dialog.locator("[data-test=credit-rule-save]").click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text("（苏卫科教〔2026〕11号）")
    expect(row).to_contain_text("同事先改了说明")

    # 撤销, confirmed.
    row.locator(f"[data-test='credit-rule-withdraw-{version}']").click()
    confirm(page, "撤销学分规则版本", "撤销")
    expect(_rules_row(page, version)).to_have_count(0)
    expect(_rules_row(page, "2006")).to_contain_text("施行中")

    page.goto(f"{site}/audit")
    expect(page.locator("body")).to_contain_text(f"学分规则 {version} 版")


def _catalogue_row(page: Page, code: str):
    return page.locator("[data-test=discipline-table] tbody tr").filter(
        has=page.locator(f"[data-test='discipline-{code}']")
    )


def test_the_office_keeps_the_discipline_catalogue_and_pickers_follow(page: Page, site: str) -> None:
    # A project of the organizer that uses 14-04 before the office retires it.
    old_name = unique("停用学科老项目")
    organizer = api_login(page.request, site, "organizer-demo")
    created = page.request.post(
        f"{site}/api/projects/provincial",
        headers=organizer,
        data={
            "year": YEAR,
            "name": old_name,
            "discipline_code": "14-04",
            "leader": "周护",
            "credits": 5,
            "nature": "declared",
            "planned_sessions": 1,
            "plan": "面向全省儿科护士的专题培训，理论授课与操作示范相结合，覆盖新生儿护理进展。",
        },
    )
    assert created.status == 201, created.text()

    login(page, site, "office-demo")
    page.locator("[data-test=side-menu]").get_by_role("menuitem", name="学科目录").click()
    expect(page).to_have_url(f"{site}/discipline-catalogue")
    page.get_by_label("按代码或名称查找").fill("14")
    expect(_catalogue_row(page, "14-02")).to_contain_text("使用中")

    # 新增学科: the code is checked before it is sent.
    page.locator("[data-test='discipline-add-under-14']").click()
    dialog = page.get_by_role("dialog", name="新增学科")
    expect(dialog.get_by_label("学科代码")).to_have_value("14-")
    dialog.get_by_label("学科代码").fill("14-02")
    dialog.get_by_label("学科名称").fill("浏览器测试护理学")
    dialog.locator("[data-test=discipline-save]").click()
    expect(dialog.get_by_text("学科代码14-02已存在（停用的代码不能再用）")).to_be_visible()
    dialog.get_by_label("学科代码").fill("14-90")
    dialog.locator("[data-test=discipline-save]").click()
    expect(dialog).to_be_hidden()
    expect(_catalogue_row(page, "14-90")).to_contain_text("浏览器测试护理学")
    expect(_catalogue_row(page, "14-90")).to_contain_text("使用中")

    # 停用, confirmed with what it means for old projects.
    for code in ("14-05", "14-04"):
        _catalogue_row(page, code).locator(f"[data-test='discipline-retire-{code}']").click()
        box = page.get_by_role("dialog", name="停用学科")
        expect(box).to_contain_text("已使用该学科的项目不受影响，照常显示原学科")
        box.get_by_role("button", name="停用").click()
        expect(box).to_be_hidden()
        expect(page.locator(f"[data-test='discipline-state-{code}']")).to_have_text("停用")
    logout(page)

    # The organizer's dialog offers the added entry, with its code, and not the retired ones.
    login(page, site, "organizer-demo")
    page.get_by_role("menuitem", name="项目举办申请").click()
    page.get_by_role("button", name="国家级项目录入").click()
    dialog = page.get_by_role("dialog", name="国家级项目录入")
    dialog.get_by_label("二/三级学科").click()
    menus = page.locator(".el-cascader-menu")
    menus.get_by_role("menuitem", name="14 护理学", exact=True).click()
    expect(menus.get_by_role("menuitem", name="14-90 浏览器测试护理学", exact=True)).to_be_visible()
    expect(menus.get_by_role("menuitem", name="14-02 外科护理学", exact=True)).to_be_visible()
    expect(menus.get_by_text("护理其他学科")).to_have_count(0)
    expect(menus.get_by_text("儿科护理学")).to_have_count(0)
    menus.get_by_role("menuitem", name="14-90 浏览器测试护理学", exact=True).click()
    picked = dialog.locator("[data-test=project-form-discipline] input")
    expect(picked).to_have_value("14 护理学/14-90 浏览器测试护理学")
    dialog.get_by_role("button", name="取消").click()
    expect(dialog).to_be_hidden()

    # The old project keeps its retired code, shown and marked.
    row = table_row(page, "project-table", old_name)
    row.get_by_role("button", name="编辑").click()
    dialog = page.get_by_role("dialog", name="编辑省级项目")
    expect(dialog.locator("[data-test=project-form-discipline] input")).to_have_value(
        "14 护理学/14-04 儿科护理学（已停用）"
    )


def test_a_session_names_the_credit_rule_version_that_judges_it(page: Page, site: str) -> None:
    sid, day = approved_session_today(page.request, site, unique("规则版本浏览器测试"))
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{sid}")
    basis = page.locator("[data-test=session-credit-rule]")
    expect(basis.locator("[data-test=session-credit-rule-label]")).to_have_text("学分规则：2006版（2000-01-01起施行）")
    expect(basis.locator("[data-test=session-credit-rule-reason]")).to_contain_text(
        re.compile(f"本期于{day.isoformat()}审核通过，按当日施行的“2006”版学分规则判定")
    )


def test_a_session_not_yet_approved_is_estimated_by_the_version_in_force_today(page: Page, site: str) -> None:
    day = (datetime.now(CHINA) + timedelta(days=30)).date()
    sid = draft_session(page.request, site, unique("规则预估浏览器测试"), [day.isoformat()])
    login(page, site, "organizer-demo")
    page.goto(f"{site}/sessions/{sid}")
    basis = page.locator("[data-test=session-credit-rule]")
    expect(basis.locator("[data-test=session-credit-rule-label]")).to_have_text("学分规则：2006版（2000-01-01起施行）")
    expect(basis.locator("[data-test=session-credit-rule-reason]")).to_have_text(
        "尚未审核通过：按今日施行的“2006”版预估，审核通过时按当日施行的版本判定"
    )


def _catalogue_change(page: Page, site: str, office: dict[str, str], method: str, path: str, data: dict) -> None:
    revision = page.request.get(f"{site}/api/discipline-catalogue", headers=office).json()["revision"]
    done = page.request.fetch(
        f"{site}/api/discipline-catalogue{path}", method=method, headers=office, data={**data, "revision": revision}
    )
    assert done.ok, done.text()


def test_entries_under_a_retired_group_are_retired_with_it(page: Page, site: str) -> None:
    # A group of its own (codes are never reused), with one entry in use and one retired.
    office = api_login(page.request, site, "office-demo")
    taken = {e["code"] for e in page.request.get(f"{site}/api/discipline-catalogue", headers=office).json()["items"]}
    group = next(code for code in (f"{n:02d}" for n in range(99, 9, -1)) if code not in taken)
    _catalogue_change(page, site, office, "POST", "", {"code": group, "name": unique("停用测试")[:20]})
    for code, name in ((f"{group}-01", "在用三级"), (f"{group}-02", "已停三级")):
        _catalogue_change(page, site, office, "POST", "", {"code": code, "name": name})
    _catalogue_change(page, site, office, "PUT", f"/{group}-02", {"retired": True})

    login(page, site, "office-demo")
    page.goto(f"{site}/discipline-catalogue")
    page.get_by_label("按代码或名称查找").fill(group)
    expect(page.locator(f"[data-test='discipline-state-{group}-01']")).to_have_text("使用中")
    expect(page.locator(f"[data-test='discipline-state-{group}-02']")).to_have_text("停用")

    _catalogue_row(page, group).locator(f"[data-test='discipline-retire-{group}']").click()
    box = page.get_by_role("dialog", name="停用学科")
    expect(box).to_contain_text("及其下的三级学科")
    box.get_by_role("button", name="停用").click()
    expect(box).to_be_hidden()
    expect(page.locator(f"[data-test='discipline-state-{group}']")).to_have_text("停用")
    for code in (f"{group}-01", f"{group}-02"):
        expect(page.locator(f"[data-test='discipline-state-{code}']")).to_have_text("随二级停用")
        restore = page.locator(f"[data-test='discipline-restore-{code}']")
        expect(restore).to_be_disabled()
        expect(restore).to_have_accessible_description("请先恢复二级学科")
        expect(page.locator(f"[data-test='discipline-retire-{code}']")).to_have_count(0)

    # The server says the same of a restore attempted anyway.
    revision = page.request.get(f"{site}/api/discipline-catalogue", headers=office).json()["revision"]
    refused = page.request.put(
        f"{site}/api/discipline-catalogue/{group}-02", headers=office, data={"revision": revision, "retired": False}
    )
    assert refused.status == 400, refused.text()
    assert refused.json()["error"]["code"] == "DISCIPLINE_GROUP_RETIRED"

    # Restoring the group brings back the entry in use; the one retired itself stays retired.
    page.locator(f"[data-test='discipline-restore-{group}']").click()
    box = page.get_by_role("dialog", name="恢复学科")
    box.get_by_role("button", name="恢复").click()
    expect(box).to_be_hidden()
    expect(page.locator(f"[data-test='discipline-state-{group}-01']")).to_have_text("使用中")
    expect(page.locator(f"[data-test='discipline-state-{group}-02']")).to_have_text("停用")
    expect(page.locator(f"[data-test='discipline-restore-{group}-02']")).to_be_enabled()
