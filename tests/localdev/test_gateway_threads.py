"""`make run` serves requests from several threads; each must see its own request, as one Lambda event would."""

from __future__ import annotations

import json
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from werkzeug.serving import make_server


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback only)
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        return json.loads(error.read())


def test_concurrent_requests_each_see_their_own_body(aws, tmp_path):
    from app import app
    from localdev.gateway import WebGateway

    server = make_server("127.0.0.1", 0, WebGateway(app, tmp_path), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/api/auth/login"
    # Each body lacks a different field, so the answer names the body the handler actually read.
    sent = [("password", {"username": "someone"}), ("username", {"password": "x" * 12})] * 150
    try:
        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = list(pool.map(lambda pair: _post(url, pair[1])["error"]["field"], sent))
    finally:
        server.shutdown()
    assert answers == [missing for missing, _ in sent]
