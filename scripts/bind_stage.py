"""Binds a packaged API template's names to its stage (scripts/package.sh, after `chalice package`): every
``${AWS::StackName}`` becomes ``cme-<stage>``, so tables, bucket, secrets, queues, log groups and alarms carry the
names the functions' STAGE and their IAM policies (``cme-<stage>-…``) expect, whatever the stack is called.

Why not refuse a stack of another name instead: CloudFormation has no declarative way to. A ``Rules`` assertion sees
parameters only, not ``AWS::StackName``; a condition on the stack name can only leave resources out (the stack then
completes, half made), not fail the deployment. Bound names make a mis-named stack work, and a second stack of the
same stage in one account and region fails on the names it would reuse.

Usage: python -m scripts.bind_stage <sam.json> <stage>
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

STACK_NAME = "AWS::StackName"


def stack_name(stage: str) -> str:
    """The one name a stage's stack and its resources' prefix have (docs/deploy.md §2)."""
    return f"cme-{stage}"


def bind(node: Any, prefix: str) -> Any:
    """``node`` with ``{"Ref": "AWS::StackName"}`` and ``${AWS::StackName}`` in ``Fn::Sub`` replaced by ``prefix``;
    an ``Fn::Sub`` left without variables becomes its text (cfn-lint warns about a needless Sub)."""
    if isinstance(node, dict):
        if node == {"Ref": STACK_NAME}:
            return prefix
        if set(node) == {"Fn::Sub"} and isinstance(node["Fn::Sub"], str):
            text = node["Fn::Sub"].replace("${" + STACK_NAME + "}", prefix)
            return text if "${" not in text else {"Fn::Sub": text}
        return {key: bind(value, prefix) for key, value in node.items()}
    if isinstance(node, list):
        return [bind(value, prefix) for value in node]
    return node


def main(argv: list[str]) -> int:
    path, stage = Path(argv[0]), argv[1]
    prefix = stack_name(stage)
    template = bind(json.loads(path.read_text(encoding="utf-8")), prefix)
    if STACK_NAME in json.dumps(template):
        print(f"bind_stage: {path} still names {STACK_NAME} where bind() does not reach", file=sys.stderr)
        return 1
    note = f" Stage {stage}: every name is bound to {prefix}."
    if not template.get("Description", "").endswith(note):
        template["Description"] = template.get("Description", "") + note
    path.write_text(json.dumps(template, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
