"""The deployment rehearsal's machinery: the packaged SAM template (build/package, `make package`) expanded to plain
CloudFormation by aws-sam-translator, its artifacts uploaded to a moto bucket, and the stack created by moto's
in-process CloudFormation in one region (tests/infra/test_rehearsal.py asks the services what it made).

Where moto's CloudFormation skips a resource type or drops a setting, the rehearsal creates it through the service's
public API instead (``SHIMS``); what nothing creates is ``NOT_REHEARSED``, with how each is checked instead
(docs/deploy.md, "What the rehearsal cannot create", imports both).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import boto3
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "build" / "package"
ARTIFACTS = ("deployment.zip", "layer-deps.zip", "layer-render.zip", "layer-fonts.zip")
ARTIFACT_BUCKET = "cme-rehearsal-artifacts"
REGIONS = ("cn-north-1", "us-east-1")

# What an operator gives a China stage (docs/deploy.md, "Configuration"); the other parameters keep their defaults.
PARAMETERS = {
    "ConsoleOrigin": "https://cme.jswjw.example.cn",
    "MailSender": "no-reply@cme.jswjw.example.cn",
    "MailTransport": "smtp",
    "ProvinceName": "江苏省",
    "CertificateIssuer": "江苏省继续医学教育委员会办公室",
    "CertificatePrefix": "JS",
    "HomeRegion": "32",
    "ConsoleTitle": "江苏省继续医学教育学分管理系统",
    "PhoneTitle": "江苏省继续医学教育项目管理系统",
    "AlarmEmail": "cme-ops@jswjw.example.cn",
}

# Resource types of the expanded template that the rehearsal creates nothing for (moto's CloudFormation skips them
# with a warning and no shim stands in), and how each is checked instead. The rehearsal fails when this list and
# what was skipped differ, so a new resource type moto cannot create must be documented here (docs/deploy.md).
NOT_REHEARSED: dict[str, str] = {
    "AWS::CloudFormation::WaitConditionHandle": (
        "nothing to create: an ordering marker (the API stage waits for the account's API Gateway logging role); "
        "tests/infra/test_template.py checks the RestAPI depends on it"
    ),
}

# Resource types and settings moto's CloudFormation skips or drops (moto 5.2.5), which the rehearsal creates or sets
# through the service's own API instead, so botocore validates the properties as the service would, and what of
# them moto then keeps. Each entry: what moto lacks, and what stands in.
SHIMS: dict[str, str] = {
    "AWS::CloudWatch::Alarm": "no CloudFormation model in moto: PutMetricAlarm with the resource's properties",
    "AWS::CloudWatch::Dashboard": "no CloudFormation model in moto: PutDashboard with the resource's properties",
    "AWS::S3::BucketPolicy": "no CloudFormation model in moto: PutBucketPolicy with the resource's document",
    "AWS::SecretsManager::Secret": (
        "no CloudFormation model in moto: GetRandomPassword with GenerateSecretString's options, then CreateSecret"
        " (dynamic references {{resolve:secretsmanager:...}} stay unresolved: the functions read secrets at run time)"
    ),
    "AWS::Lambda::EventInvokeConfig": "no CloudFormation model in moto: PutFunctionEventInvokeConfig",
    "AWS::ApiGateway::Account": "no CloudFormation model in moto: UpdateAccount with the CloudWatch role",
    "AWS::ApiGateway::Stage": (
        "no CloudFormation model in moto: CreateStage, then UpdateStage patches for the access log and the "
        "per-method throttles"
    ),
    "AWS::ApiGateway::RestApi": "moto ignores Body (the routes chalice generates): its paths and methods imported",
    "AWS::Lambda::Function": (
        "moto drops Layers, TracingConfig, Architectures and Tags: CreateFunction with the resource's properties "
        "(moto's Lambda keeps no LoggingConfig at all: the test checks the declared group instead)"
    ),
    "AWS::Lambda::LayerVersion": "moto names the layer after its logical id: created under its LayerName",
    "AWS::DynamoDB::Table": (
        "moto drops PointInTimeRecoverySpecification (and may drop TTL): set through the API; it keeps no "
        "SSESpecification (tests/infra/test_template.py checks every table declares it)"
    ),
    "AWS::S3::Bucket": "moto drops VersioningConfiguration and PublicAccessBlockConfiguration: set through the API",
    "AWS::Partition": "moto resolves it (and AWS::URLSuffix) as the global partition's in every region",
}


@dataclass
class Stack:
    """A created stack: its region, the expanded template, its status and its resources (logical -> physical id)."""

    region: str
    name: str  # cme-<stage>, the stage the package was built for
    template: dict[str, Any]
    status: str
    reason: str
    physical: dict[str, str]
    types: dict[str, str]

    def of_type(self, resource_type: str) -> dict[str, dict[str, Any]]:
        """The expanded template's resources of one type, by logical id."""
        return {k: v for k, v in self.template["Resources"].items() if v["Type"] == resource_type}


