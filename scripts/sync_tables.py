"""Write the DynamoDB tables of ``infra/merge-template.json`` from the pynamodb models.

Run after adding or changing a model: ``.venv/bin/python -m scripts.sync_tables``. Existing table
resources keep their other properties; ``tests/infra/test_template.py`` checks the two agree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pynamodb.attributes import NumberAttribute, TTLAttribute

from chalicelib.models import table_models

TEMPLATE = Path(__file__).resolve().parents[1] / "infra" / "merge-template.json"


def _logical_id(table_name: str) -> str:
    return "".join(part.capitalize() for part in table_name.split("-")) + "Table"


def _key_schema(hash_key: str, range_key: str | None) -> list[dict[str, str]]:
    schema = [{"AttributeName": hash_key, "KeyType": "HASH"}]
    if range_key:
        schema.append({"AttributeName": range_key, "KeyType": "RANGE"})
    return schema


def table_resource(model: Any, existing: dict[str, Any] | None) -> dict[str, Any]:
    attributes = model.get_attributes()
    keys: set[str] = set()
    hash_key = model._hash_keyname
    range_key = model._range_keyname
    keys |= {hash_key, range_key} - {None}
    indexes = []
    for index in model._indexes.values():
        meta = index.Meta
        index_hash = next(name for name, attr in index.Meta.attributes.items() if attr.is_hash_key)
        index_range = next((name for name, attr in index.Meta.attributes.items() if attr.is_range_key), None)
        keys |= {index_hash, index_range} - {None}
        indexes.append(
            {
                "IndexName": meta.index_name,
                "KeySchema": _key_schema(index_hash, index_range),
                "Projection": {"ProjectionType": "ALL"},
            }
        )
    properties: dict[str, Any] = dict((existing or {}).get("Properties", {}))
    properties.update(
        {
            "TableName": {"Fn::Sub": "${AWS::StackName}-" + model.Meta.table_name},
            "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [
                {"AttributeName": name, "AttributeType": "N" if isinstance(attributes[name], NumberAttribute) else "S"}
                for name in sorted(keys)
            ],
            "KeySchema": _key_schema(hash_key, range_key),
        }
    )
    properties.pop("GlobalSecondaryIndexes", None)
    if indexes:
        properties["GlobalSecondaryIndexes"] = sorted(indexes, key=lambda index: index["IndexName"])
    properties.setdefault("PointInTimeRecoverySpecification", {"PointInTimeRecoveryEnabled": True})
    properties.setdefault("SSESpecification", {"SSEEnabled": True})
    ttl = next((name for name, attr in attributes.items() if isinstance(attr, TTLAttribute)), None)
    if ttl:
        properties["TimeToLiveSpecification"] = {"AttributeName": ttl, "Enabled": True}
    else:
        properties.pop("TimeToLiveSpecification", None)
    # Keep the documented property order: name, billing, keys, indexes, then the rest.
    order = ["TableName", "BillingMode", "AttributeDefinitions", "KeySchema", "GlobalSecondaryIndexes"]
    ordered = {key: properties[key] for key in order if key in properties}
    ordered.update({key: value for key, value in properties.items() if key not in ordered})
    return {
        "Type": "AWS::DynamoDB::Table",
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
        "Properties": ordered,
    }


def main() -> None:
    template = json.loads(TEMPLATE.read_text(encoding="utf-8"))
    resources = template["Resources"]
    updated: dict[str, Any] = {}
    pending = {model.Meta.table_name: model for model in table_models()}
    for logical, resource in resources.items():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            updated[logical] = resource
            continue
        table = resource["Properties"]["TableName"]["Fn::Sub"].split("}-", 1)[1]
        updated[logical] = table_resource(pending.pop(table), resource)
    # New tables go right after the last existing table.
    if pending:
        last = max(i for i, (key, value) in enumerate(updated.items()) if value.get("Type") == "AWS::DynamoDB::Table")
        items = list(updated.items())
        new = [(_logical_id(name), table_resource(model, None)) for name, model in pending.items()]
        updated = dict(items[: last + 1] + new + items[last + 1 :])
    template["Resources"] = updated
    TEMPLATE.write_text(json.dumps(template, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(table_models())} tables written to {TEMPLATE.name}; new: {', '.join(pending) or 'none'}")


if __name__ == "__main__":
    main()
