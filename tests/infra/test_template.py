"""The CloudFormation template, the pynamodb models and the IAM policies describe the same tables.

``infra/merge-template.json`` is what `chalice package` merges into the deployed stack and what
local tooling creates tables from; the models are what the code reads and writes.  A key, index
or TTL that differs between them only shows up at runtime in AWS, so it is checked here.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pynamodb.attributes import TTLAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models import table_models
from chalicelib.province import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "infra" / "merge-template.json"
CHALICE = ROOT / ".chalice"
STACK_NAME = "${AWS::StackName}"


def load_template() -> dict:
    return json.loads(TEMPLATE.read_text(encoding="utf-8"))


def load_config() -> dict:
    """The chalice config.json as `make package` renders it for the checked stages (scripts/stages.py)."""
    from tests.infra.aws_calls import load_config as rendered_config

    return rendered_config()


# ---------------------------------------------------------------------------------------------
# Normalised descriptions of a table, from a model and from a template resource
# ---------------------------------------------------------------------------------------------


def _keys(key_schema: list[dict], types: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    return {k["KeyType"]: (k["AttributeName"], types.get(k["AttributeName"])) for k in key_schema}


def describe_model(model: type[Model]) -> dict[str, Any]:
    schema = model._get_schema()
    types = {d["AttributeName"]: d["AttributeType"] for d in schema["attribute_definitions"]}
    for index in schema["global_secondary_indexes"] + schema["local_secondary_indexes"]:
        types.update({d["AttributeName"]: d["AttributeType"] for d in index["attribute_definitions"]})

    def indexes(kind: str) -> dict[str, dict]:
        return {
            index["index_name"]: {
                "keys": _keys(index["key_schema"], types),
                "projection": index["projection"]["ProjectionType"],
                "non_key": sorted(index["projection"].get("NonKeyAttributes", [])),
            }
            for index in schema[kind]
        }

    ttl = [a.attr_name for a in model.get_attributes().values() if isinstance(a, TTLAttribute)]
    return {
        "keys": _keys(schema["key_schema"], types),
        "gsi": indexes("global_secondary_indexes"),
        "lsi": indexes("local_secondary_indexes"),
        "ttl": ttl[0] if ttl else None,
        "attribute_definitions": types,
    }


def describe_resource(props: dict) -> dict[str, Any]:
    types = {d["AttributeName"]: d["AttributeType"] for d in props.get("AttributeDefinitions", [])}

    def indexes(key: str) -> dict[str, dict]:
        return {
            index["IndexName"]: {
                "keys": _keys(index["KeySchema"], types),
                "projection": index["Projection"]["ProjectionType"],
                "non_key": sorted(index["Projection"].get("NonKeyAttributes", [])),
            }
            for index in props.get(key, [])
        }

    ttl = props.get("TimeToLiveSpecification")
    return {
        "keys": _keys(props["KeySchema"], types),
        "gsi": indexes("GlobalSecondaryIndexes"),
        "lsi": indexes("LocalSecondaryIndexes"),
        "ttl": ttl["AttributeName"] if ttl and ttl.get("Enabled") else None,
        "attribute_definitions": types,
    }


def logical_name(props: dict) -> str | None:
    """``<logical>`` of a TableName ``{"Fn::Sub": "${AWS::StackName}-<logical>"}``, else None."""
    name = props.get("TableName")
    if isinstance(name, dict) and list(name) == ["Fn::Sub"] and isinstance(name["Fn::Sub"], str):
        match = re.fullmatch(re.escape(STACK_NAME) + r"-([a-z0-9][a-z0-9-]*)", name["Fn::Sub"])
        if match:
            return match[1]
    return None


def table_mismatches(template: dict, models: dict[type[Model], str]) -> list[str]:
    """Every difference between the template's tables and the models, as readable sentences."""
    problems: list[str] = []
    tables: dict[str, list[str]] = {}
    for resource_id, resource in template["Resources"].items():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            continue
        name = logical_name(resource["Properties"])
        if name is None:
            problems.append(f"{resource_id}: TableName must be {{'Fn::Sub': '{STACK_NAME}-<logical>'}}")
            continue
        tables.setdefault(name, []).append(resource_id)

    for model, logical in models.items():
        found = tables.get(logical, [])
        if len(found) != 1:
            problems.append(f"model {model.__name__}: expected exactly one table '{logical}', found {found}")
            continue
        expected = describe_model(model)
        actual = describe_resource(template["Resources"][found[0]]["Properties"])
        for aspect in ("keys", "ttl"):
            if expected[aspect] != actual[aspect]:
                problems.append(f"{logical}: {aspect} {actual[aspect]} in template, {expected[aspect]} in model")
        for kind in ("gsi", "lsi"):
            if set(expected[kind]) != set(actual[kind]):
                problems.append(
                    f"{logical}: {kind.upper()} names {sorted(actual[kind])} in template, "
                    f"{sorted(expected[kind])} in model"
                )
            for index in set(expected[kind]) & set(actual[kind]):
                if expected[kind][index] != actual[kind][index]:
                    problems.append(
                        f"{logical}: {kind.upper()} {index} is {actual[kind][index]} in template, "
                        f"{expected[kind][index]} in model"
                    )
        if expected["attribute_definitions"] != actual["attribute_definitions"]:
            problems.append(
                f"{logical}: AttributeDefinitions {actual['attribute_definitions']} in template, "
                f"key attributes {expected['attribute_definitions']} in model"
            )

    for logical, resource_ids in tables.items():
        if logical not in models.values():
            problems.append(f"table '{logical}' ({', '.join(resource_ids)}) has no model")
    return problems


# ---------------------------------------------------------------------------------------------
# The real template against the real models
# ---------------------------------------------------------------------------------------------


