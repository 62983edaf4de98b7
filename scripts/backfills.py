"""What every backfill script shares: its command line, the stage's tables (``TABLE_PREFIX``) and its last line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable


def run(doc: str | None, backfill: Callable[[], dict[str, int]], done: Callable[[dict[str, int]], str]) -> int:
    """Parse the (empty) command line, bind the stage's tables, run ``backfill`` and print ``done`` of its counts."""
    argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    prefix = os.environ.get("TABLE_PREFIX")
    if not prefix:
        print("请设置 TABLE_PREFIX（如 cme-prod）", file=sys.stderr)
        return 2
    from chalicelib.models import bind_tables

    bind_tables(prefix)
    print(done(backfill()))
    return 0
