"""`make run LAN=1`: the address to serve on (the default route's interface, found without sending anything, or
``LAN_ADDRESS``), the files bucket's door on it for phones (moto itself stays on loopback) and the terminal banner
with the phone pages' QR code."""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

LOOPBACK = "127.0.0.1"
# TEST-NET-1 (RFC 5737): connecting a UDP socket only picks the route, and so the source address; no packet is sent,
# and none could reach anyone: the address belongs to no host.
PROBE = ("192.0.2.1", 9)


class LanAddressError(Exception):
    """No usable LAN address: the message (Chinese) tells the user what to do."""


def lan_requested(environ: Mapping[str, str]) -> bool:
    """``LAN=1`` (or any value but empty/0/false/no), or an explicit ``LAN_ADDRESS``."""
    flag = environ.get("LAN", "").strip().lower()
    return flag not in ("", "0", "false", "no") or bool(environ.get("LAN_ADDRESS", "").strip())


def checked_address(address: str, *, detected: bool = False) -> str:
    """``address`` if the system may bind it and phones may use it in URLs: one IPv4 address, not 0.0.0.0 (that
    would open every interface); a detected loopback address is refused, as no phone reaches it."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        message = f"LAN_ADDRESS 不是有效的 IPv4 地址：{address!r}（例如 LAN_ADDRESS=192.168.1.20）"
        raise LanAddressError(message) from None
    if ip.version != 4:
        raise LanAddressError(f"暂只支持 IPv4 局域网地址：{ip}（请用 LAN_ADDRESS=… 指定本机的 IPv4 地址）")
    if ip.is_unspecified or ip.is_multicast or str(ip) == "255.255.255.255":
        raise LanAddressError(f"不能监听 {ip}：请指定本机网卡的一个地址（只在该地址上开放）")
    if detected and ip.is_loopback:
        raise LanAddressError("检测到的默认路由地址是回环地址，手机无法访问：请连接局域网，或用 LAN_ADDRESS=… 指定")
    return str(ip)


def detect_address(make_socket: Callable[..., socket.socket] | None = None) -> str:
    """The address of the interface the default route uses, as phones on the same network reach this machine."""
    try:
        with (make_socket or socket.socket)(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(PROBE)  # UDP: sets the peer and the source address, sends nothing
            address = probe.getsockname()[0]
    except OSError as error:
        raise LanAddressError(
            "未检测到局域网地址（本机没有默认路由，可能未联网）：请连接网络，或用 LAN_ADDRESS=… 指定本机地址"
        ) from error
    return checked_address(str(address), detected=True)


def bind_address(environ: Mapping[str, str] | None = None) -> str:
    """The one address ``make run`` listens on: loopback unless LAN mode is asked for."""
    environ = os.environ if environ is None else environ
    if not lan_requested(environ):
        return LOOPBACK
    explicit = environ.get("LAN_ADDRESS", "").strip()
    return checked_address(explicit) if explicit else detect_address()


def terminal_qr(url: str) -> str:
    """``url`` as a QR code of block characters, light modules drawn, for a dark terminal (a phone's camera reads it
    off the screen)."""
    import io

    import qrcode

    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_L)
    code.add_data(url)
    code.make(fit=True)
    out = io.StringIO()
    code.print_ascii(out=out, invert=True)
    return out.getvalue()


def lan_banner(url: str) -> str:
    """What ``make run LAN=1`` prints: the phone URL and its QR code, and who else can reach the system."""
    phone = f"{url}/m/"
    return (
        f"\n  局域网模式：手机连接与本机相同的网络后扫描下方二维码，或在浏览器中打开 {phone}\n"
        f"{terminal_qr(phone)}"
        "  注意：同一网络中的任何人都能访问本系统（演示账号与公开的演示密码可直接登录）；\n"
        "  只在可信的网络中使用，不要放入真实的个人信息，用完按 Ctrl-C 停止。\n"
    )


# Only what a browser needs from the local S3: objects by key (presigned GET, the app's own calls) and the presigned
# POST of an upload. Listing the bucket and every other service (DynamoDB, Secrets Manager…) stay on loopback.
_OBJECT_METHODS = {"GET", "HEAD", "PUT", "DELETE", "OPTIONS"}
# Not passed back: hop-by-hop headers, and those the door's own server writes.
_NOT_PASSED = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "server", "date"}


def door_allows(method: str, path: str, query: str, bucket: str, trusted: bool = True) -> bool:
    """Whether the door forwards a request: the bucket's objects, and form uploads (POST) to the bucket itself.
    Only this machine (``trusted``: the app's own S3 calls) may write or delete an object; anyone else on the network
    gets presigned downloads, form uploads and CORS preflights (moto checks no signature: a key is all it takes)."""
    root = f"/{bucket}"
    if path in (root, root + "/"):
        return method == "OPTIONS" or (method == "POST" and not query)
    if not path.startswith(root + "/"):
        return False
    if trusted:
        return method in _OBJECT_METHODS
    return method == "OPTIONS" or (method == "GET" and "X-Amz-Signature=" in query)


class BucketDoor:
    """A WSGI application on the LAN address passing the files bucket's requests on to moto on loopback, so
    presigned links signed for the LAN address work on a phone and nothing else of moto is reachable."""

    def __init__(self, upstream: str, bucket: str, own_addresses: frozenset[str] = frozenset({LOOPBACK})) -> None:
        self._own = own_addresses  # this machine's addresses: the app's own S3 calls come from one of them
        parts = urlsplit(upstream)
        self._host, self._port = parts.hostname or LOOPBACK, parts.port or 80
        self._bucket = bucket

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO") or "/"
        query = environ.get("QUERY_STRING", "")
        trusted = environ.get("REMOTE_ADDR", "") in self._own
        if not door_allows(method, path, query, self._bucket, trusted):
            start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
            return ["局域网模式只开放文件存储桶中的对象".encode()]
        target = environ.get("RAW_URI") or environ.get("REQUEST_URI") or quote(path) + (f"?{query}" if query else "")
        headers = {name[5:].replace("_", "-").title(): value for name, value in environ.items() if name[:5] == "HTTP_"}
        for name in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(name):
                headers[name.replace("_", "-").title()] = environ[name]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else None
        connection = http.client.HTTPConnection(self._host, self._port, timeout=120)
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            payload = response.read()
            kept = [(name, value) for name, value in response.getheaders() if name.lower() not in _NOT_PASSED]
            start_response(f"{response.status} {response.reason}", kept)
        finally:
            connection.close()
        return [payload]