def test_every_model_has_exactly_its_table() -> None:
    assert table_models(), "no models registered"
    assert table_mismatches(load_template(), table_models()) == []


def test_tables_are_durable_and_encrypted() -> None:
    for resource_id, resource in load_template()["Resources"].items():
        if resource.get("Type") != "AWS::DynamoDB::Table":
            continue
        props = resource["Properties"]
        assert resource.get("DeletionPolicy") == "Retain", resource_id
        assert resource.get("UpdateReplacePolicy") == "Retain", resource_id
        assert props["BillingMode"] == "PAY_PER_REQUEST", resource_id
        assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}, resource_id
        assert props["SSESpecification"]["SSEEnabled"] is True, resource_id


# ---------------------------------------------------------------------------------------------
# The comparison can fail: mutated copies of the template, and a model without a table
# ---------------------------------------------------------------------------------------------


def _table(template: dict, logical: str) -> dict:
    for resource in template["Resources"].values():
        if resource.get("Type") == "AWS::DynamoDB::Table" and logical_name(resource["Properties"]) == logical:
            return resource["Properties"]
    raise KeyError(logical)


def _retype(props: dict, attribute: str, kind: str) -> None:
    for definition in props["AttributeDefinitions"]:
        if definition["AttributeName"] == attribute:
            definition["AttributeType"] = kind


MUTATIONS: dict[str, tuple[Callable[[dict], None], str]] = {
    "range key type": (lambda t: _retype(_table(t, "audit-events"), "event_key", "N"), "audit-events: keys"),
    "hash key renamed": (
        lambda t: _table(t, "name-claims")["KeySchema"][0].update(AttributeName="name"),
        "name-claims: keys",
    ),
    "range key added": (
        lambda t: _table(t, "name-claims")["KeySchema"].append({"AttributeName": "claim", "KeyType": "RANGE"}),
        "name-claims: keys",
    ),
    "gsi dropped": (lambda t: _table(t, "accounts").pop("GlobalSecondaryIndexes"), "accounts: GSI names"),
    "gsi renamed": (
        lambda t: _table(t, "organisations")["GlobalSecondaryIndexes"][0].update(IndexName="by-created"),
        "organisations: GSI names",
    ),
    "gsi hash and range swapped": (
        lambda t: [
            key.update(KeyType={"HASH": "RANGE", "RANGE": "HASH"}[key["KeyType"]])
            for key in _table(t, "accounts")["GlobalSecondaryIndexes"][0]["KeySchema"]
        ],
        "accounts: GSI org-username-index",
    ),
    "gsi projection": (
        lambda t: _table(t, "audit-events")["GlobalSecondaryIndexes"][0].update(
            Projection={"ProjectionType": "KEYS_ONLY"}
        ),
        "audit-events: GSI target-event-index",
    ),
    "gsi key type": (lambda t: _retype(_table(t, "organisations"), "listing", "N"), "organisations: GSI"),
    "ttl dropped": (lambda t: _table(t, "login-attempts").pop("TimeToLiveSpecification"), "login-attempts: ttl"),
    "ttl renamed": (
        lambda t: _table(t, "login-attempts")["TimeToLiveSpecification"].update(AttributeName="ttl"),
        "login-attempts: ttl",
    ),
    "ttl on a table without one": (
        lambda t: _table(t, "accounts").update(
            TimeToLiveSpecification={"AttributeName": "expires_at", "Enabled": True}
        ),
        "accounts: ttl",
    ),
    "extra attribute definition": (
        lambda t: _table(t, "name-claims")["AttributeDefinitions"].append(
            {"AttributeName": "owner_id", "AttributeType": "S"}
        ),
        "name-claims: AttributeDefinitions",
    ),
    "table renamed": (
        lambda t: _table(t, "accounts").update(TableName={"Fn::Sub": STACK_NAME + "-users"}),
        "table 'users'",
    ),
    "literal table name": (
        lambda t: _table(t, "accounts").update(TableName="cme-prod-accounts"),
        "TableName must be",
    ),
    "duplicated table": (
        lambda t: t["Resources"].update(Copy=copy.deepcopy(t["Resources"]["NameClaimsTable"])),
        "exactly one table 'name-claims'",
    ),
    "table without a model": (
        lambda t: t["Resources"].update(
            Extra={
                "Type": "AWS::DynamoDB::Table",
                "Properties": {
                    "TableName": {"Fn::Sub": STACK_NAME + "-extra"},
                    "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                    "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                },
            }
        ),
        "table 'extra' (Extra) has no model",
    ),
}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_mutated_template_is_rejected(mutation: str) -> None:
    mutate, expected = MUTATIONS[mutation]
    template = load_template()
    mutate(template)
    problems = table_mismatches(template, table_models())
    assert any(expected in problem for problem in problems), problems


def test_a_model_without_a_table_is_rejected() -> None:
    class Archive(Model):
        class Meta:
            table_name = "archives"

        archive_id = UnicodeAttribute(hash_key=True)

    models = {**table_models(), Archive: "archives"}
    problems = table_mismatches(load_template(), models)
    assert problems == ["model Archive: expected exactly one table 'archives', found []"]


# ---------------------------------------------------------------------------------------------
# IAM policies name only our stage's tables and bucket
# ---------------------------------------------------------------------------------------------

STAGES = sorted(load_config()["stages"])
ARN = r"arn:(\*|aws|aws-cn):"


def _policy(stage: str, function: str = "api_handler") -> dict:
    """The policy file of one Lambda function in ``stage`` (the stage's own file is the API handler's)."""
    from tests.infra.aws_calls import load_policy, policy_file

    config = load_config()
    stage_config = config["stages"][stage]
    filename = stage_config["iam_policy_file"]
    assert filename == f"policy-{stage}.json"
    filename = stage_config.get("lambda_functions", {}).get(function, {}).get("iam_policy_file", filename)
    assert filename.startswith(f"policy-{stage}"), filename
    assert policy_file(stage, function) == filename
    return load_policy(stage, function)


