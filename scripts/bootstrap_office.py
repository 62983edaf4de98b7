"""Create the provincial office's organisation and an office account (管理用户) in a deployed stage: the first one
once per stage, further ones if ever needed. It writes the organisations, name-claims, accounts and audit-events
tables (chalicelib/services/bootstrap.py), each change with its audit event by the actor ``bootstrap``. It reads
no key and no province setting but the office's name: only TABLE_PREFIX, the AWS credentials and region, and
optionally CERTIFICATE_ISSUER (the default of --office-name), PASSWORD_HASH_PROFILE and UPSTREAM_*.

Run with AWS credentials for the target account:
    TABLE_PREFIX=cme-prodzj AWS_DEFAULT_REGION=cn-north-1 \\
        .venv/bin/python -m scripts.bootstrap_office --username office-admin --name 省继教办管理员 \\
            --office-name 浙江省继续医学教育委员会办公室 --city 杭州
The password is asked on the terminal, never passed as an argument. Exit status: 0 done, 2 refused (the message
says why; nothing was written), 1 AWS failed (nothing half written: each write is one transaction).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Mapping, Sequence

from chalicelib.settings import STAGE_NAME, Upstream, read_upstream

DEFAULT_HASH_PROFILE = "RFC_9106_LOW_MEMORY"  # the app's (chalicelib/settings.py PASSWORD_HASH_PROFILE)


def _parser(environ: Mapping[str, str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--username", required=True, help="用户名（3–32位小写字母、数字或 . _ -）")
    parser.add_argument("--name", required=True, help="账号姓名")
    issuer = environ.get("CERTIFICATE_ISSUER", "").strip() or None
    parser.add_argument(
        "--office-name",
        default=issuer,
        help="省继教办机构名称，首次运行时必填（默认：CERTIFICATE_ISSUER，" + (issuer or "未设置") + "）",
    )
    parser.add_argument("--city", help="省继教办所在城市，首次运行时必填")
    return parser


def _table_prefix(environ: Mapping[str, str]) -> str | None:
    prefix = environ.get("TABLE_PREFIX", "")
    stage = prefix.removeprefix("cme-")
    return prefix if prefix.startswith("cme-") and STAGE_NAME.match(stage) else None


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    env = os.environ if environ is None else environ
    args = _parser(env).parse_args(argv)
    prefix = _table_prefix(env)
    if prefix is None:
        print("请设置 TABLE_PREFIX=cme-<阶段名>（部署的堆栈名，如 cme-prodzj）", file=sys.stderr)
        return 2
    try:
        limits = read_upstream()
    except (RuntimeError, ValueError) as error:
        print(f"UPSTREAM_* 设置无效：{error}", file=sys.stderr)
        return 2
    password = getpass.getpass("初始密码: ")
    if password != getpass.getpass("再次输入: "):
        print("两次输入的密码不一致，未做任何修改", file=sys.stderr)
        return 2
    return _run(args, prefix, password, limits, env.get("PASSWORD_HASH_PROFILE") or DEFAULT_HASH_PROFILE)


def _run(args: argparse.Namespace, prefix: str, password: str, limits: Upstream, hash_profile: str) -> int:
    from pynamodb.connection import Connection
    from pynamodb.exceptions import PynamoDBException

    from chalicelib.errors import AppError
    from chalicelib.models import bind_tables
    from chalicelib.services.bootstrap import bootstrap_office
    from chalicelib.upstream import pynamodb_options

    options = pynamodb_options(limits)
    bind_tables(prefix, options)
    try:
        done = bootstrap_office(
            args.username,
            args.name,
            password,
            args.office_name,
            args.city,
            hash_profile=hash_profile,
            via=Connection(**options),
        )
    except AppError as error:
        print(f"{error.message}（{error.code}）", file=sys.stderr)
        return 2
    except PynamoDBException as error:
        cause = getattr(error, "cause_response_code", None) or type(error).__name__
        hint = "：表不存在，TABLE_PREFIX 与区域是否正确？" if cause == "ResourceNotFoundException" else ""
        print(f"访问 DynamoDB（{prefix}-*）失败：{cause}{hint}；未写入半条记录，可重试", file=sys.stderr)
        return 1
    if done.office_created:
        print(f"已创建省继教办机构「{done.office.name}」（{done.office.city}）")
    else:
        print(f"省继教办机构「{done.office.name}」已存在，未修改")
    print(f"已创建管理用户 {done.account.username}（{done.account.display_name}）；操作已记入审计日志（bootstrap）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
