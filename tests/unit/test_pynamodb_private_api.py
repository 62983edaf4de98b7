"""Pins of pynamodb's private or undocumented behaviour that the code relies on (issue #16, item 4): if a pynamodb
upgrade changes any of it, these tests fail here instead of the app mapping a failure to the wrong item.

- ``models.base.put_new_kwargs`` builds a TransactWriteItems Put with ``Model._hash_key_attribute()``,
  ``_range_key_attribute()``, ``_get_connection()`` and ``TableConnection.get_operation_kwargs``;
  ``services.budgets.Budgets.create_counted`` sends it with ``Model._get_connection().connection
  .transact_write_items(condition_checks, deletes, puts, updates)`` and reads the reasons by position.
- ``services.audit.commit`` maps a cancellation reason to its item by position: pynamodb's ``TransactWrite`` sends
  condition checks, then deletes, then puts, then updates, whatever order they were added in.
- ``models.base.bind_tables`` drops ``Model._connection``, pynamodb's cached connection, so that a model's next
  request uses the new settings.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from pynamodb.constants import ALL_OLD
from pynamodb.exceptions import TransactWriteError

from chalicelib.errors import Conflict, TooManyRequests
from chalicelib.models import Attendance, Budget, Counter, NameClaim, Organisation, QuestionnaireTemplate
from chalicelib.models.base import bind_tables, put_new_kwargs
from chalicelib.principal import Principal
from chalicelib.services import audit
from chalicelib.services.budgets import Budgets
from chalicelib.timeutil import utc_now
from tests.unit.test_models import SIGNED_IN

ACTOR = Principal(username="office-demo", role="office", org_id="org-office", department=None)


@pytest.fixture
def tables(aws: None) -> None:
    bind_tables(os.environ["TABLE_PREFIX"])


@contextmanager
def transactions(client: Any) -> Iterator[list[list[tuple[str, str]]]]:
    """The (kind, table) of each item of every TransactWriteItems request ``client`` sends, in request order."""
    sent: list[list[tuple[str, str]]] = []

    def record(params: dict[str, Any], **_: Any) -> None:
        sent.append([(kind, body["TableName"]) for item in params["TransactItems"] for kind, body in item.items()])

    client.meta.events.register("before-parameter-build.dynamodb.TransactWriteItems", record, unique_id="pin")
    try:
        yield sent
    finally:
        client.meta.events.unregister("before-parameter-build.dynamodb.TransactWriteItems", unique_id="pin")


def table(logical: str) -> str:
    return f"{os.environ['TABLE_PREFIX']}-{logical}"


# --- put_new_kwargs ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "values", "condition", "names"),
    [
        (Attendance, SIGNED_IN, Attendance.attendee_key.does_not_exist(), {"#0": "attendee_key"}),
        (Budget, {"bucket": "target#b", "requests": 1}, Budget.bucket.does_not_exist(), {"#0": "bucket"}),
        (
            QuestionnaireTemplate,  # a number range key
            {"template": "sign-out", "version": 3, "questions": [], "created_by": "o", "created_at": "t"},
            QuestionnaireTemplate.version.does_not_exist(),
            {"#0": "version"},
        ),
    ],
)
def test_put_new_kwargs_is_the_put_a_transaction_save_sends(tables, model, values, condition, names):
    expected = {
        "TableName": model.Meta.table_name,
        "Item": model(**values).serialize(),
        "ConditionExpression": "attribute_not_exists (#0)",
        "ExpressionAttributeNames": names,
        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
    }
    assert put_new_kwargs(model, values, condition) == expected
    # what TransactWrite.save(model, condition, return_values=ALL_OLD) would add to the request
    instance = model(**values)
    assert instance.get_save_kwargs_from_instance(condition, return_values_on_condition_failure=ALL_OLD) == expected


def test_put_new_kwargs_creates_once_then_hands_back_the_item_there(tables):
    put = put_new_kwargs(Attendance, SIGNED_IN, Attendance.attendee_key.does_not_exist())
    connection = Attendance._get_connection().connection
    connection.transact_write_items([], [], [put], [])
    with pytest.raises(TransactWriteError) as raised:
        connection.transact_write_items([], [], [put], [])
    assert raised.value.cause_response_code == "TransactionCanceledException"
    (reason,) = raised.value.cancellation_reasons
    assert reason is not None
    assert reason.code == "ConditionalCheckFailed"
    assert reason.raw_item == Attendance(**SIGNED_IN).serialize()


def test_a_counted_creation_sends_the_put_then_the_count_and_reads_their_reasons_by_position(tables):
    budgets = Budgets(b"k" * 32)
    locked = TooManyRequests("SIGN_IN_LOCKED", "locked")
    busy = TooManyRequests("SIGN_IN_BUSY", "busy")
    keep = utc_now() + timedelta(days=1)

    def create(values: dict[str, Any]) -> dict[str, Any] | None:
        condition = Attendance.attendee_key.does_not_exist()
        return budgets.create_counted(Attendance, values, condition, "target-1", 2, keep, locked, busy)

    client = Attendance._get_connection().connection.client
    with transactions(client) as sent:
        assert create(SIGNED_IN) is None
    assert sent == [[("Put", table("attendance")), ("Update", table("rate-limits"))]]
    assert Attendance.get(SIGNED_IN["session_id"], SIGNED_IN["attendee_key"]).name == SIGNED_IN["name"]

    # the Put's condition fails (reason 0): the item there comes back, nothing is counted
    assert create(SIGNED_IN) == Attendance(**SIGNED_IN).serialize()
    second = {**SIGNED_IN, "attendee_key": "c" * 64 + "#2026-03-01"}
    assert create(second) is None
    # the count's condition fails (reason 1): the target is locked
    with pytest.raises(TooManyRequests) as raised:
        create({**SIGNED_IN, "attendee_key": "d" * 64 + "#2026-03-01"})
    assert raised.value is locked


# --- commit -----------------------------------------------------------------------------------------------------


def _claim(name: str) -> NameClaim:
    return NameClaim(claim=name, owner_id="owner-1")


def _organisation() -> Organisation:
    return Organisation(
        org_id="org-1", name="南京示范医院", type="hospital", city="南京", created_at="t0", updated_at="t0"
    )


def test_commit_sends_deletes_then_puts_then_updates(tables):
    _claim("org#gone").save()
    organisation = _organisation()
    organisation.save()
    counter = Counter(name="seq")
    counter.save()
    organisation.updated_at = "t1"

    with transactions(audit.connection().client) as sent:
        audit.commit(
            audit.audit_event(ACTOR, "organisation.update", "organisation", "org-1"),
            creates=((_claim("org#new"), NameClaim.claim.does_not_exist()),),
            saves=(organisation,),
            deletes=(_claim("org#gone"),),
            updates=((counter, [Counter.value.add(1)]),),
        )
    assert sent == [
        [
            ("Delete", table("name-claims")),
            ("Put", table("name-claims")),  # the creates
            ("Put", table("organisations")),  # the saves
            ("Put", table("audit-events")),
            ("Update", table("counters")),
        ]
    ]
    assert Counter.get("seq").value == 1


def test_a_failed_create_raises_its_conflict_though_deletes_come_first(tables):
    _claim("org#taken").save()
    _claim("org#old").save()
    taken = Conflict("NAME_TAKEN", "名称已被使用", "name")
    with pytest.raises(Conflict) as raised:
        audit.commit(
            audit.audit_event(ACTOR, "organisation.update", "organisation", "org-1"),
            creates=((_claim("org#taken"), NameClaim.claim.does_not_exist()),),
            deletes=(_claim("org#old"),),
            conflict=taken,
        )
    assert raised.value is taken


def test_a_failed_delete_is_a_concurrent_update_not_the_creates_conflict(tables):
    organisation = _organisation()
    organisation.save()
    stale = Organisation.get("org-1")
    organisation.updated_at = "t1"
    organisation.save()  # someone else's change: the stale copy's version no longer matches
    taken = Conflict("NAME_TAKEN", "名称已被使用", "name")
    with pytest.raises(Conflict) as raised:
        audit.commit(
            audit.audit_event(ACTOR, "organisation.delete", "organisation", "org-1"),
            creates=((_claim("org#fresh"), NameClaim.claim.does_not_exist()),),
            deletes=(stale,),
            conflict=taken,
        )
    assert raised.value.code == "CONCURRENT_UPDATE"


# --- bind_tables ------------------------------------------------------------------------------------------------


def test_bind_tables_gives_a_model_a_fresh_connection_with_the_new_settings(monkeypatch):
    from chalicelib import upstream

    prefix = os.environ["TABLE_PREFIX"]
    options = upstream.pynamodb_options()
    try:
        bind_tables(prefix)
        before = Counter._get_connection()
        assert before.connection.client.meta.config.read_timeout == options["read_timeout_seconds"]

        monkeypatch.setattr(upstream, "pynamodb_options", lambda: {**options, "read_timeout_seconds": 1.25})
        bind_tables(prefix)  # same table names: only dropping the cached connection makes the new one
        after = Counter._get_connection()
        assert after is not before
        assert after.connection.client.meta.config.read_timeout == 1.25  # noqa: PLR2004
    finally:
        monkeypatch.undo()
        bind_tables(prefix)
