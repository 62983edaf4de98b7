"""Runtime settings, read from the environment on first use (never at import time), and where the PDF fonts are;
the province part (chalicelib/province.py) is read and validated when first asked for. The keys (JWT, PII, ID
encryption) are not settings values: the environment names their secrets, read on use through chalicelib.secrets."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chalicelib.province import Province

# Stage names: lowercase letters and digits, no hyphen, so that one stage's IAM patterns (``cme-prod-*``) can never
# match another stage's resources (``cme-prod-zj-*``); scripts/package.sh checks the same pattern.
STAGE_NAME = re.compile(r"^[a-z][a-z0-9]{1,15}$", re.ASCII)

# What a request may spend waiting on one frozen dependency (API Gateway gives up at 29 s, Lambda at 30 s).
UPSTREAM_BUDGET_SECONDS = 10.0


@dataclass(frozen=True)
class Upstream:
    """Timeouts and attempts of every AWS call (DynamoDB through pynamodb, S3, SES).

    A frozen dependency then costs a call at most ``worst_case_seconds()``, and the request answers 503
    ``UPSTREAM_UNAVAILABLE`` instead of hanging for the libraries' defaults (pynamodb: 15 s connect, 30 s read,
    4 attempts; 120 s measured).
    """

    connect_timeout: float = 1.0
    read_timeout: float = 2.0
    max_attempts: int = 2  # the first try included; retries use botocore's "standard" mode

    def worst_case_seconds(self) -> float:
        """Every attempt times out on connect and read, with the longest backoff botocore's standard mode
        sleeps between attempts (1 s, 2 s, 4 s … for throttling, capped at 20 s)."""
        backoff = sum(min(2.0**i, 20.0) for i in range(self.max_attempts - 1))
        return self.max_attempts * (self.connect_timeout + self.read_timeout) + backoff


KEYRING_SIZE = 5  # look-ups by ID number hash under every key of a ring: it holds a few keys, not a history
_KID = re.compile(r"^[A-Za-z0-9_-]{1,16}$", re.ASCII)


@dataclass(frozen=True)
class Keyring:
    """Keys by key id (kid). New values are made with ``current``; any key of the ring still opens or finds what it
    made. Values made before key ids existed (no kid in them) belong to ``legacy``."""

    current: str
    legacy: str
    keys: tuple[tuple[str, bytes], ...] = field(repr=False)  # (kid, key), a few

    @property
    def kids(self) -> tuple[str, ...]:
        return tuple(kid for kid, _ in self.keys)

    @property
    def current_key(self) -> bytes:
        return self.key(self.current)

    def key(self, kid: str | None) -> bytes:
        """The key of ``kid``; None means a value made before key ids existed (the legacy key)."""
        wanted = self.legacy if kid is None else kid
        for known, key in self.keys:
            if known == wanted:
                return key
        raise LookupError(f"key id {wanted!r} is not in the keyring")


def parse_keyring(name: str, raw: str, derive: Callable[[bytes], bytes] = bytes) -> Keyring:
    """A key setting: either one key (at least 32 characters), which is key id ``k1``, or a JSON ring
    ``{"current": "k2", "keys": {"k1": "…", "k2": "…"}, "legacy": "k1"}`` (``legacy``, the key of values without a
    key id, defaults to ``k1`` if listed, else the first key). Errors name the setting, never a key."""
    if not raw.lstrip().startswith("{"):
        if len(raw) < 32:
            raise RuntimeError(f"{name} must be set to at least 32 characters")
        return Keyring("k1", "k1", (("k1", derive(raw.encode())),))
    try:
        data = json.loads(raw)
    except ValueError:
        raise RuntimeError(f"{name} is neither a key nor a JSON keyring") from None
    keys, current = data.get("keys") if isinstance(data, dict) else None, data.get("current")
    if not isinstance(keys, dict) or not 0 < len(keys) <= KEYRING_SIZE:
        raise RuntimeError(f"{name}: 'keys' must map 1 to {KEYRING_SIZE} key ids to keys")
    for position, (kid, key) in enumerate(keys.items(), start=1):
        if not _KID.match(kid):
            # never the refused id itself: a ring written with ids and keys swapped would put a key in the log
            raise RuntimeError(
                f"{name}: key id number {position} of 'keys' ({len(kid)} characters) must be 1-16 letters, digits,"
                " '-' or '_'"
            )
        if not isinstance(key, str) or len(key) < 32:
            raise RuntimeError(f"{name}: key {kid!r} must be at least 32 characters")
    legacy = data.get("legacy", "k1" if "k1" in keys else next(iter(keys)))
    for role, kid in (("current", current), ("legacy", legacy)):
        if not isinstance(kid, str) or kid not in keys:
            raise RuntimeError(f"{name}: '{role}' must name one of its keys")
    return Keyring(current, legacy, tuple((kid, derive(key.encode())) for kid, key in keys.items()))


class SecretKeyring(Keyring):
    """A keyring read from its Secrets Manager secret when a key is asked for (cached by chalicelib.secrets for
    ``MAX_AGE_SECONDS``), never when made: a key added to the ring is used within that, without a redeploy, and a
    key id met before its container has read it (another container already writes under it) reads the secret again
    at once. Parsed once per value read; a malformed value fails every use, like ``parse_keyring``."""

    _name: str
    _secret_id: str
    _derive: Callable[[bytes], bytes]
    _parsed: list[tuple[str, Keyring]]  # the last value read and its ring (one entry, swapped whole)

    def __init__(self, name: str, secret_id: str, derive: Callable[[bytes], bytes] = bytes) -> None:
        for attribute, value in (("_name", name), ("_secret_id", secret_id), ("_derive", derive), ("_parsed", [])):
            object.__setattr__(self, attribute, value)

    def __repr__(self) -> str:
        return f"SecretKeyring({self._name}, {self._secret_id})"

    def ring(self) -> Keyring:
        """The ring as its secret holds it now (at most ``MAX_AGE_SECONDS`` old)."""
        from chalicelib import secrets

        if not self._secret_id:
            raise RuntimeError(f"{self._name}_SECRET_ID must name the secret of {self._name}")
        raw = secrets.read(self._secret_id)
        parsed = self._parsed[0] if self._parsed else None
        if parsed is not None and (parsed[0] is raw or parsed[0] == raw):
            return parsed[1]
        ring = parse_keyring(self._name, raw, self._derive)
        self._parsed[:] = [(raw, ring)]
        return ring

    @property
    def current(self) -> str:
        return self.ring().current

    @property
    def legacy(self) -> str:
        return self.ring().legacy

    @property
    def keys(self) -> tuple[tuple[str, bytes], ...]:
        return self.ring().keys

    def key(self, kid: str | None) -> bytes:
        try:
            return self.ring().key(kid)
        except LookupError:
            from chalicelib import secrets

            if not secrets.refresh(self._secret_id):
                raise
            return self.ring().key(kid)


@dataclass(frozen=True)
class Settings:
    stage: str
    table_prefix: str
    bucket_name: str
    jwt_secret_id: str  # JWT_SECRET_ID: the secret (its ARN) holding the HMAC key of the access tokens
    token_ttl_seconds: int
    version: str
    password_hash_profile: str
    pii_keys: Keyring  # HMAC keys of the look-up hashes (PII_KEY, the secret PII_KEY_SECRET_ID), read on use
    # 32-byte AES-256-GCM keys, SHA-256 of each key of ID_ENCRYPTION_KEY (the secret ID_ENCRYPTION_KEY_SECRET_ID)
    id_encryption_keys: Keyring
    upstream: Upstream = field(default_factory=Upstream)
    # ORIGIN_VERIFY_SECRET_ID: the secret (its ARN) whose current and previous values CloudFront may send in
    # X-Origin-Verify, read on use (chalicelib.origin); empty: no CloudFront in front (local, tests), use sourceIp.
    origin_secret_id: str = ""
    jobs_queue_url: str = ""  # the background jobs' SQS queue (JOBS_QUEUE_URL)
    # MAIL_TRANSPORT=smtp: the Secrets Manager secret (its ARN) holding the provider's account, read when mail is
    # first sent and cached (services/mail.py), never passed in the environment itself
    smtp_secret_id: str = ""

    @property
    def jwt_secret(self) -> str:
        """The HMAC key of the access tokens, as its secret holds it now (chalicelib.secrets' cache)."""
        from chalicelib import secrets

        if not self.jwt_secret_id:
            raise RuntimeError("JWT_SECRET_ID must name the secret of the access tokens' key")
        secret = secrets.read(self.jwt_secret_id)
        if len(secret) < 32:
            raise RuntimeError("JWT_SECRET (the secret JWT_SECRET_ID) must hold at least 32 characters")
        return secret

    @cached_property
    def province(self) -> Province:
        """The province and stage configuration, validated on first use (pydantic loads only then)."""
        from chalicelib.province import read_province

        return read_province()

    @property
    def mail_sender(self) -> str:
        return self.province.mail_sender

    @property
    def app_origin(self) -> str:
        return self.province.app_origin


def _sha256(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()


# `make fonts` output; the functions that render PDFs get it as the fonts layer, whose FONT_DIR is /opt/fonts.
_BUILT_FONTS = Path(__file__).resolve().parent / "fonts"


def font_dir() -> Path:
    """The PDF fonts' directory: FONT_DIR (Lambda: /opt/fonts, the fonts layer), else chalicelib/fonts (make fonts).
    Not part of get_settings, which needs the keys: rendering a PDF needs none."""
    return Path(os.environ.get("FONT_DIR") or _BUILT_FONTS)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process; tests call ``get_settings.cache_clear()`` after changing env. The keys are
    not frozen here: the keyrings and ``jwt_secret`` read their secrets on use (chalicelib.secrets' cache)."""
    stage = os.environ.get("STAGE", "local")
    if not STAGE_NAME.match(stage):
        raise RuntimeError(f"STAGE {stage!r} must be 2-16 lowercase letters and digits, starting with a letter")
    return Settings(
        stage=stage,
        table_prefix=os.environ["TABLE_PREFIX"],
        bucket_name=os.environ["BUCKET_NAME"],
        jwt_secret_id=os.environ.get("JWT_SECRET_ID", ""),
        token_ttl_seconds=int(os.environ.get("TOKEN_TTL_SECONDS", "28800")),
        version=os.environ.get("APP_VERSION", "dev"),
        # argon2-cffi profile name; CHEAPEST is for tests only.
        password_hash_profile=os.environ.get("PASSWORD_HASH_PROFILE", "RFC_9106_LOW_MEMORY"),
        pii_keys=SecretKeyring("PII_KEY", os.environ.get("PII_KEY_SECRET_ID", "")),
        id_encryption_keys=SecretKeyring(
            "ID_ENCRYPTION_KEY", os.environ.get("ID_ENCRYPTION_KEY_SECRET_ID", ""), _sha256
        ),
        upstream=_upstream(),
        origin_secret_id=_origin_secret_id(),
        jobs_queue_url=os.environ.get("JOBS_QUEUE_URL", ""),
        smtp_secret_id=os.environ.get("SMTP_SECRET_ID", ""),
    )


def _upstream() -> Upstream:
    upstream = Upstream(
        connect_timeout=float(os.environ.get("UPSTREAM_CONNECT_TIMEOUT", Upstream.connect_timeout)),
        read_timeout=float(os.environ.get("UPSTREAM_READ_TIMEOUT", Upstream.read_timeout)),
        max_attempts=int(os.environ.get("UPSTREAM_MAX_ATTEMPTS", Upstream.max_attempts)),
    )
    if min(upstream.connect_timeout, upstream.read_timeout) <= 0 or upstream.max_attempts < 1:
        raise RuntimeError("UPSTREAM_* timeouts must be positive and UPSTREAM_MAX_ATTEMPTS at least 1")
    if upstream.worst_case_seconds() > UPSTREAM_BUDGET_SECONDS:
        raise RuntimeError(f"UPSTREAM_* settings exceed the {UPSTREAM_BUDGET_SECONDS:g} s budget of a request")
    return upstream


def _origin_secret_id() -> str:
    """ORIGIN_VERIFY_SECRET_ID; the values themselves are never in the environment (docs/deploy.md, key rotation)."""
    for retired in ("ORIGIN_VERIFY_SECRET", "ORIGIN_VERIFY_PREVIOUS"):
        if os.environ.get(retired):
            raise RuntimeError(f"{retired} is no longer read: name the origin secret in ORIGIN_VERIFY_SECRET_ID")
    return os.environ.get("ORIGIN_VERIFY_SECRET_ID", "")


def read_upstream() -> Upstream:
    """The UPSTREAM_* limits alone, for a command-line tool that needs no other setting (and so no key)."""
    return _upstream()
