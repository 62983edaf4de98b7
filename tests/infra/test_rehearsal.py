"""The deployment rehearsal: the packaged stack (build/package, `make package`) created by moto's CloudFormation in a
China region and in the global partition, then each service asked whether it holds what the template declares.

The expected resources come from the expanded template (every resource of a type must exist, with its settings),
plus a few facts that do not depend on it (the app's tables, six months of logs), so a template that lost a
resource or a setting fails too. The machinery and what moto cannot create: tests/infra/rehearsal.py.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from chalicelib.models import table_models
from scripts.bind_stage import bind
from tests.infra import rehearsal
from tests.infra.aws_calls import lambda_functions, load_policy
from tests.infra.rehearsal import NOT_REHEARSED, PARAMETERS, REGIONS, SHIMS, Stack, create_stack, stack_name

MIN_LOG_RETENTION_DAYS = 180  # China keeps network logs at least six months
# moto warns about each resource it cannot create; NOT_REHEARSED and a test account for them.
pytestmark = pytest.mark.filterwarnings("ignore:Tried to parse:UserWarning")


@pytest.fixture(scope="module", params=REGIONS)
def stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    with mock_aws():
        yield create_stack(request.param)


def client(stack: Stack, service: str) -> Any:
    return boto3.client(service, region_name=stack.region)


def partition(stack: Stack) -> str:
    return "aws-cn" if stack.region.startswith("cn-") else "aws"


def sub_stack_name(value: Any) -> str:
    """A name the packaged template gives (bound to ``cme-<stage>`` by scripts/bind_stage.py), as a text."""
    text = value["Fn::Sub"] if isinstance(value, dict) else value
    assert isinstance(text, str) and "${" not in text, value
    return text


def test_a_missing_package_fails_the_rehearsal_instead_of_skipping_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rehearsal, "PACKAGE", tmp_path)
    with pytest.raises(pytest.fail.Exception, match="run `make package`"):
        rehearsal.load_sam()


def test_the_package_is_built_from_the_current_templates() -> None:
    """The rehearsal creates build/package/sam.json: stale, it would rehearse yesterday's stack."""
    sam = rehearsal.load_sam()
    merge = json.loads((rehearsal.ROOT / "infra" / "merge-template.json").read_text(encoding="utf-8"))
    merge = bind(merge, stack_name(sam))  # as scripts/package.sh binds the names to the stage
    stale = [
        rid
        for rid, resource in merge["Resources"].items()
        if "Type" in resource and sam["Resources"].get(rid) != resource  # not chalice's functions it patches
    ]
    stale += [name for name, parameter in merge["Parameters"].items() if sam["Parameters"].get(name) != parameter]
    assert not stale, f"build/package/sam.json predates infra/merge-template.json ({stale[:5]}): run `make package`"


def test_the_stack_is_created(stack: Stack) -> None:
    assert stack.status == "CREATE_COMPLETE", stack.reason


def test_what_moto_cannot_create_is_the_documented_list(stack: Stack) -> None:
    declared = {rid: r["Type"] for rid, r in stack.template["Resources"].items()}
    created = {declared[rid] for rid in stack.types}
    skipped = set(declared.values()) - created
    assert skipped == set(NOT_REHEARSED), (
        "moto's CloudFormation created nothing for these types; document each in NOT_REHEARSED "
        "(tests/infra/rehearsal.py) with how it is checked instead, or drop what it no longer skips"
    )
    assert not set(NOT_REHEARSED) & set(SHIMS)
    # What it did create, it created once per declared resource.
    for rid, resource_type in declared.items():
        if resource_type not in NOT_REHEARSED:
            assert stack.types.get(rid) == resource_type, rid