def _functions(stage: str) -> list[str]:
    return ["api_handler", *sorted(load_config()["stages"][stage].get("lambda_functions", {}))]


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _template_names(stage: str) -> tuple[list[str], str]:
    """Table and bucket names the template gives under the stack name convention ``cme-<stage>``."""
    resources = load_template()["Resources"]

    def sub(text: str) -> str:
        return text.replace(STACK_NAME, f"cme-{stage}").replace("${AWS::AccountId}", "123456789012")

    tables = [
        sub(r["Properties"]["TableName"]["Fn::Sub"])
        for r in resources.values()
        if r.get("Type") == "AWS::DynamoDB::Table"
    ]
    return tables, sub(resources["FilesBucket"]["Properties"]["BucketName"]["Fn::Sub"])


def test_config_stages_and_settings() -> None:
    config = load_config()
    assert config["app_name"] == "cme-credits"
    assert config["autogen_policy"] is False
    assert config["api_gateway_endpoint_type"] == "REGIONAL"
    assert config.get("api_gateway_stage", "api") == "api"  # CloudFront routes /api/* to this stage
    assert set(STAGES) == {"dev", "prod", "prodzj"}  # rendered from the one template (scripts/stages.py)
    for stage in STAGES:
        variables = config["stages"][stage]["environment_variables"]
        assert variables["STAGE"] == stage
        assert "JWT_SECRET" not in variables  # comes from Secrets Manager, never from the repo


def test_every_setting_reaches_every_function() -> None:
    """Chalice's per-stage variables plus the template's Globals cover what the app reads."""
    template = load_template()
    globals_ = template["Globals"]["Function"]["Environment"]["Variables"]
    assert globals_["TABLE_PREFIX"] == {"Ref": "AWS::StackName"}
    assert globals_["BUCKET_NAME"] == {"Ref": "FilesBucket"}
    needed = {
        "STAGE",
        "TABLE_PREFIX",
        "BUCKET_NAME",
        "JWT_SECRET_ID",
        "PII_KEY_SECRET_ID",
        "ID_ENCRYPTION_KEY_SECRET_ID",
        "TOKEN_TTL_SECONDS",
        "MAIL_SENDER",
        "APP_ORIGIN",
        "APP_VERSION",
        *(variable for variable, _, _ in SETTINGS.values()),
    }
    for stage in STAGES:
        variables = set(load_config()["stages"][stage]["environment_variables"]) | set(globals_)
        assert needed <= variables, (stage, needed - variables)


# The secrets the functions read at run time (``<stack>/<name>``); a grant names one of them exactly.
STACK_SECRETS = ("smtp", "jwt-signing-key", "pii-key", "id-encryption-key", "origin-verify")

OTHER_STAGE_KEY = "arn:*:secretsmanager:*:*:secret:cme-prod/pii-key-??????"

# X-Ray's writes take no resource: the only actions granted on "*".
XRAY_WRITES = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


def policy_problems(policy: dict, stage: str) -> list[str]:
    """Why ``policy`` is not least privilege for the stack ``cme-<stage>`` (empty when it is)."""
    prefix = f"cme-{stage}-"
    # Tables are named one by one (cme-prod-* would also match another stage such as cme-prod-zj-*).
    table_arn = re.compile(ARN + rf"dynamodb:\*:\*:table/{re.escape(prefix)}([a-z0-9-]+)(/index/[a-z0-9-]+)?")
    # the bucket, all its objects, or the background jobs' files only (the worker's grant)
    bucket_arn = re.compile(ARN + rf"s3:::{re.escape(prefix)}files-\*(/\*|/exports/\*)?")
    tables, bucket = _template_names(stage)
    problems: list[str] = []
    seen: set[str] = set()

    for number, statement in enumerate(policy["Statement"]):
        where = f"statement {statement.get('Sid', number)}"
        if statement.get("Effect") not in ("Allow", "Deny") or "NotResource" in statement or "NotAction" in statement:
            problems.append(f"{where}: only plain Allow and Deny statements are expected")
            continue
        actions = _as_list(statement["Action"])
        resources = _as_list(statement["Resource"])
        if "*" in resources and not set(actions) <= XRAY_WRITES:
            problems.append(f'{where}: "Resource": "*"')
        problems += [f"{where}: wildcard action {a}" for a in actions if a == "*" or a.endswith(":*")]
        services = {action.split(":")[0] for action in actions}
        if len(services) != 1:
            problems.append(f"{where}: mixes services {sorted(services)}")
            continue
        service = services.pop()
        seen.add(service)
        if service == "dynamodb":
            for resource in resources:
                match = table_arn.fullmatch(resource)
                if not match:
                    problems.append(f"{where}: {resource} is not a {prefix}* table")
                elif f"{prefix}{match[2]}" not in tables:
                    problems.append(f"{where}: {resource} is not a table of the template")
        elif service == "s3":
            for resource in resources:
                if not bucket_arn.fullmatch(resource):
                    problems.append(f"{where}: {resource} is not the {prefix}files-* bucket")
                elif not fnmatch.fnmatchcase(
                    bucket + ("/exports/key" if resource.endswith("/*") else ""), resource.split(":::", 1)[1]
                ):
                    problems.append(f"{where}: {resource} does not cover the template's bucket {bucket}")
            # Bucket names are global: restrict the wildcard to buckets of this account.
            if statement.get("Condition") != {"StringEquals": {"s3:ResourceAccount": "${aws:PrincipalAccount}"}}:
                problems.append(f"{where}: S3 access is not limited to the account's own buckets")
        else:
            problems += [
                f"{where}: {r} is not a {service} ARN"
                for r in resources
                if not re.match(ARN + re.escape(service) + ":", r) and not (r == "*" and service == "xray")
            ]
        if service == "logs":
            problems += [
                f"{where}: {r} is not a {prefix}* function's log"
                for r in resources
                if f"log-group:/aws/lambda/{prefix}" not in r
            ]
        if service == "secretsmanager":
            problems += [
                f"{where}: {r} is not one of the stage's secrets (SMTP account, keys, origin)"
                for r in resources
                if not any(r.endswith(f":secret:cme-{stage}/{name}-??????") for name in STACK_SECRETS)
            ]
    problems += [f"no statement for {service}" for service in ("dynamodb", "logs") if service not in seen]
    return problems


