"""The admin's selection as rules without I/O: each attendee's hours over all days (a ``Candidate``), the
preselection by 规定学时 (required hours), the session's candidate summary, the admin's draft of changes to the
preselection and the list frozen once submitted."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from chalicelib.errors import ValidationFailed
from chalicelib.services import identity
from chalicelib.services.attendance_rules import Flag, attendee_flags, attendee_status, session_windows
from chalicelib.services.retention_rules import shown
from chalicelib.timeutil import to_iso

if TYPE_CHECKING:
    from chalicelib.models import Attendance, Session

# The record attributes the summary reads (the whole partition is read once, only these come back).
SUMMARY_FIELDS = ("attendee_key", "person_key", "hours")
# A sign-out accepted just before its window closed may still be in flight: the summary waits a little longer.
_IN_FLIGHT = timedelta(minutes=2)
# The report item holds the frozen list, the draft and the rest in DynamoDB's 400 KB: the draft and the frozen list
# each get this much (``selected`` of 10,000 people is about 190 KB).
SELECTION_BYTES_MAX = 300_000
REASON_MIN = 2


def required_hours(session: Session) -> float:
    """The hours an attendee needs to be preselected: the session's 规定学时, else all its teaching hours."""
    return float(session.required_hours if session.required_hours is not None else session.teaching_hours)


@dataclass
class Candidate:
    """One person of a session's attendance (all days together in daily mode), as the admin selects them."""

    attendee_id: str
    person_key: str
    name: str
    id_masked: str
    id_encrypted: str | None
    id_context: str  # the attendance record id_encrypted is bound to (in daily mode, that of the first day)
    unit: str
    department: str
    days: list[str | None] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    signed_in_at: str = ""
    signed_out_at: str | None = None
    hours: float = 0.0
    status: str = "present"
    flags: list[str] = field(default_factory=list)
    questionnaire_done: bool = False
    preselected: bool = False
    selected: bool = False
    reason: str | None = None


def candidates(
    session: Session, attendees: list[Attendance], now: datetime, flags: Mapping[str, Sequence[Flag]] | None = None
) -> list[Candidate]:
    """Attendance per person: the hours of every day add up, the earliest sign-in and latest sign-out show. Flags
    are computed from ``attendees`` unless given (a page's, from its link items)."""
    windows = session_windows(session)
    if flags is None:
        flags = attendee_flags(attendees)
    people: dict[str, Candidate] = {}
    for record in sorted(attendees, key=lambda a: a.signed_in_at):
        key = record.person_key or record.attendee_key
        found = people.get(key)
        if found is None:
            found = people[key] = Candidate(
                attendee_id=key[:16],
                person_key=key,
                name=record.name,
                id_masked=record.id_masked,
                id_encrypted=record.id_encrypted,
                id_context=identity.record_context(record.session_id, record.attendee_key),
                unit=shown(record.unit),  # 已删除 past the retention policy
                department=shown(record.department),
                signed_in_at=record.signed_in_at,
            )
        found.days.append(record.day)
        found.hours = round(found.hours + float(record.hours or 0), 2)
        if record.signed_out_at and (found.signed_out_at or "") < record.signed_out_at:
            found.signed_out_at = record.signed_out_at
        found.statuses.append(attendee_status(record, windows, now))
        found.flags = sorted(set(found.flags) | set(flags[record.attendee_key]))
        found.questionnaire_done = found.questionnaire_done or bool(record.answers)
    required = required_hours(session)
    for person in people.values():
        if "incomplete" in person.statuses:
            person.status = "incomplete"
        elif all(status == "signed_out" for status in person.statuses):
            person.status = "signed_out"
        person.preselected = person.hours + 1e-9 >= required
        person.selected = person.preselected
    return list(people.values())


def apply_selection(people: list[Candidate], selection: dict[str, Any] | None) -> list[Candidate]:
    """The admin's choices (deselected, included with reasons, or the frozen submitted list) applied to ``people``."""
    if selection:
        deselected = set(selection.get("deselected", []))
        included = selection.get("included", {})
        # The submitted list is frozen: a sign-out arriving after the admin's submission changes nobody's choice.
        frozen = set(selection["selected"]) if "selected" in selection else None
        for person in people:
            if frozen is not None:
                person.selected = person.attendee_id in frozen
            else:
                person.selected = (person.preselected and person.attendee_id not in deselected) or (
                    person.attendee_id in included
                )
            person.reason = included.get(person.attendee_id)
    return people


# The views of the admin's list: 全部, 已选 (the choice in force), 未选, 未达规定学时 (not preselected).
SELECTION_VIEWS = ("all", "selected", "unselected", "below")


def in_view(person: Candidate, view: str) -> bool:
    """Whether ``person`` (their choice applied) shows in the list's ``view``."""
    if view == "selected":
        return person.selected
    if view == "unselected":
        return not person.selected
    if view == "below":
        return not person.preselected
    return True


