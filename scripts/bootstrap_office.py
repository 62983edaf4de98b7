"""Create the provincial office's organisation and first office account in a deployed stage.

Run once per installation with AWS credentials for the target account:
    TABLE_PREFIX=cme-prod AWS_DEFAULT_REGION=cn-north-1 \\
        .venv/bin/python -m scripts.bootstrap_office --username office-admin --name 省继教办管理员
The password is asked on the terminal, never passed as an argument.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from chalicelib.container import services
from chalicelib.errors import AppError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--username", required=True)
    parser.add_argument("--name", required=True, help="display name of the account")
    parser.add_argument("--office-name", default="江苏省继续医学教育委员会办公室")
    parser.add_argument("--city", default="南京")
    args = parser.parse_args()
    os.environ.setdefault("BUCKET_NAME", "unused")
    password = getpass.getpass("初始密码: ")
    if password != getpass.getpass("再次输入: "):
        print("两次输入的密码不一致", file=sys.stderr)
        return 2
    svc = services()
    svc.organisations.ensure_office(args.office_name, args.city)
    try:
        svc.accounts.bootstrap_office_account(args.username, args.name, password)
    except AppError as error:
        print(error.message, file=sys.stderr)
        return 2
    print(f"已创建管理用户 {args.username}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