def load_sam() -> dict[str, Any]:
    """The packaged SAM template; fails (never skips) when `make package` has not run."""
    missing = [name for name in ("sam.json", *ARTIFACTS) if not (PACKAGE / name).is_file()]
    if missing:
        pytest.fail(
            f"deployment rehearsal: {', '.join(missing)} missing in {PACKAGE}; "
            "run `make package` (make test runs it before the Python tests)",
            pytrace=False,
        )
    sam: dict[str, Any] = json.loads((PACKAGE / "sam.json").read_text(encoding="utf-8"))
    return sam


def packaged_stage(sam: dict[str, Any]) -> str:
    """The stage the package was built for: its functions' STAGE (chalice's stage config), one for all."""
    stages = {
        resource["Properties"].get("Environment", {}).get("Variables", {}).get("STAGE")
        for resource in sam["Resources"].values()
        if resource.get("Type") == "AWS::Serverless::Function"
    }
    assert len(stages) == 1 and None not in stages, f"functions of several stages or none: {stages}"
    return str(stages.pop())


def stack_name(sam: dict[str, Any]) -> str:
    """The name the stack must have (docs/deploy.md §2): its functions' policies grant ``cme-<stage>-…`` only."""
    from scripts.bind_stage import stack_name as named

    return named(packaged_stage(sam))


def expand(sam: dict[str, Any], region: str, bucket: str) -> dict[str, Any]:
    """The SAM template as plain CloudFormation for ``region``, its code and layers read from ``bucket``."""
    try:
        from samtranslator.parser.parser import Parser
        from samtranslator.translator.translator import Translator
    except ImportError:
        pytest.fail("deployment rehearsal: aws-sam-translator is missing; run `make` (requirements-dev.txt)")

    sam = copy.deepcopy(sam)
    for resource in sam["Resources"].values():
        props = resource.get("Properties", {})
        for key in ("CodeUri", "ContentUri"):
            if isinstance(props.get(key), str):
                props[key] = {"Bucket": bucket, "Key": Path(props[key]).name}
    translator = Translator(None, Parser(), boto_session=boto3.Session(region_name=region))
    template: dict[str, Any] = translator.translate(
        sam, parameter_values=dict(PARAMETERS), get_managed_policy_map=lambda: {}
    )
    return template


def upload_artifacts(region: str) -> str:
    """The package's zips in a new bucket of ``region``'s partition; its name."""
    s3 = boto3.client("s3", region_name=region)
    where = {} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}
    s3.create_bucket(Bucket=ARTIFACT_BUCKET, **where)
    for name in ARTIFACTS:
        s3.upload_file(str(PACKAGE / name), ARTIFACT_BUCKET, name)
    return ARTIFACT_BUCKET


class _ApiShim:
    """A resource moto's CloudFormation lacks, created through the service's public API (see ``SHIMS``)."""

    def __init__(self, physical_resource_id: str) -> None:
        self.physical_resource_id = physical_resource_id

    @staticmethod
    def has_cfn_attr(attr: str) -> bool:
        return False

    @staticmethod
    def is_created() -> bool:
        return True

    @classmethod
    def create_from_cloudformation_json(
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kwargs: Any
    ) -> _ApiShim:
        create = CREATE[kwargs["ResourceType"]]
        return cls(create(region_name, cloudformation_json["Properties"]))


def _put_alarm(region: str, props: dict[str, Any]) -> str:
    boto3.client("cloudwatch", region_name=region).put_metric_alarm(**props)
    name: str = props["AlarmName"]
    return name


def _put_dashboard(region: str, props: dict[str, Any]) -> str:
    boto3.client("cloudwatch", region_name=region).put_dashboard(**props)
    name: str = props["DashboardName"]
    return name


def _put_bucket_policy(region: str, props: dict[str, Any]) -> str:
    s3 = boto3.client("s3", region_name=region)
    s3.put_bucket_policy(Bucket=props["Bucket"], Policy=json.dumps(props["PolicyDocument"]))
    name: str = props["Bucket"]
    return name


