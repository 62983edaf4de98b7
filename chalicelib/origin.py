"""Who is calling: requests must come through CloudFront when an origin secret is configured, and the caller's
address is then the viewer's (``CloudFront-Viewer-Address``), not API Gateway's ``sourceIp`` (CloudFront's).

CloudFront adds ``X-Origin-Verify: <secret>`` to every request it sends to the API (an origin custom header,
overwriting any the viewer sent) and ``CloudFront-Viewer-Address: <ip>:<port>`` (origin request policy). Only a
request carrying the secret may name its viewer; one without it is refused. With no secret configured (local
runs, tests, a stage without CloudFront) the address is API Gateway's ``sourceIp``.

The secret's value is read at run time from Secrets Manager (``ORIGIN_VERIFY_SECRET_ID``, chalicelib.secrets' cache):
its AWSCURRENT version, and its AWSPREVIOUS one so that a rotation (put-secret-value, then the web stack's update)
refuses nothing while CloudFront still sends the old value.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Mapping

from chalicelib.errors import Forbidden
from chalicelib.observability import count, logger

MIN_SECRET_LENGTH = 32

ORIGIN_HEADER = "X-Origin-Verify"
VIEWER_HEADER = "CloudFront-Viewer-Address"
IPV6_PREFIX = 64  # one phone or one home gets a /64; counting single IPv6 addresses would let one client rotate

_PORT = re.compile(r"[0-9]{1,5}")


def viewer_ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address in a ``CloudFront-Viewer-Address`` value, ``ip:port``: ``198.51.100.10:46532``, IPv6 unbracketed
    as CloudFront sends it (``2001:db8::1:443``) or bracketed (``[2001:db8::1]:443``); None when malformed."""
    value = value.strip()
    if value.startswith("["):
        host, separator, port = value[1:].partition("]:")
    else:
        host, separator, port = value.rpartition(":")
    if not separator or not _PORT.fullmatch(port) or int(port) > 65535:
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_key(address: str | ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """What per-address limits count: an IPv4 address as it is, an IPv6 address as its /64 network."""
    try:
        ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    except ValueError:
        return "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_PREFIX), strict=False))
    return str(ip)


def client_address(headers: Mapping[str, str], source_ip: str | None, secret_id: str) -> str:
    """The caller's address as per-address limits count it (see ``client_key``).

    With ``secret_id`` configured (the origin secret, ``ORIGIN_VERIFY_SECRET_ID``), a request whose ``X-Origin-Verify``
    is neither the secret's current value nor its previous one bypassed CloudFront and is refused with 403
    ``DIRECT_ACCESS_FORBIDDEN``; one with it is counted by its viewer's address (or by ``sourceIp`` should CloudFront
    not have sent one)."""
    if not secret_id:
        return client_key(source_ip or "")
    if not origin_verified(_header(headers, ORIGIN_HEADER), secret_id):
        raise Forbidden("请通过本系统的网址访问", code="DIRECT_ACCESS_FORBIDDEN")
    viewer = viewer_ip(_header(headers, VIEWER_HEADER))
    if viewer is None:
        # Counted by CloudFront's edge address, many people share one limit: the alarm tells the operator.
        count("ViewerAddressMissing")
        logger.warning("request through CloudFront without a valid viewer address; counting sourceIp")
        return client_key(source_ip or "")
    return client_key(viewer)


def origin_verified(sent: str, secret_id: str) -> bool:
    """Whether ``sent`` is the origin secret's AWSCURRENT value or, during a rotation, its AWSPREVIOUS one (each
    compared in constant time). The previous value is read only when the current one does not match: a warm
    function makes no call, a cold one reads the current value once."""
    from chalicelib import secrets

    given = sent.encode("utf-8", "replace")
    if _equal(given, secrets.read(secret_id)):
        return True
    previous = secrets.read_previous(secret_id)
    return previous is not None and _equal(given, previous)


def _equal(given: bytes, value: str) -> bool:
    if len(value) < MIN_SECRET_LENGTH:  # a secret a guess could find; refuse rather than accept it
        raise RuntimeError(f"the origin secret must hold at least {MIN_SECRET_LENGTH} characters")
    return hmac.compare_digest(given, value.encode("utf-8"))


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.lower())
    return value or ""
