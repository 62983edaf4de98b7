from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from chalicelib.errors import ValidationFailed
from chalicelib.services import identity
from chalicelib.services.attendance_rules import (
    AttendancePlan,
    Teaching,
    attended_hours,
    blocks_of,
    check_token,
    code_token,
    current_window,
    plan_windows,
    preview_windows,
    slot_of,
    slot_start,
)

CN = timezone(timedelta(hours=8))
TODAY = date(2026, 11, 25)


def valid_id(prefix17: str) -> str:
    total = sum(
        int(d) * w for d, w in zip(prefix17, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True)
    )
    return prefix17 + "10X98765432"[total % 11]


def test_valid_ids_give_birth_date_gender_and_age():
    male = identity.parse_resident_id(valid_id("32010219900307123"), TODAY)
    assert male.birth_date == date(1990, 3, 7) and male.gender == "male" and male.age_on(TODAY) == 36
    female = identity.parse_resident_id(valid_id("32010219901126124").lower(), TODAY)
    assert female.gender == "female" and female.age_on(TODAY) == 35, "birthday tomorrow"
    assert identity.parse_resident_id("11010519491231002X", TODAY).number.endswith("X")


@pytest.mark.parametrize(
    "raw, code",
    [
        ("3201021990030712", "ID_FORMAT"),
        ("32010219900307123A", "ID_FORMAT"),
        ("320102199003071230", "ID_CHECKSUM"),
        (valid_id("32010219900231123"), "ID_BIRTH_DATE"),
        (valid_id("32010220300101123"), "ID_BIRTH_DATE"),
        (valid_id("32010218000101123"), "ID_BIRTH_DATE"),
    ],
)
def test_invalid_ids_say_what_is_wrong(raw, code):
    with pytest.raises(ValidationFailed) as raised:
        identity.parse_resident_id(raw, TODAY)
    assert raised.value.code == code


def test_masks_mobiles_and_keyed_hashes():
    number = valid_id("32010219900307123")
    assert identity.mask_id(number) == f"320102********{number[-4:]}"
    assert identity.mask_mobile("13912345678") == "139****5678"
    assert identity.check_mobile(" 19912345678 ") == "19912345678"
    with pytest.raises(ValidationFailed):
        identity.check_mobile("12912345678")
    assert identity.lookup_hash(number, b"k1") == identity.lookup_hash(number.lower(), b"k1")
    assert identity.lookup_hash(number, b"k1") != identity.lookup_hash(number, b"k2")


BLOCKS = [
    Teaching(datetime(2026, 12, 10, 8, 30, tzinfo=CN), datetime(2026, 12, 10, 11, 30, tzinfo=CN), 3),
    Teaching(datetime(2026, 12, 10, 13, 30, tzinfo=CN), datetime(2026, 12, 10, 16, 30, tzinfo=CN), 2),
]


def test_default_windows_follow_the_schedule():
    sign_in, sign_out = plan_windows(BLOCKS, AttendancePlan())
    assert (sign_in.kind, sign_in.day, sign_out.kind) == ("in", None, "out")
    assert sign_in.opens == datetime(2026, 12, 10, 7, 30, tzinfo=CN)
    assert sign_in.closes == datetime(2026, 12, 10, 16, 30, tzinfo=CN)
    assert sign_out.opens == datetime(2026, 12, 10, 16, 0, tzinfo=CN)
    assert sign_out.closes == datetime(2026, 12, 10, 18, 30, tzinfo=CN)
    assert sign_in.contains(sign_in.opens) and not sign_in.contains(sign_in.closes)


TWO_DAYS = [
    *BLOCKS,
    Teaching(datetime(2026, 12, 11, 9, 0, tzinfo=CN), datetime(2026, 12, 11, 12, 0, tzinfo=CN), 3),
]


def test_adjusted_offsets_move_each_edge():
    plan = AttendancePlan(
        sign_in_opens_before=30, sign_in_closes_after=-360, sign_out_opens_before=0, sign_out_closes_after=15
    )
    sign_in, sign_out = plan_windows(BLOCKS, plan)
    assert sign_in.opens == datetime(2026, 12, 10, 8, 0, tzinfo=CN)
    assert sign_in.closes == datetime(2026, 12, 10, 10, 30, tzinfo=CN), "late arrivals until 10:30"
    assert (sign_out.opens, sign_out.closes) == (
        datetime(2026, 12, 10, 16, 30, tzinfo=CN),
        datetime(2026, 12, 10, 16, 45, tzinfo=CN),
    )


