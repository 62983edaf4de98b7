#!/usr/bin/env bash
# Builds the CloudFormation package of the API (no AWS account or credentials needed):
#   build/package/sam.json          SAM template = chalice output + infra/merge-template.json
#   build/package/deployment.zip    the app's code (app.py, chalicelib without its fonts): every function
#   build/package/layer-deps.zip    Lambda layer: exactly requirements.txt (every function)
#   build/package/layer-render.zip  Lambda layer: exactly requirements-render.txt (API, run-jobs)
#   build/package/layer-fonts.zip   Lambda layer: chalicelib/fonts as /opt/fonts (API, run-jobs)
# then lints the templates and verifies that every function will load on Lambda with room to grow
# (infra/check_bundle.py: each zip 20 MB under the 50 MB limit, each function under 250 MB unzipped).
#
# Usage: scripts/package.sh [stage]      (stage: dev (default) or prod)
# Env:   AWS_DEFAULT_REGION  region recorded by chalice (default cn-north-1)
#        PACKAGE_DIR         output directory (default build/package)
#        VENV                virtualenv with chalice and cfn-lint (default .venv)
set -euo pipefail

cd "$(dirname "$0")/.."
STAGE="${1:-dev}"
# Stage names have no hyphen, so one stage's IAM patterns (cme-prod-*) never match another stage's resources
# (cme-prod-zj-*); the same pattern as chalicelib/settings.py STAGE_NAME (tests/infra/test_stage_names.py).
STAGE_NAME='^[a-z][a-z0-9]{1,15}$'
if [[ ! "$STAGE" =~ $STAGE_NAME ]]; then
    echo "package: stage name '$STAGE' must be 2-16 lowercase letters and digits starting with a letter (no hyphen)" >&2
    exit 2
fi
OUT="${PACKAGE_DIR:-build/package}"
VENV="${VENV:-.venv}"
PY="$VENV/bin/python"

export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-cn-north-1}"
# chalice creates a botocore session while packaging; keep it from probing the EC2 metadata service.
export AWS_EC2_METADATA_DISABLED=true

if [[ ! -x "$PY" || ! -x "$VENV/bin/chalice" ]]; then
    echo "package: $VENV with chalice is missing; create it with: make (or python3.12 -m venv .venv && .venv/bin/pip install --require-hashes -r requirements-dev.txt)" >&2
    exit 1
fi

started=$SECONDS
step() { echo "package: [$((SECONDS - started))s] $*"; }

# Chalice picks the Lambda runtime from the Python that runs it (python3.X of the venv).
runtime="python$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
step "stage $STAGE, runtime $runtime, region $AWS_DEFAULT_REGION -> $OUT"

mkdir -p build
rm -rf "$OUT"
# chalice would package its project's requirements.txt into the code zip, resolved by pip for this machine and
# then re-fetched as Lambda wheels without their hashes. It runs on a copy of the app without one (and without
# the fonts): the dependencies go into layers installed from the locks with --require-hashes (infra/layers.py).
src=build/chalice-src
rm -rf "$src"
mkdir -p "$src/.chalice"
cp app.py "$src/"
cp .chalice/config.json .chalice/policy-*.json "$src/.chalice/"
"$PY" -c 'import shutil, sys; shutil.copytree("chalicelib", sys.argv[1], ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "fonts"))' "$src/chalicelib"
log="build/chalice-package-$STAGE.log"
out_abs="$("$PY" -c 'import os, sys; print(os.path.abspath(sys.argv[1]))' "$OUT")"
if ! "$VENV/bin/chalice" --debug --project-dir "$src" package --stage "$STAGE" \
        --merge-template "$PWD/infra/merge-template.json" "$out_abs" >"$log" 2>&1; then
    grep -v -E '(botocore|urllib3)\.' "$log" | tail -30 >&2
    echo "package: chalice package failed (full log: $log)" >&2
    exit 1
fi
step "chalice package done ($(du -h "$OUT/deployment.zip" | cut -f1) code zip)"

layers_log="build/layers-$STAGE.log"
if ! "$PY" infra/layers.py "$OUT" >"$layers_log" 2>&1; then
    tail -30 "$layers_log" >&2
    echo "package: building the layers failed (full log: $layers_log)" >&2
    exit 1
fi
step "layers built ($(grep -o 'layer-[a-z]*.zip [0-9.]* MB' "$layers_log" | paste -sd, - | sed 's/,/, /g'))"

# The API stack must deploy in both China regions and in the global partition.
"$VENV/bin/cfn-lint" --regions cn-north-1 cn-northwest-1 us-east-1 -- "$OUT/sam.json"
# The web stack uses CloudFront origin access control and CloudFront Functions, which the
# China regions lack (see docs/deploy.md): it is linted for the global partition only.
if [[ -f infra/web.json ]]; then
    "$VENV/bin/cfn-lint" --regions us-east-1 -- infra/web.json
fi
step "cfn-lint clean"

if ! "$PY" infra/check_bundle.py "$OUT"; then
    cat >&2 <<EOF
package: the package would not load on Lambda ($runtime), or leaves too little room under its limits.
package: A wheel that does not fit the runtime: pin a version that ships a manylinux wheel for it (make lock);
package: pip never builds one from source here. Too big: move what only some functions import into the render
package: layer (requirements-render.in), attach it where it is needed (infra/merge-template.json), or drop it.
EOF
    exit 1
fi
step "bundle verified; total $((SECONDS - started))s"
