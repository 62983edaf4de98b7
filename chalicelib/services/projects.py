"""Project catalog: national entry, provincial declaration and its review steps (the table is
workflow_tables.PROJECT), the provincial number drawn at approval, scoped and public lists."""

from __future__ import annotations

import builtins
import uuid
from typing import Any

from pydantic import ValidationError
from pynamodb.exceptions import DoesNotExist
from pynamodb.expressions.condition import Condition
from pynamodb.indexes import GlobalSecondaryIndex

from chalicelib.errors import Conflict, Forbidden, NotFound, ValidationFailed
from chalicelib.models import Counter, NameClaim, Project
from chalicelib.paging import Page
from chalicelib.principal import Principal
from chalicelib.schemas.projects import (
    NationalProjectCreate,
    ProjectFields,
    ProjectQuery,
    ProjectUpdate,
    ProvincialProjectCreate,
    PublicProjectQuery,
)
from chalicelib.services import disciplines, listing, name_index
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.name_grams import PROJECT_LEADER, PROJECT_NAME
from chalicelib.services.organisations import OrganisationService
from chalicelib.services.workflow import apply
from chalicelib.services.workflow_tables import PROJECT
from chalicelib.timeutil import china_today, to_iso, utc_now
from chalicelib.validation import validation_error

LEVEL_SUFFIX = {"national": "(国)", "provincial": "(省)"}
NATURE_LABELS = {"declared": "申报项目", "filed": "备案项目"}
# Code of a provincial number between year and discipline; its meaning is not documented publicly.
PROVINCIAL_INFIX = "48"


_NUMBER_ATTEMPTS = 20
_NUMBER_TAKEN = Conflict("PROJECT_NUMBER_TAKEN", "该项目编号已存在", "number")


def number_claim(number: str, project_id: str) -> NameClaim:
    return NameClaim(claim=f"project-number#{number}", owner_id=project_id)


def number_display(project: Project) -> str:
    return f"{project.number}{LEVEL_SUFFIX[project.level]}" if project.number else ""


def review_reason(project: Project) -> str:
    if project.status == "draft":
        return "未上报"
    if project.review_action is None:
        return "已录入" if project.level == "national" else PROJECT.states[project.status]
    text = project.review_action + (f"：{project.review_reason}" if project.review_reason else "")
    return f"{project.review_org_name}[{text}]"


def editable(project: Project) -> bool:
    # National projects are entered by their organizer and stay editable until a session is applied for
    # (sessions copy the project's number, name, leader and credits).
    if project.level == "national":
        return not project.sessions_count
    return project.status in ("draft", "returned")


def snapshot(project: Project) -> dict[str, Any]:
    fields = (
        "level",
        "number",
        "year",
        "name",
        "discipline_code",
        "leader",
        "credits",
        "nature",
        "planned_sessions",
        "status",
        "review_action",
        "review_reason",
    )
    return {field: getattr(project, field) for field in fields}


def sort_key(year: int, created_at: str, project_id: str) -> str:
    return f"{year}#{created_at}#{project_id}"


def _plan(index: GlobalSecondaryIndex[Project], partition: str, hash_name: str, **more: Any) -> listing.Plan[Project]:
    keys = ("project_id", hash_name, "sort_key")
    return listing.Plan(Project, index, partition, keys, {hash_name: partition}, **more)


def _name_search(query: ProjectQuery, year: str | None, **scope: str | None) -> name_index.Search:
    terms = tuple((ns, text) for ns, text in ((PROJECT_NAME, query.name), (PROJECT_LEADER, query.leader)) if text)
    equal = {"level": query.level, "status": query.status, **scope}
    filters = tuple((field, value) for field, value in equal.items() if value is not None)
    return name_index.Search(terms, f"{year}#" if year else None, filters)


