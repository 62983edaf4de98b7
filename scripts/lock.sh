#!/usr/bin/env bash
# Locks the Python dependencies with hashes (`make lock`): requirements*.in -> requirements*.txt.
#   requirements.txt         every function's runtime dependencies (the `deps` layer), for Lambda's platform
#   requirements-render.txt  the PDF/image/Excel ones of the API and run-jobs (the `render` layer), same platform
#   requirements-dev.txt     the whole local environment (runtime + dev + test), any platform, Python 3.11+
# uv keeps every pin already in a lock that still fits; to move one: scripts/lock.sh --upgrade-package botocore
# (or --upgrade for everything). uv is installed, pinned, into build/lock-venv, not into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.8
LOCK_VENV="${LOCK_VENV:-build/lock-venv}"
PYTHON="${PYTHON:-python3}"

if [[ "$("$LOCK_VENV/bin/uv" --version 2>/dev/null)" != "uv $UV_VERSION"* ]]; then
    "$PYTHON" -m venv "$LOCK_VENV"
    "$LOCK_VENV/bin/pip" install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
compile() {
    # --no-config: no uv.toml or UV_* settings of this machine; PyPI only, so the hashes are PyPI's.
    UV_CUSTOM_COMPILE_COMMAND="make lock" "$LOCK_VENV/bin/uv" pip compile --quiet --no-config \
        --index-url https://pypi.org/simple --generate-hashes --no-strip-extras "$@"
}
# Lambda: python3.12 on Amazon Linux 2023 (glibc 2.34), x86_64; wheels only (no sdist may be built for Lambda).
lambda=(--python-version 3.12 --python-platform x86_64-manylinux_2_34 --only-binary :all:)
compile "${lambda[@]}" "$@" requirements.in -o requirements.txt
compile "${lambda[@]}" "$@" requirements-render.in -o requirements-render.txt
compile --universal --python-version 3.11 "$@" requirements-dev.in -o requirements-dev.txt