@pytest.mark.parametrize("stage", STAGES)
def test_policy_names_only_the_stage_tables_and_bucket(stage: str) -> None:
    for function in _functions(stage):
        assert policy_problems(_policy(stage, function), stage) == [], function


def _statement(policy: dict, sid: str) -> dict:
    return next(s for s in policy["Statement"] if s["Sid"] == sid)


POLICY_MUTATIONS: dict[str, tuple[Callable[[dict], None], str]] = {
    "dynamodb on *": (lambda p: _statement(p, "TablesGetItem").update(Resource="*"), '"Resource": "*"'),
    "any table": (
        lambda p: _statement(p, "TablesGetItem").update(Resource=["arn:aws-cn:dynamodb:*:*:table/*"]),
        "is not a cme-dev-* table",
    ),
    "every table of the stage": (
        lambda p: _statement(p, "TablesGetItem").update(Resource=["arn:*:dynamodb:*:*:table/cme-dev-*"]),
        "is not a cme-dev-* table",
    ),
    "other stage's tables": (
        lambda p: _statement(p, "TablesGetItem").update(Resource=["arn:*:dynamodb:*:*:table/cme-prod-accounts"]),
        "is not a cme-dev-* table",
    ),
    "a table not in the template": (
        lambda p: _statement(p, "TablesGetItem").update(Resource=["arn:*:dynamodb:*:*:table/cme-dev-zj-accounts"]),
        "is not a table of the template",
    ),
    "dynamodb:*": (lambda p: _statement(p, "TablesGetItem").update(Action="dynamodb:*"), "wildcard action"),
    "any bucket": (lambda p: _statement(p, "FilesObjects").update(Resource="arn:*:s3:::*/*"), "files-* bucket"),
    "no account condition": (lambda p: _statement(p, "FilesObjects").pop("Condition"), "own buckets"),
    "dynamodb statements removed": (
        lambda p: p.update(Statement=[s for s in p["Statement"] if not s["Sid"].startswith(("Tables", "Audit"))]),
        "no statement for dynamodb",
    ),
    "NotAction": (lambda p: _statement(p, "AuditEventsAreAppendOnly").update(NotAction="dynamodb:Query"), "plain"),
    "more than X-Ray on *": (
        lambda p: _statement(p, "Tracing").update(Action=["xray:PutTraceSegments", "xray:GetTraceSummaries"]),
        '"Resource": "*"',
    ),
    "every secret": (
        lambda p: _statement(p, "SmtpSecret").update(Resource="arn:*:secretsmanager:*:*:secret:*"),
        "not one of the stage's secrets",
    ),
    "another stage's key": (
        lambda p: _statement(p, "KeySecrets").update(Resource=OTHER_STAGE_KEY),
        "not one of the stage's secrets",
    ),
}


@pytest.mark.parametrize("mutation", sorted(POLICY_MUTATIONS))
def test_a_too_broad_policy_is_rejected(mutation: str) -> None:
    mutate, expected = POLICY_MUTATIONS[mutation]
    policy = _policy("dev")
    mutate(policy)
    problems = policy_problems(policy, "dev")
    assert any(expected in problem for problem in problems), problems


def test_policies_differ_only_by_stage() -> None:
    assert _functions("dev") == _functions("prod")
    for function in _functions("dev"):
        dev = re.sub(r"cme-dev([-/])", r"cme-STAGE\1", json.dumps(_policy("dev", function)))
        prod = re.sub(r"cme-prod([-/])", r"cme-STAGE\1", json.dumps(_policy("prod", function)))
        assert dev == prod, function


# ---------------------------------------------------------------------------------------------
# Keys and data outlive the stack
# ---------------------------------------------------------------------------------------------


def test_keys_and_data_stores_are_retained() -> None:
    """Recreating the stack must not regenerate the keys behind ID hashes, encrypted ID copies and tokens (every
    hash and ciphertext would be orphaned), nor drop the tables or the bucket."""
    resources = load_template()["Resources"]
    kept = {"AWS::SecretsManager::Secret", "AWS::DynamoDB::Table", "AWS::S3::Bucket"}
    stores = {rid: r for rid, r in resources.items() if r.get("Type") in kept}
    assert {"JwtSecret", "PiiKeySecret", "IdEncryptionKeySecret", "FilesBucket"} <= set(stores)
    for resource_id, resource in stores.items():
        assert resource.get("DeletionPolicy") == "Retain", resource_id
        assert resource.get("UpdateReplacePolicy") == "Retain", resource_id


# ---------------------------------------------------------------------------------------------
# API Gateway's own errors use the app's error envelope
# ---------------------------------------------------------------------------------------------

