from chalicelib.models.account import Account, LoginAttempt
from chalicelib.models.attendance import Attendance, QuestionnaireTemplate, ScanRejection
from chalicelib.models.audit import AuditEvent
from chalicelib.models.base import bind_tables, table_models
from chalicelib.models.budgets import Budget
from chalicelib.models.credits import Certificate, CreditRecord, ExecutionReport
from chalicelib.models.organisation import NameClaim, Organisation
from chalicelib.models.project import Counter, Project
from chalicelib.models.reminder_lease import ReminderLease
from chalicelib.models.session import Notification, Session

__all__ = [
    "Account",
    "Attendance",
    "AuditEvent",
    "Budget",
    "Certificate",
    "Counter",
    "CreditRecord",
    "ExecutionReport",
    "LoginAttempt",
    "NameClaim",
    "Notification",
    "Organisation",
    "Project",
    "QuestionnaireTemplate",
    "ReminderLease",
    "ScanRejection",
    "Session",
    "bind_tables",
    "table_models",
]