def _list_plan(
    org_id: str | None, department: str | None, query: ProjectQuery
) -> listing.Plan[Project] | name_index.Search:
    """Where a project list reads: a name or leader search in the word index; else the office's year (or one
    organisation), an organisation, or a department, by status where an index has it; a year within an organisation
    is a range condition (sort keys start with it)."""
    searched = ProjectService.filters(query.level, query.name, query.leader)
    status = [Project.status == query.status] if query.status else []
    if org_id is None:
        year = str(query.year or china_today(utc_now()).year)
        if query.name or query.leader:
            return _name_search(query, year)
        if query.status:
            return _plan(Project.year_status_index, f"{year}#{query.status}", "year_status", filters=searched)
        return _plan(Project.year_index, year, "year_key", filters=searched)
    if query.name or query.leader:
        within = str(query.year) if query.year is not None else None
        return _name_search(query, within, org_id=org_id, department=department)
    years = Project.sort_key.startswith(f"{query.year}#") if query.year is not None else None
    if department is not None:
        partition = f"{org_id}#{department}"
        return _plan(Project.dept_index, partition, "org_dept", range_condition=years, filters=status + searched)
    if query.status:
        partition = f"{org_id}#{query.status}"
        return _plan(Project.org_status_index, partition, "org_status", range_condition=years, filters=searched)
    return _plan(Project.org_index, org_id, "org_id", range_condition=years, filters=searched)