def test_tables_have_their_keys_indexes_recovery_and_expiry(stack: Stack) -> None:
    dynamodb = client(stack, "dynamodb")
    tables = stack.of_type("AWS::DynamoDB::Table")
    assert len(tables) == len(set(table_models().values())) >= 19, "one table per model (some models share one)"
    for rid, resource in tables.items():
        props = resource["Properties"]
        name = stack.physical[rid]
        assert name == sub_stack_name(props["TableName"])
        table = dynamodb.describe_table(TableName=name)["Table"]
        assert table["KeySchema"] == props["KeySchema"], rid
        assert sorted(table["AttributeDefinitions"], key=str) == sorted(props["AttributeDefinitions"], key=str), rid
        assert props["BillingMode"] == "PAY_PER_REQUEST", rid
        assert table["BillingModeSummary"]["BillingMode"] == props["BillingMode"], rid
        indexes = {i["IndexName"]: (i["KeySchema"], i["Projection"]) for i in table.get("GlobalSecondaryIndexes", [])}
        declared = {i["IndexName"]: (i["KeySchema"], i["Projection"]) for i in props.get("GlobalSecondaryIndexes", [])}
        assert indexes == declared, rid
        assert not props.get("LocalSecondaryIndexes") and not table.get("LocalSecondaryIndexes"), rid

        # Every table can be restored to any second of the last 35 days (docs/deploy.md, restore drill).
        assert props.get("PointInTimeRecoverySpecification") == {"PointInTimeRecoveryEnabled": True}, rid
        backups = dynamodb.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
        assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED", rid

        ttl = dynamodb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
        if "TimeToLiveSpecification" in props:
            assert ttl["TimeToLiveStatus"] == "ENABLED", rid
            assert ttl["AttributeName"] == props["TimeToLiveSpecification"]["AttributeName"], rid
        else:
            assert ttl["TimeToLiveStatus"] == "DISABLED", rid
        # moto keeps no SSESpecification; tests/infra/test_template.py checks every table declares it.


