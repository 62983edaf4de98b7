"""What the code asks of AWS, and what the IAM policies allow.

moto enforces no IAM, so the permissions a Lambda function needs are derived from the calls the code makes:
``Recorder`` wraps botocore's ``BaseClient._make_api_call`` (boto3 and pynamodb both end there) and the presigning
helpers, and attributes each call to the Lambda function running it (the API handler, the JWT authorizer or a
scheduled function; calls made by test setup belong to none and are not recorded). ``needs`` maps a call to IAM
actions on resource "slots" (a table, an index, the bucket's objects, the sender identity, the SMTP secret, a log
stream, X-Ray), and
``granted`` evaluates a policy document (Allow minus explicit Deny, ``*``/``?`` wildcards) on the same slots.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHALICE = ROOT / ".chalice"
TEMPLATE = ROOT / "infra" / "merge-template.json"
ACCOUNT = "123456789012"
PARTITIONS = (("aws", "us-east-1"), ("aws-cn", "cn-north-1"))
API_HANDLER = "api_handler"

Need = tuple[str, str]  # (IAM action, slot)


@dataclass(frozen=True)
class Call:
    """One AWS request of the code: which function made it, which service and operation, with what parameters."""

    function: str
    service: str
    operation: str
    params: dict[str, Any]
    # The app's tables and bucket when the call was made (browser tests run `make run`'s system, named apart).
    table_prefix: str = ""
    bucket: str = ""


# ---------------------------------------------------------------------------------------------
# Recording
# ---------------------------------------------------------------------------------------------


def lambda_functions() -> dict[str, str]:
    """Chalice function name -> CloudFormation logical id, for every Lambda function of the app."""
    from chalice.app import ScheduledEventConfig, SQSEventConfig
    from chalice.utils import to_cfn_resource_name

    from app import app

    functions = {API_HANDLER: "APIHandler"}
    for auth in app.builtin_auth_handlers:
        functions[auth.name] = to_cfn_resource_name(auth.name)
    for source in app.event_sources:
        assert isinstance(source, ScheduledEventConfig | SQSEventConfig), f"unexpected event source {source!r}"
        functions[source.name] = to_cfn_resource_name(source.name)
    return functions


def _entry_points() -> dict[Any, str]:
    """Code object -> function name: the code each Lambda function's handler runs first."""
    import importlib

    from chalice.app import Chalice

    from app import app

    def code(handler_string: str) -> Any:
        module, _, name = handler_string.rpartition(".")
        target = getattr(importlib.import_module(module), name)
        return getattr(target, "func", target).__code__

    entries = {Chalice.__call__.__code__: API_HANDLER}
    for auth in app.builtin_auth_handlers:
        entries[code(auth.handler_string)] = auth.name
    for source in app.event_sources:
        entries[code(source.handler_string)] = source.name
    return entries


