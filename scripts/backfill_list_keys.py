"""Backfill for the bounded lists (issue #13): give items written before them what the new indexes read.

- sessions and projects: the lists' composite keys (``org_dept``, ``year_status``, ``org_status``, and for sessions
  ``year_report``, ``org_report``), derived on save, so each item is re-saved under its version (a concurrent edit
  wins, and the item is read again and retried);
- attendance: the link items of every session (who signed in with one phone or one mobile), from its records, with
  set ADDs (idempotent: running it twice, or while people sign in, adds nothing twice).

Run once after the deployment that adds the indexes (each run is safe to repeat):
    TABLE_PREFIX=cme-prod AWS_DEFAULT_REGION=cn-north-1 .venv/bin/python -m scripts.backfill_list_keys
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict

from pynamodb.exceptions import PutError

ATTEMPTS = 5


def _resave(model: type, name: str) -> int:
    done = 0
    for item in model.scan():  # type: ignore[attr-defined]
        for _ in range(ATTEMPTS):
            try:
                item.save()
                break
            except PutError as error:
                if error.cause_response_code != "ConditionalCheckFailedException":
                    raise
                item.refresh(consistent_read=True)
        done += 1
    print(f"{name}: {done} saved", file=sys.stderr)
    return done


def _links() -> int:
    from chalicelib.models import Attendance
    from chalicelib.services.attendance_rules import link_keys, link_partition

    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in Attendance.scan():
        if record.session_id.endswith("#links"):
            continue
        person = record.person_key or record.attendee_key
        for key in link_keys(record.client_id, record.session_mobile):
            people[(link_partition(record.session_id), key)].add(person)
    for (partition, key), found in people.items():
        Attendance(partition, key).update(actions=[Attendance.people.add(found)])
    print(f"attendance: {len(people)} link items", file=sys.stderr)
    return len(people)


def main() -> int:
    from chalicelib.models import Project, Session, bind_tables

    bind_tables(os.environ["TABLE_PREFIX"])
    _resave(Session, "sessions")
    _resave(Project, "projects")
    _links()
    return 0


if __name__ == "__main__":
    sys.exit(main())