def test_the_files_bucket_is_private_encrypted_and_versioned(stack: Stack) -> None:
    s3 = client(stack, "s3")
    (rid,) = stack.of_type("AWS::S3::Bucket")
    props = stack.template["Resources"][rid]["Properties"]
    bucket = stack.physical[rid]
    assert bucket == f"{stack.name}-files-123456789012"
    assert s3.get_bucket_versioning(Bucket=bucket)["Status"] == "Enabled"
    rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
    declared = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert [r["ApplyServerSideEncryptionByDefault"] for r in rules] == [
        r["ServerSideEncryptionByDefault"] for r in declared
    ]
    block = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert block == props["PublicAccessBlockConfiguration"]
    assert all(block.values()) and len(block) == 4
    policy = json.loads(s3.get_bucket_policy(Bucket=bucket)["Policy"])
    (deny,) = [s for s in policy["Statement"] if s["Effect"] == "Deny"]
    assert deny["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
    assert sorted(deny["Resource"]) == [
        f"arn:{partition(stack)}:s3:::{bucket}",
        f"arn:{partition(stack)}:s3:::{bucket}/*",
    ]


def test_queues_keep_their_messages_and_send_failures_to_their_dead_letter_queue(stack: Stack) -> None:
    sqs = client(stack, "sqs")
    queues = stack.of_type("AWS::SQS::Queue")
    arns = {}
    attributes = {}
    for rid in queues:
        attributes[rid] = sqs.get_queue_attributes(QueueUrl=stack.physical[rid], AttributeNames=["All"])["Attributes"]
        arns[rid] = attributes[rid]["QueueArn"]
    assert {"JobsQueue", "JobsDeadLetterQueue", "ScheduleFailuresQueue"} <= set(queues)
    for rid, resource in queues.items():
        props, attrs = resource["Properties"], attributes[rid]
        assert attrs["QueueArn"].endswith(":" + sub_stack_name(props["QueueName"])), rid
        for key in ("VisibilityTimeout", "MessageRetentionPeriod"):
            if key in props:
                assert attrs[key] == str(props[key]), (rid, key)
        assert attrs.get("SqsManagedSseEnabled") == "true", rid
        if "RedrivePolicy" in props:
            redrive = json.loads(attrs["RedrivePolicy"])
            target = props["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
            assert redrive["deadLetterTargetArn"] == arns[target], rid
            assert int(redrive["maxReceiveCount"]) == props["RedrivePolicy"]["maxReceiveCount"], rid
    assert "RedrivePolicy" in attributes["JobsQueue"], "failed jobs must end in the dead-letter queue"


def _functions(stack: Stack) -> dict[str, dict[str, Any]]:
    lambda_ = client(stack, "lambda")
    return {
        rid: lambda_.get_function(FunctionName=stack.physical[rid])["Configuration"]
        for rid in stack.of_type("AWS::Lambda::Function")
    }


def test_functions_have_their_runtime_memory_layers_settings_and_tracing(stack: Stack) -> None:
    functions = _functions(stack)
    assert set(functions) == {
        "APIHandler",
        "JwtAuthorizer",
        "CloseAttendanceWindows",
        "CreditDeadlineReminders",
        "RemovePersonalDetails",
        "RunJobs",
    }
    layer_names = {
        rid: sub_stack_name(r["Properties"]["LayerName"])
        for rid, r in stack.of_type("AWS::Lambda::LayerVersion").items()
    }
    deps = next(name for name in layer_names.values() if name.endswith("-deps"))
    tracing = "PassThrough" if partition(stack) == "aws-cn" else "Active"  # Lambda has no X-Ray in China
    for rid, config in functions.items():
        props = stack.template["Resources"][rid]["Properties"]
        assert config["FunctionArn"].startswith(f"arn:{partition(stack)}:lambda:{stack.region}:"), rid
        assert config["Runtime"] == props["Runtime"] == "python3.12", rid
        assert config["Handler"] == props["Handler"], rid
        assert config["MemorySize"] == props["MemorySize"], rid
        assert config["Timeout"] == props["Timeout"], rid
        assert config["TracingConfig"]["Mode"] == tracing, rid
        assert config["Role"].endswith("/" + stack.physical[props["Role"]["Fn::GetAtt"][0]]), rid

        attached = [arn.split(":")[6] for arn in (layer["Arn"] for layer in config.get("Layers", []))]
        assert attached == [layer_names[layer["Ref"]] for layer in props["Layers"]], rid
        assert deps in attached, f"{rid}: every function needs the dependencies layer"

        # Names only: secrets' values are the other engineers' business (read at run time).
        names = set(config["Environment"]["Variables"])
        assert names == set(props["Environment"]["Variables"]), rid
        assert {"STAGE", "TABLE_PREFIX", "BUCKET_NAME", "PROVINCE_NAME", "CERTIFICATE_PREFIX", "HOME_REGION"} <= names
        assert config["Environment"]["Variables"]["TABLE_PREFIX"] == stack.name, rid
        assert config["Environment"]["Variables"]["PROVINCE_NAME"] == PARAMETERS["ProvinceName"], rid
    # The PDF and job workers get near one full vCPU (1,769 MB), the others stay small.
    assert functions["APIHandler"]["MemorySize"] == functions["RunJobs"]["MemorySize"] == 1769
    assert functions["JwtAuthorizer"]["MemorySize"] <= 512


def test_every_function_and_the_api_log_to_a_group_kept_six_months(stack: Stack) -> None:
    logs = client(stack, "logs")
    groups = {g["logGroupName"]: g for g in logs.describe_log_groups()["logGroups"]}
    declared = stack.of_type("AWS::Logs::LogGroup")
    for rid in declared:
        group = groups[stack.physical[rid]]
        assert group.get("retentionInDays", 0) >= MIN_LOG_RETENTION_DAYS, rid
    for rid, config in _functions(stack).items():
        # Functions get generated names; each writes to its declared group (not Lambda's default, kept forever).
        # moto's Lambda keeps no LoggingConfig: the declared one must name a group the stack created.
        props = stack.template["Resources"][rid]["Properties"]
        group_rid = props["LoggingConfig"]["LogGroup"]["Ref"]
        assert group_rid in declared and stack.physical[group_rid] in groups, rid
        assert config.get("LoggingConfig", {}).get("LogGroup", stack.physical[group_rid]) == stack.physical[group_rid]
    assert f"/aws/apigateway/{stack.name}-access" in {stack.physical[rid] for rid in declared}


def test_schedules_run_their_functions(stack: Stack) -> None:
    events = client(stack, "events")
    functions = _functions(stack)
    rules = stack.of_type("AWS::Events::Rule")
    scheduled = set()
    for rid, resource in rules.items():
        props = resource["Properties"]
        rule = events.describe_rule(Name=stack.physical[rid])
        assert rule["ScheduleExpression"] == props["ScheduleExpression"], rid
        assert rule.get("State", "ENABLED") == "ENABLED", rid
        targets = events.list_targets_by_rule(Rule=stack.physical[rid])["Targets"]
        expected = [functions[t["Arn"]["Fn::GetAtt"][0]]["FunctionArn"] for t in props["Targets"]]
        assert [t["Arn"] for t in targets] == expected, rid
        scheduled |= {t["Arn"]["Fn::GetAtt"][0] for t in props["Targets"]}
    assert scheduled == {"CloseAttendanceWindows", "CreditDeadlineReminders", "RemovePersonalDetails"}
    expressions = {r["Properties"]["ScheduleExpression"] for r in rules.values()}
    assert "rate(5 minutes)" in expressions  # attendance windows close within five minutes


def test_the_jobs_worker_reads_the_jobs_queue(stack: Stack) -> None:
    lambda_ = client(stack, "lambda")
    sqs = client(stack, "sqs")
    (rid, resource), *others = stack.of_type("AWS::Lambda::EventSourceMapping").items()
    assert not others
    props = resource["Properties"]
    worker = _functions(stack)[props["FunctionName"]["Ref"]]
    (mapping,) = lambda_.list_event_source_mappings(FunctionName=worker["FunctionName"])["EventSourceMappings"]
    queue = stack.physical[props["EventSourceArn"]["Fn::GetAtt"][0]]
    assert props["EventSourceArn"]["Fn::GetAtt"][0] == "JobsQueue"
    assert (
        mapping["EventSourceArn"]
        == sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    )
    assert mapping["FunctionArn"] == worker["FunctionArn"]
    assert mapping["BatchSize"] == props["BatchSize"] == 1
    assert worker["FunctionName"] == stack.physical["RunJobs"]


def test_alarms_watch_every_function_and_mail_the_operators(stack: Stack) -> None:
    cloudwatch = client(stack, "cloudwatch")
    sns = client(stack, "sns")
    topic = stack.physical["AlarmTopic"]
    assert topic.startswith(f"arn:{partition(stack)}:sns:{stack.region}:")
    subscriptions = sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert [(s["Protocol"], s["Endpoint"]) for s in subscriptions] == [("email", PARAMETERS["AlarmEmail"])]

    pages = cloudwatch.get_paginator("describe_alarms").paginate()
    alarms = {a["AlarmName"]: a for page in pages for a in page["MetricAlarms"]}
    declared = stack.of_type("AWS::CloudWatch::Alarm")
    assert set(alarms) == {stack.physical[rid] for rid in declared}
    for rid, resource in declared.items():
        alarm, props = alarms[stack.physical[rid]], resource["Properties"]
        assert alarm["AlarmActions"] == [topic], rid
        assert alarm["ComparisonOperator"] == props["ComparisonOperator"], rid
        assert alarm["Threshold"] == props["Threshold"], rid
        assert alarm["EvaluationPeriods"] == props["EvaluationPeriods"], rid
    # Errors and throttles of every function, by its deployed (generated) name.
    watched = {
        (a.get("MetricName"), d["Value"])
        for a in alarms.values()
        if a.get("Namespace") == "AWS/Lambda"
        for d in a.get("Dimensions", [])
        if d["Name"] == "FunctionName"
    }
    for rid in stack.of_type("AWS::Lambda::Function"):
        for metric in ("Errors", "Throttles"):
            assert (metric, stack.physical[rid]) in watched, (rid, metric)
    queues_watched = {
        d["Value"] for a in alarms.values() if a.get("Namespace") == "AWS/SQS" for d in a.get("Dimensions", [])
    }
    assert {f"{stack.name}-jobs", f"{stack.name}-jobs-dead", f"{stack.name}-schedule-failures"} <= queues_watched
    api_metrics = [m for a in alarms.values() for m in a.get("Metrics", []) if "MetricStat" in m]
    assert any(m["MetricStat"]["Metric"]["MetricName"] == "5XXError" for m in api_metrics)

    (dashboard_rid,) = stack.of_type("AWS::CloudWatch::Dashboard")
    body = cloudwatch.get_dashboard(DashboardName=stack.physical[dashboard_rid])["DashboardBody"]
    assert json.loads(body)["widgets"]


def test_the_api_has_every_route_and_a_deployment(stack: Stack) -> None:
    apigateway = client(stack, "apigateway")
    api_id = stack.physical["RestAPI"]
    api = apigateway.get_rest_api(restApiId=api_id)
    assert api["name"] == stack.name  # the 5XX alarm's ApiName dimension
    body = stack.template["Resources"]["RestAPI"]["Properties"]["Body"]
    pages = apigateway.get_paginator("get_resources").paginate(restApiId=api_id)
    methods = {(r["path"], m) for page in pages for r in page["items"] for m in r.get("resourceMethods", {})}
    declared = {(path, m.upper()) for path, ops in body["paths"].items() for m in ops}
    assert declared and declared <= methods
    assert apigateway.get_deployments(restApiId=api_id)["items"]


def test_the_api_stage_logs_traces_and_throttles(stack: Stack) -> None:
    apigateway = client(stack, "apigateway")
    (rid, resource), *others = stack.of_type("AWS::ApiGateway::Stage").items()
    assert not others
    props = resource["Properties"]
    stage = apigateway.get_stage(restApiId=stack.physical["RestAPI"], stageName=stack.physical[rid])
    assert stage["stageName"] == "api"
    assert stage["tracingEnabled"] is True
    access_log = (
        f"arn:{partition(stack)}:logs:{stack.region}:123456789012:log-group:/aws/apigateway/{stack.name}-access"
    )
    assert stage["accessLogSettings"]["destinationArn"] == access_log
    assert json.loads(stage["accessLogSettings"]["format"])["requestId"] == "$context.requestId"
    parameters = stack.template["Parameters"]
    for setting in props["MethodSettings"]:
        key = f"{setting['ResourcePath'].removeprefix('/')}/{setting['HttpMethod']}"
        applied = stage["methodSettings"][key]
        for field, name in (
            ("ThrottlingRateLimit", "throttlingRateLimit"),
            ("ThrottlingBurstLimit", "throttlingBurstLimit"),
        ):
            expected = parameters[setting[field]["Ref"]]["Default"]
            assert applied[name] == expected, (key, field)
    account = apigateway.get_account()
    assert account["cloudwatchRoleArn"].endswith("/" + stack.physical["ApiGatewayCloudWatchRole"])


def test_scheduled_runs_send_their_failures_to_a_queue(stack: Stack) -> None:
    lambda_ = client(stack, "lambda")
    sqs = client(stack, "sqs")
    configs = stack.of_type("AWS::Lambda::EventInvokeConfig")
    functions = {r["Properties"]["FunctionName"]["Ref"] for r in configs.values()}
    assert functions == {"CloseAttendanceWindows", "CreditDeadlineReminders", "RemovePersonalDetails"}
    failures = sqs.get_queue_attributes(QueueUrl=stack.physical["ScheduleFailuresQueue"], AttributeNames=["QueueArn"])
    for resource in configs.values():
        props = resource["Properties"]
        config = lambda_.get_function_event_invoke_config(FunctionName=stack.physical[props["FunctionName"]["Ref"]])
        assert config["DestinationConfig"]["OnFailure"]["Destination"] == failures["Attributes"]["QueueArn"]
        assert config["MaximumRetryAttempts"] == props["MaximumRetryAttempts"]


def test_secrets_exist_under_the_stack_with_generated_keys(stack: Stack) -> None:
    secrets = client(stack, "secretsmanager")
    declared = stack.of_type("AWS::SecretsManager::Secret")
    assert {"JwtSecret", "PiiKeySecret", "IdEncryptionKeySecret", "SmtpSecret"} <= set(declared)
    for rid, resource in declared.items():
        arn = stack.physical[rid]
        assert arn.startswith(f"arn:{partition(stack)}:secretsmanager:{stack.region}:"), rid
        described = secrets.describe_secret(SecretId=arn)
        assert described["Name"] == sub_stack_name(resource["Properties"]["Name"]), rid
        assert described["Name"].startswith(f"{stack.name}/"), "IAM grants secrets by the stack's prefix"
        value = secrets.get_secret_value(SecretId=arn)["SecretString"]
        if rid == "SmtpSecret":
            # The operator fills in the provider's account after the first deploy (docs/deploy.md, Mail).
            assert set(json.loads(value)) == {"host", "port", "username", "password"}
        else:
            assert len(value) >= 32, rid
    # The functions get the SMTP secret's ARN, never its content.
    for config in _functions(stack).values():
        assert config["Environment"]["Variables"]["SMTP_SECRET_ID"] == stack.physical["SmtpSecret"]


def arn_matches(pattern: str, arn: str) -> bool:
    """IAM's match of a Resource pattern: the six ARN fields compared one by one (``*`` and ``?`` wildcards within a
    field; in the last, the resource, they also span ``/`` and ``:``), case-sensitive."""
    if pattern == "*":
        return True
    fields, values = pattern.split(":", 5), arn.split(":", 5)
    if len(fields) != 6 or len(values) != 6:
        return False
    return all(fnmatch.fnmatchcase(v, f.replace("[", "[[]")) for f, v in zip(fields, values, strict=True))


def _resources(policy: dict[str, Any], service: str) -> list[str]:
    """The Resource patterns of the policy's Allow statements with an action of ``service`` (X-Ray's ``*`` is no
    grant of a table)."""
    return [
        r
        for s in policy["Statement"]
        if s["Effect"] == "Allow"
        and any(
            a.split(":", 1)[0] == service for a in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])
        )
        for r in (s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]])
    ]


