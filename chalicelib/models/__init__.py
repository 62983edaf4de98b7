"""The pynamodb models, one table per module (named after its model); everything is re-exported here."""

from chalicelib.models.account import Account
from chalicelib.models.aggregate import Aggregate
from chalicelib.models.attendance import Attendance
from chalicelib.models.audit_event import AuditEvent
from chalicelib.models.base import bind_tables, table_models
from chalicelib.models.budgets import Budget
from chalicelib.models.certificate import Certificate
from chalicelib.models.counter import Counter
from chalicelib.models.credit_record import CreditRecord
from chalicelib.models.credit_rule_book import CreditRuleBook
from chalicelib.models.discipline_catalogue import DisciplineCatalogue
from chalicelib.models.execution_report import ExecutionReport
from chalicelib.models.form_draft import FormDraft
from chalicelib.models.job import Job
from chalicelib.models.login_attempt import LoginAttempt
from chalicelib.models.name_claim import NameClaim
from chalicelib.models.name_gram import NameGram
from chalicelib.models.notification import Notification
from chalicelib.models.organisation import Organisation
from chalicelib.models.person_year import PersonYear
from chalicelib.models.project import Project
from chalicelib.models.questionnaire_template import QuestionnaireTemplate
from chalicelib.models.reminder_lease import ReminderLease
from chalicelib.models.retention_policy import RetentionPolicy
from chalicelib.models.run_cursor import RunCursor
from chalicelib.models.scan_rejection import ScanRejection
from chalicelib.models.session import Session

__all__ = [
    "Account",
    "Aggregate",
    "Attendance",
    "AuditEvent",
    "Budget",
    "Certificate",
    "Counter",
    "CreditRecord",
    "CreditRuleBook",
    "DisciplineCatalogue",
    "ExecutionReport",
    "FormDraft",
    "Job",
    "LoginAttempt",
    "NameClaim",
    "NameGram",
    "Notification",
    "Organisation",
    "PersonYear",
    "Project",
    "QuestionnaireTemplate",
    "ReminderLease",
    "RetentionPolicy",
    "RunCursor",
    "ScanRejection",
    "Session",
    "bind_tables",
    "table_models",
]
