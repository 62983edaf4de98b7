"""infra/web.json: the CloudFront Function routes like the local gateway, /api/* reaches the API stage."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[2] / "infra" / "web.json"

ROUTES = {
    "/": "/index.html",
    "/index.html": "/index.html",
    "/login": "/index.html",
    "/accounts/zhang.san": "/index.html",
    "/organisations/": "/index.html",
    "/assets/console-RDfqfwdZ.js": "/assets/console-RDfqfwdZ.js",
    "/favicon.svg": "/favicon.svg",
    "/assets/fonts/x": "/assets/fonts/x",
    "/m": "/m/index.html",
    "/m/": "/m/index.html",
    "/m/checkin/abc123": "/m/index.html",
    "/m/index.html": "/m/index.html",
    "/m/icon.png": "/m/icon.png",
    "/media": "/index.html",  # only /m and /m/... belong to the phone pages
}


def load() -> dict:
    return json.loads(WEB.read_text(encoding="utf-8"))


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_spa_router_function() -> None:
    code = load()["Resources"]["SpaRouter"]["Properties"]["FunctionCode"]
    script = code + (
        "\nconst routes = " + json.dumps(list(ROUTES)) + ";\n"
        "console.log(JSON.stringify(routes.map(uri => handler({request: {uri: uri}}).uri)));\n"
    )
    out = subprocess.run(["node", "-e", script], check=True, capture_output=True, text=True).stdout
    assert dict(zip(ROUTES, json.loads(out), strict=True)) == ROUTES


def test_api_behaviour_targets_the_api_stage_uncached() -> None:
    config = load()["Resources"]["Distribution"]["Properties"]["DistributionConfig"]
    (api,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    (origin,) = [o for o in config["Origins"] if o["Id"] == api["TargetOriginId"]]
    assert "OriginPath" not in origin  # /api/health -> stage "api", route /health
    assert origin["DomainName"]["Fn::Sub"].startswith("${ApiId}.execute-api.")
    assert api["CachePolicyId"] == "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"  # Managed-CachingDisabled
    assert "DELETE" in api["AllowedMethods"] and "PATCH" in api["AllowedMethods"]
    assert "FunctionAssociations" not in api


def test_bucket_is_private_and_read_only_through_the_distribution() -> None:
    resources = load()["Resources"]
    block = resources["WebBucket"]["Properties"]["PublicAccessBlockConfiguration"]
    assert all(block.values())
    statements = resources["WebBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    allows = [s for s in statements if s["Effect"] == "Allow"]
    assert len(allows) == 1 and allows[0]["Principal"] == {"Service": "cloudfront.amazonaws.com"}
    assert allows[0]["Action"] == "s3:GetObject"
    assert "distribution/${Distribution}" in allows[0]["Condition"]["StringEquals"]["AWS:SourceArn"]["Fn::Sub"]


def test_api_origin_proves_cloudfront_and_forwards_the_viewer_address() -> None:
    """Issue #12, item 8: CloudFront sends the API stack's origin secret (a dynamic reference, never a literal) in
    X-Origin-Verify, and the managed AllViewerExceptHostHeader policy forwards CloudFront-Viewer-Address."""
    template = load()
    config = template["Resources"]["Distribution"]["Properties"]["DistributionConfig"]
    (origin,) = [o for o in config["Origins"] if o["Id"] == "api"]
    (header,) = origin["OriginCustomHeaders"]
    assert header["HeaderName"] == "X-Origin-Verify"
    assert header["HeaderValue"] == {"Fn::Sub": "{{resolve:secretsmanager:${ApiStackName}/origin-verify:SecretString}}"}
    assert (
        template["Parameters"]["ApiStackName"]["AllowedPattern"] == "^cme-[a-z][a-z0-9]{1,15}$"
    )  # no hyphen: stage names
    (api,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert api["OriginRequestPolicyId"] == "b689b0a8-53d0-40ab-baf2-68738e2966ac"  # Managed-AllViewerExceptHostHeader
    (web,) = [o for o in config["Origins"] if o["Id"] == "web"]
    assert "OriginCustomHeaders" not in web  # the bucket never needs the secret
    # CloudFormation reads the secret again only when the distribution changes: a new revision changes it.
    assert "${OriginSecretRevision}" in config["Comment"]["Fn::Sub"]
