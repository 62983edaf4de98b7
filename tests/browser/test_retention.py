"""Browser test of 数据保留 (issue #17 part 2): the office opens the page from the menu, sees the periods in force
with what the nightly removal takes and what it never touches, gets the server's bounds on the form, shortens the
details' period (confirmed, since removal cannot be undone) and sees the save with who made it; the audit log shows
the change with before and after."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.helpers import confirm, login


def test_the_office_edits_the_retention_policy(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    page.locator("[data-test=side-menu]").get_by_role("menuitem", name="数据保留").click()
    expect(page).to_have_url(f"{site}/retention")
    years = page.locator("[data-test=retention-details-years] input")
    days = page.locator("[data-test=retention-rejection-days] input")
    expect(years).to_have_value("3")
    expect(days).to_have_value("180")
    expect(page.locator("[data-test=retention-removed]")).to_contain_text("签退问卷答案")
    expect(page.locator("[data-test=retention-kept]")).to_contain_text("学分记录、电子证书")
    expect(page.locator("[data-test=retention-updated]")).to_have_text("尚未修改，使用默认期限")
    save = page.locator("[data-test=retention-save]")
    expect(save).to_be_disabled()  # nothing changed yet

    days.fill("400")  # past the bound: the field keeps the server's maximum
    days.blur()
    expect(days).to_have_value("180")
    years.fill("2")
    years.blur()
    save.click()
    confirm(page, "缩短保留期限", "确定保存")
    expect(page.get_by_text("已保存，自下一次夜间删除起生效")).to_be_visible()
    expect(page.locator("[data-test=retention-updated]")).to_contain_text("由 office-demo 修改（第 1 版）")

    page.reload()
    expect(years).to_have_value("2")

    page.goto(f"{site}/audit")
    expect(page.locator("body")).to_contain_text("修改数据保留期限")
