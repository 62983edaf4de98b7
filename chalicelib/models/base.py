"""Binding of model classes to their stage's tables."""

from __future__ import annotations

from pynamodb.models import Model

# Each model's Meta.table_name holds its logical name until bind_tables() prefixes it.
_LOGICAL_NAMES: dict[type[Model], str] = {}


def register(model: type[Model]) -> type[Model]:
    _LOGICAL_NAMES[model] = model.Meta.table_name
    return model


def table_models() -> dict[type[Model], str]:
    return dict(_LOGICAL_NAMES)


def bind_tables(prefix: str) -> None:
    """Point every model at ``{prefix}-{logical name}``; the infra template uses the same names."""
    for model, logical in _LOGICAL_NAMES.items():
        model.Meta.table_name = f"{prefix}-{logical}"
        model._connection = None
