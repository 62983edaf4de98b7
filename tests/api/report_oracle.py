"""The reports' figures recounted from the raw records, as services/reports.py counted them before the aggregates
(every approved session of the year, every attendance and credit record): the tests' oracle, never the product's."""

from __future__ import annotations

from typing import Any

from chalicelib.models import Attendance, CreditRecord, Session
from chalicelib.services import deadlines


def _tally(session: Session) -> dict[str, Any]:
    persons = {a.person_key or a.attendee_key for a in Attendance.query(session.session_id)}
    credited: set[str] = set()
    credits = lecturer = 0.0
    if session.report_status == "granted":
        for record in CreditRecord.query(session.session_id):
            if record.kind == "attendee":
                credited.add(record.person_key or record.credit_key)
                credits += float(record.credits)
            else:
                lecturer += float(record.credits)
    return {
        "month": int(session.start_date[5:7]),
        "persons": persons,
        "credited": credited,
        "credits": credits,
        "lecturer": lecturer,
        # overdue as the aggregates count it: its overdue notice went out and nobody acted since
        "overdue": session.deadline_open == deadlines.NOTICED,
    }


def _totals(tallies: list[dict[str, Any]]) -> dict[str, Any]:
    def people(of: list[dict[str, Any]], key: str) -> int:
        return len(set().union(*(t[key] for t in of)))

    by_month = []
    for month in range(1, 13):
        of_month = [t for t in tallies if t["month"] == month]
        by_month.append(
            {
                "month": month,
                "sessions": len(of_month),
                "attendees": people(of_month, "persons"),
                "credits": round(sum(t["credits"] for t in of_month), 1),
            }
        )
    return {
        "sessions_held": len(tallies),
        "attendees": people(tallies, "persons"),
        "credited_attendees": people(tallies, "credited"),
        "credits_granted": round(sum(t["credits"] for t in tallies), 1),
        "lecturer_credits": round(sum(t["lecturer"] for t in tallies), 1),
        "overdue": sum(1 for t in tallies if t["overdue"]),
        "by_month": by_month,
    }


def organisation(org_id: str, year: int) -> dict[str, Any]:
    sessions = Session.org_index.query(
        org_id, Session.sort_key.startswith(f"{year}-"), filter_condition=Session.status == "approved"
    )
    return _totals([_tally(s) for s in sessions])


def province(year: int) -> dict[str, Any]:
    sessions = list(Session.year_index.query(str(year), filter_condition=Session.status == "approved"))
    by_org: dict[str, list[Session]] = {}
    for session in sessions:
        by_org.setdefault(session.org_id, []).append(session)
    rows = []
    for org_id, of_org in by_org.items():
        figures = _totals([_tally(s) for s in of_org])
        rows.append(
            {
                "org_id": org_id,
                "org_name": of_org[0].org_name,
                **{
                    key: figures[key]
                    for key in ("sessions_held", "attendees", "credited_attendees", "credits_granted", "overdue")
                },
            }
        )
    rows.sort(key=lambda row: (-row["sessions_held"], row["org_name"]))
    return {**_totals([_tally(s) for s in sessions]), "organisations": rows}
