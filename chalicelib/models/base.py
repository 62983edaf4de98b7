"""Binding of model classes to their stage's tables, and the conditional Put of a new item without building its model
(the sign-in hot path)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pynamodb.attributes import VersionAttribute
from pynamodb.constants import ALL_OLD, ITEM
from pynamodb.exceptions import AttributeNullError
from pynamodb.expressions.condition import Condition
from pynamodb.models import Model

# Each model's Meta.table_name holds its logical name until bind_tables() prefixes it.
_LOGICAL_NAMES: dict[type[Model], str] = {}


def register(model: type[Model]) -> type[Model]:
    _LOGICAL_NAMES[model] = model.Meta.table_name
    return model


def table_models() -> dict[type[Model], str]:
    return dict(_LOGICAL_NAMES)


def bind_tables(prefix: str, options: Mapping[str, Any] | None = None) -> None:
    """Point every model at ``{prefix}-{logical name}``; the infra template uses the same names. Each model's
    connection gets the settings' timeouts and attempts (``chalicelib.upstream``), so a frozen DynamoDB costs a
    request seconds, not pynamodb's default minutes."""
    from chalicelib.upstream import pynamodb_options

    options = pynamodb_options() if options is None else options
    for model, logical in _LOGICAL_NAMES.items():
        model.Meta.table_name = f"{prefix}-{logical}"
        for name, value in options.items():
            setattr(model.Meta, name, value)
        # Private pynamodb API: a model caches its connection in ``_connection`` and rebuilds it only for a new table
        # name; dropping it applies the options. Pinned by tests/unit/test_pynamodb_private_api.py.
        model._connection = None


def item_of(model: type[Model], values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """What ``model(**values).serialize()`` gives, without building the instance (the sign-in hot path): the
    DynamoDB JSON of every value that is not None. For models of plain attributes without defaults; raises
    AttributeNullError for a missing required attribute and ValueError for an unknown one, as the model does."""
    attributes = _plain_attributes(model)
    unknown = values.keys() - attributes.keys()
    if unknown:
        raise ValueError(f"Attribute {sorted(unknown)[0]} specified does not exist")
    item: dict[str, dict[str, Any]] = {}
    for name, attribute in attributes.items():
        value = values.get(name)
        if value is None:
            if not attribute.null:
                raise AttributeNullError(name)
            continue
        item[attribute.attr_name] = {attribute.attr_type: attribute.serialize(value)}
    return item


@cache
def _plain_attributes(model: type[Model]) -> dict[str, Any]:
    """The model's attributes, checked once per model: item_of cannot do what save() does for defaults and
    versions."""
    attributes = model.get_attributes()
    unsupported = [
        name
        for name, attribute in attributes.items()
        if isinstance(attribute, VersionAttribute) or (attribute.default, attribute.default_for_new) != (None, None)
    ]
    if unsupported:
        raise TypeError(f"{model.__name__}.{unsupported[0]} has a default or a version: use save()")
    return attributes


def put_new_kwargs(model: type[Model], values: Mapping[str, Any], condition: Condition) -> dict[str, Any]:
    """The conditional Put of a new item from ``item_of``, as an item of a TransactWriteItems (the sign-in hot path,
    without building the model). A failed condition hands back the item already there (``ALL_OLD``), so a repeat
    needs no second read."""
    # Private pynamodb API: _hash_key_attribute(), _range_key_attribute(), _get_connection() and its
    # get_operation_kwargs(), which must give the Put that TransactWrite.save() sends. Pinned by
    # tests/unit/test_pynamodb_private_api.py.
    item = item_of(model, values)
    range_attribute = model._range_key_attribute()
    return model._get_connection().get_operation_kwargs(
        _pop_key(item, model._hash_key_attribute().attr_name),
        range_key=_pop_key(item, range_attribute.attr_name) if range_attribute else None,
        key=ITEM,
        attributes=item,
        condition=condition,
        return_values_on_condition_failure=ALL_OLD,
    )


def _pop_key(item: dict[str, dict[str, Any]], name: str) -> Any:
    (value,) = item.pop(name).values()
    return value