class Recorder:
    """Records the AWS calls of the app's Lambda functions while installed (see ``recording``)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._entries: dict[Any, str] | None = None
        self._inherited = threading.local()  # the function a worker thread works for (see ``recording``)

    def function(self) -> str | None:
        """The Lambda function whose handler is on the current stack (innermost first), or, in a worker thread,
        the function that handed it its work; None for test setup."""
        if self._entries is None:
            self._entries = _entry_points()
        frame: FrameType | None = sys._getframe(1)
        while frame is not None:
            name = self._entries.get(frame.f_code)
            if name is not None:
                return name
            frame = frame.f_back
        return getattr(self._inherited, "function", None)

    def on_behalf_of(self, function: str | None, work: Any) -> Any:
        """``work`` wrapped to run, in another thread, as part of ``function``."""

        def run(*args: Any, **kwargs: Any) -> Any:
            previous = getattr(self._inherited, "function", None)
            self._inherited.function = function
            try:
                return work(*args, **kwargs)
            finally:
                self._inherited.function = previous

        return run

    def record(self, service: str, operation: str, params: dict[str, Any]) -> None:
        function = self.function()
        if function is not None:
            with self._lock:
                self.calls.append(
                    Call(
                        function,
                        service,
                        operation,
                        dict(params),
                        os.environ.get("TABLE_PREFIX", ""),
                        os.environ.get("BUCKET_NAME", ""),
                    )
                )


@contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    """Install ``recorder`` around botocore for the duration; clients made before keep their presigners, so the
    app's cached clients are dropped on entry (``chalicelib.container.reset``)."""
    from botocore import signers
    from botocore.client import BaseClient

    from chalicelib.container import reset

    make_api_call = BaseClient._make_api_call
    presign_url = signers.generate_presigned_url
    presign_post = signers.generate_presigned_post
    submit = ThreadPoolExecutor.submit
    start_thread = threading.Thread.start

    # Work handed to other threads (reports query partitions in a pool) belongs to the function that handed it.
    def submit_on_behalf(executor: ThreadPoolExecutor, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        return submit(executor, recorder.on_behalf_of(recorder.function(), fn), *args, **kwargs)

    def start_on_behalf(thread: threading.Thread) -> None:
        function = recorder.function()
        if function is not None and hasattr(thread, "run"):
            thread.run = recorder.on_behalf_of(function, thread.run)  # type: ignore[method-assign]
        start_thread(thread)

    def _make_api_call(client: Any, operation_name: str, api_params: dict[str, Any]) -> Any:
        recorder.record(client.meta.service_model.service_name, operation_name, api_params)
        return make_api_call(client, operation_name, api_params)

    def generate_presigned_url(client: Any, ClientMethod: str, Params: Any = None, **kwargs: Any) -> Any:  # noqa: N803
        operation = client.meta.method_to_api_mapping.get(ClientMethod, ClientMethod)
        recorder.record(client.meta.service_model.service_name, f"presigned:{operation}", Params or {})
        return presign_url(client, ClientMethod, Params, **kwargs)

    def generate_presigned_post(client: Any, Bucket: str, Key: str, *args: Any, **kwargs: Any) -> Any:  # noqa: N803
        recorder.record(client.meta.service_model.service_name, "presigned:PostObject", {"Bucket": Bucket, "Key": Key})
        return presign_post(client, Bucket, Key, *args, **kwargs)

    patches: tuple[tuple[Any, str, Any], ...] = (
        (BaseClient, "_make_api_call", _make_api_call),
        (signers, "generate_presigned_url", generate_presigned_url),
        (signers, "generate_presigned_post", generate_presigned_post),
        (ThreadPoolExecutor, "submit", submit_on_behalf),
        (threading.Thread, "start", start_on_behalf),
    )
    # Each Lambda function has containers of its own, so its own cache of secrets: key the cache by function, or the
    # first function to read a key would hide every other function's need of it.
    from chalicelib import secrets

    patches += ((secrets, "scope", recorder.function),)
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    reset()
    try:
        yield recorder
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
        reset()


# ---------------------------------------------------------------------------------------------
# Calls -> IAM actions on slots
# ---------------------------------------------------------------------------------------------


class Unmapped(Exception):
    """A call this module does not know the IAM actions of: extend ``needs``."""


def _table_slot(table: str, prefix: str, index: str | None = None) -> str:
    if not table.startswith(prefix + "-"):
        raise Unmapped(f"table {table} is not a {prefix}-* table")
    logical = table[len(prefix) + 1 :]
    return f"table:{logical}" + (f"/index:{index}" if index else "")


_TRANSACT_WRITE = {
    "Put": "PutItem",
    "Update": "UpdateItem",
    "Delete": "DeleteItem",
    "ConditionCheck": "ConditionCheckItem",
}
_S3_OBJECT = {
    # operation: (action without VersionId, action with VersionId)
    "GetObject": ("s3:GetObject", "s3:GetObjectVersion"),
    "HeadObject": ("s3:GetObject", "s3:GetObjectVersion"),
    "presigned:GetObject": ("s3:GetObject", "s3:GetObjectVersion"),
    "PutObject": ("s3:PutObject", "s3:PutObject"),
    "presigned:PutObject": ("s3:PutObject", "s3:PutObject"),
    "presigned:PostObject": ("s3:PutObject", "s3:PutObject"),
    "DeleteObject": ("s3:DeleteObject", "s3:DeleteObjectVersion"),
}


def needs(call: Call, table_prefix: str, bucket: str) -> set[Need]:
    """The IAM actions (on slots) one call needs on AWS."""
    params = call.params
    if call.service == "dynamodb":
        op = call.operation
        if op in ("GetItem", "PutItem", "UpdateItem", "DeleteItem", "DescribeTable"):
            return {(f"dynamodb:{op}", _table_slot(params["TableName"], table_prefix))}
        if op in ("Query", "Scan"):
            return {(f"dynamodb:{op}", _table_slot(params["TableName"], table_prefix, params.get("IndexName")))}
        if op in ("BatchGetItem", "BatchWriteItem"):
            return {(f"dynamodb:{op}", _table_slot(table, table_prefix)) for table in params["RequestItems"]}
        if op == "TransactWriteItems":  # IAM checks each item's own action; there is no TransactWriteItems action
            found = set()
            for item in params["TransactItems"]:
                (kind, body), *_ = item.items()
                found.add((f"dynamodb:{_TRANSACT_WRITE[kind]}", _table_slot(body["TableName"], table_prefix)))
            return found
        if op == "TransactGetItems":
            return {
                ("dynamodb:GetItem", _table_slot(i["Get"]["TableName"], table_prefix)) for i in params["TransactItems"]
            }
    elif call.service == "s3":
        if params.get("Bucket") != bucket:
            raise Unmapped(f"{call.operation} on bucket {params.get('Bucket')}, not {bucket}")
        if call.operation in _S3_OBJECT:
            plain, versioned = _S3_OBJECT[call.operation]
            # the jobs' files have a prefix of their own, and the worker is granted that prefix only (the API's grant
            # covers the whole bucket, so its calls stay plain objects)
            exports = call.function == "run-jobs" and str(params.get("Key", "")).startswith("exports/")
            slot = "bucket-objects:exports" if exports else "bucket-objects"
            return {(versioned if params.get("VersionId") else plain, slot)}
        if call.operation in ("ListObjects", "ListObjectsV2"):
            return {("s3:ListBucket", "bucket")}
        if call.operation == "ListObjectVersions":
            return {("s3:ListBucketVersions", "bucket")}
    elif call.service == "ses" and call.operation in ("SendEmail", "SendRawEmail"):
        return {(f"ses:{call.operation}", "sender")}
    elif call.service == "sqs" and call.operation == "SendMessage":
        return {("sqs:SendMessage", _queue_slot(params["QueueUrl"], table_prefix))}
    elif call.service == "secretsmanager" and call.operation == "GetSecretValue":
        return {("secretsmanager:GetSecretValue", _secret_slot(str(params.get("SecretId", "")), table_prefix))}
    raise Unmapped(f"{call.service} {call.operation} (function {call.function})")


# The stack's secrets (``<stack>/<name>``, the template's): the SMTP account, the keys and the origin secret.
SECRETS = ("smtp", "jwt-signing-key", "pii-key", "id-encryption-key", "origin-verify")


def _secret_slot(secret_id: str, prefix: str) -> str:
    """A secret by name or ARN (``arn:…:secret:<stack>/<name>-AbCdEf``) -> its slot ``secret:<name>``."""
    name = secret_id.split(":")[-1]
    for secret in SECRETS:
        if name == f"{prefix}/{secret}" or (secret_id.startswith("arn:") and name.startswith(f"{prefix}/{secret}-")):
            return f"secret:{secret}"
    raise Unmapped(f"secret {secret_id} is not one of the {prefix}/{{{','.join(SECRETS)}}} secrets")


def _queue_slot(url: str, prefix: str) -> str:
    name = url.rstrip("/").rsplit("/", 1)[-1]
    if not name.startswith(prefix + "-"):
        raise Unmapped(f"queue {name} is not a {prefix}-* queue")
    return f"queue:{name[len(prefix) + 1 :]}"


def sqs_triggered() -> dict[str, str]:
    """Function name -> the logical name of the queue its event source mapping polls (the merge template's)."""
    from chalice.app import SQSEventConfig
    from chalice.utils import to_cfn_resource_name

    from app import app

    resources = json.loads(TEMPLATE.read_text(encoding="utf-8"))["Resources"]
    found = {}
    for source in app.event_sources:
        if isinstance(source, SQSEventConfig):
            events = resources[to_cfn_resource_name(source.name)]["Properties"]["Events"]
            (queue_logical,) = {event["Properties"]["Queue"]["Fn::GetAtt"][0] for event in events.values()}
            name = resources[queue_logical]["Properties"]["QueueName"]["Fn::Sub"]
            found[source.name] = name.replace("${AWS::StackName}-", "")
    return found


def failure_destinations() -> dict[str, str]:
    """Function name -> the logical name of the queue its failed asynchronous invocations go to (the merge template's
    ``AWS::Lambda::EventInvokeConfig`` OnFailure destination)."""
    resources = json.loads(TEMPLATE.read_text(encoding="utf-8"))["Resources"]
    by_logical = {logical: name for name, logical in lambda_functions().items()}
    found = {}
    for resource in resources.values():
        if resource.get("Type") != "AWS::Lambda::EventInvokeConfig":
            continue
        props = resource["Properties"]
        queue_logical = props["DestinationConfig"]["OnFailure"]["Destination"]["Fn::GetAtt"][0]
        name = resources[queue_logical]["Properties"]["QueueName"]["Fn::Sub"]
        found[by_logical[props["FunctionName"]["Ref"]]] = name.replace("${AWS::StackName}-", "")
    return found


def runtime_needs(function: str) -> set[Need]:
    """What the Lambda runtime itself does with the role: write the function's log group (declared in the template,
    so never create one), send X-Ray segments (tracing is active), for an SQS-triggered function what its event
    source mapping does with the function's role (poll, read the queue, delete messages), and for a function with
    a failure destination, send the failed event there."""
    found = {
        ("logs:CreateLogStream", f"log-stream:{function}"),
        ("logs:PutLogEvents", f"log-stream:{function}"),
        ("xray:PutTraceSegments", "xray"),
        ("xray:PutTelemetryRecords", "xray"),
    }
    queue = sqs_triggered().get(function)
    if queue is not None:
        found |= {(action, f"queue:{queue}") for action in _EVENT_SOURCE_MAPPING}
    destination = failure_destinations().get(function)
    if destination is not None:
        found.add(("sqs:SendMessage", f"queue:{destination}"))
    return found


def mail_needs(found: set[Need]) -> set[Need]:
    """The mail transport is configuration (MAIL_TRANSPORT ses|smtp): a function that sends mail through one needs
    what the other asks too, the SMTP account's secret beside SES."""
    if any(action.startswith("ses:Send") for action, _ in found):
        return {("secretsmanager:GetSecretValue", "secret:smtp")}
    return set()


_EVENT_SOURCE_MAPPING = ("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")


# ---------------------------------------------------------------------------------------------
# Policies evaluated on the slots of a stage
# ---------------------------------------------------------------------------------------------


# The stages whose rendered policies the IAM checks compare with the code's calls: the two of `make package` and a
# province's. The repo holds one template (.chalice/); scripts/package.sh renders what it deploys the same way.
CHECKED_STAGES = ("dev", "prod", "prodzj")


@lru_cache(maxsize=8)
def rendered(stage: str) -> tuple[dict, dict[str, dict]]:
    """The chalice config.json and the policy files (name -> document) `make package` deploys for ``stage``."""
    from scripts.stages import render

    return render([stage])


def load_config() -> dict:
    """The chalice config.json as packaged for ``CHECKED_STAGES`` (a copy: callers may change it)."""
    from scripts.stages import render

    config, _ = render(list(CHECKED_STAGES))
    return config


def policy_file(stage: str, function: str) -> str:
    """The policy file chalice gives ``function`` in ``stage`` (per function, else per stage, else global)."""
    config = rendered(stage)[0]
    stage_config = config["stages"][stage]
    for scope in (stage_config.get("lambda_functions", {}).get(function, {}), stage_config, config):
        if "iam_policy_file" in scope:
            return scope["iam_policy_file"]
    return f"policy-{stage}.json"


def load_policy(stage: str, function: str) -> dict:
    """The policy document of ``function`` in ``stage``, rendered as `make package` deploys it (a copy)."""
    return copy.deepcopy(rendered(stage)[1][policy_file(stage, function)])


def template_tables() -> dict[str, list[str]]:
    """Logical table name -> its index names, from the merge template."""
    resources = json.loads(TEMPLATE.read_text(encoding="utf-8"))["Resources"]
    tables = {}
    for resource in resources.values():
        if resource.get("Type") == "AWS::DynamoDB::Table":
            props = resource["Properties"]
            logical = props["TableName"]["Fn::Sub"].replace("${AWS::StackName}-", "")
            tables[logical] = [i["IndexName"] for i in props.get("GlobalSecondaryIndexes", [])]
            tables[logical] += [i["IndexName"] for i in props.get("LocalSecondaryIndexes", [])]
    return tables


def template_queues() -> list[str]:
    """Logical names of the template's SQS queues (their names without the stack's prefix)."""
    resources = json.loads(TEMPLATE.read_text(encoding="utf-8"))["Resources"]
    return [
        resource["Properties"]["QueueName"]["Fn::Sub"].replace("${AWS::StackName}-", "")
        for resource in resources.values()
        if resource.get("Type") == "AWS::SQS::Queue"
    ]


def slots(stage: str, partition: str, region: str) -> dict[str, str]:
    """Every resource the stack ``cme-<stage>`` has that a role could be granted, slot -> a concrete ARN of it."""
    stack = f"cme-{stage}"
    arns = {}
    for table, indexes in template_tables().items():
        base = f"arn:{partition}:dynamodb:{region}:{ACCOUNT}:table/{stack}-{table}"
        arns[f"table:{table}"] = base
        for index in indexes:
            arns[f"table:{table}/index:{index}"] = f"{base}/index/{index}"
    bucket = f"{stack}-files-{ACCOUNT}"
    arns["bucket"] = f"arn:{partition}:s3:::{bucket}"
    arns["bucket-objects"] = f"arn:{partition}:s3:::{bucket}/sessions/abc/notice/0123456789abcdef"
    arns["bucket-objects:exports"] = f"arn:{partition}:s3:::{bucket}/exports/0123456789abcdef/parts/00000-0123456789ab"
    for queue in template_queues():
        arns[f"queue:{queue}"] = f"arn:{partition}:sqs:{region}:{ACCOUNT}:{stack}-{queue}"
    sender = os.environ["MAIL_SENDER"]  # a stack parameter (MailSender); the tests send from this one
    arns["sender"] = f"arn:{partition}:ses:{region}:{ACCOUNT}:identity/{sender.split('@', 1)[1]}"
    for secret in SECRETS:
        arns[f"secret:{secret}"] = f"arn:{partition}:secretsmanager:{region}:{ACCOUNT}:secret:{stack}/{secret}-AbC123"
    arns["xray"] = "*"  # X-Ray's PutTraceSegments and PutTelemetryRecords take no resource
    for function, logical_id in lambda_functions().items():
        # the log group the template declares for the function (LoggingConfig), not Lambda's default one
        group = f"arn:{partition}:logs:{region}:{ACCOUNT}:log-group:/aws/lambda/{stack}-{logical_id}"
        arns[f"log-group:{function}"] = group
        arns[f"log-stream:{function}"] = f"{group}:log-stream:2026/01/01/[$LATEST]0123456789abcdef"
    return arns


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def _matches(pattern: str, value: str, principal_account: str = ACCOUNT) -> bool:
    pattern = pattern.replace("${aws:PrincipalAccount}", principal_account)
    return fnmatch.fnmatchcase(value, pattern.replace("[", "[[]"))


def _condition_holds(statement: dict) -> bool:
    """The only condition the policies use: the bucket belongs to the function's own account."""
    condition = statement.get("Condition")
    if condition is None:
        return True
    if condition == {"StringEquals": {"s3:ResourceAccount": "${aws:PrincipalAccount}"}}:
        return True  # the stack's bucket is in the stack's account
    raise ValueError(f"condition {condition} not understood by the evaluator")


def statement_matches(statement: dict, action: str, arn: str) -> bool:
    return (
        any(_matches(a.lower(), action.lower()) for a in _as_list(statement["Action"]))
        and any(_matches(r, arn) for r in _as_list(statement["Resource"]))
        and _condition_holds(statement)
    )


def allows(policy: dict, action: str, arn: str) -> bool:
    """IAM's evaluation for one identity policy: some Allow matches and no Deny does."""
    statements = policy["Statement"]
    if any(s["Effect"] == "Deny" and statement_matches(s, action, arn) for s in statements):
        return False
    return any(s["Effect"] == "Allow" and statement_matches(s, action, arn) for s in statements)


def policy_actions(policy: dict) -> set[str]:
    return {a for s in policy["Statement"] for a in _as_list(s["Action"])}


def applies(action: str, slot: str) -> bool:
    """Whether IAM authorises ``action`` against a resource of this slot's type (a table or index for DynamoDB item
    actions, an object for S3 object actions, the log group for CreateLogGroup, a stream for the others ...)."""
    kind = slot.split(":", 1)[0]
    service, name = action.split(":", 1)
    if service == "dynamodb":
        return kind == "table" and ("/index:" not in slot or name in ("Query", "Scan"))
    if service == "s3":
        return kind == ("bucket" if name.startswith("ListBucket") else "bucket-objects")
    if service == "logs":
        return kind == ("log-group" if name == "CreateLogGroup" else "log-stream")
    if service == "ses":
        return kind == "sender"
    if service == "sqs":
        return kind == "queue"
    if service == "secretsmanager":
        return kind == "secret"
    if service == "xray":
        return kind == "xray"
    return True


def granted(policy: dict, stage: str, actions: set[str]) -> set[Need]:
    """Which of ``actions`` the policy allows on which slot of the stage (in every partition)."""
    found: set[Need] = set()
    for partition, region in PARTITIONS:
        for slot, arn in slots(stage, partition, region).items():
            found |= {(a, slot) for a in actions if applies(a, slot) and allows(policy, a, arn)}
    return found


def unused_statement_parts(policy: dict, stage: str, required: set[Need]) -> list[str]:
    """Allow entries (action x resource pattern) that grant nothing required (e.g. a resource of no slot)."""
    problems = []
    for partition, region in PARTITIONS:
        arns = slots(stage, partition, region)
        for number, statement in enumerate(policy["Statement"]):
            if statement["Effect"] != "Allow":
                continue
            for action in _as_list(statement["Action"]):
                for resource in _as_list(statement["Resource"]):
                    if not any(a == action and _matches(resource, arns[slot]) for a, slot in required):
                        problems.append(f"statement {statement.get('Sid', number)}: {action} on {resource}")
    return sorted(set(problems))


# ---------------------------------------------------------------------------------------------
# The whole test run as a safety net (tests/conftest.py)
# ---------------------------------------------------------------------------------------------


class SuiteCheck:
    """Records the calls of every test in the run; afterwards, any call some function's policy does not grant.

    The exact comparison lives in test_iam_policies.py (its own complete workflow); this catches a call made by
    a code path only some other test reaches, so that it fails the run instead of failing on AWS."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        self._recording: Any = None

    def start(self) -> None:
        self._recording = recording(self.recorder)
        self._recording.__enter__()

    def stop(self) -> None:
        if self._recording is not None:
            self._recording.__exit__(None, None, None)
            self._recording = None

    def problems(self, table_prefix: str, bucket: str) -> list[str]:
        found = set()
        wanted: set[tuple[str, str, str]] = set()
        for call in self.recorder.calls:
            try:
                made_in = (call.table_prefix or table_prefix, call.bucket or bucket)
                wanted |= {(call.function, action, slot) for action, slot in needs(call, *made_in)}
            except Unmapped as error:
                found.add(f"unmapped call: {error}")
        for stage in CHECKED_STAGES:
            policies = {function: load_policy(stage, function) for function in lambda_functions()}
            for partition, region in PARTITIONS:
                arns = slots(stage, partition, region)
                found |= {
                    f"{stage} {function}: {action} on {slot} not granted"
                    for function, action, slot in wanted
                    if not allows(policies[function], action, arns[slot])
                }
        return sorted(found)