ANY = "some function"
# Indexes the template declares that no function queries, so no policy grants (table/index, logical names): each
# is a cost without a use; kept listed so that a new one fails until looked at.
UNQUERIED_INDEXES: dict[str, str] = {}  # credits/person-index was one, until a person's data export read it


def _created_arns(stack: Stack) -> dict[str, set[str]]:
    """What the stack made, asked of each service, by the functions that must reach it (chalice names)."""
    region, account = stack.region, "123456789012"
    arns: dict[str, set[str]] = {}

    def need(function: str, arn: str) -> None:
        arns.setdefault(function, set()).add(arn)

    dynamodb = client(stack, "dynamodb")
    for rid in stack.of_type("AWS::DynamoDB::Table"):
        table = dynamodb.describe_table(TableName=stack.physical[rid])["Table"]
        need("api_handler", table["TableArn"])
        for index in table.get("GlobalSecondaryIndexes", []) + table.get("LocalSecondaryIndexes", []):
            need(ANY, f"{table['TableArn']}/index/{index['IndexName']}")  # some index only a schedule queries
    bucket = stack.physical["FilesBucket"]
    need("api_handler", f"arn:{partition(stack)}:s3:::{bucket}/sessions/abc/notice/0123456789abcdef")
    need("run-jobs", f"arn:{partition(stack)}:s3:::{bucket}/exports/0123456789abcdef/parts/00000-0123456789ab")
    for secret in client(stack, "secretsmanager").list_secrets()["SecretList"]:
        need("api_handler", secret["ARN"])  # the API handler reads every secret of the stack
    sqs = client(stack, "sqs")
    jobs = sqs.get_queue_url(QueueName=f"{stack.name}-jobs")["QueueUrl"]
    need("run-jobs", sqs.get_queue_attributes(QueueUrl=jobs, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"])
    for function, logical_id in lambda_functions().items():
        group = f"arn:{partition(stack)}:logs:{region}:{account}:log-group:/aws/lambda/{stack.name}-{logical_id}"
        need(function, f"{group}:log-stream:2026/01/01/[$LATEST]0123456789abcdef")
    return arns


def _unmatched(arns: dict[str, set[str]], stage: str) -> dict[str, list[str]]:
    unmatched = {}
    for function, wanted in arns.items():
        policies = [load_policy(stage, f) for f in (lambda_functions() if function == ANY else [function])]
        missing = sorted(
            arn
            for arn in wanted
            if not any(arn_matches(p, arn) for policy in policies for p in _resources(policy, arn.split(":")[2]))
        )
        if missing:
            unmatched[function] = missing
    return unmatched


def test_every_resource_the_stack_made_is_one_its_functions_may_use(stack: Stack) -> None:
    """A stack whose names its functions' policies do not grant would answer every request AccessDenied and still
    complete: each table and index, the bucket's objects, every secret, the jobs queue and each function's log group,
    as the services report them, must match a Resource pattern of the policy of a function that uses it."""
    stage = rehearsal.packaged_stage(rehearsal.load_sam())
    assert stack.name == f"cme-{stage}"
    arns = _created_arns(stack)
    assert len(arns["api_handler"]) > 20 and arns["run-jobs"]
    unqueried = {f":table/{stack.name}-{t.replace('/', '/index/')}" for t in UNQUERIED_INDEXES}
    unmatched = _unmatched(arns, stage)
    assert {arn for arn in unmatched.pop(ANY, []) if not any(arn.endswith(u) for u in unqueried)} == set()
    assert unmatched == {}


def test_resources_of_a_stack_named_otherwise_would_match_no_policy(stack: Stack) -> None:
    """The check above can fail: the same resources under another stage's prefix (a stack named ``cme-jsprod``
    before names were bound to the stage) match none of the packaged stage's patterns."""
    stage = rehearsal.packaged_stage(rehearsal.load_sam())
    renamed = {
        function: {arn.replace(stack.name, "cme-jsprod") for arn in wanted}
        for function, wanted in _created_arns(stack).items()
    }
    unmatched = _unmatched(renamed, stage)
    assert {f: len(a) for f, a in unmatched.items()} == {f: len(a) for f, a in renamed.items()}


@pytest.mark.parametrize(
    ("pattern", "arn", "matches"),
    [
        ("arn:*:dynamodb:*:*:table/cme-dev-*", "arn:aws-cn:dynamodb:cn-north-1:1:table/cme-dev-accounts", True),
        ("arn:*:dynamodb:*:*:table/cme-dev-*", "arn:aws:dynamodb:us-east-1:1:table/cme-dev-a/index/by-x", True),
        ("arn:*:dynamodb:*:*:table/cme-dev-*", "arn:aws:dynamodb:us-east-1:1:table/cme-jsprod-accounts", False),
        (
            "arn:*:secretsmanager:*:*:secret:cme-dev/pii-key-??????",
            "arn:aws:secretsmanager:r:1:secret:cme-dev/pii-key-AbC123",
            True,
        ),
        (
            "arn:*:secretsmanager:*:*:secret:cme-dev/pii-key-??????",
            "arn:aws:secretsmanager:r:1:secret:cme-dev/pii-key-AbC12",
            False,
        ),
        ("arn:*:s3:::cme-dev-files-*/*", "arn:aws-cn:s3:::cme-dev-files-1/a/b", True),
        ("arn:aws:s3:::cme-dev-files-*/*", "arn:aws-cn:s3:::cme-dev-files-1/a/b", False),  # another partition
        ("arn:*:sqs:*:*:cme-dev-jobs", "arn:aws:sqs:r:1:cme-dev-jobs-dead", False),
        (
            "arn:*:logs:*:*:log-group:/aws/lambda/cme-dev-X:*",
            "arn:aws:logs:r:1:log-group:/aws/lambda/cme-dev-X:log-stream:s",
            True,
        ),
        ("arn:*:sqs:*", "arn:aws:sqs:r:1:q", False),  # a pattern of fewer fields names nothing
    ],
)
def test_the_arn_matcher_has_iam_semantics(pattern: str, arn: str, matches: bool) -> None:
    assert arn_matches(pattern, arn) is matches