class ProjectService:
    """Project catalog: national entry, provincial declaration and review, scoped lists."""

    def __init__(self, organisations: OrganisationService) -> None:
        self._organisations = organisations

    # --- reading ------------------------------------------------------------------------------

    def get(self, principal: Principal, project_id: str) -> Project:
        return load_scoped(Project, project_id, principal, "项目不存在")

    def can_see(self, principal: Principal, project: Project) -> bool:
        return principal.can_see(project.org_id, project.department)

    def actions(self, principal: Principal, project: Project) -> list[str]:
        """What the caller may do with the project now: edit and delete, then the review steps it may take."""
        allowed = []
        if principal.role == "organizer" and self.can_see(principal, project) and editable(project):
            allowed += ["edit", "delete"]
        if project.level == "provincial" and self.can_see(principal, project):
            allowed += PROJECT.actions_for(principal.role, project.status)
        return allowed

    def list(self, principal: Principal, query: ProjectQuery) -> Page[Project]:
        """The caller's projects, newest first, one page in at most ``listing.MAX_QUERY_CALLS`` calls: status per
        scope and department have their own indexes, a name or leader search reads the word index."""
        if principal.is_office:
            org_id, department = query.org_id, None
        else:
            if query.org_id not in (None, principal.org_id):
                raise Forbidden("只能查看本单位的项目")
            org_id = principal.org_id
            department = (principal.department or "") if principal.role == "organizer" else None
        return listing.page(Project, _list_plan(org_id, department, query), query.limit, query.cursor)

    def search_public(self, query: PublicProjectQuery) -> Page[Project]:
        """Published projects of a year in number order, one page in at most ``listing.MAX_QUERY_CALLS`` calls (a
        page whose filters matched little comes back short, with a cursor)."""
        year = str(query.year or china_today(utc_now()).year)
        conditions = self.filters(query.level, query.name, query.leader)
        if query.organisation:
            conditions.append(Project.org_name.contains(query.organisation))
        if query.discipline:
            conditions.append(Project.discipline_code.startswith(query.discipline))
        keys = ("project_id", "public_year", "number")
        plan = listing.Plan(Project, Project.public_index, year, keys, {"public_year": year}, None, conditions, True)
        return listing.run(plan, query.limit, query.cursor)

    @staticmethod
    def filters(level: str | None, name: str | None, leader: str | None) -> builtins.list[Condition]:
        conditions: builtins.list[Condition] = []
        if level:
            conditions.append(Project.level == level)
        if name:
            conditions.append(Project.name.contains(name))
        if leader:
            conditions.append(Project.leader.contains(leader))
        return conditions

    # --- writing ------------------------------------------------------------------------------

    def create_national(self, principal: Principal, data: NationalProjectCreate) -> Project:
        project = self._new(principal, data, "national", status="approved", number=data.number)
        commit(
            audit_event(principal, "project.create", "project", project.project_id, None, snapshot(project)),
            creates=(
                (number_claim(data.number, project.project_id), NameClaim.claim.does_not_exist()),
                (project, Project.project_id.does_not_exist()),
            ),
            conflict=_NUMBER_TAKEN,
        )
        name_index.sync([(None, name_index.of_project(project))])
        return project

    def create_provincial(self, principal: Principal, data: ProvincialProjectCreate) -> Project:
        project = self._new(principal, data, "provincial", status="draft", number=None)
        project.plan = data.plan
        commit(
            audit_event(principal, "project.create", "project", project.project_id, None, snapshot(project)),
            creates=((project, Project.project_id.does_not_exist()),),
        )
        name_index.sync([(None, name_index.of_project(project))])
        return project

    def _new(self, principal: Principal, data: ProjectFields, level: str, status: str, number: str | None) -> Project:
        if principal.role != "organizer":
            raise Forbidden("只有立项用户可以录入或申报项目")
        disciplines.check_in_use(data.discipline_code)
        organisation = self._organisations.load(principal.org_id)
        return build_project(
            data,
            level=level,
            status=status,
            number=number,
            org_id=principal.org_id,
            org_name=organisation.name,
            department=principal.department or "",
            created_by=principal.username,
        )

    def update(self, principal: Principal, project_id: str, data: ProjectUpdate) -> Project:
        project = self._owned(principal, project_id)
        if not editable(project):
            raise Conflict("PROJECT_LOCKED", "项目已提交，不能修改")
        changes = data.model_dump(exclude_unset=True, exclude_none=True)
        if not changes:
            raise ValidationFailed("VALIDATION_FAILED", "至少修改一项")
        if project.level == "provincial" and "number" in changes:
            raise Forbidden("省级项目编号由省继教办审核时生成")
        if changes.get("discipline_code", project.discipline_code) != project.discipline_code:
            disciplines.check_in_use(changes["discipline_code"])  # an old project keeps a retired code
        if project.level == "national" and "plan" in changes:
            changes.pop("plan")
        before, indexed = snapshot(project), name_index.of_project(project)
        old_number = project.number
        for field, value in changes.items():
            setattr(project, field, value)
        if project.level == "national":
            fields = ("year", "number", "name", "discipline_code", "leader", "credits", "nature", "planned_sessions")
            try:
                NationalProjectCreate.model_validate({k: getattr(project, k) for k in fields})
            except ValidationError as error:
                raise validation_error(NationalProjectCreate, error) from None
            project.public_year = str(project.year)
        project.year_key = str(project.year)
        project.sort_key = sort_key(int(project.year), project.created_at, project.project_id)
        project.updated_at = to_iso(utc_now())
        creates: tuple = ()
        deletes: tuple = ()
        if project.number != old_number:
            creates = ((number_claim(project.number, project.project_id), NameClaim.claim.does_not_exist()),)
            deletes = (number_claim(old_number, project.project_id),)
        commit(
            audit_event(principal, "project.update", "project", project.project_id, before, snapshot(project)),
            creates=creates,
            saves=(project,),
            deletes=deletes,
            conflict=_NUMBER_TAKEN,
        )
        name_index.sync([(indexed, name_index.of_project(project))])
        return project

    def delete(self, principal: Principal, project_id: str) -> None:
        project = self._owned(principal, project_id)
        if not editable(project):
            raise Conflict("PROJECT_LOCKED", "项目已提交，不能删除")
        deletes: tuple = (project,)
        if project.number:
            deletes += (number_claim(project.number, project.project_id),)
        commit(
            audit_event(principal, "project.delete", "project", project.project_id, snapshot(project), None),
            deletes=deletes,
        )
        name_index.sync([(name_index.of_project(project), None)])

    def _owned(self, principal: Principal, project_id: str) -> Project:
        project = self.get(principal, project_id)
        if principal.role != "organizer":
            raise Forbidden("只有项目所属的立项用户可以修改或删除项目")
        return project

    def transition(self, principal: Principal, project_id: str, action: str, reason: str | None = None) -> Project:
        """Move a provincial declaration along its review chain (workflow_tables.PROJECT); illegal moves answer 409."""
        project = self.get(principal, project_id)
        transition = PROJECT.step(principal, action, project.status, reason)
        if project.level != "provincial":
            raise PROJECT.refused(transition, project.status)
        before, indexed = snapshot(project), name_index.of_project(project)
        creates: tuple = ()
        reviewed = action != "declare"  # declaring anew clears the last review
        project.status = transition.target
        project.review_action = transition.label if reviewed else None
        project.review_reason = reason if transition.needs_reason else None
        project.review_org_name = self._organisations.load(principal.org_id).name if reviewed else None
        project.updated_at = to_iso(utc_now())
        # A generated number may already be taken by an imported project: draw the next one.
        for _ in range(_NUMBER_ATTEMPTS if action == "approve" else 1):
            if action == "approve":
                project.number = self._next_provincial_number(project)
                project.public_year = str(project.year)
                creates = ((number_claim(project.number, project.project_id), NameClaim.claim.does_not_exist()),)
            try:
                apply(
                    principal,
                    transition,
                    "project",
                    project.project_id,
                    before,
                    snapshot(project),
                    creates=creates,
                    saves=(project,),
                    conflict=_NUMBER_TAKEN,
                )
                name_index.sync([(indexed, name_index.of_project(project))])  # entries carry the status
                return project
            except Conflict as error:
                if error is not _NUMBER_TAKEN:
                    raise
        raise Conflict("NUMBER_EXHAUSTED", "无法生成项目编号，请联系系统管理员")

    def _next_provincial_number(self, project: Project) -> str:
        discipline = project.discipline_code.replace("-", "")
        counter = Counter(f"provincial-number#{project.year}#{discipline}")
        counter.update(actions=[Counter.value.add(1)])
        if counter.value > 999:
            raise Conflict("NUMBER_EXHAUSTED", "该学科本年度的省级项目编号已用完，请联系系统管理员")
        return f"{project.year}{PROVINCIAL_INFIX}{discipline}{int(counter.value):03d}"


