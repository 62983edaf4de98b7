# ruff: noqa: F811 - pytest fixtures imported from test_sessions are test parameters here
"""Uploads are read and deleted only by version, and an S3 outage while confirming is no "missing upload"
(review of issue #12, findings 2 and 5).

The policies grant s3:GetObjectVersion and s3:DeleteObjectVersion on uploads, not s3:DeleteObject (and no
s3:ListBucket): a material recorded before versions were pinned (no ``version_id``) must never lead to a plain
DeleteObject, and a HeadObject refused for another reason than a missing key must answer 503."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from chalicelib.models import Session
from chalicelib.services import files
from tests.api.test_sessions import PDF, PNG, project, session, upload, users  # noqa: F401 - fixtures

BUCKET = "cme-test-files"


def _versions(prefix: str) -> tuple[list[dict], list[dict]]:
    listed = boto3.client("s3").list_object_versions(Bucket=BUCKET, Prefix=prefix)
    return listed.get("Versions", []), listed.get("DeleteMarkers", [])


def _recorded_before_pinning(session_id: str, kind: str) -> str:
    """Make the material look like one confirmed before versions were pinned: no ``version_id``."""
    record = Session.get(session_id)
    record.materials = {k: ({**m, "version_id": None} if k == kind else m) for k, m in record.materials.items()}
    record.save()
    return record.materials[kind]["key"]


def test_a_pinned_material_is_removed_by_version_leaving_no_delete_marker(api, users, session):
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf")[0] == 200
    assert upload(api, users["organizer"], sid, "notice", PNG, "image/png", filename="通知.png")[0] == 200
    assert api.call("DELETE", f"/sessions/{sid}/materials/notice", token=users["organizer"])[0] == 200
    assert _versions(f"sessions/{sid}/notice/") == ([], []), "each version is deleted for good"


def test_a_material_recorded_before_pinning_is_refused_for_download_and_deleted_by_its_version(
    api,
    users,
    session,
):
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf")[0] == 200
    _recorded_before_pinning(sid, "notice")

    status, body = api.get(f"/sessions/{sid}/materials/notice", users["admin"])
    assert status == 409 and body["error"]["code"] == "MATERIAL_NOT_PINNED", body
    assert "重新上传" in body["error"]["message"]

    # removing it deletes the version now at its key (HeadObject, then DeleteObject with that VersionId):
    # no plain DeleteObject, which would need s3:DeleteObject and leave a delete marker over the file
    status, body = api.call("DELETE", f"/sessions/{sid}/materials/notice", token=users["organizer"])
    assert status == 200 and body["materials"] == [], body
    assert _versions(f"sessions/{sid}/notice/") == ([], [])


def test_replacing_a_material_recorded_before_pinning_deletes_the_old_file_by_version(api, users, session):
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf")[0] == 200
    old_key = _recorded_before_pinning(sid, "notice")
    assert upload(api, users["organizer"], sid, "notice", PNG, "image/png", filename="通知.png")[0] == 200
    assert _versions(old_key) == ([], [])
    assert api.get(f"/sessions/{sid}/materials/notice", users["admin"])[0] == 200


@pytest.fixture
def head_answers(monkeypatch):
    """Make the app's S3 client answer HeadObject with a given HTTP status and error code (botocore's own
    ``before-call`` hook, which short-circuits the request: no retries, no waiting)."""
    answer: dict[str, Any] = {}

    def respond(**_: Any) -> Any:
        if not answer:
            return None

        class Http:
            status_code = answer["status"]
            headers: dict[str, str] = {}

        error = {
            "Error": {"Code": answer["code"], "Message": ""},
            "ResponseMetadata": {"HTTPStatusCode": Http.status_code},
        }
        return Http(), error

    client = files._s3()
    client.meta.events.register("before-call.s3.HeadObject", respond, unique_id="test-head-answers")
    yield lambda status, code: answer.update(status=status, code=code)
    client.meta.events.unregister("before-call.s3.HeadObject", unique_id="test-head-answers")


def _confirm(api, users, sid: str) -> tuple[int, Any]:
    _, ticket = api.post(
        f"/sessions/{sid}/materials/notice/upload",
        {"filename": "通知.pdf", "content_type": "application/pdf", "size": len(PDF)},
        users["organizer"],
    )
    boto3.client("s3").put_object(Bucket=BUCKET, Key=ticket["key"], Body=PDF, ContentType="application/pdf")
    return api.post(
        f"/sessions/{sid}/materials/notice/confirm", {"key": ticket["key"], "filename": "通知.pdf"}, users["organizer"]
    )


@pytest.mark.parametrize(("status", "code"), [(503, "SlowDown"), (500, "InternalError"), (503, "503")])
def test_an_s3_outage_while_confirming_answers_503_not_upload_missing(
    api,
    users,
    session,
    head_answers,
    status,
    code,
):
    head_answers(status, code)
    answered, body = _confirm(api, users, session["session_id"])
    assert answered == 503 and body["error"]["code"] == "UPSTREAM_UNAVAILABLE", body


@pytest.mark.parametrize(("status", "code"), [(404, "404"), (404, "NoSuchKey"), (403, "403")])
def test_a_missing_upload_is_still_upload_missing(api, users, session, head_answers, status, code):
    head_answers(status, code)  # 403: what S3 answers for a missing key to a role without s3:ListBucket
    answered, body = _confirm(api, users, session["session_id"])
    assert answered == 400 and body["error"]["code"] == "UPLOAD_MISSING", body


def test_a_material_removed_while_s3_fails_is_still_removed_and_the_file_logged(api, users, session, caplog):
    """The delete comes after the change is committed: an S3 failure there must not answer an error for a change
    that happened (the file is logged for clean-up)."""
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf")[0] == 200
    key = Session.get(sid).materials["notice"]["key"]

    def refuse(**_: Any) -> Any:
        class Http:
            status_code = 503
            headers: dict[str, str] = {}

        return Http(), {"Error": {"Code": "SlowDown", "Message": ""}, "ResponseMetadata": {"HTTPStatusCode": 503}}

    client = files._s3()
    client.meta.events.register("before-call.s3.DeleteObject", refuse, unique_id="test-delete-refused")
    try:
        status, body = api.call("DELETE", f"/sessions/{sid}/materials/notice", token=users["organizer"])
    finally:
        client.meta.events.unregister("before-call.s3.DeleteObject", unique_id="test-delete-refused")
    assert status == 200 and body["materials"] == [], body
    assert "notice" not in (Session.get(sid).materials or {})
    assert any(r.getMessage() == "material left in the bucket" and key in str(r.__dict__) for r in caplog.records)


def _query(url: str) -> dict[str, str]:
    from urllib.parse import parse_qs, urlparse

    return {name: values[0] for name, values in parse_qs(urlparse(url).query).items()}


def test_a_pdf_or_image_material_is_shown_in_the_browser_and_a_word_file_only_downloaded(api, users, session):
    """查看 opens a PDF or an image in a tab (issue #15 item 8): an inline link of the pinned version, with the
    declared type forced; 下载 and every other type keep the attachment link."""
    sid = session["session_id"]
    assert upload(api, users["organizer"], sid, "notice", PDF, "application/pdf", filename="会议通知.pdf")[0] == 200
    status, link = api.get(f"/sessions/{sid}/materials/notice", users["admin"])
    assert status == 200, link
    shown, saved = _query(link["view_url"]), _query(link["url"])
    assert (
        shown["response-content-disposition"].startswith("inline;")
        and "%E4%BC%9A" in shown["response-content-disposition"]
    )
    assert shown["response-content-type"] == "application/pdf"
    assert saved["response-content-disposition"].startswith("attachment;")
    assert "response-content-type" not in saved
    assert shown["versionId"] == saved["versionId"] != ""

    docx = b"PK\x03\x04" + b"\x00" * 32
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert upload(api, users["organizer"], sid, "schedule", docx, word, filename="日程.docx")[0] == 200
    status, link = api.get(f"/sessions/{sid}/materials/schedule", users["admin"])
    assert status == 200 and link["view_url"] is None
    assert _query(link["url"])["response-content-disposition"].startswith("attachment;")
