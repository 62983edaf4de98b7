"""Where a session list reads: per scope and filter, the index whose partition holds only what matches (status per
scope, credit state, a department) as ``listing.Plan``s, and a name search in the word index (``name_index.Search``);
the approved sessions the public project query shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pynamodb.expressions.condition import Condition
from pynamodb.indexes import GlobalSecondaryIndex

from chalicelib.models import Session
from chalicelib.schemas.sessions import SessionQuery
from chalicelib.services import listing
from chalicelib.services.name_grams import SESSION_NAME
from chalicelib.services.name_index import Search

Lookup = listing.Plan[Session] | Search


def _plan(index: GlobalSecondaryIndex[Session], partition: str, hash_name: str, **more: Any) -> listing.Plan[Session]:
    keys = ("session_id", hash_name, "sort_key")
    return listing.Plan(Session, index, partition, keys, {hash_name: partition}, **more)


def residual(query: SessionQuery, *, status: bool = True, report: bool = True) -> list[Condition]:
    """The filters an index's partition does not already apply."""
    conditions: list[Condition] = []
    if status and query.status:
        conditions.append(Session.status == query.status)
    if report and query.report_status:
        conditions.append(Session.report_status == query.report_status)
    if query.name:
        conditions.append(Session.project_name.contains(query.name))
    return conditions


def name_search(query: SessionQuery, year: str | None, **scope: str) -> Search:
    """A name search (no credit state: the word index does not carry it) within a year and the caller's scope, by
    status too."""
    equal = {**scope, **({"status": query.status} if query.status else {})}
    return Search(((SESSION_NAME, query.name or ""),), f"{year}-" if year else None, tuple(equal.items()))


def year_plan(year: str, query: SessionQuery) -> Lookup:
    """The office's year: by credit state, by name (word index), by status, or all."""
    if query.report_status:
        partition = f"{year}#{query.report_status}"
        return _plan(Session.year_report_index, partition, "year_report", filters=residual(query, report=False))
    if query.name:
        return name_search(query, year)
    if query.status:
        partition = f"{year}#{query.status}"
        return _plan(Session.year_status_index, partition, "year_status", filters=residual(query, status=False))
    return _plan(Session.year_index, year, "year_key")


def organisation_plan(org_id: str, department: str | None, query: SessionQuery) -> Lookup:
    """An organisation (or one department of it): by credit state, by name, by department, by status, or all; a year
    is a range condition (the sort key starts with the start date), never a filter."""
    years = Session.sort_key.startswith(f"{query.year}-") if query.year else None
    in_department = [Session.department == department] if department is not None else []
    if query.report_status:
        partition = f"{org_id}#{query.report_status}"
        filters = in_department + residual(query, report=False)
        return _plan(Session.org_report_index, partition, "org_report", range_condition=years, filters=filters)
    if query.name:
        scope = {"org_id": org_id} | ({"department": department} if department is not None else {})
        return name_search(query, str(query.year) if query.year else None, **scope)
    if department is not None:
        partition = f"{org_id}#{department}"
        return _plan(Session.dept_index, partition, "org_dept", range_condition=years, filters=residual(query))
    if query.status:
        partition = f"{org_id}#{query.status}"
        filters = residual(query, status=False)
        return _plan(Session.org_status_index, partition, "org_status", range_condition=years, filters=filters)
    return _plan(Session.org_index, org_id, "org_id", range_condition=years, filters=residual(query))


# The public project query lists each project's first sessions (by 期次) that are approved: one Query of at most this
# many items per project on the page, so a public page reads at most its projects × this many sessions.
PUBLIC_SESSIONS_MAX = 10
_PUBLIC_FIELDS = ("session_id", "project_id", "seq", "status", "start_date", "end_date", "venue", "org_name")


@dataclass(frozen=True)
class PublicSessions:
    """A project's approved sessions among its first ``PUBLIC_SESSIONS_MAX``; ``more``: it has further sessions."""

    sessions: list[Session]
    more: bool


def public_sessions(project_ids: Sequence[str]) -> dict[str, PublicSessions]:
    """The approved sessions of each project on a public page (one Query of the project's index per project, at
    most ``PUBLIC_SESSIONS_MAX`` items each, only the public fields)."""
    found: dict[str, PublicSessions] = {}
    for project_id in dict.fromkeys(project_ids):
        pages = Session.project_index.query(
            project_id, limit=PUBLIC_SESSIONS_MAX, page_size=PUBLIC_SESSIONS_MAX, attributes_to_get=list(_PUBLIC_FIELDS)
        ).page_iter
        page: dict[str, Any] = next(pages, {})
        sessions = [Session.from_raw_data(item) for item in page.get("Items", [])]
        approved = [session for session in sessions if session.status == "approved"]
        found[project_id] = PublicSessions(approved, pages.last_evaluated_key is not None)
    return found
