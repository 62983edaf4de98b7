"""Browser test of 签退问卷 (office): edit a new version with the phone preview, publish it, see it in force.

In a module of its own: a new version applies to every session approved afterwards on the same live system.
"""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import confirm, login, unique


def version_cell(row: Locator) -> Locator:
    return row.locator("td").nth(1)  # after the expand column


def test_office_publishes_a_new_questionnaire_version(page: Page, site: str) -> None:
    login(page, site, "office-demo")
    page.get_by_role("menuitem", name="签退问卷").click()
    expect(page).to_have_url(re.compile(r"/questionnaires$"))
    history = page.locator("[data-test=questionnaire-history] .el-table__body tr.el-table__row")
    expect(history).to_have_count(1)
    expect(version_cell(history.first)).to_have_text(re.compile(r"^\s*1\s*当前\s*$"))

    page.locator("[data-test=questionnaire-edit]").click()
    editor = page.locator("[data-test=questionnaire-editor]")
    first = editor.locator("[data-test=draft-question-0]")
    text = unique("本次培训内容的新颖程度")
    first.locator("textarea[data-test=draft-text]").fill(text)
    options = first.locator("input[data-test=draft-option]")
    count = options.count()
    first.locator("[data-test=draft-option-add]").click()
    expect(options).to_have_count(count + 1)
    options.nth(count).fill("不清楚")
    preview = editor.locator("[data-test=questionnaire-preview] [data-test=preview-q1]")
    expect(preview).to_contain_text(text)
    expect(preview).to_contain_text("不清楚")

    page.locator("[data-test=questionnaire-publish]").click()
    confirm(page, "发布新版本", "发布")
    expect(editor).to_be_hidden()

    # The list: version 2 is current (with the new text and option), version 1 kept below it.
    expect(history).to_have_count(2)
    expect(version_cell(history.nth(0))).to_have_text(re.compile(r"^\s*2\s*当前\s*$"))
    expect(history.nth(0)).to_contain_text("office-demo")
    expect(version_cell(history.nth(1))).to_have_text(re.compile(r"^\s*1\s*$"))
    expect(page.locator("[data-test=questionnaire-current]")).to_contain_text("office-demo")
    history.nth(0).locator(".el-table__expand-icon").click()
    summary = page.locator("[data-test=questionnaire-history] .summary-list").first
    expect(summary).to_contain_text(re.compile(rf"{text}（单选）：.* / 不清楚"))