def test_whole_mode_spans_days_and_daily_mode_gives_a_pair_per_china_day():
    whole = plan_windows(TWO_DAYS, AttendancePlan())
    assert [(w.kind, w.day) for w in whole] == [("in", None), ("out", None)]
    assert whole[1].closes == datetime(2026, 12, 11, 14, 0, tzinfo=CN)
    daily = plan_windows(TWO_DAYS, AttendancePlan(mode="daily"))
    assert [(w.kind, w.day) for w in daily] == [
        ("in", "2026-12-10"),
        ("out", "2026-12-10"),
        ("in", "2026-12-11"),
        ("out", "2026-12-11"),
    ]
    assert daily[2].opens == datetime(2026, 12, 11, 8, 0, tzinfo=CN)
    assert [b.hours for b in blocks_of(TWO_DAYS, daily[3])] == [3]
    assert len(blocks_of(TWO_DAYS, whole[1])) == 3


def test_current_window_is_the_open_one_else_the_next_else_the_last():
    daily = plan_windows(TWO_DAYS, AttendancePlan(mode="daily"))
    at = lambda *args: datetime(2026, 12, *args, tzinfo=CN)  # noqa: E731
    assert current_window(daily, "in", at(10, 7, 0)) == (daily[0], "not_yet")
    assert current_window(daily, "in", at(10, 7, 30)) == (daily[0], "open")
    assert current_window(daily, "in", at(10, 16, 30)) == (daily[2], "not_yet"), "between days: tomorrow's"
    assert current_window(daily, "in", at(11, 12, 0)) == (daily[2], "closed")
    assert current_window(daily, "out", at(11, 11, 59)) == (daily[3], "open")


@pytest.mark.parametrize(
    "blocks, plan, code",
    [
        (BLOCKS, AttendancePlan(sign_in_opens_before=0, sign_in_closes_after=-480), "WINDOW_EMPTY"),
        (TWO_DAYS, AttendancePlan(mode="daily", sign_out_closes_after=1440), "WINDOW_OVERLAP"),
        (TWO_DAYS, AttendancePlan(mode="daily", sign_in_opens_before=1440), "WINDOW_OVERLAP"),
    ],
)
def test_unusable_settings_are_refused(blocks, plan, code):
    with pytest.raises(ValidationFailed) as raised:
        plan_windows(blocks, plan)
    assert raised.value.code == code and raised.value.field.startswith("attendance.")


def test_slot_start_is_the_inverse_of_slot_of():
    moment = datetime(2026, 12, 10, 13, 45, 10, tzinfo=CN)
    for refresh in (30, 300, 86400):
        slot = slot_of(moment, refresh)
        assert slot_start(slot, refresh) <= moment < slot_start(slot + 1, refresh)
    assert slot_start(slot_of(moment, 86400), 86400) == datetime(2026, 12, 10, tzinfo=CN)


def test_hours_are_the_overlap_with_teaching_blocks():
    day = datetime(2026, 12, 10, tzinfo=CN)
    assert attended_hours(day.replace(hour=8), day.replace(hour=17), BLOCKS) == 5
    assert attended_hours(day.replace(hour=10), day.replace(hour=14, minute=30), BLOCKS) == pytest.approx(
        1.5 + 2 / 3, abs=0.01
    )
    assert attended_hours(day.replace(hour=12), day.replace(hour=13), BLOCKS) == 0


def test_tokens_accept_this_and_the_previous_slot_only():
    secret, refresh = b"s" * 32, 30
    now = datetime(2026, 12, 10, 8, 0, 10, tzinfo=CN)
    slot = slot_of(now, refresh)
    token = code_token(secret, "ses-1", "in", slot)
    assert check_token(secret, "ses-1", "in", token, now, refresh)
    assert check_token(secret, "ses-1", "in", token, now + timedelta(seconds=refresh), refresh), "grace"
    assert not check_token(secret, "ses-1", "in", token, now + timedelta(seconds=2 * refresh), refresh)
    assert not check_token(secret, "ses-2", "in", token, now, refresh)
    assert not check_token(secret, "ses-1", "out", token, now, refresh)
    assert not check_token(b"t" * 32, "ses-1", "in", token, now, refresh)
    assert not check_token(secret, "ses-1", "in", "garbage", now, refresh)
    future = code_token(secret, "ses-1", "in", slot + 1)
    assert not check_token(secret, "ses-1", "in", future, now, refresh)


