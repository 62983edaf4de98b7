"""The person-year ledger's rules without AWS: what a credit record adds, which total it adds to, how a person's items
of a year (one per PII key) merge, and the yearly requirement as dated data."""

from __future__ import annotations

import pytest

from chalicelib.models import CreditRecord, PersonYear
from chalicelib.models.person_year import LedgerEntry
from chalicelib.services import ledger
from chalicelib.services.credit_rules import ClassMinimum, CreditRule, YearlyRequirement, rule_of_year, shipped_rules
from chalicelib.services.person_credits import merge

NEED = YearlyRequirement(25, (ClassMinimum("I类", 5),), "test")

RECORD = {
    "session_id": "ses-1",
    "credit_key": "attendee#abc",
    "kind": "attendee",
    "person_key": "abc",
    "name": "张三",
    "id_masked": "320102********4515",
    "project_id": "p",
    "project_number": "2026-14-02-049",
    "project_name": "急性胸痛",
    "project_level": "national",
    "org_id": "o",
    "org_name": "南京示范医院",
    "start_date": "2026-12-31",
    "end_date": "2027-01-01",
    "credit_class": "I类",
    "credits": 2,
    "hours": 6,
    "rules_version": "2006",
    "grant_id": "g",
    "granted_at": "2027-01-10T02:00:00.000Z",
}


def entry(session_id: str, start: str, credits: float, level: str = "national") -> LedgerEntry:
    return LedgerEntry(
        session_id=session_id,
        credit_key="attendee#x",
        project_number="n",
        project_name="p",
        project_level=level,
        credit_class="I类",
        credits=credits,
        hours=3,
        start_date=start,
        end_date=start,
        organiser="o",
        certificate_no=f"JS2026-{session_id}",
        granted_at="t",
    )


def test_an_attendee_record_counts_in_the_year_its_session_starts():
    count = ledger.count_of(CreditRecord(**RECORD), None)
    assert count is not None and (count.person_key, count.year, count.name) == ("abc", "2026", "张三")
    assert count.entry.credits == 2 and count.entry.certificate_no is None and count.entry.organiser == "南京示范医院"


def test_lecturers_and_records_without_an_id_hash_are_not_counted():
    assert ledger.count_of(CreditRecord(**{**RECORD, "kind": "lecturer", "person_key": None}), None) is None
    assert ledger.count_of(CreditRecord(**{**RECORD, "person_key": None}), None) is None


def test_each_level_and_class_has_its_total():
    assert ledger.totals_attribute("national", "I类") is PersonYear.national_class_i
    assert ledger.totals_attribute("provincial", "II类") is PersonYear.provincial_class_ii
    with pytest.raises(ValueError):
        ledger.totals_attribute("city", "I类")


def test_a_counting_update_is_conditional_on_the_session_not_being_counted():
    count = ledger.count_of(CreditRecord(**RECORD), None)
    assert count is not None
    item, actions, condition = ledger.add_update(count, "2027-01-10T02:00:00.000Z")
    assert (item.person_key, item.year) == ("abc", "2026")
    assert "contains" in str(condition) and "NOT" in str(condition)
    assert len(actions) == 7, "sessions, names, the total, hours, entries, updated_at, the mask"


def test_a_persons_items_of_a_year_merge_after_a_key_rotation():
    old = PersonYear(
        "old",
        "2026",
        names={"张三"},
        id_masked="320102********4515",
        sessions={"s1"},
        national_class_i=2,
        hours=6,
        entries=[entry("s1", "2026-05-01", 2)],
        updated_at="2026-05-20T00:00:00.000Z",
    )
    new = PersonYear(
        "new",
        "2026",
        names={"张三"},
        sessions={"s2"},
        provincial_class_i=1.5,
        hours=9,
        entries=[entry("s2", "2026-03-01", 1.5, "provincial")],
        updated_at="2026-06-01T00:00:00.000Z",
    )
    year = merge([old, new], "张三", 2026, NEED)
    assert year.total == 3.5 and year.of_class("I类") == 3.5 and year.of_class("II类") == 0
    assert year.hours == 15 and year.sessions == 2 and year.id_masked == "**************4515"
    assert [e.session_id for e in year.entries] == ["s2", "s1"], "in date order"
    assert year.as_of == "2026-06-01T00:00:00.000Z"
    assert year.requirement is not None and year.met is False


def test_the_requirement_is_met_with_enough_credits_and_class_i():
    items = [
        PersonYear("k", "2026", names={"张三"}, sessions={f"s{i}"}, national_class_i=5, entries=[]) for i in range(5)
    ]
    assert merge(items, "张三", 2026, NEED).met is True
    assert merge(items[:4], "张三", 2026, NEED).met is False
    assert merge(items, "张三", 2026, None).met is None, "no requirement known for the year"


def test_every_class_named_in_the_requirement_must_be_met():
    items = [PersonYear("k", "2026", names={"张三"}, sessions={"s"}, national_class_i=25, entries=[])]
    both = YearlyRequirement(25, (ClassMinimum("I类", 5), ClassMinimum("II类", 10)), "test")
    assert merge(items, "张三", 2026, both).met is False, "25 Class I credits do not make up for Class II"
    items.append(PersonYear("k2", "2026", names={"张三"}, sessions={"t"}, provincial_class_ii=10, entries=[]))
    assert merge(items, "张三", 2026, both).met is True


def test_the_yearly_requirement_is_dated_data_with_its_source():
    shipped = shipped_rules()
    rule = rule_of_year(2026, shipped)
    assert rule.yearly_requirement is not None
    assert rule.yearly_requirement.total_credits == 25
    assert rule.yearly_requirement.class_minimums == (ClassMinimum("I类", 5),)
    assert "25学分" in rule.yearly_requirement.source and "2006" in rule.yearly_requirement.source
    newer = CreditRule.of(
        {**shipped[0].dump(), "version": "new", "effective_from": "2025-07-01", "yearly_requirement": None}
    )
    rules = (shipped[0], newer)
    assert rule_of_year(2025, rules).version == shipped[0].version, "a year is judged by the rules of 1 January"
    assert rule_of_year(2026, rules).version == "new" and rule_of_year(2026, rules).yearly_requirement is None
    with pytest.raises(ValueError):
        rule_of_year(1999, shipped)
