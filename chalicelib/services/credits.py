"""Transitional: the names handlers/sessions.py still reads here, from their homes (services/workflow.py REPORT,
deadlines.py, selection_rules.py, timeutil.china_today). Delete once handlers/sessions.py reads them there."""

from __future__ import annotations

from datetime import date

from chalicelib import timeutil
from chalicelib.services.deadlines import deadline_of
from chalicelib.services.selection_rules import required_hours
from chalicelib.services.workflow import REPORT_STATUS_LABELS
from chalicelib.timeutil import utc_now

__all__ = ["REPORT_STATUS_LABELS", "china_today", "deadline_of", "required_hours"]


def china_today() -> date:
    return timeutil.china_today(utc_now())  # this module's utc_now: tests set the clock per module