EXPECTED_GATEWAY_RESPONSES = {
    "UNAUTHORIZED": ("401", "UNAUTHENTICATED", "登录已失效，请重新登录"),
    "ACCESS_DENIED": ("401", "UNAUTHENTICATED", "登录已失效，请重新登录"),
    "MISSING_AUTHENTICATION_TOKEN": ("404", "NOT_FOUND", "接口不存在"),
    "THROTTLED": ("429", "THROTTLED", "请求过于频繁，请稍后再试"),
    "DEFAULT_5XX": ("500", "INTERNAL", "服务器内部错误，请稍后再试"),
    # the authorizer could not run (e.g. DynamoDB did not answer): as the app's own 503 (issue #12, item 7)
    "AUTHORIZER_FAILURE": ("503", "UPSTREAM_UNAVAILABLE", "服务暂时不可用，请稍后再试"),
    "AUTHORIZER_CONFIGURATION_ERROR": ("503", "UPSTREAM_UNAVAILABLE", "服务暂时不可用，请稍后再试"),
    # every other 4xx of API Gateway (e.g. 413 payload too large) keeps its status
    "DEFAULT_4XX": (None, "BAD_REQUEST", "请求无法处理，请检查后重试"),
}


def test_gateway_responses_use_the_error_envelope() -> None:
    api = load_template()["Resources"]["RestAPI"]["Properties"]
    responses = api["DefinitionBody"]["x-amazon-apigateway-gateway-responses"]
    assert set(responses) == set(EXPECTED_GATEWAY_RESPONSES)
    for response_type, (status, code, message) in EXPECTED_GATEWAY_RESPONSES.items():
        response = responses[response_type]
        assert response.get("statusCode") == status, response_type
        body = json.loads(response["responseTemplates"]["application/json"])
        assert body == {"error": {"code": code, "message": message, "field": None}}, response_type


def test_origin_secret_reaches_the_api_handler_unless_switched_off() -> None:
    """Issue #12, item 8: a generated secret (never in the repository) that CloudFront sends and the app checks;
    issue #14: the API handler reads it at run time (its ARN in ORIGIN_VERIFY_SECRET_ID), current and previous
    versions, so no previous value travels as a parameter."""
    template = load_template()
    secret = template["Resources"]["OriginVerifySecret"]
    assert secret["Type"] == "AWS::SecretsManager::Secret"
    assert secret["Properties"]["Name"] == {"Fn::Sub": "${AWS::StackName}/origin-verify"}
    assert secret["Properties"]["GenerateSecretString"]["PasswordLength"] >= 32
    assert template["Parameters"]["OriginVerify"]["Default"] == "required"
    assert template["Conditions"]["OriginVerifyRequired"] == {"Fn::Equals": [{"Ref": "OriginVerify"}, "required"]}
    variables = template["Resources"]["APIHandler"]["Properties"]["Environment"]["Variables"]
    secret_id = {"Fn::If": ["OriginVerifyRequired", {"Ref": "OriginVerifySecret"}, ""]}
    assert variables["ORIGIN_VERIFY_SECRET_ID"] == secret_id
    assert "OriginVerifyPrevious" not in template["Parameters"]
    for name in ("ORIGIN_VERIFY_SECRET", "ORIGIN_VERIFY_PREVIOUS", "ORIGIN_VERIFY_SECRET_ID"):
        assert name not in template["Globals"]["Function"]["Environment"]["Variables"]  # the API handler's alone
    for stage in STAGES:
        assert not {"ORIGIN_VERIFY_SECRET", "ORIGIN_VERIFY_SECRET_ID"} & set(
            load_config()["stages"][stage]["environment_variables"]
        )


def test_api_stage_is_throttled() -> None:
    settings = load_template()["Resources"]["RestAPI"]["Properties"]["MethodSettings"]
    assert {"ResourcePath": "/*", "HttpMethod": "*"}.items() <= settings[0].items()
    assert settings[0]["ThrottlingRateLimit"] and settings[0]["ThrottlingBurstLimit"]


def _method_path(path: str) -> str:
    """A route as API Gateway's MethodSettings name it: every slash as ``~1``, after a leading slash."""
    return "/" + path.replace("/", "~1")


THROTTLED_PUBLIC = {  # route -> (rate, burst) parameters of its own budget
    ("GET", "/public/attendance/{session_id}/{kind}"): ("AttendanceRateLimit", "AttendanceBurstLimit"),
    ("POST", "/public/attendance/{session_id}/sign-in"): ("AttendanceRateLimit", "AttendanceBurstLimit"),
    ("POST", "/public/attendance/{session_id}/sign-out/lookup"): ("AttendanceRateLimit", "AttendanceBurstLimit"),
    ("POST", "/public/attendance/{session_id}/sign-out"): ("AttendanceRateLimit", "AttendanceBurstLimit"),
    ("POST", "/public/certificates/query"): ("PublicQueryRateLimit", "PublicQueryBurstLimit"),
    ("GET", "/public/certificates/{code}"): ("PublicQueryRateLimit", "PublicQueryBurstLimit"),
    ("GET", "/public/certificates/{code}/pdf"): ("PublicQueryRateLimit", "PublicQueryBurstLimit"),
    ("GET", "/public/projects"): ("PublicQueryRateLimit", "PublicQueryBurstLimit"),
    ("POST", "/public/person-credits"): ("PublicQueryRateLimit", "PublicQueryBurstLimit"),
    # every phone page load reads the titles: a scan's page must not wait on the logged-in budget
    ("GET", "/meta"): ("AttendanceRateLimit", "AttendanceBurstLimit"),
}


