"""Backfill of the word index of name search (issue #13, services/name_index.py): every project and session gets the
entries of its name (and leader) that it lacks, and entries that no longer belong to an item (its name changed, it was
deleted) go. The sketch counts only the grams it adds, and entries are written only over older versions, so running it
twice, or while people edit, changes nothing twice and never undoes an edit.

Run once after the deployment that adds the name-grams table (each run is safe to repeat):
    TABLE_PREFIX=cme-prod AWS_DEFAULT_REGION=cn-north-1 .venv/bin/python -m scripts.backfill_name_index
"""

from __future__ import annotations

import sys
from collections import defaultdict

from scripts.backfills import run


def backfill() -> dict[str, int]:
    """Returns the items seen and the entries written or deleted."""
    from chalicelib.models import NameGram, Project, Session
    from chalicelib.services import name_index

    present: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entry in NameGram.scan(attributes_to_get=["gram_key", "order_key", "item_id"]):
        if entry.item_id:  # the sketch's items have none
            present[entry.item_id].add((entry.gram_key, entry.order_key))
    seen, changed = 0, 0
    for project in Project.scan():
        changed += name_index.repair(name_index.of_project(project), present.pop(project.project_id, set()))
        seen += 1
    for session in Session.scan():
        changed += name_index.repair(name_index.of_session(session), present.pop(session.session_id, set()))
        seen += 1
    for keys in present.values():  # entries of items that are gone
        changed += name_index.repair(None, keys)
    return {"items": seen, "entries": changed}


def main() -> int:
    return run(__doc__, backfill, lambda done: f"完成：{done['items']} 项，写入或删除 {done['entries']} 条检索词")


if __name__ == "__main__":
    sys.exit(main())
