"""`make run`: moto on loopback, tables, queues and bucket from the infra template, demo data, one origin, the
background jobs' worker polling its queue (the scheduled functions run from ``main``).

Data survives restarts through moto's request recorder (replayed at start) under .local/. ``make run LAN=1``
serves on the LAN address instead (localdev/lan.py).
"""

from __future__ import annotations

import logging
import os
import secrets
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def local_keys(jwt_secret: str) -> dict[str, str]:
    """The secrets' values (setting -> value): locally one generated secret serves every key and the origin secret;
    deployed stacks generate one each. Put into moto's Secrets Manager, read by the app as on AWS. The gateway plays
    CloudFront: it sends the origin secret and each client's address (see localdev/gateway.py)."""
    return {
        "JWT_SECRET_ID": jwt_secret,
        "PII_KEY_SECRET_ID": "pii-" + jwt_secret,
        "ID_ENCRYPTION_KEY_SECRET_ID": "id-" + jwt_secret,
        "ORIGIN_VERIFY_SECRET_ID": "origin-" + jwt_secret,
    }


def local_environment(
    api_port: int, moto_endpoint: str, jwt_secret: str, host: str = "127.0.0.1", s3_endpoint: str | None = None
) -> dict[str, str]:
    """The app's environment; ``host`` is the address the system serves on (its origin), ``s3_endpoint`` the
    files bucket's door when that is not loopback (presigned links are signed for it, localdev/lan.py)."""
    return {
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": moto_endpoint,
        "STAGE": "local",
        "TABLE_PREFIX": "cme-local",
        "BUCKET_NAME": "cme-local-files",
        # moto on a busy machine answers far slower than DynamoDB: one long try instead of two short ones (9 s).
        "UPSTREAM_READ_TIMEOUT": "8",
        "UPSTREAM_MAX_ATTEMPTS": "1",
        # The province settings (titles, issuer, certificate prefix, mail sender…) are the Jiangsu defaults of
        # chalicelib/province.py; only the origin depends on the port.
        "APP_ORIGIN": f"http://{host}:{api_port}",
        **({"AWS_ENDPOINT_URL_S3": s3_endpoint} if s3_endpoint else {}),
    }


@dataclass
class LocalSystem:
    url: str
    moto_endpoint: str
    seeded: bool
    _moto: Any
    _server: Any
    _jobs: threading.Event
    _door: Any = None

    def stop(self) -> None:
        self._jobs.set()
        self._server.shutdown()
        if self._door is not None:
            self._door.shutdown()
        self._moto.stop()


def start(
    api_port: int,
    moto_port: int,
    web_root: Path,
    jwt_secret: str,
    replay: Path | None = None,
    threaded: bool = True,
    host: str = "127.0.0.1",
) -> LocalSystem:
    """Start moto and the one-origin server in background threads, with tables and demo data; ``host`` is the one
    address served (moto stays on loopback; on another address only the files bucket is passed on to it)."""
    import requests
    from moto.server import ThreadedMotoServer
    from werkzeug.serving import make_server

    endpoint = f"http://127.0.0.1:{moto_port}"
    door = None if host == "127.0.0.1" else f"http://{host}:{moto_port}"
    os.environ.update(local_environment(api_port, endpoint, jwt_secret, host, door))
    if door is None:
        os.environ.pop("AWS_ENDPOINT_URL_S3", None)  # a LAN run earlier in this process (tests)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    from localdev.aws import stable_version_ids

    stable_version_ids()  # before the replay: objects get back the version ids the app pinned
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=moto_port, verbose=False)
    moto.start()
    bucket_door = None
    if door is not None:
        from localdev.lan import LOOPBACK, BucketDoor

        bucket_door = make_server(
            host, moto_port, BucketDoor(endpoint, os.environ["BUCKET_NAME"], frozenset({host, LOOPBACK})), threaded=True
        )
        threading.Thread(target=bucket_door.serve_forever, daemon=True).start()
    if replay is not None and replay.exists() and replay.stat().st_size:
        requests.post(f"{endpoint}/moto-api/recorder/replay-recording", timeout=600).raise_for_status()

    from app import app
    from chalicelib.container import reset
    from chalicelib.settings import get_settings
    from localdev.aws import create_resources
    from localdev.gateway import WebGateway
    from localdev.seed import seed_demo

    reset()
    prefix, keys = os.environ["TABLE_PREFIX"], local_keys(jwt_secret)
    create_resources(prefix, os.environ["BUCKET_NAME"], get_settings().mail_sender, keys)
    reset()  # the settings again: create_resources set JOBS_QUEUE_URL and the key secrets' ids
    seeded = seed_demo()
    server = make_server(host, api_port, WebGateway(app, web_root), threaded=threaded)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from localdev.jobs import run_jobs

    jobs = threading.Event()
    run_jobs(app, os.environ["JOBS_QUEUE_URL"], jobs)  # as Lambda's SQS event source: every export is a job
    return LocalSystem(f"http://{host}:{server.server_port}", endpoint, seeded, moto, server, jobs, bucket_door)


def main() -> int:
    from localdev.seed import DEMO_ACCOUNTS, DEMO_PASSWORD

    data = Path(os.environ.get("CME_LOCAL_DATA", ROOT / ".local"))
    data.mkdir(parents=True, exist_ok=True)
    recording = data / "moto-recording.jsonl"
    # The recorder reads these when moto is first imported, inside start().
    os.environ["MOTO_ENABLE_RECORDING"] = "True"
    os.environ["MOTO_RECORDER_FILEPATH"] = str(recording)
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    secret_file = data / "jwt-secret"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(48))
        secret_file.chmod(0o600)
    api_port = int(os.environ.get("PORT", "8000"))
    from localdev.lan import LanAddressError, bind_address, lan_banner

    try:
        host = bind_address()
    except LanAddressError as error:
        print(f"无法以局域网模式启动：{error}", file=sys.stderr, flush=True)
        return 2
    system = start(
        api_port,
        int(os.environ.get("MOTO_PORT", "4599")),
        ROOT / "web" / "dist",
        secret_file.read_text().strip(),
        replay=recording,
        host=host,
    )

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    from app import app
    from localdev.schedules import run_schedules

    run_schedules(app, stop)
    print(f"\ncme-credits 本地系统已启动: {system.url}/", flush=True)
    print(f"  控制台 /   手机页面 /m/   接口 /api/ (文档 /api/openapi.json)   本地 AWS (moto) {system.moto_endpoint}")
    print(f"  本地发件箱（SES 邮件）: {system.url}/_local/outbox")
    print("  定时任务（签到窗口关闭等）按其频率在本进程内运行；后台任务（导出等）由本进程从队列取出执行")
    state = "已写入演示数据" if system.seeded else "数据来自上次运行"
    print(f"  {state}（.local/，make reset 清空）；演示账号密码均为 {DEMO_PASSWORD}:")
    for username, role, where in DEMO_ACCOUNTS:
        print(f"    {username:<24} {role}  {where}")
    if host != "127.0.0.1":
        print(lan_banner(system.url), end="")
    print("  按 Ctrl-C 停止\n", flush=True)
    while not stop.wait(0.5):
        pass
    print("正在停止…", flush=True)
    system.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
