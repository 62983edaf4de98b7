from __future__ import annotations

import pytest
from pynamodb.exceptions import AttributeNullError

from chalicelib.models import Attendance, Organisation, ScanRejection
from chalicelib.models.base import item_of

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
