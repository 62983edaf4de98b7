"""Creates the tables and bucket in moto from the same template the deployment uses."""

from __future__ import annotations

import functools
import json
import threading
import uuid
from collections import Counter
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


def create_resources(prefix: str, bucket: str, mail_sender: str) -> None:
    dynamodb = boto3.client("dynamodb")
    existing = set(dynamodb.list_tables()["TableNames"])
    for table in table_definitions(prefix):
        name = table["create"]["TableName"]
        if name in existing:
            continue
        dynamodb.create_table(**table["create"])
        if table["ttl"]:
            dynamodb.update_time_to_live(TableName=name, TimeToLiveSpecification=table["ttl"])
    s3 = boto3.client("s3")
    if bucket not in {b["Name"] for b in s3.list_buckets().get("Buckets", [])}:
        region = s3.meta.region_name
        extra = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
        s3.create_bucket(Bucket=bucket, **extra)
        # As the template's bucket: versioned, so checked uploads can be pinned to their version.
        s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    boto3.client("ses").verify_email_identity(EmailAddress=mail_sender)


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
