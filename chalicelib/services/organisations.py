"""Organisations: creation with a unique name, the office's own, reading, listing and updating."""

from __future__ import annotations

import uuid

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import Conflict, Forbidden, NotFound
from chalicelib.models import NameClaim, Organisation
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.schemas.organisations import OrganisationCreate, OrganisationUpdate
from chalicelib.services.audit import audit_event, commit
from chalicelib.timeutil import to_iso, utc_now

_NAME_TAKEN = Conflict("ORGANISATION_NAME_TAKEN", "已存在同名机构", "name")


def snapshot(org: Organisation) -> dict:
    return {"name": org.name, "type": org.type, "city": org.city, "status": org.status}


def _name_claim(name: str, org_id: str) -> NameClaim:
    return NameClaim(claim=f"organisation#{name}", owner_id=org_id)


class OrganisationService:
    """Organisations: created and edited by the office, each visible to its own members."""

    def create(self, principal: Principal, data: OrganisationCreate) -> Organisation:
        if not principal.is_office:
            raise Forbidden("只有省继教办可以创建机构")
        now = to_iso(utc_now())
        org = Organisation(
            org_id=f"org-{uuid.uuid4().hex[:12]}",
            name=data.name,
            type=data.type,
            city=data.city,
            status="active",
            created_at=now,
            updated_at=now,
        )
        claim = _name_claim(data.name, org.org_id)
        commit(
            audit_event(principal, "organisation.create", "organisation", org.org_id, None, snapshot(org)),
            creates=((claim, NameClaim.claim.does_not_exist()), (org, Organisation.org_id.does_not_exist())),
            conflict=_NAME_TAKEN,
        )
        return org

    def ensure_office(self, name: str, city: str) -> Organisation:
        """The provincial office's own organisation, made on the installation's first call."""
        try:
            return self.load("office")
        except NotFound:
            pass
        now = to_iso(utc_now())
        org = Organisation(org_id="office", name=name, type="office", city=city, created_at=now, updated_at=now)
        org.save(condition=Organisation.org_id.does_not_exist())
        _name_claim(name, org.org_id).save()
        return org

    def get(self, principal: Principal, org_id: str) -> Organisation:
        if not principal.is_office and principal.org_id != org_id:
            raise NotFound("机构不存在")
        return self.load(org_id)

    def load(self, org_id: str) -> Organisation:
        try:
            return Organisation.get(org_id)
        except DoesNotExist:
            raise NotFound("机构不存在") from None

    def list(self, principal: Principal, q: str | None, limit: int, cursor: str | None) -> Page[Organisation]:
        if not principal.is_office:
            return Page(items=[self.load(principal.org_id)], next_cursor=None)
        start = decode_cursor(cursor, ("org_id", "listing", "created_at"), {"listing": "org"})
        condition = Organisation.name.contains(q) if q else None
        result = Organisation.listing_index.query(
            "org", scan_index_forward=False, filter_condition=condition, limit=limit, last_evaluated_key=start
        )
        items = list(result)
        return Page(items=items, next_cursor=encode_cursor(result.last_evaluated_key))

    def update(self, principal: Principal, org_id: str, data: OrganisationUpdate) -> Organisation:
        if not principal.is_office:
            raise Forbidden("只有省继教办可以修改机构")
        org = self.load(org_id)
        if org.type == "office" and data.type is not None:
            raise Forbidden("不能修改省继教办的机构类型")
        before = snapshot(org)
        old_name = org.name
        for field in ("name", "type", "city"):
            value = getattr(data, field)
            if value is not None:
                setattr(org, field, value)
        org.updated_at = to_iso(utc_now())
        creates: tuple = ()
        deletes: tuple = ()
        if org.name != old_name:
            creates = ((_name_claim(org.name, org.org_id), NameClaim.claim.does_not_exist()),)
            deletes = (_name_claim(old_name, org.org_id),)
        commit(
            audit_event(principal, "organisation.update", "organisation", org.org_id, before, snapshot(org)),
            creates=creates,
            saves=(org,),
            deletes=deletes,
            conflict=_NAME_TAKEN if creates else None,
        )
        return org
