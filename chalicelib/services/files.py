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

    def download_url(self, key: str, filename: str, version_id: str | None = None) -> str:
        """A short-lived link; with ``version_id`` it serves that checked version even if the key is rewritten."""
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        params = {"Bucket": self._bucket, "Key": key, "ResponseContentDisposition": disposition}
        if version_id:
            params["VersionId"] = version_id
        return _s3().generate_presigned_url("get_object", Params=params, ExpiresIn=DOWNLOAD_SECONDS)


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
        from botocore.exceptions import ClientError

        try:
            return _s3().head_object(Bucket=self._bucket, Key=key)
        except ClientError:
            return None

    def leading_bytes(self, key: str, count: int, version_id: str | None = None) -> bytes:
        extra = {"VersionId": version_id} if version_id else {}
        response = _s3().get_object(Bucket=self._bucket, Key=key, Range=f"bytes=0-{count - 1}", **extra)
        return response["Body"].read(count)

    def delete(self, key: str, version_id: str | None = None) -> None:
        """Remove an object; with ``version_id`` that version is gone for good (no delete marker)."""
        extra = {"VersionId": version_id} if version_id else {}
        _s3().delete_object(Bucket=self._bucket, Key=key, **extra)
