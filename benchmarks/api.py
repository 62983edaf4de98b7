"""`make bench`: request latency through the local gateway with moto in-process, and cold import time.

Figures are for this machine and moto, not for DynamoDB; they catch regressions in our own code
(argon2 cost, authorizer work per request, serialisation), not AWS latency.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "50"))


def _environment() -> None:
    os.environ.update(
        {
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_DEFAULT_REGION": "us-east-1",
            "TABLE_PREFIX": "cme-bench",
            "BUCKET_NAME": "cme-bench-files",
            "JWT_SECRET": "bench-" + "k" * 40,
            "PII_KEY": "bench-pii-" + "k" * 40,
            "ID_ENCRYPTION_KEY": "bench-id-" + "k" * 40,
            "MAIL_SENDER": "no-reply@cme.bench",
            "POWERTOOLS_LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("AWS_ENDPOINT_URL", None)


def cold_import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import app; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, env=os.environ)) for _ in range(3)]
    return min(runs)


def main() -> int:
    _environment()
    from moto import mock_aws
    from werkzeug.test import Client

    with mock_aws():
        from app import app
        from localdev.aws import create_resources
        from localdev.gateway import WebGateway
        from localdev.seed import DEMO_PASSWORD, seed_demo

        create_resources("cme-bench", "cme-bench-files", "no-reply@cme.bench")
        seed_demo()
        client = Client(WebGateway(app, ROOT / "web" / "dist"))

        def login() -> str:
            body = json.dumps({"username": "admin-demo", "password": DEMO_PASSWORD})
            response = client.post("/api/auth/login", data=body, content_type="application/json")
            assert response.status_code == 200, response.get_data(as_text=True)
            return response.json["token"]

        token = login()
        auth = {"Authorization": f"Bearer {token}"}
        cases = {
            "GET /api/health": lambda: client.get("/api/health"),
            "POST /api/auth/login (argon2id RFC 9106 low-memory)": login,
            "GET /api/auth/me (authorizer + 2 reads)": lambda: client.get("/api/auth/me", headers=auth),
            "GET /api/accounts (authorizer + index query)": lambda: client.get("/api/accounts", headers=auth),
        }
        print(f"{'operation':<56}{'p50 ms':>9}{'p95 ms':>9}   ({ROUNDS} rounds, moto in-process)")
        for name, call in cases.items():
            rounds = ROUNDS if "login" not in name else max(5, ROUNDS // 5)
            samples = []
            for _ in range(rounds):
                started = time.perf_counter()
                call()
                samples.append((time.perf_counter() - started) * 1000)
            samples.sort()
            p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
            print(f"{name:<56}{statistics.median(samples):>9.1f}{p95:>9.1f}")
    print(f"{'cold import of app.py (Lambda init, best of 3)':<56}{cold_import_seconds() * 1000:>9.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
