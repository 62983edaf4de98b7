"""The phone pages (/m/) run on the oldest phones they serve, iOS 13 Safari and Chrome/WebView 69 (issue #15, item 10):
every script /m/ loads (its entry and every static and dynamic import, from web/dist) is ES2019 syntax, uses no
runtime API newer than those browsers unless src/phone/polyfills.ts fills it, and the first load stays at most
120 KB gzipped. web/scripts/legacy-check.mjs parses each file with acorn (from web/node_modules) and reports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
DIST = WEB / "dist"
FIRST_LOAD_BUDGET = 120 * 1024

# Newer APIs that appear in the bundle but never run on the phone pages: (file name start, API, why).
NOT_CALLED = {
    ("assets/vue-", "Array.prototype.toSorted/toReversed/with"): "Vue's reactive-array wrappers, run only when called",
}


@cache
def _report() -> dict[str, Any]:
    if not (DIST / ".vite" / "manifest.json").is_file():
        pytest.fail("web/dist is missing: run `npm run build` in web/ first (make test does)")
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to parse the phone bundle")
    done = subprocess.run(
        [node, str(WEB / "scripts" / "legacy-check.mjs"), str(DIST)],
        cwd=WEB,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def test_every_script_the_phone_pages_load_is_checked() -> None:
    report = _report()
    html = (DIST / "m" / "index.html").read_text(encoding="utf-8")
    entry_scripts = set(re.findall(r'<script[^>]+src="/([^"]+\.js)"', html))
    preloads = set(re.findall(r'<link[^>]+rel="modulepreload"[^>]+href="/([^"]+\.js)"', html))
    assert entry_scripts, "the phone entry loads a script"
    assert entry_scripts | preloads <= set(report["files"])
    # The lazily loaded pages are there too: the sign-in page's chunk, loaded by import() from the router.
    manifest = json.loads((DIST / ".vite" / "manifest.json").read_text(encoding="utf-8"))
    sign_in = manifest["src/phone/views/SignInPage.vue"]["file"]
    assert sign_in in report["files"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", html), "no inline script escapes the check"


def test_the_phone_scripts_are_es2019() -> None:
    report = _report()
    found = [f"{s['file']}: {s['feature']} … {s['snippet']}" for s in report["syntax"]]
    assert not found, "syntax newer than iOS 13 / Chrome 69 in the phone bundle:\n" + "\n".join(found)
    # import.meta (Chrome 64, Safari 11.1) only where Vite's preload helper resolves a chunk's URL.
    assert all(m["file"].startswith("assets/preload-helper-") for m in report["importMeta"]), report["importMeta"]


def test_newer_runtime_apis_are_polyfilled() -> None:
    report = _report()
    missing = [
        f"{a['file']}: {a['api']} … {a['snippet']}"
        for a in report["apis"]
        if not a["polyfilled"]
        and not a["guarded"]
        and not any(a["file"].startswith(f) and a["api"] == api for f, api in NOT_CALLED)
    ]
    assert not missing, "runtime APIs newer than iOS 13 / Chrome 69 without a polyfill:\n" + "\n".join(missing)
    assert "globalThis" in report["polyfilled"]


def test_the_first_load_of_the_phone_pages_is_at_most_120_kb_gzipped() -> None:
    size = _report()["firstLoadGzip"]
    assert 0 < size <= FIRST_LOAD_BUDGET, f"first load of /m/: {size / 1024:.1f} KiB gzip"
