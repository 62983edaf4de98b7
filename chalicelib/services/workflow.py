"""The review workflows' machinery: one transition type, one way to check a step and one way to apply it.

Projects (provincial declaration), holding applications (sessions) and execution reports (report, selection,
credits) each have a ``Workflow`` in services/workflow_tables.py. The services keep their own side effects (a
project number, a QR secret, credit records); what a step is, who may take it, from where to where, how it is
audited and who is told lives only in the tables. Handler summaries, schema literals, audit labels and the
console's buttons derive from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from chalicelib.errors import AppError, Conflict, Forbidden, ValidationFailed
from chalicelib.observability import logger
from chalicelib.principal import Principal

if TYPE_CHECKING:
    from pynamodb.models import Model

Role = Literal["organizer", "admin", "office"]
# Who a notice goes to, relative to the item: its organisation's organizers (of its department), its organisation's
# administration, or the provincial office.
Audience = Literal["organizer", "admin", "office"]


@dataclass(frozen=True)
class Notice:
    """An in-app notification (and email) sent after a step commits; ``body`` is a ``str.format`` template. Several
    audiences get one notification together (one write, one email run), in the order given."""

    audience: Audience | tuple[Audience, ...]
    title: str
    body: str


@dataclass(frozen=True)
class Transition:
    """One step: ``role`` may take ``action`` on an item whose state is in ``sources``; it moves to ``target``.

    ``target`` None is a step that changes no state (editing a report, extending a deadline): it is checked the
    same way but writes what the service writes. ``label`` names the step in Chinese (buttons, refusals, the
    item's last review action); ``audit_action``/``audit_label`` are how the audit log records and shows it.
    """

    action: str
    role: Role
    sources: frozenset[str]
    target: str | None
    label: str
    audit_action: str
    audit_label: str
    needs_reason: bool = False
    notices: tuple[Notice, ...] = ()
    refusal: str | None = None  # the 409 message when the state is wrong, if not the workflow's
    summary: str | None = None  # the step route's summary, before the roles, if not ``audit_label``


@dataclass(frozen=True)
class Workflow:
    """A state machine: its states with Chinese labels and its transitions."""

    name: str
    noun: str  # the item in Chinese, as refusals name it
    states: Mapping[str, str]
    transitions: tuple[Transition, ...]
    refusal: str = "{noun}当前状态为“{current}”，不能执行“{label}”"
    # Every action the API may list for an item (steps and the services' own, e.g. edit, delete), in the order the
    # console shows them, with the button's text; web/src/shared/workflow.ts is generated from it.
    buttons: Mapping[str, str] = field(default_factory=dict)

    def actions_for(self, role: str, state: str | None) -> list[str]:
        """The actions ``role`` may take from ``state``, in table order, each once."""
        found: list[str] = []
        for transition in self.transitions:
            if transition.role == role and state in transition.sources and transition.action not in found:
                found.append(transition.action)
        return found

    def step(self, principal: Principal, action: str, state: str | None, reason: str | None = None) -> Transition:
        """The transition ``principal`` takes with ``action`` from ``state``.

        Raises Forbidden when the caller's role has no such action at all, Conflict ILLEGAL_TRANSITION when it
        does but not from this state, ValidationFailed REASON_REQUIRED when a reason is needed and missing.
        """
        mine = [t for t in self.transitions if t.action == action and t.role == principal.role]
        if not mine:
            raise Forbidden()
        transition = next((t for t in mine if state in t.sources), None)
        if transition is None:
            raise self.refused(mine[0], state)
        if transition.needs_reason and not (reason and reason.strip()):
            raise ValidationFailed("REASON_REQUIRED", "请填写理由", "reason")
        return transition

    def refused(self, transition: Transition, state: str | None) -> AppError:
        current = self.states.get(state or "", state or "")
        template = transition.refusal or self.refusal
        return Conflict("ILLEGAL_TRANSITION", template.format(noun=self.noun, current=current, label=transition.label))

    def by_audit_action(self) -> dict[str, str]:
        return {t.audit_action: t.audit_label for t in self.transitions}

    def actions(self) -> tuple[str, ...]:
        """Every action name of the machine, in table order (for schema literals and routes)."""
        return tuple(dict.fromkeys(t.action for t in self.transitions))

    def all_actions(self) -> tuple[str, ...]:
        """What the API may list in an item's ``actions``, in button order."""
        return tuple(self.buttons)

    def summary(self, action: str) -> str:
        """The OpenAPI summary of the step's route, e.g. "退回修改（行政用户或省继教办）"."""
        steps = [t for t in self.transitions if t.action == action]
        roles = "或".join(dict.fromkeys(ROLE_NAMES[t.role] for t in steps))
        return f"{steps[0].summary or steps[0].audit_label}（{roles}）"


# How route summaries name the roles.
ROLE_NAMES: Mapping[str, str] = {"organizer": "立项用户", "admin": "行政用户", "office": "省继教办"}


def apply(
    principal: Principal,
    transition: Transition,
    target_type: str,
    target_id: str,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    saves: tuple[Model, ...] = (),
    creates: tuple[tuple[Model, Any], ...] = (),
    updates: tuple[tuple[Model, list], ...] = (),
    deletes: tuple[Model, ...] = (),
    conflict: AppError | None = None,
    title: str | None = None,
) -> None:
    """Write a step: the changed items (each guarded by its version or condition) and its audit event, atomically.

    The caller has already set the new state on the items; notices go afterwards through ``announce``. ``title``
    names the target in the audit log (services/audit.py ``audit_event``).
    """
    from chalicelib.services.audit import audit_event, commit

    commit(
        audit_event(principal, transition.audit_action, target_type, target_id, before, after, title=title),
        saves=saves,
        creates=creates,
        updates=updates,
        deletes=deletes,
        conflict=conflict,
    )


def announce(
    transition: Transition,
    notify: Any,
    org_id: str,
    department: str | None,
    link: str,
    **fields: Any,
) -> None:
    """Send the step's notices; the step is committed, so a notice lost on the way is logged, never an error.

    ``notify`` is ``Notifier.notify``; ``fields`` fill the notices' templates. A template naming a field the service
    does not pass is a programming error and raises (every step's API test would show it).
    """
    from chalicelib.services.notifications import recipients

    for notice in transition.notices:
        title, body = notice.title.format(**fields), notice.body.format(**fields)
        try:
            accounts: list[Any] = []
            for audience in notice.audience if isinstance(notice.audience, tuple) else (notice.audience,):
                if audience == "office":
                    accounts += recipients("office", "office")
                elif audience == "admin":
                    accounts += recipients(org_id, "admin")
                else:
                    accounts += recipients(org_id, "organizer", department)
            notify(accounts, title, body, link)
        except Exception:  # noqa: BLE001 - see the docstring
            logger.exception("workflow notice failed", extra={"action": transition.audit_action})
