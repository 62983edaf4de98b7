"""The models: item_of writes what the model writes; Session's grouped fields are stored as if declared on it."""

from __future__ import annotations

import os

import boto3
import pytest
from pynamodb.attributes import Attribute
from pynamodb.exceptions import AttributeNullError

from chalicelib.models import Attendance, Organisation, ScanRejection, Session
from chalicelib.models.base import bind_tables, item_of
from chalicelib.models.session import ApplicationFields, AttendanceFields, CreditFields, ListingKeys

SIGNED_IN = {
    "session_id": "s-1",
    "attendee_key": "a" * 64 + "#2026-03-01",
    "person_key": "a" * 64,
    "day": "2026-03-01",
    "session_mobile": "s-1#2026-03-01#" + "b" * 64,
    "id_masked": "320102********0004",
    "id_encrypted": "v1.sealed",
    "name": "李学员",
    "gender": "female",
    "age": 66,
    "mobile_masked": "139****0001",
    "unit": "南京市示范医院",
    "department": "内科",
    "region": "南京",
    "grassroots": False,
    "title": "主治医师",
    "position": None,
    "education": "本科",
    "client_id": "phone-1",
    "signed_in_at": "2026-03-01T01:02:03.004Z",
}


@pytest.mark.parametrize(
    "values",
    [
        SIGNED_IN,
        {**SIGNED_IN, "day": None, "education": None, "client_id": None, "grassroots": True, "age": 30},
        {**SIGNED_IN, "hours": 1.5, "answers": {"q1": ["是"]}, "missing_sign_out": False},
    ],
)
def test_item_of_is_what_the_model_writes(values):
    assert item_of(Attendance, values) == Attendance(**values).serialize()


def test_item_of_refuses_what_the_model_refuses():
    without_name = {key: value for key, value in SIGNED_IN.items() if key != "name"}
    with pytest.raises(AttributeNullError):
        Attendance(**without_name).serialize()
    with pytest.raises(AttributeNullError):
        item_of(Attendance, without_name)
    with pytest.raises(ValueError, match="colour"):
        item_of(Attendance, {**SIGNED_IN, "colour": "red"})


@pytest.mark.parametrize("model", [ScanRejection, Organisation])
def test_item_of_refuses_models_whose_save_would_fill_defaults_or_versions(model):
    with pytest.raises(TypeError, match="use save"):
        item_of(model, {})


# --- Session's field groups -------------------------------------------------------------------------------------
# Session inherits its workflows' fields from plain mixins; pynamodb must collect them as if declared on Session (same
# names in the stored item, no nesting), or a pynamodb upgrade would silently drop fields from every write.

SESSION_ATTRIBUTES = {
    # identity and scope (Session itself)
    "session_id", "project_id", "seq", "project_number", "project_name", "project_level", "leader", "credits",
    "org_id", "org_name", "department", "year_key", "sort_key", "created_by", "created_at", "updated_at", "version",
    # ApplicationFields
    "venue", "start_date", "end_date", "schedule", "teaching_hours", "planned_attendees", "remark", "materials",
    "status", "review_org_name", "review_action", "review_reason",
    # AttendanceFields
    "qr_secret", "pii_kid", "attendance", "questionnaire", "attendance_open", "attendance_due",
    "attendance_closed_through", "attendance_close_cursor", "details_removed_at",
    # CreditFields
    "required_hours", "rule_version", "rule_day", "report_status", "deadline_open", "deadline_due", "deadline_kind",
    "admin_submitted_on", "extension", "granted_at",
    # ListingKeys (derived on save)
    "org_dept", "year_status", "org_status", "year_report", "org_report",
}  # fmt: skip


def test_session_has_every_field_of_its_groups_under_its_own_name():
    attributes = Session.get_attributes()
    assert attributes.keys() == SESSION_ATTRIBUTES
    for group in (ApplicationFields, AttendanceFields, CreditFields, ListingKeys):
        declared = {name: value for name, value in vars(group).items() if isinstance(value, Attribute)}
        assert declared, group
        for name, attribute in declared.items():
            assert attributes[name] is attribute
            assert attribute.attr_name == name
    assert (Session._hash_keyname, Session._range_keyname) == ("session_id", None)


def _session() -> Session:
    return Session(
        session_id="s-groups",
        project_id="p-1",
        seq=1,
        project_number="2026-03-01-001",
        project_name="急性胸痛规范化诊治",
        project_level="provincial",
        leader="张主任",
        credits=5,
        org_id="org-1",
        org_name="南京示范医院",
        department="心血管内科",
        year_key="2026",
        sort_key="2026-03-01#s-groups",
        created_by="organizer-demo",
        created_at="2026-02-01T00:00:00.000Z",
        updated_at="2026-02-01T00:00:00.000Z",
        # one field of each group, the last two keys of the sparse indexes
        venue="南京示范医院报告厅",
        start_date="2026-03-01",
        end_date="2026-03-02",
        schedule=[{"date": "2026-03-01", "start": "08:00", "end": "12:00", "topic": "胸痛"}],
        teaching_hours=8,
        planned_attendees=100,
        status="approved",
        qr_secret="secret-1",
        attendance_open="open",
        attendance_due="2026-03-02T10:00:00.000Z",
        required_hours=4,
        deadline_open="open",
        deadline_due="2026-03-16",
        deadline_kind="admin",
    )


def test_a_session_round_trips_with_its_grouped_fields_stored_flat(aws):
    bind_tables(os.environ["TABLE_PREFIX"])
    _session().save()

    raw = boto3.client("dynamodb").get_item(TableName=Session.Meta.table_name, Key={"session_id": {"S": "s-groups"}})
    item = raw["Item"]
    assert item["venue"] == {"S": "南京示范医院报告厅"}  # application
    assert item["qr_secret"] == {"S": "secret-1"}  # attendance
    assert item["deadline_due"] == {"S": "2026-03-16"}  # credits
    assert item["materials"] == {"S": "{}"}  # a group's default is filled in on save
    assert item.keys() <= SESSION_ATTRIBUTES

    assert item["year_status"] == {"S": "2026#approved"} and item["org_dept"] == {"S": "org-1#心血管内科"}  # derived

    read = Session.get("s-groups")
    derived = {"org_dept": "org-1#心血管内科", "year_status": "2026#approved", "org_status": "org-1#approved"}
    assert read.attribute_values == _session().attribute_values | {"materials": {}, "version": 1} | derived
    assert [s.session_id for s in Session.deadline_index.query("open")] == ["s-groups"]
    assert [s.session_id for s in Session.due_index.query("open")] == ["s-groups"]