def test_public_routes_have_their_own_throttles_sized_for_a_province() -> None:
    from app import app

    template = load_template()
    settings = template["Resources"]["RestAPI"]["Properties"]["MethodSettings"]
    by_route = {(s["HttpMethod"], s["ResourcePath"]): s for s in settings}
    assert len(by_route) == len(settings), "one setting per method"
    routes = {(method, path) for path, methods in app.routes.items() for method in methods}
    public = {route for route in routes if route[1].startswith("/public/")} | {("GET", "/meta")}
    assert public == set(THROTTLED_PUBLIC), "every public route under /public/ has its own budget"
    for (method, path), (rate, burst) in THROTTLED_PUBLIC.items():
        assert (method, path) in routes, f"{method} {path} is no route"
        setting = by_route.pop((method, _method_path(path)))
        assert (setting["ThrottlingRateLimit"], setting["ThrottlingBurstLimit"]) == ({"Ref": rate}, {"Ref": burst})
    logged_in = by_route.pop(("*", "/*"))
    assert (logged_in["ThrottlingRateLimit"], logged_in["ThrottlingBurstLimit"]) == (
        {"Ref": "ApiRateLimit"},
        {"Ref": "ApiBurstLimit"},
    ), "every other route (the console's) keeps the stage's own"
    assert by_route == {}, "no setting for a route that does not exist"
    defaults = {name: template["Parameters"][name]["Default"] for name in template["Parameters"] if "Limit" in name}
    assert defaults["AttendanceRateLimit"] >= 1000 and defaults["AttendanceBurstLimit"] >= 2000, "many halls at once"
    assert defaults["PublicQueryRateLimit"] < defaults["ApiRateLimit"] < defaults["AttendanceRateLimit"]
    assert all(defaults[f"{kind}BurstLimit"] >= defaults[f"{kind}RateLimit"] for kind in ("Api", "Attendance"))
    assert _method_path("/public/attendance/{session_id}/sign-in") == "/~1public~1attendance~1{session_id}~1sign-in"


def test_the_jobs_worker_listens_to_the_stacks_own_queue() -> None:
    """chalice package merges the template into its own dict by dict: the worker's placeholder queue ARN (a string)
    must be replaced whole by the JobsQueue reference, never left beside it (cfn-lint refuses that)."""
    from chalice.package import TemplateDeepMerger

    from chalicelib.handlers import jobs

    generated = {
        "Resources": {
            "RunJobs": {
                "Type": "AWS::Serverless::Function",
                "Properties": {
                    "Events": {
                        "RunJobsSqsEventSource": {
                            "Type": "SQS",
                            "Properties": {"Queue": jobs.QUEUE_ARN, "BatchSize": 1},
                        }
                    }
                },
            }
        }
    }
    merged = TemplateDeepMerger().merge(load_template(), generated)
    source = merged["Resources"]["RunJobs"]["Properties"]["Events"]["RunJobsSqsEventSource"]["Properties"]
    assert source["Queue"] == {"Fn::GetAtt": ["JobsQueue", "Arn"]}
    assert merged["Resources"]["JobsQueue"]["Type"] == "AWS::SQS::Queue"


# ---------------------------------------------------------------------------------------------
# Operations baseline (issue #14 item 2): logs, tracing, alarms, failure queues, memory
# ---------------------------------------------------------------------------------------------


def _function_logical_ids() -> dict[str, str]:
    from tests.infra.aws_calls import lambda_functions

    return lambda_functions()


def test_every_function_logs_to_a_declared_group_kept_at_least_180_days() -> None:
    """Chalice's log_retention_in_days is ignored by `chalice package` (upstream issue 2079): each function names its
    log group (LoggingConfig), declared here with the retention parameter, whose every allowed value is >= 180 days
    (China keeps network logs at least six months). The groups outlive the stack, like the data."""
    template = load_template()
    resources, retention = template["Resources"], template["Parameters"]["LogRetentionDays"]
    assert retention["Type"] == "Number" and retention["Default"] >= 180
    assert min(retention["AllowedValues"]) >= 180
    for function, logical_id in _function_logical_ids().items():
        config = resources[logical_id]["Properties"]["LoggingConfig"]
        group = resources[config["LogGroup"]["Ref"]]
        assert group["Type"] == "AWS::Logs::LogGroup", function
        assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}, function
        # the name the IAM policies grant log streams in (no logs:CreateLogGroup: the group exists before the function)
        assert group["Properties"]["LogGroupName"] == {"Fn::Sub": f"/aws/lambda/{STACK_NAME}-{logical_id}"}, function
        assert group.get("DeletionPolicy") == "Retain" and group.get("UpdateReplacePolicy") == "Retain", function
        for stage in STAGES:
            resources_granted = [
                r
                for s in _policy(stage, function)["Statement"]
                if s["Sid"] == "LogStreams"
                for r in _as_list(s["Resource"])
            ]
            assert resources_granted == [f"arn:*:logs:*:*:log-group:/aws/lambda/cme-{stage}-{logical_id}:log-stream:*"]
            assert not any(
                "logs:CreateLogGroup" in _as_list(s["Action"]) for s in _policy(stage, function)["Statement"]
            )


def test_the_api_access_log_has_the_caller_and_request_id_and_no_request_data() -> None:
    """One JSON line per request with API Gateway's request id (the app's log lines carry the same id and the
    viewer's address behind CloudFront) and the address that connected; never the path with its values, the query
    string or the body, which can carry ID numbers."""
    resources = load_template()["Resources"]
    setting = resources["RestAPI"]["Properties"]["AccessLogSetting"]
    destination = setting["DestinationArn"]["Fn::Sub"]
    assert destination.endswith(":log-group:${ApiAccessLogGroup}")
    group = resources["ApiAccessLogGroup"]
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    assert group.get("DeletionPolicy") == "Retain"
    line = json.loads(setting["Format"])
    assert line["requestId"] == "$context.requestId"
    assert line["sourceIp"] == "$context.identity.sourceIp"
    assert {"status", "resourcePath", "responseLatency", "requestTimeEpoch"} <= set(line)
    text = setting["Format"]
    for leak in ("$context.path", "$input", "querystring", "$context.requestOverride", "$method.request"):
        assert leak not in text, leak
    assert load_template()["Conditions"]["CreateApiGatewayLogsRole"]  # the account's logging role (access log)
    assert resources["ApiGatewayAccount"]["Condition"] == "CreateApiGatewayLogsRole"
    # A stage with an access log fails to create before the account's logging role is set: the API waits for it.
    assert "ApiLogsRoleReady" in resources["RestAPI"]["DependsOn"]
    ready = resources["ApiLogsRoleReady"]
    assert ready["Type"] == "AWS::CloudFormation::WaitConditionHandle"
    assert ready["Metadata"]["ApiGatewayAccount"] == {
        "Fn::If": ["CreateApiGatewayLogsRole", {"Ref": "ApiGatewayAccount"}, ""]
    }


