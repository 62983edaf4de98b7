"""The services of this process, each built on first use from the settings.

Service modules are imported inside the builders: a cold start loads only the services its route needs.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from chalicelib.settings import Settings, get_settings

if TYPE_CHECKING:
    from chalicelib.services.accounts import AccountService
    from chalicelib.services.attendance_close import AttendanceClose
    from chalicelib.services.attendance_console import AttendanceConsole
    from chalicelib.services.attendance_signing import AttendanceSigning
    from chalicelib.services.audit import AuditLog
    from chalicelib.services.certificates import CertificateService
    from chalicelib.services.corrections import Corrections
    from chalicelib.services.credit_rule_book import CreditRuleBookService
    from chalicelib.services.disciplines import DisciplineCatalogueService
    from chalicelib.services.drafts import FormDrafts
    from chalicelib.services.execution_reports import ExecutionReports
    from chalicelib.services.files import FileStore, UploadStore
    from chalicelib.services.grants import Grants
    from chalicelib.services.jobs import JobService
    from chalicelib.services.notifications import Notifier
    from chalicelib.services.organisations import OrganisationService
    from chalicelib.services.person_credits import PersonCredits
    from chalicelib.services.personal_data import PersonalData
    from chalicelib.services.project_excel import ProjectSpreadsheets
    from chalicelib.services.projects import ProjectService
    from chalicelib.services.questionnaire import QuestionnaireService
    from chalicelib.services.reminders import Reminders
    from chalicelib.services.reports import ReportService
    from chalicelib.services.retention import RetentionPolicies
    from chalicelib.services.retention_run import RetentionRun
    from chalicelib.services.scan_rejections import ScanRejections
    from chalicelib.services.selection import Selection
    from chalicelib.services.session_materials import SessionMaterials
    from chalicelib.services.sessions import SessionService


class Services:
    def __init__(self, settings: Settings) -> None:
        from chalicelib.models import bind_tables

        self.settings = settings
        bind_tables(settings.table_prefix)

    @cached_property
    def organisations(self) -> OrganisationService:
        from chalicelib.services.organisations import OrganisationService

        return OrganisationService()

    @cached_property
    def accounts(self) -> AccountService:
        from chalicelib.services.accounts import AccountService

        return AccountService(self.organisations, lambda: self.settings.jwt_secret, self.settings.token_ttl_seconds)

    @cached_property
    def audit(self) -> AuditLog:
        from chalicelib.services.audit import AuditLog

        return AuditLog()

    @cached_property
    def projects(self) -> ProjectService:
        from chalicelib.services.projects import ProjectService

        return ProjectService(self.organisations)

    @cached_property
    def spreadsheets(self) -> ProjectSpreadsheets:
        from chalicelib.services.project_excel import ProjectSpreadsheets

        return ProjectSpreadsheets(self.projects, self.files)

    @cached_property
    def notifier(self) -> Notifier:
        from chalicelib.services.notifications import Notifier, mailer

        return Notifier(mailer(self.settings), origin=self.settings.app_origin)

    @cached_property
    def uploads(self) -> UploadStore:
        from chalicelib.services.files import UploadStore

        return UploadStore(self.settings.bucket_name)

    @cached_property
    def files(self) -> FileStore:
        from chalicelib.services.files import FileStore

        return FileStore(self.settings.bucket_name)

    @cached_property
    def questionnaires(self) -> QuestionnaireService:
        from chalicelib.services.questionnaire import QuestionnaireService

        return QuestionnaireService()

    @cached_property
    def session_materials(self) -> SessionMaterials:
        from chalicelib.services.session_materials import SessionMaterials

        return SessionMaterials(self.sessions, self.uploads)

    @cached_property
    def sessions(self) -> SessionService:
        from chalicelib.services.sessions import SessionService

        return SessionService(
            self.projects,
            self.organisations,
            self.uploads,
            self.notifier,
            self.questionnaires,
            self.settings.pii_keys,
        )

    @cached_property
    def scan_rejections(self) -> ScanRejections:
        from chalicelib.services.scan_rejections import ScanRejections

        return ScanRejections(self.settings.pii_keys)

    @cached_property
    def signing(self) -> AttendanceSigning:
        from chalicelib.services.attendance_signing import AttendanceSigning

        return AttendanceSigning(self.scan_rejections, self.settings.pii_keys, self.settings.id_encryption_keys)

    @cached_property
    def attendance_console(self) -> AttendanceConsole:
        from chalicelib.services.attendance_console import AttendanceConsole

        return AttendanceConsole(self.sessions, self.files, self.settings.app_origin)

    @cached_property
    def attendance_close(self) -> AttendanceClose:
        from chalicelib.services.attendance_close import AttendanceClose

        return AttendanceClose(self.signing.forget)

    @cached_property
    def certificates(self) -> CertificateService:
        from chalicelib.services.certificates import CertificateService

        province = self.settings.province
        return CertificateService(
            self.sessions,
            self.uploads,
            self.settings.pii_keys,
            province.app_origin,
            province.certificate_prefix,
            province.certificate_issuer,
        )

    @cached_property
    def person_credits(self) -> PersonCredits:
        from chalicelib.services.person_credits import PersonCredits

        return PersonCredits(self.settings.pii_keys)

    @cached_property
    def personal_data(self) -> PersonalData:
        from chalicelib.services.personal_data import PersonalData

        return PersonalData(self.jobs, self.settings.pii_keys)

    @cached_property
    def corrections(self) -> Corrections:
        from chalicelib.services.corrections import Corrections

        return Corrections(self.certificates)

    @cached_property
    def execution_reports(self) -> ExecutionReports:
        from chalicelib.services.execution_reports import ExecutionReports

        return ExecutionReports(self.sessions, self.notifier, self.settings.pii_keys, self.settings.id_encryption_keys)

    @cached_property
    def drafts(self) -> FormDrafts:
        from chalicelib.services.drafts import FormDrafts

        return FormDrafts(self.projects, self.sessions, self.execution_reports)

    @cached_property
    def selection(self) -> Selection:
        from chalicelib.services.selection import Selection

        return Selection(self.execution_reports)

    @cached_property
    def grants(self) -> Grants:
        from chalicelib.services.grants import Grants

        return Grants(self.execution_reports, self.certificates, self.jobs)

    @cached_property
    def reminders(self) -> Reminders:
        from chalicelib.services.reminders import Reminders

        return Reminders(self.notifier)

    @cached_property
    def reports(self) -> ReportService:
        from chalicelib.services.regions import home_region
        from chalicelib.services.reports import ReportService

        return ReportService(
            self.sessions, self.organisations, self.files, home_region(self.settings.province.home_region)
        )

    @cached_property
    def credit_rules(self) -> CreditRuleBookService:
        from chalicelib.services.credit_rule_book import CreditRuleBookService

        return CreditRuleBookService()

    @cached_property
    def disciplines(self) -> DisciplineCatalogueService:
        from chalicelib.services.disciplines import DisciplineCatalogueService

        return DisciplineCatalogueService()

    @cached_property
    def retention(self) -> RetentionPolicies:
        from chalicelib.services.retention import RetentionPolicies

        return RetentionPolicies()

    @cached_property
    def retention_run(self) -> RetentionRun:
        from chalicelib.services.retention_run import RetentionRun

        return RetentionRun(self.retention)

    @cached_property
    def jobs(self) -> JobService:
        from chalicelib.services.exports import job_kinds
        from chalicelib.services.jobs import JobService

        return JobService(self.files, self.settings.bucket_name, self.settings.jobs_queue_url, job_kinds(self))


@lru_cache(maxsize=1)
def services() -> Services:
    return Services(get_settings())


def reset() -> None:
    """Forget settings, services and clients (tests change the environment between apps)."""
    from chalicelib import secrets
    from chalicelib.services import audit, files, jobs, notifications, office_books, passwords

    services.cache_clear()
    secrets.reset()
    get_settings.cache_clear()
    passwords.reset()
    audit.connection.cache_clear()
    files.reset()
    jobs.reset()
    notifications.reset()
    office_books.reset()