def _create_secret(region: str, props: dict[str, Any]) -> str:
    """CloudFormation generates the value (GenerateSecretString); GetRandomPassword takes the same options."""
    secrets = boto3.client("secretsmanager", region_name=region)
    generate = dict(props.get("GenerateSecretString", {}))
    template, key = generate.pop("SecretStringTemplate", None), generate.pop("GenerateStringKey", None)
    value = secrets.get_random_password(**generate)["RandomPassword"] if generate or key else ""
    if template is not None:
        value = json.dumps(json.loads(template) | {key: value})
    plain = {k: v for k, v in props.items() if k in ("Name", "Description", "KmsKeyId", "Tags")}
    arn: str = secrets.create_secret(**plain, SecretString=props.get("SecretString", value))["ARN"]
    return arn


def _put_invoke_config(region: str, props: dict[str, Any]) -> str:
    boto3.client("lambda", region_name=region).put_function_event_invoke_config(**props)
    name: str = props["FunctionName"]
    return name


def _update_api_account(region: str, props: dict[str, Any]) -> str:
    patch = [{"op": "replace", "path": "/cloudwatchRoleArn", "value": props["CloudWatchRoleArn"]}]
    boto3.client("apigateway", region_name=region).update_account(patchOperations=patch)
    return "ApiGatewayAccount"


def _create_stage(region: str, props: dict[str, Any]) -> str:
    """CreateStage, then the access log and the per-method settings as UpdateStage patches (as the console does)."""
    apigateway = boto3.client("apigateway", region_name=region)
    # moto answers Ref to a deployment with the deployment itself, not its id.
    deployment = getattr(props["DeploymentId"], "id", props["DeploymentId"])
    api, name = props["RestApiId"], props["StageName"]
    apigateway.create_stage(
        restApiId=api, stageName=name, deploymentId=deployment, tracingEnabled=props.get("TracingEnabled", False)
    )
    patch = [
        {"op": "replace", "path": f"/accessLogSettings/{key}", "value": props["AccessLogSetting"][field]}
        for key, field in (("destinationArn", "DestinationArn"), ("format", "Format"))
        if field in props.get("AccessLogSetting", {})
    ]
    settings = {"ThrottlingRateLimit": "throttling/rateLimit", "ThrottlingBurstLimit": "throttling/burstLimit"}
    for setting in props.get("MethodSettings", []):
        for field, path in settings.items():
            if field in setting:
                where = f"{setting['ResourcePath']}/{setting['HttpMethod']}/{path}"
                patch.append({"op": "replace", "path": where, "value": str(setting[field])})
    apigateway.update_stage(restApiId=api, stageName=name, patchOperations=patch)
    return str(name)


CREATE: dict[str, Callable[[str, dict[str, Any]], str]] = {
    "AWS::CloudWatch::Alarm": _put_alarm,
    "AWS::CloudWatch::Dashboard": _put_dashboard,
    "AWS::S3::BucketPolicy": _put_bucket_policy,
    "AWS::SecretsManager::Secret": _create_secret,
    "AWS::Lambda::EventInvokeConfig": _put_invoke_config,
    "AWS::ApiGateway::Account": _update_api_account,
    "AWS::ApiGateway::Stage": _create_stage,
}


