"""Holding applications (举办申请): preparation, the review steps (the table is
workflow_tables.SESSION) with what approval sets up (QR secret, questionnaire, attendance, the report and its first
deadline), lists and timeline."""

from __future__ import annotations

import builtins
import secrets
import uuid
from typing import Any

from pynamodb.expressions.condition import Condition

from chalicelib.errors import Conflict, Forbidden, ValidationFailed
from chalicelib.models import AuditEvent, NameClaim, Project, Session
from chalicelib.paging import Page
from chalicelib.principal import Principal
from chalicelib.schemas.sessions import SessionCreate, SessionFields, SessionQuery
from chalicelib.services import audit, credit_rule_book, deadlines, drafts, listing, name_index, session_lists
from chalicelib.services import materials as material_rules
from chalicelib.services.attendance_rules import AttendancePlan, Teaching, plan_windows, session_windows
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.files import UploadStore
from chalicelib.services.notifications import Notifier
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.projects import ProjectService, load_scoped, number_display
from chalicelib.services.questionnaire import QuestionnaireService
from chalicelib.services.schedule import Block, check_in_year, check_schedule, serialise
from chalicelib.services.workflow import announce, apply
from chalicelib.services.workflow_tables import SESSION
from chalicelib.settings import Keyring
from chalicelib.timeutil import china_today, to_iso, utc_now


def session_title(session: Session) -> str:
    """The session as notices and reminders name it: 项目名（第N期）."""
    return f"{session.project_name}（第{int(session.seq)}期）"


def audit_title(session: Session) -> str:
    """The session as the audit log names it (services/audit.py): 项目名 · 第N期."""
    return audit.session_title(session.project_name, session.seq)


def session_review_reason(session: Session) -> str:
    if session.review_action is None:
        return SESSION.states[session.status] if session.status != "draft" else "未上报"
    text = session.review_action + (f"：{session.review_reason}" if session.review_reason else "")
    return f"{session.review_org_name}[{text}]"


def snapshot(session: Session) -> dict[str, Any]:
    fields = (
        "seq",
        "venue",
        "start_date",
        "end_date",
        "planned_attendees",
        "remark",
        "status",
        "review_action",
        "review_reason",
    )
    data = {field: getattr(session, field) for field in fields}
    data["materials"] = {kind: m["filename"] for kind, m in (session.materials or {}).items()}
    data["schedule_blocks"] = len(session.schedule or [])
    return data


def _blocks(data: SessionFields) -> list[Block]:
    return [Block(b.date, b.start, b.end, b.topic, b.lecturer, b.hours) for b in data.schedule]