def submitted_selection(
    people: list[Candidate], deselected: list[str], included: list[tuple[str, str]]
) -> dict[str, Any]:
    """The selection the admin submits, checked against the candidates: only preselected people can be deselected,
    only others included, each with a reason. Its ``selected`` list is frozen from now on."""
    by_id = {person.attendee_id: person for person in people}
    for index, attendee_id in enumerate(deselected):
        if attendee_id not in by_id or not by_id[attendee_id].preselected:
            raise ValidationFailed("UNKNOWN_ATTENDEE", "取消选择的学员不在预选名单中", f"deselected.{index}")
    for index, (attendee_id, reason) in enumerate(included):
        if attendee_id not in by_id or by_id[attendee_id].preselected:
            raise ValidationFailed("UNKNOWN_ATTENDEE", "补选的学员不存在或已在预选名单中", f"included.{index}")
        if len(reason.strip()) < 2:
            raise ValidationFailed("REASON_REQUIRED", "未达到规定学时的学员须填写补选理由", f"included.{index}.reason")
    selection: dict[str, Any] = {"deselected": sorted(set(deselected)), "included": dict(included)}
    chosen = apply_selection(people, selection)
    selection["selected"] = sorted(person.attendee_id for person in chosen if person.selected)
    return selection


# --- the summary, final once attendance is ---------------------------------------------------------------------


def attendance_final(session: Session, now: datetime) -> bool:
    """Whether nobody's hours can change any more: the last sign-out window has closed (and a request accepted
    just before has landed). Sign-ins end earlier, so the people are final too."""
    return now >= max(window.closes for window in session_windows(session)) + _IN_FLIGHT


def candidate_summary(session: Session, records: Iterable[Attendance], now: datetime) -> dict[str, Any]:
    """The session's candidates counted: persons and those preselected by 规定学时 (``records`` need only
    ``SUMMARY_FIELDS``), with the required hours they were counted against and when."""
    hours: dict[str, float] = {}
    for record in records:
        key = record.person_key or record.attendee_key
        hours[key] = round(hours.get(key, 0.0) + float(record.hours or 0), 2)
    required = required_hours(session)
    return {
        "persons": len(hours),
        "preselected": sum(1 for value in hours.values() if value + 1e-9 >= required),
        "required_hours": required,
        "as_of": to_iso(now),
    }


def summary_current(summary: dict[str, Any] | None, session: Session) -> bool:
    """Whether a stored summary was counted against the session's current 规定学时."""
    return summary is not None and float(summary["required_hours"]) == required_hours(session)


# --- the admin's draft ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One change of the draft: tick (``selected``) or untick an attendee; ticking below the hours needs a reason."""

    attendee_id: str
    selected: bool
    reason: str | None = None


def empty_draft() -> dict[str, Any]:
    return {"deselected": [], "included": {}}


def draft_of(selection: dict[str, Any] | None, draft: dict[str, Any] | None) -> dict[str, Any]:
    """The admin's working changes: the saved draft, else those last submitted (after the office returned the
    list), else none (the preselection as it is)."""
    source = draft or selection or {}
    return {"deselected": list(source.get("deselected", [])), "included": dict(source.get("included", {}))}


def apply_change(draft: dict[str, Any], change: Change, preselected: bool, field_name: str) -> dict[str, Any]:
    """The draft after ``change`` of a person ``preselected`` or not: unticking a preselected person deselects
    them, unticking an included one drops them; ticking undoes a deselection, or includes with a reason of at
    least two characters (REASON_REQUIRED)."""
    deselected = [attendee for attendee in draft["deselected"] if attendee != change.attendee_id]
    included = {attendee: why for attendee, why in draft["included"].items() if attendee != change.attendee_id}
    if preselected and not change.selected:
        deselected.append(change.attendee_id)
    elif not preselected and change.selected:
        reason = (change.reason or "").strip()
        if len(reason) < REASON_MIN:
            raise ValidationFailed("REASON_REQUIRED", "未达到规定学时的学员须填写补选理由", f"{field_name}.reason")
        included[change.attendee_id] = reason
    return {"deselected": sorted(deselected), "included": included}


def selected_count(summary: dict[str, Any], draft: dict[str, Any]) -> int:
    """已选: the preselected less those deselected plus those included (the draft holds only valid changes)."""
    return int(summary["preselected"]) - len(draft["deselected"]) + len(draft["included"])


def check_size(value: dict[str, Any], code: str, message: str) -> None:
    """Refuse a draft or list that would not fit the report item (``SELECTION_BYTES_MAX`` bytes of JSON)."""
    if len(json.dumps(value, ensure_ascii=False).encode()) > SELECTION_BYTES_MAX:
        raise ValidationFailed(code, message)
