"""Who is calling: requests must come through CloudFront when an origin secret is configured, and the caller's
address is then the viewer's (``CloudFront-Viewer-Address``), not API Gateway's ``sourceIp`` (CloudFront's).

CloudFront adds ``X-Origin-Verify: <secret>`` to every request it sends to the API (an origin custom header,
overwriting any the viewer sent) and ``CloudFront-Viewer-Address: <ip>:<port>`` (origin request policy). Only a
request carrying the secret may name its viewer; one without it is refused. With no secret configured (local
runs, tests, a stage without CloudFront) the address is API Gateway's ``sourceIp``.
"""

from __future__ import annotations

import hmac
import ipaddress
import re
from collections.abc import Mapping

from chalicelib.errors import Forbidden
from chalicelib.observability import logger

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


def client_address(headers: Mapping[str, str], source_ip: str | None, secrets: tuple[str, ...]) -> str:
    """The caller's address as per-address limits count it (see ``client_key``).

    With ``secrets`` configured (the current one, and the previous one during a rotation), a request without one of
    them in ``X-Origin-Verify`` (each compared in constant time) bypassed CloudFront and is refused with 403
    ``DIRECT_ACCESS_FORBIDDEN``; one with it is counted by its viewer's address (or by ``sourceIp`` should
    CloudFront not have sent one)."""
    if not secrets:
        return client_key(source_ip or "")
    sent = _header(headers, ORIGIN_HEADER).encode("utf-8", "replace")
    matches = sum(hmac.compare_digest(sent, secret.encode("utf-8")) for secret in secrets)  # every one compared
    if not matches:
        raise Forbidden("请通过本系统的网址访问", code="DIRECT_ACCESS_FORBIDDEN")
    viewer = viewer_ip(_header(headers, VIEWER_HEADER))
    if viewer is None:
        logger.warning("request through CloudFront without a valid viewer address; counting sourceIp")
        return client_key(source_ip or "")
    return client_key(viewer)


def _header(headers: Mapping[str, str], name: str) -> str:
    value = headers.get(name)
    if value is None:
        value = headers.get(name.lower())
    return value or ""
