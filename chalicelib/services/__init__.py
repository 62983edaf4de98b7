"""The rules, one module per area; a module loads when it is first read (``from chalicelib import services``)."""

from typing import TYPE_CHECKING

from chalicelib.lazy import submodules

# Type checkers do not run ``__getattr__``; they read every module from this list (one line each, re-exported;
# tests/unit/test_lazy_packages.py fails when one is missing). At run time none is imported here.
if TYPE_CHECKING:
    from chalicelib.services import accounts as accounts
    from chalicelib.services import aggregate_rules as aggregate_rules
    from chalicelib.services import aggregates as aggregates
    from chalicelib.services import attendance_close as attendance_close
    from chalicelib.services import attendance_console as attendance_console
    from chalicelib.services import attendance_rules as attendance_rules
    from chalicelib.services import attendance_signing as attendance_signing
    from chalicelib.services import audit as audit
    from chalicelib.services import audit_labels as audit_labels
    from chalicelib.services import batch_writes as batch_writes
    from chalicelib.services import bootstrap as bootstrap
    from chalicelib.services import budgets as budgets
    from chalicelib.services import certificate_pdf as certificate_pdf
    from chalicelib.services import certificates as certificates
    from chalicelib.services import corrections as corrections
    from chalicelib.services import credit_rule_book as credit_rule_book
    from chalicelib.services import credit_rules as credit_rules
    from chalicelib.services import deadlines as deadlines
    from chalicelib.services import disciplines as disciplines
    from chalicelib.services import drafts as drafts
    from chalicelib.services import excel as excel
    from chalicelib.services import execution_reports as execution_reports
    from chalicelib.services import exports as exports
    from chalicelib.services import files as files
    from chalicelib.services import fonts as fonts
    from chalicelib.services import grant_job as grant_job
    from chalicelib.services import grants as grants
    from chalicelib.services import identity as identity
    from chalicelib.services import jobs as jobs
    from chalicelib.services import lecturer_ids as lecturer_ids
    from chalicelib.services import ledger as ledger
    from chalicelib.services import listing as listing
    from chalicelib.services import login_guard as login_guard
    from chalicelib.services import mail as mail
    from chalicelib.services import materials as materials
    from chalicelib.services import name_grams as name_grams
    from chalicelib.services import name_index as name_index
    from chalicelib.services import notifications as notifications
    from chalicelib.services import office_books as office_books
    from chalicelib.services import organisations as organisations
    from chalicelib.services import passwords as passwords
    from chalicelib.services import person_credits as person_credits
    from chalicelib.services import personal_data as personal_data
    from chalicelib.services import poster as poster
    from chalicelib.services import project_excel as project_excel
    from chalicelib.services import projects as projects
    from chalicelib.services import qr_images as qr_images
    from chalicelib.services import questionnaire as questionnaire
    from chalicelib.services import regions as regions
    from chalicelib.services import reminders as reminders
    from chalicelib.services import reports as reports
    from chalicelib.services import retention as retention
    from chalicelib.services import retention_rules as retention_rules
    from chalicelib.services import retention_run as retention_run
    from chalicelib.services import scan_rejections as scan_rejections
    from chalicelib.services import schedule as schedule
    from chalicelib.services import schedule_runs as schedule_runs
    from chalicelib.services import selection as selection
    from chalicelib.services import selection_rules as selection_rules
    from chalicelib.services import session_lists as session_lists
    from chalicelib.services import session_materials as session_materials
    from chalicelib.services import sessions as sessions
    from chalicelib.services import text as text
    from chalicelib.services import tokens as tokens
    from chalicelib.services import workflow as workflow
    from chalicelib.services import workflow_tables as workflow_tables

__getattr__ = submodules(__name__)