def test_tracing_is_active_on_every_function_and_the_api() -> None:
    """Active on every function where Lambda has X-Ray (not in the China regions: PassThrough, Lambda's default)."""
    template = load_template()
    assert template["Conditions"]["LambdaTracingAvailable"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "AWS::Partition"}, "aws-cn"]}]
    }
    assert "xray" not in load_config(), "chalice's xray would set Active everywhere, the China regions included"
    # The merge template's overrides of the functions chalice packages (same logical ids as their log groups).
    for rid in (
        "APIHandler",
        "JwtAuthorizer",
        "CloseAttendanceWindows",
        "CreditDeadlineReminders",
        "RemovePersonalDetails",
        "RunJobs",
    ):
        tracing = template["Resources"][rid]["Properties"]["Tracing"]
        assert tracing == {"Fn::If": ["LambdaTracingAvailable", "Active", "PassThrough"]}, rid
    assert template["Resources"]["RestAPI"]["Properties"]["TracingEnabled"] is True


def _alarms() -> dict[str, dict]:
    resources = load_template()["Resources"]
    return {rid: r["Properties"] for rid, r in resources.items() if r.get("Type") == "AWS::CloudWatch::Alarm"}


def test_alarms_cover_the_api_every_function_and_the_queues_and_mail_the_topic() -> None:
    template = load_template()
    resources, alarms = template["Resources"], _alarms()
    topic = resources["AlarmTopic"]
    assert topic["Type"] == "AWS::SNS::Topic"
    assert topic["Properties"]["Subscription"] == [{"Protocol": "email", "Endpoint": {"Ref": "AlarmEmail"}}]
    assert "Default" not in template["Parameters"]["AlarmEmail"]  # every stage names who is told
    for rid, alarm in alarms.items():
        assert alarm["AlarmActions"] == [{"Ref": "AlarmTopic"}], rid
        assert "docs/deploy.md" in alarm["AlarmDescription"], rid  # what to do is written down
        assert alarm["AlarmName"]["Fn::Sub"].startswith(STACK_NAME + "-"), rid

    def watching(namespace: str, metric: str, dimension: dict) -> list[str]:
        return [
            rid
            for rid, a in alarms.items()
            if a.get("Namespace") == namespace
            and a.get("MetricName") == metric
            and dimension in a.get("Dimensions", [])
        ]

    for function, logical_id in _function_logical_ids().items():
        for metric in ("Errors", "Throttles"):
            assert watching("AWS/Lambda", metric, {"Name": "FunctionName", "Value": {"Ref": logical_id}}), (
                function,
                metric,
            )
    depth, age = "ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"
    for queue in ("JobsDeadLetterQueue", "ScheduleFailuresQueue"):
        assert watching("AWS/SQS", depth, {"Name": "QueueName", "Value": {"Fn::GetAtt": [queue, "QueueName"]}}), queue
    assert watching("AWS/SQS", age, {"Name": "QueueName", "Value": {"Fn::GetAtt": ["JobsQueue", "QueueName"]}})
    rate = alarms["ApiServerErrorRateAlarm"]
    stats = {m["Id"]: m["MetricStat"]["Metric"] for m in rate["Metrics"] if "MetricStat" in m}
    assert {stats["errors"]["MetricName"], stats["requests"]["MetricName"]} == {"5XXError", "Count"}
    api_name = {"Name": "ApiName", "Value": {"Ref": "AWS::StackName"}}
    assert api_name in stats["errors"]["Dimensions"]
    assert resources["RestAPI"]["Properties"]["Name"] == {"Ref": "AWS::StackName"}  # what ApiName names


