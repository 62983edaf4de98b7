"""Runtime settings, read from the environment on first use (never at import time)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    stage: str
    table_prefix: str
    bucket_name: str
    jwt_secret: str
    token_ttl_seconds: int
    mail_sender: str
    app_origin: str
    version: str
    password_hash_profile: str
    pii_key: bytes
    id_encryption_key: bytes  # 32 bytes for AES-256-GCM, derived from ID_ENCRYPTION_KEY


def _required_key(name: str) -> bytes:
    value = os.environ.get(name, "")
    if len(value) < 32:
        raise RuntimeError(f"{name} must be set to at least 32 characters")
    return value.encode()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process; tests call ``get_settings.cache_clear()`` after changing env."""
    secret = os.environ.get("JWT_SECRET", "")
    if len(secret) < 32:
        raise RuntimeError("JWT_SECRET must be set to at least 32 characters")
    return Settings(
        stage=os.environ.get("STAGE", "local"),
        table_prefix=os.environ["TABLE_PREFIX"],
        bucket_name=os.environ["BUCKET_NAME"],
        jwt_secret=secret,
        token_ttl_seconds=int(os.environ.get("TOKEN_TTL_SECONDS", "28800")),
        mail_sender=os.environ.get("MAIL_SENDER", "no-reply@cme.example.cn"),
        app_origin=os.environ.get("APP_ORIGIN", "http://127.0.0.1:8000"),
        version=os.environ.get("APP_VERSION", "dev"),
        # argon2-cffi profile name; CHEAPEST is for tests only.
        password_hash_profile=os.environ.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY"),
        pii_key=_required_key("PII_KEY"),
        id_encryption_key=hashlib.sha256(_required_key("ID_ENCRYPTION_KEY")).digest(),
    )
