from __future__ import annotations

import uuid
from functools import lru_cache
from typing import Any
from urllib.parse import quote

DOWNLOAD_SECONDS = 300


@lru_cache(maxsize=1)
def _s3() -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client("s3", config=Config(signature_version="s3v4"))


class FileStore:
    """Objects of the files bucket, handed to browsers only through short-lived presigned links."""

    def __init__(self, bucket: str) -> None:
        self._bucket = bucket

    def put_download(self, content: bytes, filename: str, content_type: str) -> str:
        """Store a generated file under a fresh key and return a presigned GET link to it."""
        key = f"exports/{uuid.uuid4().hex}/{filename}"
        _s3().put_object(Bucket=self._bucket, Key=key, Body=content, ContentType=content_type)
        return self.download_url(key, filename)

    def download_url(self, key: str, filename: str) -> str:
        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        return _s3().generate_presigned_url(
            "get_object",
            Params={"Bucket": self._bucket, "Key": key, "ResponseContentDisposition": disposition},
            ExpiresIn=DOWNLOAD_SECONDS,
        )


def reset() -> None:
    _s3.cache_clear()
