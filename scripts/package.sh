#!/usr/bin/env bash
# Builds the CloudFormation package of the API (no AWS account or credentials needed):
#   build/package/sam.json        SAM template = chalice output + infra/merge-template.json
#   build/package/deployment.zip  code and dependencies of every Lambda function
# then lints the templates and verifies that the zip will load on Lambda.
#
# Usage: scripts/package.sh [stage]      (stage: dev (default) or prod)
# Env:   AWS_DEFAULT_REGION  region recorded by chalice (default cn-north-1)
#        PACKAGE_DIR         output directory (default build/package)
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
    echo "package: $VENV with chalice is missing; create it with: python3.12 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt" >&2
    exit 1
fi

started=$SECONDS
step() { echo "package: [$((SECONDS - started))s] $*"; }

# Chalice picks the Lambda runtime from the Python that runs it (python3.X of the venv).
runtime="python$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
step "stage $STAGE, runtime $runtime, region $AWS_DEFAULT_REGION -> $OUT"

mkdir -p build
rm -rf "$OUT"
log="build/chalice-package-$STAGE.log"
if ! "$VENV/bin/chalice" --debug package --stage "$STAGE" \
        --merge-template infra/merge-template.json "$OUT" >"$log" 2>&1; then
    grep -v -E '(botocore|urllib3)\.' "$log" | tail -30 >&2
    echo "package: chalice package failed (full log: $log)" >&2
    exit 1
fi
# Chalice logs (at debug level only) which dependencies it had to compile from sdists.
built=$(grep -o 'Build missing wheels from sdists (C compiling True): .*' "$log" | sed 's/.*: //' || true)
if [[ -n "$built" && "$built" != "set()" ]]; then
    echo "package: WARNING chalice compiled from source on this machine: $built" >&2
fi
step "chalice package done ($(du -h "$OUT/deployment.zip" | cut -f1) zip)"

# The PDF fonts are build output (make fonts), not in git: the zip must carry every file fonts.json lists.
if ! "$PY" - "$OUT/deployment.zip" <<'EOF'
import json, sys, zipfile
bundle = zipfile.ZipFile(sys.argv[1])
names = set(bundle.namelist())
if "chalicelib/fonts/fonts.json" not in names:
    sys.exit("package: chalicelib/fonts/ is missing from the zip; build the fonts first with: make fonts")
manifest = json.loads(bundle.read("chalicelib/fonts/fonts.json"))
files = [manifest["regular"], manifest["bold"], *manifest["fallback"]]
missing = [entry["file"] for entry in files if f"chalicelib/fonts/{entry['file']}" not in names]
if missing:
    sys.exit(f"package: fonts missing from the zip: {missing}")
EOF
then
    exit 1
fi

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
package: the deployment zip would not load on Lambda ($runtime).
package: Usual cause: a dependency has no manylinux wheel for $runtime (Pillow >= 12 has none
package: for python3.11, whose Lambda OS has glibc 2.26), so chalice compiled it here.
package: Fix: build with Python 3.12 (recreate .venv, see docs/deploy.md) or pin a version that
package: ships a fitting wheel.
EOF
    exit 1
fi
step "bundle verified; total $((SECONDS - started))s"