class SessionService:
    """Holding applications: preparation, the review chain, lists, timeline and notifications (materials:
    session_materials)."""

    def __init__(
        self,
        projects: ProjectService,
        organisations: OrganisationService,
        uploads: UploadStore,
        notifier: Notifier,
        questionnaires: QuestionnaireService,
        pii_keys: Keyring | None = None,
    ) -> None:
        self._pii_keys = pii_keys  # its current key id (read at approval: a rotation applies) is fixed on each session
        self._projects = projects
        self._questionnaires = questionnaires
        self._organisations = organisations
        self._uploads = uploads
        self._notifier = notifier

    # --- reading ------------------------------------------------------------------------------

    def get(self, principal: Principal, session_id: str) -> Session:
        return load_scoped(Session, session_id, principal, "举办申请不存在")

    def can_see(self, principal: Principal, session: Session) -> bool:
        return principal.can_see(session.org_id, session.department)

    def actions(self, principal: Principal, session: Session) -> list[str]:
        """What the caller may do with the application now: edit, upload and delete, then its review steps."""
        allowed: list[str] = []
        mine = principal.role == "organizer" and self.can_see(principal, session)
        if mine and session.status in ("draft", "returned"):
            allowed += ["edit", "upload"]
        if mine and session.status == "draft":
            allowed.append("delete")
        if self.can_see(principal, session):
            allowed += SESSION.actions_for(principal.role, session.status)
        return allowed

    def list(self, principal: Principal, query: SessionQuery) -> Page[Session]:
        """The caller's applications, newest first, one page in at most ``listing.MAX_QUERY_CALLS`` calls: each
        common filter (status or credit state per scope, department) has its own index, and a name search reads the
        word index (``list_plan``)."""
        return listing.page(Session, self.list_plan(principal, query), query.limit, query.cursor)

    def list_plan(self, principal: Principal, query: SessionQuery) -> session_lists.Lookup:
        """Where a list reads: the scope (a project, the office's year, an organisation, a department) and the
        filters pick the index whose partition holds only what matches, where one exists."""
        if query.project_id:
            project = self._projects.get(principal, query.project_id)
            scope: builtins.list[Condition] = []
            if principal.role == "organizer":
                scope = [Session.org_id == principal.org_id, Session.department == (principal.department or "")]
            elif principal.is_admin:
                scope = [Session.org_id == principal.org_id]
            keys, fixed = ("session_id", "project_id", "seq"), {"project_id": project.project_id}
            filters = scope + session_lists.residual(query)
            return listing.Plan(Session, Session.project_index, project.project_id, keys, fixed, filters=filters)
        if principal.is_office and not query.org_id:
            return session_lists.year_plan(str(query.year or china_today(utc_now()).year), query)
        if not principal.is_office and query.org_id not in (None, principal.org_id):
            raise Forbidden("只能查看本单位的举办申请")
        org_id = query.org_id if principal.is_office and query.org_id else principal.org_id
        department = (principal.department or "") if principal.role == "organizer" else None
        return session_lists.organisation_plan(org_id, department, query)

    def timeline(self, principal: Principal, session_id: str) -> builtins.list[AuditEvent]:
        self.get(principal, session_id)
        return list(AuditEvent.target_index.query(f"session#{session_id}"))

    # --- preparing ----------------------------------------------------------------------------

    def create(self, principal: Principal, project_id: str, data: SessionCreate) -> Session:
        project = self._projects.get(principal, project_id)
        if principal.role != "organizer":
            raise Forbidden("只有立项用户可以申请举办")
        if project.status != "approved":
            raise Conflict("PROJECT_NOT_PUBLISHED", "项目尚未公布，不能申请举办")
        if data.seq > project.planned_sessions:
            raise ValidationFailed("SEQ_OUT_OF_RANGE", f"该项目计划举办{int(project.planned_sessions)}期", "seq")
        check_in_year(data.start_date, data.end_date, int(project.year))
        blocks = _blocks(data)
        check_schedule(data.start_date, data.end_date, blocks)
        now = to_iso(utc_now())
        session_id = f"ses-{uuid.uuid4().hex[:16]}"
        session = Session(
            session_id=session_id,
            project_id=project.project_id,
            seq=data.seq,
            project_number=number_display(project),
            project_name=project.name,
            project_level=project.level,
            leader=project.leader,
            credits=project.credits,
            org_id=project.org_id,
            org_name=project.org_name,
            department=project.department,
            year_key=str(data.start_date.year),
            sort_key=f"{data.start_date.isoformat()}#{session_id}",
            status="draft",
            materials={},
            created_by=principal.username,
            created_at=now,
            updated_at=now,
        )
        self._apply(session, data, blocks)
        claim = NameClaim(claim=f"session#{project.project_id}#{data.seq}", owner_id=session_id)
        commit(
            audit_event(
                principal, "session.create", "session", session_id, None, snapshot(session), title=audit_title(session)
            ),
            creates=((claim, NameClaim.claim.does_not_exist()), (session, Session.session_id.does_not_exist())),
            deletes=drafts.clearing(drafts.new_session_key(project.project_id, principal.username)),
            updates=((project, [Project.sessions_count.add(1)]),),
            conflict=Conflict("SEQ_TAKEN", f"第{data.seq}期已存在", "seq"),
        )
        name_index.sync([(None, name_index.of_session(session))])
        return session

    def update(self, principal: Principal, session_id: str, data: SessionFields) -> Session:
        session = self.editable(principal, session_id)
        check_in_year(data.start_date, data.end_date, int(Project.get(session.project_id).year))
        blocks = _blocks(data)
        check_schedule(data.start_date, data.end_date, blocks)
        before, indexed = snapshot(session), name_index.of_session(session)
        self._apply(session, data, blocks)
        session.year_key = str(data.start_date.year)
        session.sort_key = f"{data.start_date.isoformat()}#{session.session_id}"
        self.save(principal, session, "session.update", before, drafts.clearing(drafts.session_key(session_id)))
        name_index.sync([(indexed, name_index.of_session(session))])  # the sort key follows the start date
        return session

    def delete(self, principal: Principal, session_id: str) -> None:
        session = self._owned(principal, session_id)
        if session.status != "draft":
            raise Conflict("SESSION_NOT_DRAFT", "只有未上报的举办申请可以删除")
        claim = NameClaim(claim=f"session#{session.project_id}#{int(session.seq)}", owner_id=session.session_id)
        project = Project.get(session.project_id)
        commit(
            audit_event(
                principal, "session.delete", "session", session_id, snapshot(session), None, title=audit_title(session)
            ),
            deletes=(session, claim),
            updates=((project, [Project.sessions_count.add(-1)]),),
        )
        name_index.sync([(name_index.of_session(session), None)])
        for material in (session.materials or {}).values():
            self._uploads.discard(material)

    @staticmethod
    def _apply(session: Session, data: SessionFields, blocks: builtins.list[Block]) -> None:
        session.venue = data.venue
        session.start_date = data.start_date.isoformat()
        session.end_date = data.end_date.isoformat()
        session.schedule = serialise(blocks)
        session.teaching_hours = sum(block.hours for block in blocks)
        session.planned_attendees = data.planned_attendees
        session.remark = data.remark
        rule = credit_rule_book.of_session(session)  # not yet approved: the version in force today
        required = data.required_hours if data.required_hours is not None else session.teaching_hours
        rule.check_required_hours(session.project_level, required, float(session.teaching_hours))
        session.required_hours = required
        plan = AttendancePlan(**data.attendance.model_dump())
        plan_windows([Teaching(b.starts_at, b.ends_at, b.hours) for b in blocks], plan)
        session.attendance = plan.dump()
        session.updated_at = to_iso(utc_now())

    # --- review -------------------------------------------------------------------------------

    def transition(self, principal: Principal, session_id: str, action: str, reason: str | None = None) -> Session:
        """Apply one step of workflow_tables.SESSION; illegal steps answer 409, lost races 409 too."""
        session = self.get(principal, session_id)
        transition = SESSION.step(principal, action, session.status, reason)
        if action == "submit":
            missing = [material_rules.KIND_LABELS[k] for k in material_rules.ALLOWED if k not in session.materials]
            if missing:
                raise ValidationFailed("MATERIALS_MISSING", f"请先上传{'和'.join(missing)}", "materials")
        if action in ("submit", "approve"):  # the version in force today may have changed since the form was saved
            _check_required_hours(session, "请修改规定学时后再提交" if action == "submit" else "请退回立项用户修改")
        before, indexed = snapshot(session), name_index.of_session(session)
        session.status = transition.target
        if action == "approve":
            session.qr_secret = secrets.token_urlsafe(32)
            session.pii_kid = self._pii_keys.current if self._pii_keys is not None else None
            session.questionnaire = self._questionnaires.current()
            session.attendance_open = "open"
            session.attendance_due = to_iso(next(w.closes for w in session_windows(session) if w.kind == "out"))
            session.report_status = "pending"
            credit_rule_book.pin(session)
            deadlines.open_admin_term(session, credit_rule_book.of_session(session).admin_deadline_days)
        if action == "submit":
            session.review_action = session.review_reason = session.review_org_name = None
        else:
            session.review_action = transition.label
            session.review_reason = reason if transition.needs_reason else None
            session.review_org_name = self._organisations.load(principal.org_id).name
        session.updated_at = to_iso(utc_now())
        cleared = drafts.clearing(drafts.session_key(session_id)) if action == "submit" else ()
        apply(
            principal,
            transition,
            "session",
            session_id,
            before,
            snapshot(session),
            saves=(session,),
            deletes=cleared,
            title=audit_title(session),
        )
        name_index.sync([(indexed, name_index.of_session(session))])  # entries carry the status
        announce(
            transition,
            self._notifier.notify,
            session.org_id,
            session.department,
            f"/sessions/{session.session_id}",
            subject=session_title(session),
            org_name=session.org_name,
            reason=session.review_reason,
        )
        if action == "approve":
            from chalicelib.services import aggregates  # the sign-in path, which loads this module, never needs it

            aggregates.settle_after_step(session)  # counted as held in its year from approval on
        return session

    # --- helpers ------------------------------------------------------------------------------

    def _owned(self, principal: Principal, session_id: str) -> Session:
        session = self.get(principal, session_id)
        if principal.role != "organizer":
            raise Forbidden("只有立项用户可以修改举办申请")
        return session

    def editable(self, principal: Principal, session_id: str) -> Session:
        """The session, if the caller may change it: its organiser, while it is a draft or returned."""
        session = self._owned(principal, session_id)
        if session.status not in ("draft", "returned"):
            raise Conflict("SESSION_LOCKED", "举办申请已提交，不能修改")
        return session

    @staticmethod
    def save(principal: Principal, session: Session, action: str, before: dict[str, Any], deletes: Any = ()) -> None:
        """Write the session with its audit event (``before``: its snapshot before the change)."""
        event = audit_event(
            principal, action, "session", session.session_id, before, snapshot(session), title=audit_title(session)
        )
        commit(event, saves=(session,), deletes=deletes)  # ``deletes``: the form's draft, cleared by a save


def _check_required_hours(session: Session, then: str) -> None:
    """规定学时 within the bounds of the version in force today (the one an approval today pins)."""
    rule = credit_rule_book.in_force()
    required = session.required_hours if session.required_hours is not None else session.teaching_hours
    try:
        rule.check_required_hours(session.project_level, float(required), float(session.teaching_hours))
    except ValidationFailed as error:
        raise ValidationFailed(
            error.code, f"按今日施行的“{rule.version}”版学分规则，{error.message}，{then}", error.field
        ) from None
