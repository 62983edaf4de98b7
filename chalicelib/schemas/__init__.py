"""Request and response models (pydantic), one module per area; a module loads when a route first reads it."""

from typing import TYPE_CHECKING

from chalicelib.lazy import submodules

# Type checkers do not run ``__getattr__``; they read every module from this list (one line each, re-exported;
# tests/unit/test_lazy_packages.py fails when one is missing). At run time none is imported here.
if TYPE_CHECKING:
    from chalicelib.schemas import accounts as accounts
    from chalicelib.schemas import attendance as attendance
    from chalicelib.schemas import audit as audit
    from chalicelib.schemas import certificates as certificates
    from chalicelib.schemas import common as common
    from chalicelib.schemas import credit_rules as credit_rules
    from chalicelib.schemas import credits as credits
    from chalicelib.schemas import disciplines as disciplines
    from chalicelib.schemas import drafts as drafts
    from chalicelib.schemas import jobs as jobs
    from chalicelib.schemas import organisations as organisations
    from chalicelib.schemas import person_credits as person_credits
    from chalicelib.schemas import personal_data as personal_data
    from chalicelib.schemas import projects as projects
    from chalicelib.schemas import reports as reports
    from chalicelib.schemas import retention as retention
    from chalicelib.schemas import sessions as sessions

__getattr__ = submodules(__name__)
