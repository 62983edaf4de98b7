#!/usr/bin/env bash
# Builds the CloudFormation packages of the API and the web templates (no AWS account or credentials needed):
#   build/package/sam.json          SAM template = chalice output + infra/merge-template.json (first stage)
#   build/package/deployment.zip    the app's code (app.py, chalicelib without its fonts): every function
#   build/package/layer-deps.zip    Lambda layer: exactly requirements.txt (every function)
#   build/package/layer-render.zip  Lambda layer: exactly requirements-render.txt (API, run-jobs)
#   build/package/layer-fonts.zip   Lambda layer: chalicelib/fonts as /opt/fonts (API, run-jobs)
#   build/package/<stage>/          the same for every further stage named (its own sam.json and deployment.zip,
#                                   the layers of the first stage: they do not depend on the stage)
#   build/package/web-cn.json       web stack for the China regions (cn-north-1, cn-northwest-1), infra/web-cn.json
#   build/package/web.json          web stack for the global partition, infra/web.json
# The API template is region- and partition-neutral: one stage's sam.json deploys in a China region (with
# web-cn.json) or in a global region (with web.json). Then it lints every template for the regions it targets and
# verifies that every function will load on Lambda with room to grow (infra/check_bundle.py: each zip 20 MB under
# the 50 MB limit, each function under 250 MB unzipped). Any lint error fails the build.
#
# Usage: scripts/package.sh [stage ...]  (default: dev; `make package` builds dev and prod; any valid stage name,
#        a province's prodzj say, is rendered from the one template in .chalice/: see scripts/stages.py)
# Env:   AWS_DEFAULT_REGION  region recorded by chalice (default cn-north-1)
#        PACKAGE_DIR         output directory (default build/package)
#        VENV                virtualenv with chalice and cfn-lint (default .venv)
set -euo pipefail

cd "$(dirname "$0")/.."
STAGES=("$@")
[[ ${#STAGES[@]} -gt 0 ]] || STAGES=(dev)
# Stage names have no hyphen, so one stage's IAM patterns (cme-prod-*) never match another stage's resources
# (cme-prod-zj-*); the same pattern as chalicelib/settings.py STAGE_NAME (tests/infra/test_stage_names.py).
STAGE_NAME='^[a-z][a-z0-9]{1,15}$'
for STAGE in "${STAGES[@]}"; do
    if [[ ! "$STAGE" =~ $STAGE_NAME ]]; then
        echo "package: stage name '$STAGE' must be 2-16 lowercase letters and digits starting with a letter (no hyphen)" >&2
        exit 2
    fi
done
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
step "stages ${STAGES[*]}, runtime $runtime, region $AWS_DEFAULT_REGION -> $OUT"

# The web templates first: seconds, and a lint error stops the build before minutes of packaging. cfn-lint's
# China schemas know which resource types exist there (no CloudFront Functions or origin access control).
"$VENV/bin/cfn-lint" --regions cn-north-1 cn-northwest-1 -- infra/web-cn.json
"$VENV/bin/cfn-lint" --regions us-east-1 ap-southeast-1 -- infra/web.json
step "web templates: cfn-lint clean (web-cn.json: cn-north-1, cn-northwest-1; web.json: us-east-1, ap-southeast-1)"

mkdir -p build
rm -rf "$OUT"

# chalice would package its project's requirements.txt into the code zip, resolved by pip for this machine and
# then re-fetched as Lambda wheels without their hashes. It runs on a copy of the app without one (and without
# the fonts): the dependencies go into layers installed from the locks with --require-hashes (infra/layers.py).
src=build/chalice-src
rm -rf "$src"
mkdir -p "$src"
cp app.py "$src/"
# The repo holds one stage template (.chalice/config.json's "{stage}" entry, .chalice/policy[-<function>].json):
# each stage named gets its config entry and its policy files (cme-<stage>-…) rendered here, so any valid stage
# name packages with no file added to the repo (scripts/stages.py).
"$PY" -m scripts.stages "$src" "${STAGES[@]}"
"$PY" -c 'import shutil, sys; shutil.copytree("chalicelib", sys.argv[1], ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "fonts"))' "$src/chalicelib"

first=""
for STAGE in "${STAGES[@]}"; do
    # The first stage fills $OUT itself (where the rehearsal and the docs look), every further one $OUT/<stage>.
    dir="$OUT"
    [[ -z "$first" ]] || dir="$OUT/$STAGE"
    log="build/chalice-package-$STAGE.log"
    dir_abs="$("$PY" -c 'import os, sys; print(os.path.abspath(sys.argv[1]))' "$dir")"
    if ! "$VENV/bin/chalice" --debug --project-dir "$src" package --stage "$STAGE" \
            --merge-template "$PWD/infra/merge-template.json" "$dir_abs" >"$log" 2>&1; then
        grep -v -E '(botocore|urllib3)\.' "$log" | tail -30 >&2
        echo "package: chalice package of stage $STAGE failed (full log: $log)" >&2
        exit 1
    fi
    step "$STAGE: chalice package done ($(du -h "$dir/deployment.zip" | cut -f1) code zip)"

    # Every name the template gives (tables, bucket, secrets, queues, log groups, alarms…) is bound to cme-<stage>,
    # not left to the stack's name, which CloudFormation cannot check (scripts/bind_stage.py says why).
    "$PY" -m scripts.bind_stage "$dir/sam.json" "$STAGE"

    if [[ -z "$first" ]]; then
        layers_log="build/layers-$STAGE.log"
        if ! "$PY" infra/layers.py "$dir" >"$layers_log" 2>&1; then
            tail -30 "$layers_log" >&2
            echo "package: building the layers failed (full log: $layers_log)" >&2
            exit 1
        fi
        step "layers built ($(grep -o 'layer-[a-z]*.zip [0-9.]* MB' "$layers_log" | paste -sd, - | sed 's/,/, /g'))"
    else
        # The layers hold the locks and the fonts, nothing of a stage: the first stage's zips, byte for byte.
        cp "$OUT"/layer-*.zip "$dir/"
    fi

    # The API stack must deploy in both China regions and in the global partition.
    "$VENV/bin/cfn-lint" --regions cn-north-1 cn-northwest-1 us-east-1 -- "$dir/sam.json"
    step "$STAGE: cfn-lint clean"

    if ! "$PY" infra/check_bundle.py "$dir"; then
        cat >&2 <<EOF
package: the package would not load on Lambda ($runtime), or leaves too little room under its limits.
package: A wheel that does not fit the runtime: pin a version that ships a manylinux wheel for it (make lock);
package: pip never builds one from source here. Too big: move what only some functions import into the render
package: layer (requirements-render.in), attach it where it is needed (infra/merge-template.json), or drop it.
EOF
        exit 1
    fi
    step "$STAGE: bundle verified"
    first="$STAGE"
done
cp infra/web-cn.json infra/web.json "$OUT/"
step "done: API ${STAGES[*]} (each deploys in any region), web-cn.json (China), web.json (global); total $((SECONDS - started))s"
