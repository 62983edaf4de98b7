"""Build the reports' aggregates (services/aggregates.py) for the sessions approved before they existed: one-off, after
the aggregates table is deployed, and safe to run again at any time (idempotent: a session's totals are settled by
difference under their version, so unchanged figures add nothing, and each person is counted once per rollup by a
conditional marker).

Run with AWS credentials for the target account (the app's secrets are not read: only table names):
    TABLE_PREFIX=cme-prod AWS_DEFAULT_REGION=cn-north-1 .venv/bin/python -m scripts.backfill_aggregates
It reads the sessions table (a Scan of approved sessions), then each closed session's attendance and, once granted, its
credit records (Queries), and writes its totals, the rollups' differences and the people's markers (transactions, 8
people in parallel). A session whose attendance is still open counts as held (and overdue) only: the close job counts
its people when it closes. It prints one line per 100 sessions and a total; it may run while the system is in use.
"""

from __future__ import annotations

import sys

from chalicelib.models import Session
from chalicelib.services import aggregates
from scripts.backfills import run


def backfill(progress: bool = False) -> dict[str, int]:
    """Settle every approved session's aggregates; returns the sessions seen and those counted from their records."""
    seen = recounted = 0
    for session in Session.scan(Session.status == "approved", page_size=500):
        closed = session.attendance_open is None
        aggregates.settle(session, recount=closed)
        seen += 1
        recounted += closed
        if progress and seen % 100 == 0:
            print(f"已处理 {seen} 期，其中 {recounted} 期已按签到记录统计", flush=True)
    return {"sessions": seen, "recounted": recounted}


def main() -> int:
    return run(
        __doc__,
        lambda: backfill(progress=True),
        lambda done: f"完成：{done['sessions']} 期审核通过的举办，其中 {done['recounted']} 期已按签到记录统计",
    )


if __name__ == "__main__":
    sys.exit(main())
