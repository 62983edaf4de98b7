"""S3 access for uploads and downloads: presigned POSTs with their limits, checked confirmations, short-lived links."""

from __future__ import annotations

import uuid
from functools import lru_cache
from typing import Any
from urllib.parse import quote

DOWNLOAD_SECONDS = 300


@lru_cache(maxsize=1)
def _s3() -> Any:
    import boto3

    from chalicelib.upstream import botocore_config

    return boto3.client("s3", config=botocore_config(signature_version="s3v4"))


class FileStore:
    """Objects of the files bucket, handed to browsers only through short-lived presigned links."""

    def __init__(self, bucket: str) -> None:
        self._bucket = bucket

    def put_download(self, content: bytes, filename: str, content_type: str) -> str:
        """Store a generated file under a fresh key and return a presigned GET link to it."""
        key = f"exports/{uuid.uuid4().hex}/{filename}"
        _s3().put_object(Bucket=self._bucket, Key=key, Body=content, ContentType=content_type)
        return self.download_url(key, filename)

    def put(self, key: str, content: bytes, content_type: str) -> None:
        _s3().put_object(Bucket=self._bucket, Key=key, Body=content, ContentType=content_type)

    def download_url(self, key: str, filename: str, inline: bool = False) -> str:
        """A short-lived link to the object at ``key`` as it is now (files the app writes itself, never uploads);
        ``inline``: the browser shows it (a PDF to print) instead of saving it."""
        disposition = _inline(filename) if inline else _attachment(filename)
        return _s3().generate_presigned_url(
            "get_object",
            Params={"Bucket": self._bucket, "Key": key, "ResponseContentDisposition": disposition},
            ExpiresIn=DOWNLOAD_SECONDS,
        )


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


def _inline(filename: str) -> str:
    return f"inline; filename*=UTF-8''{quote(filename)}"


def reset() -> None:
    _s3.cache_clear()


UPLOAD_SECONDS = 900


class UploadStore(FileStore):
    """Browser uploads: a presigned POST fixing key, content type and size range, then server-side checks."""

    def presigned_post(self, key: str, content_type: str, max_bytes: int) -> dict[str, Any]:
        return _s3().generate_presigned_post(
            Bucket=self._bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=UPLOAD_SECONDS,
        )

    def head(self, key: str) -> dict[str, Any] | None:
        """The object's metadata (with its ``VersionId``), or None when no object is at ``key``.

        Only "not found" answers mean missing: 404 (``NoSuchKey``, ``NoSuchVersion``) and 403, which S3 answers for
        a missing key when the caller may not list the bucket (no policy grants ``s3:ListBucket``). Any other error
        (5xx, ``SlowDown``, a timeout) is raised, so an outage answers 503 ``UPSTREAM_UNAVAILABLE``."""
        from botocore.exceptions import ClientError

        try:
            return _s3().head_object(Bucket=self._bucket, Key=key)
        except ClientError as error:
            if _missing(error):
                return None
            raise

    def leading_bytes(self, key: str, count: int, version_id: str) -> bytes:
        """The first ``count`` bytes of one version of an upload (``s3:GetObjectVersion``)."""
        response = _s3().get_object(
            Bucket=self._bucket, Key=key, VersionId=_version(version_id), Range=f"bytes=0-{count - 1}"
        )
        return response["Body"].read(count)

    def version_url(self, key: str, filename: str, version_id: str, shown_as: str | None = None) -> str:
        """A short-lived link to one version of an upload: the checked one, even if the key was written again.
        With ``shown_as`` (a content type the browser displays itself) the link opens the file in the browser, with
        that type whatever the object says; otherwise it downloads."""
        params = {"Bucket": self._bucket, "Key": key, "VersionId": _version(version_id)}
        if shown_as:
            params |= {"ResponseContentDisposition": _inline(filename), "ResponseContentType": shown_as}
        else:
            params["ResponseContentDisposition"] = _attachment(filename)
        return _s3().generate_presigned_url("get_object", Params=params, ExpiresIn=DOWNLOAD_SECONDS)

    def discard(self, material: dict[str, Any]) -> None:
        """Delete a material's object for good, after the change that dropped it was committed: the pinned
        version, or, for a material recorded before versions were pinned (no ``version_id``), the version at its key
        now (found with HeadObject; ``null`` for an object stored before versioning), never a plain DeleteObject (no
        policy grants s3:DeleteObject). Best effort: the change stands whatever S3 answers, and a file left behind is
        logged (by key: no personal data in it) for the bucket's clean-up."""
        from chalicelib.observability import logger

        try:
            version_id = material.get("version_id")
            if not version_id:
                head = self.head(material["key"])
                version_id = head.get("VersionId") if head else None
                if not version_id:
                    return  # nothing there
            self.delete(material["key"], version_id)
        except Exception:
            logger.warning("material left in the bucket", extra={"key": material.get("key")}, exc_info=True)

    def delete(self, key: str, version_id: str) -> None:
        """Remove one version of an upload for good (``s3:DeleteObjectVersion``; no delete marker). The app never
        deletes without a version: a plain DeleteObject needs ``s3:DeleteObject``, which no policy grants."""
        _s3().delete_object(Bucket=self._bucket, Key=key, VersionId=_version(version_id))


_MISSING_CODES = {"404", "403", "NoSuchKey", "NoSuchVersion", "NotFound", "AccessDenied", "Forbidden"}


def _missing(error: Any) -> bool:
    answer = error.response or {}
    status = (answer.get("ResponseMetadata") or {}).get("HTTPStatusCode")
    return status in (403, 404) or (answer.get("Error") or {}).get("Code") in _MISSING_CODES


def _version(version_id: str) -> str:
    """A version id the call must carry; an empty one is a bug, never a call on the latest version."""
    if not isinstance(version_id, str) or not version_id:
        raise ValueError("an S3 version id is required")
    return version_id
