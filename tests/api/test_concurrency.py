"""Optimistic locking: two writers of one version, one wins and the other is told."""

from __future__ import annotations

import pytest

from chalicelib.errors import Conflict
from chalicelib.models import AuditEvent, Organisation
from chalicelib.principal import Principal
from chalicelib.services.audit import audit_event, commit

OFFICE = Principal("office-demo", "office", "office", None)


def test_second_writer_of_the_same_version_gets_a_conflict_and_writes_nothing(demo):
    org_id = next(
        iter(Organisation.listing_index.query("org", filter_condition=Organisation.type == "hospital"))
    ).org_id
    first, second = Organisation.get(org_id), Organisation.get(org_id)
    first.city = "苏州"
    commit(audit_event(OFFICE, "organisation.update", "organisation", org_id), saves=(first,))
    second.city = "扬州"
    before = AuditEvent.count(audit_event(OFFICE, "x", "y", "z").day)
    with pytest.raises(Conflict) as raised:
        commit(audit_event(OFFICE, "organisation.update", "organisation", org_id), saves=(second,))
    assert raised.value.code == "CONCURRENT_UPDATE" and raised.value.status == 409
    assert Organisation.get(org_id).city == "苏州"
    assert AuditEvent.count(audit_event(OFFICE, "x", "y", "z").day) == before, "no audit event for a lost write"
