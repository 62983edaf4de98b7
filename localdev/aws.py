"""Creates the tables and bucket in moto from the same template the deployment uses."""

from __future__ import annotations

import json
from pathlib import Path

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
