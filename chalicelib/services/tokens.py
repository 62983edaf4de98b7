"""The app's own JWTs (HS256): issuing and reading the claims of a signed-in account."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from chalicelib.timeutil import to_iso, utc_now

_ALGORITHM = "HS256"
_ISSUER = "cme-credits"


@dataclass(frozen=True)
class Claims:
    username: str
    role: str
    org_id: str
    token_version: int


def issue_token(claims: Claims, secret: str, ttl_seconds: int) -> tuple[str, str]:
    """Return a signed JWT for the account and its expiry as UTC ISO time."""
    import jwt  # lazily: the attendees' public routes never need it (cold start)

    now = utc_now()
    expires = now + timedelta(seconds=ttl_seconds)
    payload = {
        "iss": _ISSUER,
        "sub": claims.username,
        "role": claims.role,
        "org": claims.org_id,
        "tv": claims.token_version,
        "iat": int(now.timestamp()),
        "exp": int(expires.timestamp()),
        "jti": uuid.uuid4().hex,
    }
    return jwt.encode(payload, secret, algorithm=_ALGORITHM), to_iso(expires)


def read_token(token: str, secret: str) -> Claims | None:
    """Verified claims of a token, or None when it is forged, expired or malformed."""
    import jwt

    try:
        payload = jwt.decode(
            token,
            secret,
            algorithms=[_ALGORITHM],
            issuer=_ISSUER,
            options={"require": ["exp", "iat", "sub", "iss"]},
        )
        return Claims(
            username=str(payload["sub"]),
            role=str(payload["role"]),
            org_id=str(payload["org"]),
            token_version=int(payload["tv"]),
        )
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return None
