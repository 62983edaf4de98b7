"""The services of this process, built on first use from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from chalicelib.models import bind_tables
from chalicelib.services import audit, files, notifications, passwords
from chalicelib.services.accounts import AccountService
from chalicelib.services.attendance import AttendanceService
from chalicelib.services.audit import AuditLog
from chalicelib.services.certificates import CertificateService
from chalicelib.services.credits import CreditService
from chalicelib.services.files import FileStore, UploadStore
from chalicelib.services.notifications import Mailer, Notifier
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.project_excel import ProjectSpreadsheets
from chalicelib.services.projects import ProjectService
from chalicelib.services.questionnaire import QuestionnaireService
from chalicelib.services.regions import home_region
from chalicelib.services.reports import ReportService
from chalicelib.services.sessions import SessionService
from chalicelib.settings import get_settings


@dataclass(frozen=True)
class Services:
    organisations: OrganisationService
    accounts: AccountService
    audit: AuditLog
    projects: ProjectService
    spreadsheets: ProjectSpreadsheets
    notifier: Notifier
    sessions: SessionService
    attendance: AttendanceService
    questionnaires: QuestionnaireService
    credits: CreditService
    certificates: CertificateService
    reports: ReportService


@lru_cache(maxsize=1)
def services() -> Services:
    settings = get_settings()
    bind_tables(settings.table_prefix)
    organisations = OrganisationService()
    projects = ProjectService(organisations)
    notifier = Notifier(Mailer(settings.mail_sender))
    questionnaires = QuestionnaireService()
    uploads = UploadStore(settings.bucket_name)
    files = FileStore(settings.bucket_name)
    sessions = SessionService(projects, organisations, uploads, notifier, questionnaires)
    certificates = CertificateService(sessions, uploads, settings.pii_key, settings.app_origin)
    return Services(
        organisations=organisations,
        accounts=AccountService(organisations, settings.jwt_secret, settings.token_ttl_seconds),
        audit=AuditLog(),
        projects=projects,
        spreadsheets=ProjectSpreadsheets(projects, files),
        notifier=notifier,
        sessions=sessions,
        attendance=AttendanceService(
            sessions, files, settings.pii_key, settings.id_encryption_key, settings.app_origin
        ),
        questionnaires=questionnaires,
        credits=CreditService(sessions, notifier, certificates),
        certificates=certificates,
        reports=ReportService(sessions, organisations, files, home_region()),
    )


def reset() -> None:
    """Forget settings, services and clients (tests change the environment between apps)."""
    services.cache_clear()
    get_settings.cache_clear()
    passwords.reset()
    audit.connection.cache_clear()
    files.reset()
    notifications.reset()
