"""The Chalice app: middleware, the authorizer and the blueprints of chalicelib/handlers (wiring only)."""

from chalice import Chalice

from chalicelib.api import chalice_errors
from chalicelib.authorizer import authorizer_blueprint
from chalicelib.handlers import (
    accounts,
    attendance,
    audit,
    auth,
    certificates,
    credits,
    drafts,
    jobs,
    meta,
    notifications,
    office_rules,
    organisations,
    person_credits,
    personal_data,
    projects,
    public,
    questionnaires,
    reports,
    retention,
    schedules,
    sessions,
)
from chalicelib.observability import lambda_invocation, request_logging

app = Chalice(app_name="cme-credits", configure_logs=False)  # logs are ours (observability.py)
app.register_middleware(lambda_invocation, "all")  # every function: Lambda context on logs, metrics flushed
app.register_middleware(request_logging, "http")
app.register_middleware(chalice_errors, "http")
app.register_blueprint(authorizer_blueprint)
for handlers in (
    meta,
    auth,
    organisations,
    accounts,
    audit,
    projects,
    public,
    sessions,
    notifications,
    attendance,
    questionnaires,
    credits,
    office_rules,
    drafts,
    certificates,
    person_credits,
    personal_data,
    reports,
    retention,
    schedules,
    jobs,
):
    app.register_blueprint(handlers.bp)