def load_scoped(model: type[Any], key: str, principal: Principal, missing: str) -> Any:
    """An item with ``org_id`` and ``department`` the caller may see; anything else is “not found”."""
    try:
        item = model.get(key)
    except DoesNotExist:
        raise NotFound(missing) from None
    if not principal.can_see(item.org_id, item.department):
        raise NotFound(missing)
    return item


def build_project(
    data: ProjectFields,
    *,
    level: str,
    status: str,
    number: str | None,
    org_id: str,
    org_name: str,
    department: str,
    created_by: str,
) -> Project:
    """A new project item; published at once when approved."""
    now = to_iso(utc_now())
    project_id = f"prj-{uuid.uuid4().hex[:16]}"
    return Project(
        project_id=project_id,
        level=level,
        number=number,
        year=data.year,
        year_key=str(data.year),
        sort_key=sort_key(data.year, now, project_id),
        name=data.name,
        discipline_code=data.discipline_code,
        leader=data.leader,
        credits=data.credits,
        nature=data.nature,
        planned_sessions=data.planned_sessions,
        org_id=org_id,
        org_name=org_name,
        department=department,
        status=status,
        public_year=str(data.year) if status == "approved" else None,
        created_by=created_by,
        created_at=now,
        updated_at=now,
    )


def discipline_label(code: str) -> str:
    return disciplines.label(code) or code
