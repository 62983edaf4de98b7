"""The selection's rules without I/O: the candidate summary, when attendance is final, the draft's changes and the
已选 count derived from them, and the size bound of what the report item holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.services import selection_rules as rules
from chalicelib.services.attendance_rules import Window


def record(person: str, hours: float | None, day: str | None = None) -> Any:
    key = f"{person}#{day}" if day else person
    return SimpleNamespace(attendee_key=key, person_key=person, hours=hours)


def session(required: float | None = 6) -> Any:
    return SimpleNamespace(required_hours=required, teaching_hours=6)


def test_the_summary_counts_persons_once_and_adds_their_days() -> None:
    now = datetime(2026, 12, 10, tzinfo=UTC)
    records = [record("a", 3, "d1"), record("a", 3, "d2"), record("b", 5.99), record("c", None), record("d", 6)]
    summary = rules.candidate_summary(cast(Any, session()), records, now)
    assert (summary["persons"], summary["preselected"], summary["required_hours"]) == (4, 2, 6.0)
    assert rules.summary_current(summary, cast(Any, session()))
    assert not rules.summary_current(summary, cast(Any, session(5))), "规定学时 changed: count again"
    assert not rules.summary_current(None, cast(Any, session()))


def test_attendance_is_final_two_minutes_after_the_last_window(monkeypatch: pytest.MonkeyPatch) -> None:
    closes = datetime(2026, 12, 10, 10, 30, tzinfo=UTC)
    windows = [Window("in", closes - timedelta(hours=9), closes - timedelta(hours=2)), Window("out", closes, closes)]
    monkeypatch.setattr(rules, "session_windows", lambda _: windows)
    assert not rules.attendance_final(cast(Any, session()), closes + timedelta(minutes=1))
    assert rules.attendance_final(cast(Any, session()), closes + timedelta(minutes=2))


def test_changes_of_the_draft() -> None:
    draft = rules.empty_draft()
    draft = rules.apply_change(draft, rules.Change("p1", False), True, "changes.0")
    draft = rules.apply_change(draft, rules.Change("s1", True, " 迟到 "), False, "changes.1")
    assert draft == {"deselected": ["p1"], "included": {"s1": "迟到"}}
    assert rules.selected_count({"preselected": 5}, draft) == 5
    draft = rules.apply_change(draft, rules.Change("p1", True), True, "changes.0")  # ticked again
    draft = rules.apply_change(draft, rules.Change("s1", False), False, "changes.0")  # no longer included
    draft = rules.apply_change(draft, rules.Change("s2", False), False, "changes.0")  # was never chosen
    assert draft == {"deselected": [], "included": {}}
    with pytest.raises(ValidationFailed) as refused:
        rules.apply_change(draft, rules.Change("s1", True, "迟"), False, "changes.3")
    assert (refused.value.code, refused.value.field) == ("REASON_REQUIRED", "changes.3.reason")


def test_the_draft_starts_from_the_last_submission_and_drops_its_frozen_list() -> None:
    submitted = {"deselected": ["a"], "included": {"b": "理由"}, "selected": ["b", "c"]}
    assert rules.draft_of(submitted, None) == {"deselected": ["a"], "included": {"b": "理由"}}
    saved = {"deselected": [], "included": {}, "updated_by": "admin-demo", "updated_at": "2026-12-10T00:00:00Z"}
    assert rules.draft_of(submitted, saved) == {"deselected": [], "included": {}}
    assert rules.draft_of(None, None) == rules.empty_draft()


def test_a_frozen_list_of_ten_thousand_fits_the_report_item() -> None:
    selected = {"deselected": [], "included": {}, "selected": [f"{n:016x}" for n in range(10_000)]}
    rules.check_size(selected, "SELECTION_TOO_LARGE", "过大")  # about 190 KB of the item's 400 KB
    reasons = {"included": {f"{n:016x}": "理" * 200 for n in range(1_000)}}
    with pytest.raises(ValidationFailed) as refused:
        rules.check_size(reasons, "SELECTION_TOO_LARGE", "过大")
    assert refused.value.code == "SELECTION_TOO_LARGE"
