"""Resident ID numbers (GB 11643) and mainland mobiles: checks, derived facts, masking, keyed look-up hash."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from chalicelib.errors import ValidationFailed
from chalicelib.settings import Keyring

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^\d{17}[\dX]$", re.ASCII)
MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    gender: str  # "male" | "female"

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))


def parse_resident_id(raw: str, today: date, field: str = "id_number") -> ResidentId:
    """The ID's birth date and gender, or ValidationFailed saying which part is wrong."""
    number = unicodedata.normalize("NFKC", raw).strip().upper()  # full-width digits from Chinese input methods
    if not _SHAPE.match(number):
        raise ValidationFailed("ID_FORMAT", "身份证号码应为18位，最后一位可以是数字或X", field)
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], _WEIGHTS, strict=True))
    if _CHECK[total % 11] != number[17]:
        raise ValidationFailed("ID_CHECKSUM", "身份证号码校验位不正确，请核对", field)
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationFailed("ID_BIRTH_DATE", "身份证号码中的出生日期无效", field) from None
    if born > today or today.year - born.year > 120:
        raise ValidationFailed("ID_BIRTH_DATE", "身份证号码中的出生日期不合理", field)
    gender = "male" if int(number[16]) % 2 else "female"
    return ResidentId(number, born, gender)


def check_mobile(raw: str, field: str = "mobile") -> str:
    mobile = unicodedata.normalize("NFKC", raw).strip()
    if not MOBILE.match(mobile):
        raise ValidationFailed("MOBILE_FORMAT", "手机号码应为11位，以1开头", field)
    return mobile


def mask_id(number: str) -> str:
    return f"{number[:6]}********{number[-4:]}" if len(number) == 18 else "******"


def mask_id_public(value: str) -> str:
    """What public answers show of an ID number: its last four characters (``**************4515``). Takes the number
    or any stored mask of it (every mask keeps the last four), so an older, longer stored mask is cut down too."""
    text = value.strip()
    return "*" * 14 + text[-4:] if len(text) == 18 and "*" not in text[-4:] else "******"


def mask_unit(unit: str) -> str:
    """A work unit in a public answer: ``南京***医院`` (two characters each end; one each end when short)."""
    characters = list(unit.strip())
    if len(characters) >= 6:
        return "".join(characters[:2]) + "*" * (len(characters) - 4) + "".join(characters[-2:])
    if len(characters) >= 3:
        return characters[0] + "*" * (len(characters) - 2) + characters[-1]
    return characters[0] + "*" if characters else ""


def mask_mobile(mobile: str) -> str:
    return f"{mobile[:3]}****{mobile[-4:]}" if len(mobile) == 11 else "****"


def mask_name(name: str) -> str:
    """The one mask of a person's name, on phones, in the console and in public answers: first and last character
    kept (王*喆, 阿*·*提 for long names with their separator), 王* for two characters."""
    characters = list(name.strip())
    if len(characters) <= 2:
        return characters[0] + "*" if characters else "*"
    return characters[0] + "".join("·" if c == "·" else "*" for c in characters[1:-1]) + characters[-1]


def mask_email(email: str) -> str:
    name, _, domain = email.partition("@")
    return f"{name[:1]}***@{domain}"


def lookup_hash(number: str, key: bytes) -> str:
    """Keyed hash for finding an attendee by ID number (or mobile) without storing the number in clear.

    The hash carries no key id: which key of PII_KEY made it is implied by where it is stored. Every hash of a
    session's attendance (attendee and person keys, mobile key) uses the key id the session fixed at
    approval (``Session.pii_kid``; none: the legacy key), so a sign-in, a repeated sign-in and the sign-out of one
    session always meet; copies (credit records, certificates) keep their session's key."""
    text = unicodedata.normalize("NFKC", number).strip().upper()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def matches_any(value: str, candidates: Iterable[str]) -> bool:
    """Whether ``value`` is one of a few hashes, every one compared in constant time (no early exit)."""
    return sum(hmac.compare_digest(value, candidate) for candidate in candidates) > 0


def lookup_hashes(number: str, keys: Keyring) -> set[str]:
    """The hash of ``number`` under every key of the ring (a few), for look-ups across sessions whose keys differ."""
    return {lookup_hash(number, key) for _, key in keys.keys}


_SEALED_VERSION = "v1"


def record_context(session_id: str, attendee_key: str) -> str:
    """What an attendance record's sealed ID number is bound to; credit records keep it to open their copy."""
    return f"{session_id}|{attendee_key}"


def seal(text: str, keys: Keyring, context: str) -> str:
    """AES-256-GCM encryption of a personal number under the ring's current key, as ``v1.<kid>.<base64>``, bound to
    ``context`` (e.g. the record key) so a sealed value copied onto another record does not open."""
    nonce = os.urandom(12)
    sealed = _cipher(keys.current_key).encrypt(nonce, text.encode(), context.encode())
    return f"{_SEALED_VERSION}.{keys.current}.{base64.urlsafe_b64encode(nonce + sealed).decode()}"


def sealed_kid(value: str) -> str | None:
    """The key id a sealed value names; None for values sealed before key ids (``v1.<base64>``: the legacy key)."""
    parts = value.split(".")
    if parts[0] != _SEALED_VERSION or len(parts) not in (2, 3):
        raise ValueError("unknown sealed format")
    return parts[1] if len(parts) == 3 else None


def unseal(value: str, keys: Keyring, context: str) -> str:
    """Open a sealed value with the key its id names (the legacy key if it names none); raises if that key has
    left the ring, the value was changed or it is bound to another context."""
    kid = sealed_kid(value)
    raw = base64.urlsafe_b64decode(value.rsplit(".", 1)[1])
    return _cipher(keys.key(kid)).decrypt(raw[:12], raw[12:], context.encode()).decode()


@lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    """One cipher per key for the life of the process (the key schedule is set up once)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)
