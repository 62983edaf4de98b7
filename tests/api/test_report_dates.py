"""The execution report's actual dates fall inside the project's year, like the session's own dates (review of
issue #12, finding 7)."""

from __future__ import annotations

from tests.api.test_credits import REPORT, at, held  # noqa: F401 - the held fixture


def test_the_reports_actual_dates_fall_inside_the_projects_year(api, held, clock):  # noqa: F811
    clock.now = at(10, 19)
    path = f"/sessions/{held['sid']}/report"
    for start, end, field in [
        ("2000-12-10", "2000-12-10", "actual_start_date"),
        ("2100-12-10", "2100-12-10", "actual_start_date"),
        ("2025-12-31", "2026-01-01", "actual_start_date"),
        ("2026-12-31", "2027-01-01", "actual_end_date"),
    ]:
        body = {**REPORT, "actual_start_date": start, "actual_end_date": end}
        status, answer = api.call("PUT", path, body, held["org"])
        assert status == 400 and answer["error"]["field"] == field, (start, answer)
        assert answer["error"]["code"] == "SESSION_OUTSIDE_PROJECT_YEAR" and "2026" in answer["error"]["message"]
    assert api.get(path, held["org"])[1]["actual_start_date"] is None, "nothing was saved"

    status, answer = api.call("PUT", path, {**REPORT, "actual_end_date": "2026-12-31"}, held["org"])
    assert status == 200 and answer["actual_end_date"] == "2026-12-31", answer
