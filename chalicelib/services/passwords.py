"""Password rules and hashing (argon2id): strength check, hash, verify, and a dummy verify for unknown users."""

from __future__ import annotations

import re
from functools import lru_cache

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from chalicelib.errors import ValidationFailed

MIN_LENGTH = 8
_CLASSES = (r"[A-Z]", r"[a-z]", r"[0-9]", r"[^A-Za-z0-9]")


@lru_cache(maxsize=1)
def _hasher() -> PasswordHasher:
    from chalicelib.settings import get_settings

    return PasswordHasher.from_parameters(getattr(profiles, get_settings().password_hash_profile))


def check_strength(password: str, username: str, field: str = "password") -> None:
    """Raise ValidationFailed unless the password meets the minimum strength rules."""
    if len(password) < MIN_LENGTH:
        raise ValidationFailed("WEAK_PASSWORD", f"密码长度不能少于{MIN_LENGTH}位", field)
    if len(password) > 128:
        raise ValidationFailed("WEAK_PASSWORD", "密码长度不能超过128位", field)
    if sum(1 for pattern in _CLASSES if re.search(pattern, password)) < 3:
        raise ValidationFailed("WEAK_PASSWORD", "密码须包含大写字母、小写字母、数字、符号中的至少三类", field)
    if username and username.lower() in password.lower():
        raise ValidationFailed("WEAK_PASSWORD", "密码不能包含用户名", field)


def hash_password(password: str, profile: str | None = None) -> str:
    """The argon2id hash of ``password``, with the settings' profile unless ``profile`` (an argon2-cffi profile
    name) is given by a tool that reads no settings."""
    if profile is not None:
        return PasswordHasher.from_parameters(getattr(profiles, profile)).hash(password)
    return _hasher().hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def dummy_verify(password: str) -> None:
    """Spend the same time as a real check so unknown usernames are not revealed by timing."""
    verify_password(_dummy_hash(), password)


def reset() -> None:
    _hasher.cache_clear()
    _dummy_hash.cache_clear()


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return _hasher().hash("not-a-real-password-0")