def test_day_long_codes_change_at_china_midnight():
    before = datetime(2026, 12, 10, 23, 59, tzinfo=CN)
    assert slot_of(before, 86400) == slot_of(datetime(2026, 12, 10, 0, 0, tzinfo=CN), 86400)
    assert slot_of(before + timedelta(minutes=1), 86400) == slot_of(before, 86400) + 1


def _cn(day: str, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}:00+08:00")


def _china(windows):
    return [
        (
            w.kind,
            w.day,
            w.opens.astimezone(CN).strftime("%Y-%m-%d %H:%M"),
            w.closes.astimezone(CN).strftime("%Y-%m-%d %H:%M"),
        )
        for w in windows
    ]


TWO_DAY_TIMES = [
    (_cn("2026-12-11", "08:30"), _cn("2026-12-11", "11:30")),
    (_cn("2026-12-10", "13:30"), _cn("2026-12-10", "16:30")),
    (_cn("2026-12-10", "08:00"), _cn("2026-12-10", "11:30")),
    (_cn("2026-12-11", "13:00"), _cn("2026-12-11", "17:00")),
]


def test_the_form_preview_gives_the_manual_defaults_and_one_pair_per_day():
    assert _china(preview_windows(TWO_DAY_TIMES, AttendancePlan())) == [
        ("in", None, "2026-12-10 07:00", "2026-12-11 17:00"),
        ("out", None, "2026-12-11 16:30", "2026-12-11 19:00"),
    ]
    assert _china(preview_windows(TWO_DAY_TIMES, AttendancePlan(mode="daily"))) == [
        ("in", "2026-12-10", "2026-12-10 07:00", "2026-12-10 16:30"),
        ("out", "2026-12-10", "2026-12-10 16:00", "2026-12-10 18:30"),
        ("in", "2026-12-11", "2026-12-11 07:30", "2026-12-11 17:00"),
        ("out", "2026-12-11", "2026-12-11 16:30", "2026-12-11 19:00"),
    ]
    one_day = [times for times in TWO_DAY_TIMES if times[0].day == 10]
    whole, daily = preview_windows(one_day, AttendancePlan()), preview_windows(one_day, AttendancePlan(mode="daily"))
    assert [(w.opens, w.closes) for w in daily] == [(w.opens, w.closes) for w in whole]
    assert [w.day for w in daily] == ["2026-12-10", "2026-12-10"]


def test_the_form_preview_applies_every_offset_across_midnight_and_month_ends():
    plan = AttendancePlan(
        sign_in_opens_before=15, sign_in_closes_after=-90, sign_out_opens_before=0, sign_out_closes_after=5
    )
    assert _china(preview_windows(TWO_DAY_TIMES, plan)) == [
        ("in", None, "2026-12-10 07:45", "2026-12-11 15:30"),
        ("out", None, "2026-12-11 17:00", "2026-12-11 17:05"),
    ]
    wide = AttendancePlan(sign_in_opens_before=1440, sign_out_closes_after=1440)
    assert _china(preview_windows([(_cn("2027-01-01", "00:30"), _cn("2027-01-01", "23:30"))], wide)) == [
        ("in", None, "2026-12-31 00:30", "2027-01-01 23:30"),
        ("out", None, "2027-01-01 23:00", "2027-01-02 23:30"),
    ]


def test_the_form_preview_leaves_out_blocks_ending_before_they_start():
    backwards = [(_cn("2026-12-10", "12:00"), _cn("2026-12-10", "11:00"))]
    assert preview_windows(backwards, AttendancePlan()) == []
    assert preview_windows([], AttendancePlan(mode="daily")) == []
    one = [*backwards, (_cn("2026-12-10", "14:00"), _cn("2026-12-10", "15:00"))]
    assert _china(preview_windows(one, AttendancePlan()))[0] == ("in", None, "2026-12-10 13:00", "2026-12-10 15:00")
    with pytest.raises(ValidationFailed) as raised:
        preview_windows(one, AttendancePlan(sign_in_opens_before=0, sign_in_closes_after=-60))
    assert raised.value.code == "WINDOW_EMPTY"