@contextmanager
def moto_shims() -> Iterator[None]:
    """moto's CloudFormation taught what ``SHIMS`` says, for the duration only."""
    from moto.apigateway.models import RestAPI, apigateway_backends
    from moto.awslambda.models import LambdaFunction, LayerVersion, lambda_backends
    from moto.cloudformation import parsing
    from moto.dynamodb.models.table import Table
    from moto.s3.models import FakeBucket
    from moto.utilities.utils import get_partition

    original_type = parsing.resource_class_from_type
    original_rest_api = RestAPI.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
    original_bucket = FakeBucket.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
    original_map_init = parsing.ResourceMap.__init__
    original_layer = LayerVersion.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]
    original_table = Table.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]

    def resource_class_from_type(resource_type: str) -> Any:
        return _ApiShim if resource_type in CREATE else original_type(resource_type)

    def create_rest_api(
        cls: type, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kw: Any
    ) -> Any:
        api = original_rest_api(cls, resource_name, cloudformation_json, account_id, region_name, **kw)
        body = cloudformation_json["Properties"].get("Body")
        if body:
            # moto imports OpenAPI 3 only; the paths, methods and integrations read the same in Swagger 2.
            doc = {k: v for k, v in body.items() if k != "swagger"} | {"openapi": "3.0.1"}
            apigateway_backends[account_id][region_name].put_rest_api(api.id, doc, fail_on_warnings=False)
        return api

    def create_function(
        cls: type, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kw: Any
    ) -> Any:
        props = dict(cloudformation_json["Properties"])
        name = props.pop("FunctionName", resource_name)
        tags = {t["Key"]: t["Value"] for t in props.pop("Tags", [])}
        # moto answers Ref to a layer version with the version itself, not its ARN.
        props["Layers"] = [getattr(layer, "arn", layer) for layer in props.get("Layers", [])]
        boto3.client("lambda", region_name=region_name).create_function(FunctionName=name, Tags=tags, **props)
        return lambda_backends[account_id][region_name].get_function(name)

    def create_bucket(
        cls: type, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kw: Any
    ) -> Any:
        bucket = original_bucket(cls, resource_name, cloudformation_json, account_id, region_name, **kw)
        props = cloudformation_json.get("Properties", {})
        s3 = boto3.client("s3", region_name=region_name)
        if "VersioningConfiguration" in props:
            s3.put_bucket_versioning(Bucket=bucket.name, VersioningConfiguration=props["VersioningConfiguration"])
        if "PublicAccessBlockConfiguration" in props:
            s3.put_public_access_block(
                Bucket=bucket.name, PublicAccessBlockConfiguration=props["PublicAccessBlockConfiguration"]
            )
        return bucket

    def create_layer(
        cls: type, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kw: Any
    ) -> Any:
        name = cloudformation_json["Properties"].get("LayerName", resource_name)
        return original_layer(cls, name, cloudformation_json, account_id, region_name, **kw)

    def create_table(
        cls: type, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str, **kw: Any
    ) -> Any:
        table = original_table(cls, resource_name, cloudformation_json, account_id, region_name, **kw)
        props = cloudformation_json["Properties"]
        dynamodb = boto3.client("dynamodb", region_name=region_name)
        if "PointInTimeRecoverySpecification" in props:
            dynamodb.update_continuous_backups(
                TableName=table.name, PointInTimeRecoverySpecification=props["PointInTimeRecoverySpecification"]
            )
        ttl = props.get("TimeToLiveSpecification")
        described = dynamodb.describe_time_to_live(TableName=table.name)["TimeToLiveDescription"]
        if ttl and described["TimeToLiveStatus"] != "ENABLED":
            dynamodb.update_time_to_live(TableName=table.name, TimeToLiveSpecification=ttl)
        return table

    def resource_map_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_map_init(self, *args, **kwargs)
        partition = get_partition(self._region_name)
        self._parsed_resources["AWS::Partition"] = partition
        self._parsed_resources["AWS::URLSuffix"] = "amazonaws.com.cn" if partition == "aws-cn" else "amazonaws.com"

    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(parsing.ResourceMap, "__init__", resource_map_init))
        stack.enter_context(
            mock.patch.object(LambdaFunction, "create_from_cloudformation_json", classmethod(create_function))
        )
        stack.enter_context(
            mock.patch.object(LayerVersion, "create_from_cloudformation_json", classmethod(create_layer))
        )
        stack.enter_context(mock.patch.object(Table, "create_from_cloudformation_json", classmethod(create_table)))
        stack.enter_context(
            mock.patch.object(FakeBucket, "create_from_cloudformation_json", classmethod(create_bucket))
        )
        stack.enter_context(mock.patch.object(parsing, "resource_class_from_type", resource_class_from_type))
        stack.enter_context(mock.patch.object(RestAPI, "create_from_cloudformation_json", classmethod(create_rest_api)))
        yield


def create_stack(region: str) -> Stack:
    """Uploads the package, expands the template and creates the stack in ``region`` (inside mock_aws)."""
    sam = load_sam()
    bucket = upload_artifacts(region)
    template = expand(sam, region, bucket)
    cloudformation = boto3.client("cloudformation", region_name=region)
    name = stack_name(sam)
    with moto_shims():
        cloudformation.create_stack(
            StackName=name,
            TemplateBody=json.dumps(template),
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in PARAMETERS.items()],
            Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
        )
    described = cloudformation.describe_stacks(StackName=name)["Stacks"][0]
    summaries = cloudformation.get_paginator("list_stack_resources").paginate(StackName=name)
    resources = [r for page in summaries for r in page["StackResourceSummaries"]]
    return Stack(
        region=region,
        name=name,
        template=template,
        status=described["StackStatus"],
        reason=described.get("StackStatusReason", ""),
        # moto lists what it skipped as nameless entries.
        physical={r["LogicalResourceId"]: r["PhysicalResourceId"] for r in resources if r["LogicalResourceId"]},
        types={r["LogicalResourceId"]: r["ResourceType"] for r in resources if r["LogicalResourceId"]},
    )
