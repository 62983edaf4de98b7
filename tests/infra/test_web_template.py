"""The web stacks: infra/web.json (global: the CloudFront Function routes like the local gateway) and infra/web-cn.json
(China: deep links by origin failover, OAI, IAM certificate); in both /api/* reaches the API stage with its secret."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
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


# ---------------------------------------------------------------------------------------------
# infra/web-cn.json: the China regions (no origin access control, CloudFront Functions or Lambda@Edge there)
# ---------------------------------------------------------------------------------------------

WEB_CN = WEB.with_name("web-cn.json")

# A path missing from the bucket: what the viewer gets (an object key of the bucket, or the API origin).
CN_DEEP_LINKS = {
    "/login": "index.html",
    "/accounts/zhang.san": "index.html",
    "/organisations/": "index.html",
    "/media": "index.html",  # only /m and /m/... belong to the phone pages
    "/m": "m/index.html",
    "/m/": "m/index.html",
    "/m/checkin/abc123": "m/index.html",
    "/m/icon.png": "m/index.html",
    "/assets/console-RDfqfwdZ.js": None,  # a missing asset stays an error, never the HTML
    "/api/sessions/s1": "api",
    "/api/nothing": "api",  # the API's own 404 JSON, never a fallback page
}


def load_cn() -> dict:
    return json.loads(WEB_CN.read_text(encoding="utf-8"))


def _cn_config() -> dict:
    return load_cn()["Resources"]["Distribution"]["Properties"]["DistributionConfig"]


def _behaviour(config: dict, path: str) -> dict:
    """CloudFront's choice: the first cache behaviour whose pattern matches (``*`` any characters, ``/`` included),
    else the default one."""
    for behaviour in config["CacheBehaviors"]:
        pattern = "^" + re.escape(behaviour["PathPattern"]).replace(r"\*", ".*").replace(r"\?", ".") + "$"
        if re.match(pattern, path):
            return behaviour
    return config["DefaultCacheBehavior"]


def _fallback_key(resources: dict, origin_path: str, path: str) -> str:
    """The object SpaIndexApi answers for CloudFront's request <origin path><path>: stage, then {proxy+} resource."""
    stage, app = origin_path.strip("/").split("/")
    assert resources["SpaIndexStage"]["Properties"]["StageName"] == stage
    (resource,) = [
        name
        for name, r in resources.items()
        if r["Type"] == "AWS::ApiGateway::Resource" and r["Properties"]["PathPart"] == app
    ]
    (proxy,) = [
        name
        for name, r in resources.items()
        if r["Type"] == "AWS::ApiGateway::Resource"
        and r["Properties"]["ParentId"] == {"Ref": resource}
        and r["Properties"]["PathPart"] == "{proxy+}"
    ]
    assert path.lstrip("/")  # {proxy+} needs at least one segment; "/" itself is DefaultRootObject
    (method,) = [
        r
        for r in resources.values()
        if r["Type"] == "AWS::ApiGateway::Method" and r["Properties"]["ResourceId"] == {"Ref": proxy}
    ]
    integration = method["Properties"]["Integration"]
    assert integration["Type"] == "AWS" and integration["IntegrationHttpMethod"] == "GET"
    uri = integration["Uri"]["Fn::Sub"]
    prefix = "arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/${WebBucket}/"
    assert uri.startswith(prefix)
    return uri[len(prefix) :]


@pytest.mark.parametrize("path", list(CN_DEEP_LINKS))
def test_cn_spa_routing_without_functions(path: str) -> None:
    """A deep link the bucket lacks (the OAI may not list it: 403) fails over, per cache behaviour, to the stack's
    index API: /m and /m/... get the phone pages, any other route the console; /api/* and /assets/* never do."""
    template = load_cn()
    resources, config = template["Resources"], _cn_config()
    behaviour = _behaviour(config, path)
    groups = {g["Id"]: g for g in config["OriginGroups"]["Items"]}
    origins = {o["Id"]: o for o in config["Origins"]}
    target = behaviour["TargetOriginId"]
    expected = CN_DEEP_LINKS[path]
    if expected == "api":
        assert target == "api" and behaviour["PathPattern"] == "/api/*"
        return
    if expected is None:
        assert target == "web"  # the bucket alone
        return
    group = groups[target]
    assert group["FailoverCriteria"]["StatusCodes"]["Items"] == [403, 404]
    primary, fallback = (m["OriginId"] for m in group["Members"]["Items"])
    assert primary == "web"
    origin = origins[fallback]
    assert origin["DomainName"] == {"Fn::Sub": "${SpaIndexApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"}
    assert _fallback_key(resources, origin["OriginPath"], path) == expected


