"""`make run`: moto on loopback, tables and bucket from the infra template, demo data, one origin.

Data survives restarts through moto's request recorder (replayed at start) under .local/.
"""

from __future__ import annotations

import os
import secrets
import signal
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".local"
API_PORT = int(os.environ.get("PORT", "8000"))
MOTO_PORT = int(os.environ.get("MOTO_PORT", "4599"))


def local_environment(moto_endpoint: str) -> dict[str, str]:
    secret_file = DATA / "jwt-secret"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(48))
        secret_file.chmod(0o600)
    return {
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": moto_endpoint,
        "STAGE": "local",
        "TABLE_PREFIX": "cme-local",
        "BUCKET_NAME": "cme-local-files",
        "JWT_SECRET": secret_file.read_text().strip(),
        "MAIL_SENDER": "no-reply@cme.local",
        "APP_ORIGIN": f"http://127.0.0.1:{API_PORT}",
        "POWERTOOLS_LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }


def main() -> int:
    DATA.mkdir(exist_ok=True)
    recording = DATA / "moto-recording.jsonl"
    # The recorder reads these when moto is imported.
    os.environ["MOTO_ENABLE_RECORDING"] = "True"
    os.environ["MOTO_RECORDER_FILEPATH"] = str(recording)
    endpoint = f"http://127.0.0.1:{MOTO_PORT}"
    os.environ.update(local_environment(endpoint))

    import logging

    import requests
    from moto.server import ThreadedMotoServer
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=MOTO_PORT)
    moto.start()
    if recording.exists() and recording.stat().st_size:
        requests.post(f"{endpoint}/moto-api/recorder/replay-recording", timeout=600).raise_for_status()

    from app import app
    from localdev.aws import create_resources
    from localdev.gateway import WebGateway
    from localdev.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo

    create_resources(os.environ["TABLE_PREFIX"], os.environ["BUCKET_NAME"], os.environ["MAIL_SENDER"])
    seeded = seed_demo()
    server = make_server("127.0.0.1", API_PORT, WebGateway(app, ROOT / "web" / "dist"), threaded=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(f"\ncme-credits 本地系统已启动: http://127.0.0.1:{API_PORT}/", flush=True)
    print(f"  控制台 /   手机页面 /m/   接口 /api/ (文档 /api/openapi.json)   本地 AWS (moto) {endpoint}")
    print(f"  {'已写入演示数据' if seeded else '数据来自上次运行'}（.local/，make reset 清空）；演示账号密码均为 {DEMO_PASSWORD}:")
    for username, role, where in DEMO_ACCOUNTS:
        print(f"    {username:<24} {role}  {where}")
    print("  按 Ctrl-C 停止\n", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    print("正在停止…", flush=True)
    server.shutdown()
    moto.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
