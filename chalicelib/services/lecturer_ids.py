"""A lecturer's optional ID number on the execution report (issue #15 item 7), so 学员证书查询 finds the lecturer's
certificate: checked, then kept as attendees' numbers are (the console's mask, the keyed hash under the session's key,
a sealed copy), never in clear; a row sent back with its mask keeps the number registered before."""

from __future__ import annotations

from datetime import date
from typing import Any

from chalicelib.errors import ValidationFailed
from chalicelib.models import Session
from chalicelib.services import identity
from chalicelib.settings import Keyring

ID_FIELDS = ("id_masked", "person_key", "id_encrypted")


def lecturer_context(session_id: str, person_key: str) -> str:
    """What a lecturer's sealed ID number is bound to (its credit record keeps it to open the copy)."""
    return identity.record_context(session_id, f"lecturer#{person_key}")


def lecturer_rows(
    session: Session,
    lecturers: list[Any],
    before: list[dict[str, Any]],
    pii_keys: Keyring,
    id_keys: Keyring,
    today: date,
) -> list[dict[str, Any]]:
    """The report's lecturer rows to store (``schemas.credits.LecturerIn`` in): a typed ID number is checked and
    stored masked, hashed and sealed; a row without one but with the mask it was read with keeps the number of the
    earlier row of that name and mask; otherwise the row has no ID number."""
    rows = []
    for index, lecturer in enumerate(lecturers):
        row = lecturer.model_dump(exclude={"id_number", "id_masked"})
        field = f"lecturers.{index}.id_number"
        if lecturer.id_number:
            number = identity.parse_resident_id(lecturer.id_number, today, field).number
            person_key = identity.lookup_hash(number, pii_keys.key(session.pii_kid))
            row.update(
                id_masked=identity.mask_id(number),
                person_key=person_key,
                id_encrypted=identity.seal(number, id_keys, lecturer_context(session.session_id, person_key)),
            )
        elif lecturer.id_masked:
            kept = next(
                (b for b in before if b.get("id_masked") == lecturer.id_masked and b.get("name") == lecturer.name), None
            )
            if kept is None:
                raise ValidationFailed(
                    "LECTURER_ID_CHANGED", "授课人姓名或身份证号码已变更，请重新填写身份证号码", field
                )
            row.update({key: kept[key] for key in ID_FIELDS})
        rows.append(row)
    return rows


def id_fields(lecturer: dict[str, Any], session_id: str) -> dict[str, Any]:
    """A stored lecturer row's ID fields for its credit record (none without an ID number)."""
    person_key = lecturer.get("person_key")
    if not person_key:
        return {}
    return {
        "person_key": person_key,
        "id_masked": lecturer.get("id_masked"),
        "id_encrypted": lecturer.get("id_encrypted"),
        "id_context": lecturer_context(session_id, person_key),
    }