def test_the_dashboard_is_valid_and_shows_the_app_metrics() -> None:
    resources = load_template()["Resources"]
    body = resources["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
    references = set(re.findall(r"\$\{([A-Za-z:.]+)\}", body))
    for reference in references - {"AWS::StackName", "AWS::Region"}:
        assert reference.split(".")[0] in resources, reference
    widgets = json.loads(re.sub(r"\$\{[A-Za-z:.]+\}", "x", body))["widgets"]
    shown = {metric[1] for widget in widgets for metric in widget["properties"]["metrics"]}
    from chalicelib.observability import METRICS

    assert set(METRICS) <= shown
    assert {"Count", "Latency", "5XXError", "ApproximateNumberOfMessagesVisible"} <= shown


def test_scheduled_runs_have_a_failure_queue_and_jobs_a_dead_letter_queue() -> None:
    from chalice.app import ScheduledEventConfig
    from chalice.utils import to_cfn_resource_name

    from app import app

    resources = load_template()["Resources"]
    configs = {
        r["Properties"]["FunctionName"]["Ref"]: r["Properties"]
        for r in resources.values()
        if r.get("Type") == "AWS::Lambda::EventInvokeConfig"
    }
    scheduled = {to_cfn_resource_name(s.name) for s in app.event_sources if isinstance(s, ScheduledEventConfig)}
    assert scheduled and set(configs) == scheduled
    for logical_id, config in configs.items():
        # the reminders count on Lambda's two retries of a failed run (README, credits)
        assert config["MaximumRetryAttempts"] == 2, logical_id
        destination = config["DestinationConfig"]["OnFailure"]["Destination"]
        assert destination == {"Fn::GetAtt": ["ScheduleFailuresQueue", "Arn"]}, logical_id
    jobs = resources["JobsQueue"]["Properties"]["RedrivePolicy"]
    assert jobs["deadLetterTargetArn"] == {"Fn::GetAtt": ["JobsDeadLetterQueue", "Arn"]}
    for queue in ("JobsQueue", "JobsDeadLetterQueue", "ScheduleFailuresQueue"):
        assert resources[queue]["Properties"]["SqsManagedSseEnabled"] is True, queue
    # dead letters are kept longer than anyone's holiday
    assert resources["ScheduleFailuresQueue"]["Properties"]["MessageRetentionPeriod"] == 14 * 24 * 3600


def test_memory_per_function_follows_the_measurements() -> None:
    """docs/deploy.md, Memory: the renderers (API: PDFs, posters, argon2; run-jobs: exports and certificate PDFs) get
    one full vCPU (1,769 MB); the authorizer and the scheduled runs, which wait on DynamoDB, a little."""
    config = load_config()
    for stage in STAGES:
        functions = config["stages"][stage]["lambda_functions"]

        def memory(function: str, functions: dict = functions) -> int:
            return functions.get(function, {}).get("lambda_memory_size", config["lambda_memory_size"])

        assert memory("api_handler") == memory("run-jobs") == 1769
        assert memory("jwt_authorizer") <= 256
        assert memory("close-attendance-windows") <= 512 and memory("credit-deadline-reminders") <= 512


def test_the_smtp_secret_reaches_the_functions_and_only_mailing_ones_may_read_it() -> None:
    template = load_template()
    secret = template["Resources"]["SmtpSecret"]
    assert secret["Properties"]["Name"] == {"Fn::Sub": STACK_NAME + "/smtp"}
    assert secret.get("DeletionPolicy") == "Retain"
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["SMTP_SECRET_ID"] == {"Ref": "SmtpSecret"}  # its ARN: read at run time, never in the environment
    assert variables["POWERTOOLS_METRICS_NAMESPACE"] == {"Ref": "AWS::StackName"}
    for stage in STAGES:
        for function in _functions(stage):
            statements = _policy(stage, function)["Statement"]
            mails = any("ses:SendEmail" in _as_list(s["Action"]) for s in statements)
            reads = [
                s
                for s in statements
                if "secretsmanager:GetSecretValue" in _as_list(s["Action"])
                and any("/smtp-" in r for r in _as_list(s["Resource"]))
            ]
            assert bool(reads) == mails, (stage, function)


# The keys' secrets, by the setting that names them, and the functions that may read each.
KEY_SECRETS = {
    "JWT_SECRET_ID": ("JwtSecret", "jwt-signing-key"),
    "PII_KEY_SECRET_ID": ("PiiKeySecret", "pii-key"),
    "ID_ENCRYPTION_KEY_SECRET_ID": ("IdEncryptionKeySecret", "id-encryption-key"),
}
KEY_READERS = {
    "origin-verify": {"api_handler"},
    "jwt-signing-key": {"api_handler", "jwt_authorizer"},
    "pii-key": {"api_handler", "run-jobs"},
    "id-encryption-key": {"api_handler"},
}


def test_no_environment_carries_a_key_only_its_secret_id() -> None:
    """Issue #14: the keys are read at run time from Secrets Manager (chalicelib/secrets.py), never resolved into an
    environment variable at deploy time; each function may read only the keys it uses."""
    template = load_template()
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    for setting, (logical, name) in KEY_SECRETS.items():
        assert variables[setting] == {"Ref": logical}, setting  # the secret's ARN
        assert template["Resources"][logical]["Properties"]["Name"] == {"Fn::Sub": f"{STACK_NAME}/{name}"}
        assert template["Resources"][logical].get("DeletionPolicy") == "Retain"
    environments = {"Globals": variables} | {  # a function's own (chalice's functions carry no Type here)
        rid: resource.get("Properties", {}).get("Environment", {}).get("Variables", {})
        for rid, resource in template["Resources"].items()
    }
    assert "ORIGIN_VERIFY_SECRET_ID" in environments["APIHandler"]
    for where, env in environments.items():
        for variable, value in env.items():
            assert "resolve:secretsmanager" not in json.dumps(value), (where, variable)
            assert variable not in ("JWT_SECRET", "PII_KEY", "ID_ENCRYPTION_KEY"), (where, variable)
    for stage in STAGES:
        for function in _functions(stage):
            resources = {
                r
                for s in _policy(stage, function)["Statement"]
                if "secretsmanager:GetSecretValue" in _as_list(s["Action"])
                for r in _as_list(s["Resource"])
            }
            for name, readers in KEY_READERS.items():
                pattern = f"arn:*:secretsmanager:*:*:secret:cme-{stage}/{name}-??????"
                assert (pattern in resources) == (function in readers), (stage, function, name)


def test_every_alarm_says_in_docs_what_to_do() -> None:
    """docs/deploy.md "Alarms and what to do" has a row for each alarm (per-function ones as ``<Function>``)."""
    docs = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    functions = set(_function_logical_ids().values())
    for rid, alarm in _alarms().items():
        suffix = alarm["AlarmName"]["Fn::Sub"].removeprefix(STACK_NAME + "-")
        function, _, metric = suffix.partition("-")
        row = f"`cme-<stage>-<Function>-{metric}`" if function in functions else f"`cme-<stage>-{suffix}`"
        assert f"| {row} |" in docs, (rid, row)
