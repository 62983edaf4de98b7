from chalicelib.models.account import Account, LoginAttempt
from chalicelib.models.audit import AuditEvent
from chalicelib.models.base import bind_tables, table_models
from chalicelib.models.organisation import NameClaim, Organisation

__all__ = [
    "Account",
    "AuditEvent",
    "LoginAttempt",
    "NameClaim",
    "Organisation",
    "bind_tables",
    "table_models",
]
