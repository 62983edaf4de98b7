from __future__ import annotations

from datetime import date, time

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.services import materials
from chalicelib.services.schedule import Block, check_schedule, serialise

D1, D2 = date(2026, 12, 10), date(2026, 12, 11)


def block(day=D1, start=(8, 30), end=(11, 30), hours=3.0):
    return Block(day, time(*start), time(*end), "主题", "讲者", hours)


def test_back_to_back_blocks_are_fine_and_sorted_in_utc():
    blocks = [block(D2, (8, 0), (9, 0), 1), block(D1, (13, 0), (15, 0), 2), block(D1, (11, 0), (13, 0), 2)]
    check_schedule(D1, D2, blocks)
    stored = serialise(blocks)
    assert [b["starts_at"] for b in stored] == [
        "2026-12-10T03:00:00.000Z",
        "2026-12-10T05:00:00.000Z",
        "2026-12-11T00:00:00.000Z",
    ]


@pytest.mark.parametrize(
    "blocks, code",
    [
        ([block(date(2026, 12, 12))], "SCHEDULE_OUTSIDE_DATES"),
        ([block(date(2026, 12, 9))], "SCHEDULE_OUTSIDE_DATES"),
        ([block(start=(9, 0), end=(9, 0))], "SCHEDULE_END_BEFORE_START"),
        ([block(hours=3.5)], "SCHEDULE_HOURS_TOO_MANY"),
        ([block(), block(start=(11, 29), end=(12, 0), hours=0.5)], "SCHEDULE_OVERLAP"),
        ([], "SCHEDULE_EMPTY"),
    ],
)
def test_schedule_rules(blocks, code):
    with pytest.raises(ValidationFailed) as raised:
        check_schedule(D1, D2, blocks)
    assert raised.value.code == code


def test_session_length_and_order_of_dates():
    with pytest.raises(ValidationFailed):
        check_schedule(D2, D1, [block()])
    with pytest.raises(ValidationFailed):
        check_schedule(D1, date(2027, 1, 20), [block()])


@pytest.mark.parametrize(
    "content_type, leading, ok",
    [
        (materials.PDF, b"%PDF-1.4", True),
        (materials.PDF, b"\x89PNG\r\n\x1a\n", False),
        (materials.PNG, b"\x89PNG\r\n\x1a\n", True),
        (materials.JPEG, b"\xff\xd8\xff\xe0\x00\x10JF", True),
        (materials.JPEG, b"GIF89a\x00\x00", False),
        (materials.DOCX, b"PK\x03\x04\x14\x00\x06\x00", True),
        (materials.XLS, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", True),
        (materials.DOC, b"PK\x03\x04\x14\x00\x06\x00", False),
    ],
)
def test_leading_bytes_must_match_the_declared_type(content_type, leading, ok):
    assert materials.matches(content_type, leading) is ok