def test_cn_has_no_distribution_wide_error_pages_or_edge_code() -> None:
    """CustomErrorResponses would answer the API's 403/404 with HTML, and serve the console for /m/ deep links."""
    template = load_cn()
    config = _cn_config()
    assert "CustomErrorResponses" not in config
    types = {r["Type"] for r in template["Resources"].values()}
    assert "AWS::CloudFront::OriginAccessControl" not in types
    assert "AWS::CloudFront::Function" not in types
    assert not any(t.startswith("AWS::Lambda::") or t.startswith("AWS::Serverless::") for t in types)
    behaviours = [config["DefaultCacheBehavior"], *config["CacheBehaviors"]]
    for behaviour in behaviours:
        assert "FunctionAssociations" not in behaviour and "LambdaFunctionAssociations" not in behaviour
    assert config["DefaultRootObject"] == "index.html"


def test_cn_bucket_is_private_and_read_only_through_the_oai() -> None:
    resources = load_cn()["Resources"]
    assert resources["WebOriginAccessIdentity"]["Type"] == "AWS::CloudFront::CloudFrontOriginAccessIdentity"
    for bucket in ("WebBucket", "LogBucket"):
        block = resources[bucket]["Properties"]["PublicAccessBlockConfiguration"]
        assert len(block) == 4 and all(block.values())
    assert "WebsiteConfiguration" not in resources["WebBucket"]["Properties"]  # a website endpoint is public
    statements = resources["WebBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    allows = [s for s in statements if s["Effect"] == "Allow"]
    assert len(allows) == 1 and allows[0]["Action"] == "s3:GetObject"
    assert allows[0]["Principal"] == {"CanonicalUser": {"Fn::GetAtt": ["WebOriginAccessIdentity", "S3CanonicalUserId"]}}
    (web,) = [o for o in _cn_config()["Origins"] if o["Id"] == "web"]
    assert web["S3OriginConfig"]["OriginAccessIdentity"] == {
        "Fn::Sub": "origin-access-identity/cloudfront/${WebOriginAccessIdentity}"
    }
    assert "OriginAccessControlId" not in web
    # The index API's role reads exactly the two pages, nothing else of the bucket.
    (policy,) = resources["SpaIndexRole"]["Properties"]["Policies"]
    (statement,) = policy["PolicyDocument"]["Statement"]
    assert statement["Action"] == "s3:GetObject"
    assert [r["Fn::Sub"].rsplit("}/", 1)[1] for r in statement["Resource"]] == ["index.html", "m/index.html"]


def test_cn_api_behaviour_is_uncached_and_carries_the_origin_secret() -> None:
    template = load_cn()
    resources, config = template["Resources"], _cn_config()
    (api,) = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/api/*"]
    assert config["CacheBehaviors"][0] is api  # before every other pattern
    (origin,) = [o for o in config["Origins"] if o["Id"] == api["TargetOriginId"]]
    assert origin["DomainName"] == {"Fn::Sub": "${ApiId}.execute-api.${AWS::Region}.${AWS::URLSuffix}"}
    assert "OriginPath" not in origin  # /api/health -> stage "api", route /health
    (header,) = origin["OriginCustomHeaders"]
    assert header == {
        "HeaderName": "X-Origin-Verify",
        "HeaderValue": {"Fn::Sub": "{{resolve:secretsmanager:${ApiStackName}/origin-verify:SecretString}}"},
    }
    assert "${OriginSecretRevision}" in config["Comment"]["Fn::Sub"]
    assert template["Parameters"]["ApiStackName"] == load()["Parameters"]["ApiStackName"]
    assert {"DELETE", "PATCH", "POST", "PUT"} <= set(api["AllowedMethods"])
    assert "ForwardedValues" not in api and api["ViewerProtocolPolicy"] == "https-only"
    # Nothing cached: no default TTL, and every API answer says no-store (observability).
    cache = resources[api["CachePolicyId"]["Ref"]]["Properties"]["CachePolicyConfig"]
    assert cache["MinTTL"] == 0 and cache["DefaultTTL"] == 0 and cache["MaxTTL"] <= 1
    key = cache["ParametersInCacheKeyAndForwardedToOrigin"]
    assert key["HeadersConfig"] == {"HeaderBehavior": "whitelist", "Headers": ["Authorization"]}
    assert key["QueryStringsConfig"]["QueryStringBehavior"] == "all"
    # The headers the app reads, the viewer's address for the per-address limits, never Host.
    forwarded = resources[api["OriginRequestPolicyId"]["Ref"]]["Properties"]["OriginRequestPolicyConfig"]
    headers = forwarded["HeadersConfig"]
    assert headers["HeaderBehavior"] == "whitelist"
    assert {"Content-Type", "Idempotency-Key", "CloudFront-Viewer-Address"} <= set(headers["Headers"])
    assert "Host" not in headers["Headers"]
    assert forwarded["QueryStringsConfig"]["QueryStringBehavior"] == "all"
    for other in config["Origins"]:
        if other["Id"] != "api":
            assert "OriginCustomHeaders" not in other  # the secret goes to the API only


def test_cn_custom_domain_with_iam_certificate() -> None:
    template = load_cn()
    config = _cn_config()
    assert config["Aliases"] == [{"Ref": "DomainName"}]  # *.cloudfront.cn serves nothing
    assert config["ViewerCertificate"] == {
        "IamCertificateId": {"Ref": "IamCertificateId"},
        "SslSupportMethod": "sni-only",
        "MinimumProtocolVersion": "TLSv1.2_2021",
    }
    parameters = template["Parameters"]
    assert "Default" not in parameters["DomainName"] and "Default" not in parameters["IamCertificateId"]
    assert re.match(parameters["IamCertificateId"]["AllowedPattern"], "ASCACKCEVSQ6C2EXAMPLE")
    assert {"Key": "icp", "Value": {"Ref": "IcpNumber"}} in template["Resources"]["Distribution"]["Properties"]["Tags"]
    assert config["ViewerCertificate"].get("AcmCertificateArn") is None


def test_cn_access_logs_kept_at_least_180_days() -> None:
    template = load_cn()
    logging = _cn_config()["Logging"]
    assert logging["Bucket"] == {"Fn::GetAtt": ["LogBucket", "RegionalDomainName"]}
    (rule,) = template["Resources"]["LogBucket"]["Properties"]["LifecycleConfiguration"]["Rules"]
    assert rule["ExpirationInDays"] == {"Ref": "LogRetentionDays"}
    assert template["Parameters"]["LogRetentionDays"]["MinValue"] >= 180


def test_cn_security_headers_on_every_page_behaviour() -> None:
    config = _cn_config()
    for behaviour in [config["DefaultCacheBehavior"], *config["CacheBehaviors"]]:
        if behaviour["TargetOriginId"] != "api":
            assert behaviour["ResponseHeadersPolicyId"] == {"Ref": "WebSecurityHeaders"}
            assert behaviour["ViewerProtocolPolicy"] == "redirect-to-https"
            assert behaviour["AllowedMethods"] == ["GET", "HEAD"]  # origin groups fail over GET/HEAD only


CFN_LINT = Path(sys.executable).with_name("cfn-lint")


@pytest.mark.parametrize(
    ("template", "regions"),
    [("web-cn.json", ["cn-north-1", "cn-northwest-1"]), ("web.json", ["us-east-1", "ap-southeast-1"])],
)
def test_web_templates_lint_clean_for_their_regions(template: str, regions: list[str]) -> None:
    """The same lint as scripts/package.sh (`make package` stops on it): cfn-lint's China schemas know which
    resource types exist in cn-north-1 and cn-northwest-1."""
    done = subprocess.run(
        [str(CFN_LINT), "--regions", *regions, "--", str(WEB.with_name(template))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_cfn_lint_refuses_the_global_web_template_in_china() -> None:
    """The China lint has teeth: origin access control and CloudFront Functions do not exist there."""
    done = subprocess.run(
        [str(CFN_LINT), "--regions", "cn-north-1", "--", str(WEB)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert "AWS::CloudFront::Function' does not exist in 'cn-north-1'" in done.stdout
