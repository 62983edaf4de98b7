"""Rebuild the person-year ledger (个人年度学分) from the credit records of every granted session: one-off, after the
ledger's table is deployed, and safe to run again at any time (idempotent: a person's session already counted is left
as it is; a revoked certificate without a replacement is not counted, as revocation takes it out).

Run with AWS credentials for the target account (the app's secrets are not read: only table names):
    TABLE_PREFIX=cme-prod AWS_DEFAULT_REGION=cn-north-1 .venv/bin/python -m scripts.backfill_ledger
It reads the sessions table (a Scan), then each granted session's credit records and certificates (Queries), and
writes the ledger with one conditional update per person (8 in parallel). It prints one line per 100 sessions and
a total. Do not run it while certificates are being revoked (a credit revoked between its read and its write would
count again).
"""

from __future__ import annotations

import sys

from chalicelib.models import Certificate, CreditRecord, Session
from chalicelib.services import ledger
from scripts.backfills import run


def backfill(progress: bool = False) -> dict[str, int]:
    """Count every granted session's attendee credits in the ledger; returns the sessions seen and people counted."""
    sessions = counted = 0
    granted = Session.scan(
        Session.report_status == "granted", attributes_to_get=["session_id", "report_status"], page_size=500
    )
    for session in granted:
        records = list(CreditRecord.query(session.session_id))
        certificates = list(Certificate.session_index.query(session.session_id))
        counted += ledger.record_session(records, certificates)
        sessions += 1
        if progress and sessions % 100 == 0:
            print(f"已处理 {sessions} 期，新计入 {counted} 人次", flush=True)
    return {"sessions": sessions, "counted": counted}


def main() -> int:
    return run(
        __doc__,
        lambda: backfill(progress=True),
        lambda done: f"完成：{done['sessions']} 期已授予学分的项目，新计入 {done['counted']} 人次",
    )


if __name__ == "__main__":
    sys.exit(main())
