"""Creates the tables, queues, bucket, key secrets and origin secret in moto from the template the deployment uses."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import threading
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import boto3

TEMPLATE = Path(__file__).resolve().parent.parent / "infra" / "merge-template.json"


def table_definitions(prefix: str, template: Path = TEMPLATE) -> list[dict]:
    """create_table arguments for every DynamoDB table of the template, named for ``prefix``."""
    resources = json.loads(template.read_text())["Resources"]
    tables = []
    for resource in resources.values():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            continue
        props = resource["Properties"]
        name = props["TableName"]["Fn::Sub"].replace("${AWS::StackName}", prefix)
        args = {
            "TableName": name,
            "BillingMode": props["BillingMode"],
            "AttributeDefinitions": props["AttributeDefinitions"],
            "KeySchema": props["KeySchema"],
        }
        if props.get("GlobalSecondaryIndexes"):
            args["GlobalSecondaryIndexes"] = props["GlobalSecondaryIndexes"]
        tables.append({"create": args, "ttl": props.get("TimeToLiveSpecification")})
    return tables


def queue_definitions(prefix: str, template: Path = TEMPLATE) -> dict[str, dict[str, Any]]:
    """create_queue arguments for every SQS queue of the template by logical id, named for ``prefix``; a redrive
    policy names its dead-letter queue by logical id (``deadLetterTargetArn`` is resolved on creation)."""
    resources = json.loads(template.read_text())["Resources"]
    queues = {}
    for logical, resource in resources.items():
        if resource.get("Type") != "AWS::SQS::Queue":
            continue
        props = resource["Properties"]
        attributes = {
            name: str(props[name]) for name in ("VisibilityTimeout", "MessageRetentionPeriod") if name in props
        }
        if "RedrivePolicy" in props:
            redrive = props["RedrivePolicy"]
            target = redrive["deadLetterTargetArn"]["Fn::GetAtt"][0]
            attributes["RedrivePolicy"] = json.dumps(
                {"deadLetterTargetArn": target, **{"maxReceiveCount": redrive["maxReceiveCount"]}}
            )
        name = props["QueueName"]["Fn::Sub"].replace("${AWS::StackName}", prefix)
        queues[logical] = {"QueueName": name, "Attributes": attributes}
    return queues


def create_queues(prefix: str) -> None:
    """The template's queues (dead-letter queues first), and JOBS_QUEUE_URL as the stack gives it to the functions."""
    sqs = boto3.client("sqs")
    queues = queue_definitions(prefix)
    arns: dict[str, str] = {}
    urls: dict[str, str] = {}
    for logical in sorted(queues, key=lambda name: "RedrivePolicy" in queues[name]["Attributes"]):
        attributes = dict(queues[logical]["Attributes"])
        if "RedrivePolicy" in attributes:
            redrive = json.loads(attributes["RedrivePolicy"])
            redrive["deadLetterTargetArn"] = arns[redrive["deadLetterTargetArn"]]
            attributes["RedrivePolicy"] = json.dumps(redrive)
        urls[logical] = sqs.create_queue(QueueName=queues[logical]["QueueName"], Attributes=attributes)["QueueUrl"]
        arns[logical] = sqs.get_queue_attributes(QueueUrl=urls[logical], AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
    os.environ["JOBS_QUEUE_URL"] = urls["JobsQueue"]


def one_transaction_at_a_time() -> None:
    """Serialise moto's TransactWriteItems and make its rollback copy only the items a transaction writes.

    moto deep-copies every table a transaction writes, to roll back: a copy taken while another thread writes the
    table fails ("dictionary changed size during iteration"), and it costs the whole table per transaction (seconds
    each once the aggregates table holds a province's markers). DynamoDB isolates transactions and costs per item;
    here the tables are not copied, the items the transaction names are saved first and put back if it fails.
    Local only, like everything here."""
    import copy
    import types

    from moto.dynamodb import models
    from moto.dynamodb.models import DynamoDBBackend
    from moto.dynamodb.models.table import Table

    original = DynamoDBBackend.transact_write_items
    if getattr(original, "one_at_a_time", False):
        return
    lock = threading.Lock()
    deepcopy = copy.deepcopy

    def tables_uncopied(value: Any, memo: Any = None) -> Any:
        return value if isinstance(value, Table) else deepcopy(value, memo)

    models.copy = types.SimpleNamespace(deepcopy=tables_uncopied, copy=copy.copy)  # type: ignore[assignment]

    def key_of(backend: DynamoDBBackend, op: dict[str, Any]) -> dict[str, Any]:
        if "Key" in op:
            return dict(op["Key"])
        table = backend.get_table(op["TableName"])
        names = [table.hash_key_attr, *([table.range_key_attr] if table.range_key_attr else [])]
        return {name: op["Item"][name] for name in names}

    @functools.wraps(original)
    def transact_write_items(self: DynamoDBBackend, transact_items: list[dict[str, Any]]) -> Any:
        with lock:
            saved = []
            for entry in transact_items:
                (_, op), *_ = entry.items()
                if op.get("TableName") in self.tables:
                    key = key_of(self, op)
                    current = self.get_item(op["TableName"], key)
                    saved.append((op["TableName"], key, current.to_json()["Attributes"] if current else None))
            try:
                return original(self, transact_items)
            except Exception:
                for table_name, key, attributes in reversed(saved):
                    if attributes is None:
                        self.delete_item(table_name, key)
                    else:
                        self.put_item(table_name, attributes)
                raise

    transact_write_items.one_at_a_time = True  # type: ignore[attr-defined]
    DynamoDBBackend.transact_write_items = transact_write_items  # type: ignore[method-assign]


# The settings naming the key secrets (the app reads the keys from them at run time, chalicelib/secrets.py).
KEY_SETTINGS = ("JWT_SECRET_ID", "PII_KEY_SECRET_ID", "ID_ENCRYPTION_KEY_SECRET_ID")
# The API handler's origin secret (chalicelib/origin.py): set only where something plays CloudFront (``make run``).
ORIGIN_SETTING = "ORIGIN_VERIFY_SECRET_ID"


def key_secret_names(prefix: str, template: Path = TEMPLATE, settings: Iterable[str] = KEY_SETTINGS) -> dict[str, str]:
    """Setting -> the name of its secret, as the template names it for a stack called ``prefix``."""
    data = json.loads(template.read_text(encoding="utf-8"))
    variables = dict(data["Globals"]["Function"]["Environment"]["Variables"])
    for resource in data["Resources"].values():  # a function's own settings (the API handler's origin secret)
        variables.update(resource.get("Properties", {}).get("Environment", {}).get("Variables", {}))
    names = {}
    for setting in settings:
        value = variables[setting]
        if "Fn::If" in value:  # set only under a condition: the secret when it holds
            value = value["Fn::If"][1]
        secret = data["Resources"][value["Ref"]]
        names[setting] = secret["Properties"]["Name"]["Fn::Sub"].replace("${AWS::StackName}", prefix)
    return names


def create_key_secrets(prefix: str, keys: Mapping[str, str]) -> dict[str, str]:
    """The secrets holding ``keys`` (setting -> value: the key settings, perhaps the origin secret's), unless they
    exist (a replayed ``make run`` keeps its own, perhaps rotated, rings); setting -> secret name, which the app takes
    as the secret id."""
    client = boto3.client("secretsmanager")
    names = key_secret_names(prefix, settings=list(keys))
    for setting, name in names.items():
        with contextlib.suppress(client.exceptions.ResourceExistsException):
            client.create_secret(Name=name, SecretString=keys[setting])
    return names


def create_resources(prefix: str, bucket: str, mail_sender: str, keys: Mapping[str, str] | None = None) -> None:
    """Tables, bucket, sender identity and queues; with ``keys`` (setting -> value) the key secrets too, their names
    put in the environment (``JWT_SECRET_ID``…)."""
    one_transaction_at_a_time()
    dynamodb = boto3.client("dynamodb")
    existing = set(dynamodb.list_tables()["TableNames"])
    for table in table_definitions(prefix):
        name = table["create"]["TableName"]
        if name in existing:
            continue
        dynamodb.create_table(**table["create"])
        if table["ttl"]:
            dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=table["ttl"])
    # moto itself: with `make run LAN=1` the app's S3 endpoint is the bucket's door, which creates no bucket
    s3 = boto3.client("s3", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
    if bucket not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
        region = s3.meta.region_name
        extra = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        s3.create_bucket(Bucket=bucket, **extra)
        # As the template's bucket: versioned, so checked uploads can be pinned to their version.
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    boto3.client("ses").verify_email_identity(EmailAddress=mail_sender)
    create_queues(prefix)
    if keys is not None:
        os.environ.update(create_key_secrets(prefix, keys))


_VERSION_NAMESPACE = uuid.UUID("0c6f3c1e-6b1a-4a55-9d0e-3f6c2b7a9e41")


def stable_version_ids() -> None:
    """Make moto's S3 version ids survive a restart of ``make run``.

    moto gives every new object version a random id, and the next start replays the recorded requests, so each
    object came back under a new id while the app's records (materials are pinned to the version that passed the
    upload checks) kept the old one: every download answered 404 NoSuchVersion. Here the id of a version is a
    function of the bucket, the key and how many versions that key has had in this process. The replay repeats the
    same writes in the same order, so every version gets back the id it had, and the app keeps its version pinning.
    Local only: called by ``localdev.run`` before moto serves anything; in-process tests keep moto's own ids."""
    from moto.s3.models import S3Backend

    original = S3Backend.put_object
    if getattr(original, "stable_version_ids", False):
        return
    written: Counter[tuple[str, str, str]] = Counter()
    lock = threading.Lock()

    @functools.wraps(original)
    def put_object(self: S3Backend, bucket_name: str, key_name: str, *args: Any, **kwargs: Any) -> Any:
        key = original(self, bucket_name, key_name, *args, **kwargs)
        if key.version_id not in (None, "null"):  # a versioned bucket
            with lock:
                written[(self.account_id, bucket_name, key_name)] += 1
                count = written[(self.account_id, bucket_name, key_name)]
            key._version_id = str(uuid.uuid5(_VERSION_NAMESPACE, f"{self.account_id}/{bucket_name}/{key_name}#{count}"))
        return key

    put_object.stable_version_ids = True  # type: ignore[attr-defined]
    S3Backend.put_object = put_object  # type: ignore[method-assign]
