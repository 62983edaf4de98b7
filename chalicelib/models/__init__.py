from chalicelib.models.account import Account, LoginAttempt
from chalicelib.models.audit import AuditEvent
from chalicelib.models.base import bind_tables, table_models
from chalicelib.models.organisation import NameClaim, Organisation
from chalicelib.models.project import Counter, Project

__all__ = [
    "Account",
    "AuditEvent",
    "Counter",
    "LoginAttempt",
    "NameClaim",
    "Organisation",
    "Project",
    "bind_tables",
    "table_models",
]
