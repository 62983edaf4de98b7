"""The aggregates' rules: what a new set of session totals adds to the rollups, which rollups and markers a session
feeds, how a chunk of people is counted (its size, what it writes), and the report figures read back from rollup
items."""

from __future__ import annotations

from chalicelib.services.aggregate_rules import (
    BATCH_GET_KEYS,
    TRANSACTION_ITEMS,
    Place,
    chunk_size,
    chunks,
    delta,
    latest,
    marker_keys,
    marker_scope,
    month_item,
    organisation_row,
    plan_chunk,
    unchanged,
    year_figures,
)

PLACE = Place.of("org-1", "南京示范医院", "2026-03-14")


def test_a_settle_adds_only_the_difference_and_nothing_when_unchanged():
    first = {"sessions": 1, "overdue": 0, "signed_in": 3, "credits": 0}
    assert delta(None, first) == {"sessions": 1, "signed_in": 3}
    granted = {**first, "credits": 4.5, "lecturer_credits": 6}
    assert delta(first, granted) == {"credits": 4.5, "lecturer_credits": 6}
    assert delta(granted, granted) == {}
    assert delta(granted, {**granted, "overdue": 1}) == {"overdue": 1}
    assert delta({**granted, "overdue": 1}, granted) == {"overdue": -1}, "leaving overdue takes it out"
    assert delta({"credits": 0.1}, {"credits": 0.3}) == {"credits": 0.2}, "no float noise"
    assert unchanged(granted, dict(granted)) and not unchanged(None, granted)
    assert not unchanged(granted, {**granted, "signed_out": 2})


def test_a_session_feeds_its_organisations_and_the_provinces_month_and_year():
    assert PLACE.year == "2026" and PLACE.month == 3
    assert PLACE.session_key("s-1") == ("org#org-1#2026", "session#s-1")
    assert PLACE.rollups() == [
        ("org#org-1#2026", "sum#month#03"),
        ("org#org-1#2026", "sum#year"),
        ("province#2026", "sum#month#03"),
        ("province#2026", "sum#year"),
        ("province#2026", "org#org-1"),
    ]
    assert ("province#2026", "org#org-1") in PLACE.named()


def test_people_are_counted_once_per_organisation_and_province_month_and_year_credited_once_per_year():
    attended = PLACE.markers("attended")
    assert [marker for marker, _ in attended] == [
        "org#org-1#2026#sum#month#03#attended",
        "org#org-1#2026#sum#year#attended",
        "province#2026#sum#year#attended",
        "province#2026#sum#month#03#attended",
    ]
    assert dict(attended)["org#org-1#2026#sum#year#attended"] == [
        ("org#org-1#2026", "sum#year"),
        ("province#2026", "org#org-1"),
    ], "the organisation's year is also its row in the province"
    credited = PLACE.markers("credited")
    assert [targets for _, targets in credited] == [
        [("org#org-1#2026", "sum#year"), ("province#2026", "org#org-1")],
        [("province#2026", "sum#year")],
    ]


def test_reports_read_back_from_rollup_items():
    items = {
        "sum#year": {"sessions": 2, "people": 3, "credited_people": 2, "credits": 6.04, "lecturer_credits": 10},
        month_item(10): {"sessions": 1, "people": 2, "credits": 4},
    }
    figures = year_figures(items)
    assert (figures["sessions_held"], figures["attendees"], figures["credited_attendees"]) == (2, 3, 2)
    assert (figures["credits_granted"], figures["lecturer_credits"], figures["overdue"]) == (6.0, 10.0, 0)
    assert len(figures["by_month"]) == 12 and figures["by_month"][9] == {
        "month": 10,
        "sessions": 1,
        "attendees": 2,
        "credits": 4.0,
    }
    assert figures["by_month"][0] == {"month": 1, "sessions": 0, "attendees": 0, "credits": 0.0}
    row = organisation_row({"org_id": "org-1", "org_name": "南京示范医院", "sessions": 2, "people": 3, "overdue": 1})
    assert row == {
        "org_id": "org-1",
        "org_name": "南京示范医院",
        "sessions_held": 2,
        "attendees": 3,
        "credited_attendees": 0,
        "credits_granted": 0.0,
        "overdue": 1,
    }
    assert latest(["2026-03-01T02:00:00Z", None, "2026-03-02T01:00:00Z"]) == "2026-03-02T01:00:00Z"
    assert latest([]) is None


def test_a_chunk_fits_one_transaction_and_one_batch_read():
    assert (chunk_size(PLACE, "attended"), chunk_size(PLACE, "credited")) == (23, 48)
    for kind in ("attended", "credited"):
        size = chunk_size(PLACE, kind)
        people = [f"p{i:03d}" for i in range(size)]
        plan = plan_chunk(PLACE, kind, people, present=())
        assert len(marker_keys(PLACE, kind, people)) <= BATCH_GET_KEYS
        assert len(plan.markers) + len(plan.adds) + 1 <= TRANSACTION_ITEMS, "markers, rollups and the cursor"
        assert all(added == size for added in plan.adds.values()), "each rollup gets one ADD of the chunk's people"
    assert chunks(["a", "b", "c", "d", "e"], 2) == [["a", "b"], ["c", "d"], ["e"]]
    assert chunks([], 23) == []


def test_a_chunk_writes_only_the_missing_markers_and_adds_only_the_new_people():
    org_year, province_year = ("org#org-1#2026", "sum#year"), ("province#2026", "sum#year")
    row, org_march = ("province#2026", "org#org-1"), ("org#org-1#2026", "sum#month#03")
    keys = marker_keys(PLACE, "attended", ["a", "b"])
    assert len(keys) == 8 and {scope for scope, _ in keys} == {marker_scope("a"), marker_scope("b")}
    plan = plan_chunk(PLACE, "attended", ["a", "b"], present=())
    assert len(plan.markers) == 8 and plan.adds[org_year] == plan.adds[row] == plan.adds[province_year] == 2

    # a counted in the province's year by another organisation's session; b counted everywhere before
    a_province = (marker_scope("a"), "province#2026#sum#year#attended")
    plan = plan_chunk(PLACE, "attended", ["a", "b", "a"], present=[a_province, *marker_keys(PLACE, "attended", ["b"])])
    assert len(plan.markers) == 3 and a_province not in plan.markers
    assert plan.adds == {org_march: 1, org_year: 1, row: 1, ("province#2026", "sum#month#03"): 1}
    assert plan_chunk(PLACE, "credited", ["a"], present=marker_keys(PLACE, "credited", ["a"])).markers == []
