"""The SMTP transport (MAIL_TRANSPORT=smtp, the China regions) against a small SMTP server on loopback: the account
comes from Secrets Manager (moto) and is cached, messages are UTF-8 with the page's link, and a server without TLS,
one that refuses the login, does not answer or is not there stops the notice's emails like an SES that does not
answer; a refused recipient only loses that message. A deployed stage never logs in or sends without TLS."""

from __future__ import annotations

import base64
import json
import socket
import socketserver
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from time import monotonic
from typing import Any

import boto3
import pytest

from chalicelib.services import mail, notifications
from chalicelib.services.mail import MailInsecure, MailUnavailable, SmtpTransport, parse_account
from chalicelib.services.notifications import Mailer, mail_body

USER, PASSWORD = "notice@mail.example.cn", "smtp-Pass-0123"


class SmtpServer(socketserver.ThreadingTCPServer):
    """Enough of RFC 5321 for smtplib: EHLO (AUTH PLAIN, no STARTTLS), AUTH PLAIN, MAIL, RCPT, DATA, QUIT."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), SmtpSession)
        self.messages: list[dict[str, Any]] = []
        self.commands: list[str] = []
        self.refuse_recipients: set[str] = set()
        self.silent = False  # accept the connection and never answer

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class SmtpSession(socketserver.StreamRequestHandler):
    server: SmtpServer

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        if self.server.silent:
            self.rfile.readline()  # until the client gives up
            return
        self.reply("220 loopback ESMTP")
        envelope: dict[str, Any] = {"to": []}
        authenticated = False
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode().rstrip("\r\n")
            verb = line.split(" ", 1)[0].upper()
            self.server.commands.append(verb)
            if verb in ("EHLO", "HELO"):
                self.wfile.write(b"250-loopback\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n")
            elif verb == "AUTH":
                _, user, password = base64.b64decode(line.split()[2]).split(b"\0")
                authenticated = (user.decode(), password.decode()) == (USER, PASSWORD)
                self.reply("235 ok" if authenticated else "535 authentication failed")
            elif verb == "MAIL":
                envelope = {"from": line[10:].strip("<>"), "to": []}
                self.reply("250 ok" if authenticated else "530 authentication required")
            elif verb == "RCPT":
                recipient = line[8:].strip("<>")
                if recipient in self.server.refuse_recipients:
                    self.reply("550 no such mailbox")
                else:
                    envelope["to"].append(recipient)
                    self.reply("250 ok")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk
                envelope["message"] = message_from_bytes(data, policy=policy.default)
                self.server.messages.append(envelope)
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    smtp = SmtpServer()
    thread = threading.Thread(target=smtp.serve_forever, daemon=True)
    thread.start()
    yield smtp
    smtp.shutdown()
    smtp.server_close()


def _secret(aws: None, **account: Any) -> str:
    value = {"host": "127.0.0.1", "username": USER, "password": PASSWORD, **account}
    return boto3.client("secretsmanager").create_secret(Name="cme-test/smtp", SecretString=json.dumps(value))["ARN"]


def test_a_notice_email_goes_out_over_smtp_with_its_link(aws: None, server: SmtpServer) -> None:
    secret = _secret(aws, port=server.port)
    mailer = Mailer("no-reply@cme.test", SmtpTransport(secret, require_tls=False))
    body = mail_body("您的举办申请已通过审核。", "/sessions/s-1", "https://cme.example.cn")
    assert mailer.attempt("admin@demo.cme.local", "[继续医学教育学分系统] 举办申请已通过", body) == "sent"
    (sent,) = server.messages
    assert sent["from"] == "no-reply@cme.test" and sent["to"] == ["admin@demo.cme.local"]
    message = sent["message"]
    assert message["Subject"] == "[继续医学教育学分系统] 举办申请已通过"
    assert "查看详情：https://cme.example.cn/sessions/s-1" in message.get_content()
    assert message.get_content_charset() == "utf-8" and message["Message-ID"]


def test_the_account_is_read_once_and_again_after_a_refused_login(
    aws: None, server: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aws_lambda_powertools.utilities.parameters import SecretsProvider

    secret = _secret(aws, port=server.port)
    reads: list[str] = []
    read = SecretsProvider._get

    def counted(provider: SecretsProvider, name: str, **options: Any) -> str | bytes:
        reads.append(name)  # a GetSecretValue of chalicelib.secrets, the one way the app reads a secret
        return read(provider, name, **options)

    monkeypatch.setattr(SecretsProvider, "_get", counted)
    mailer = Mailer("no-reply@cme.test", SmtpTransport(secret, require_tls=False))
    assert [mailer.attempt(f"a{i}@demo.cme.local", "通知", "正文") for i in range(3)] == ["sent"] * 3
    assert reads == [secret], "cached between messages and requests"
    account = {"host": "127.0.0.1", "port": server.port, "username": USER, "password": "wrong-password"}
    boto3.client("secretsmanager").put_secret_value(SecretId=secret, SecretString=json.dumps(account))
    mail.reset()
    assert mailer.attempt("b@demo.cme.local", "通知", "正文") == "unavailable", "a refused login stops the notice"
    account["password"] = PASSWORD  # the operator fixes the secret: the next message reads it again
    boto3.client("secretsmanager").put_secret_value(SecretId=secret, SecretString=json.dumps(account))
    assert mailer.attempt("b@demo.cme.local", "通知", "正文") == "sent"
    assert len(reads) == 3


def test_a_deployed_stage_sends_nothing_and_no_password_without_tls(aws: None, server: SmtpServer) -> None:
    secret = _secret(aws, port=server.port)
    with pytest.raises(MailInsecure, match="offers no STARTTLS"):
        SmtpTransport(secret).send("no-reply@cme.test", "a@demo.cme.local", "通知", "正文")
    assert "AUTH" not in server.commands and server.messages == []
    mailer = Mailer("no-reply@cme.test", SmtpTransport(secret))
    assert mailer.attempt("a@demo.cme.local", "通知", "正文") == "unavailable"


def test_a_refused_recipient_loses_only_its_message(aws: None, server: SmtpServer) -> None:
    server.refuse_recipients.add("gone@demo.cme.local")
    mailer = Mailer("no-reply@cme.test", SmtpTransport(_secret(aws, port=server.port), require_tls=False))
    assert mailer.attempt("gone@demo.cme.local", "通知", "正文") == "failed"
    assert mailer.attempt("here@demo.cme.local", "通知", "正文") == "sent"


def test_a_server_that_is_not_there_or_does_not_answer_is_unavailable_within_the_timeout(
    aws: None, server: SmtpServer
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    absent = Mailer("no-reply@cme.test", SmtpTransport(_secret(aws, port=closed), require_tls=False))
    assert absent.attempt("a@demo.cme.local", "通知", "正文") == "unavailable"

    server.silent = True
    boto3.client("secretsmanager").put_secret_value(
        SecretId="cme-test/smtp", SecretString=json.dumps({"host": "127.0.0.1", "port": server.port})
    )
    mail.reset()
    frozen = Mailer("no-reply@cme.test", SmtpTransport("cme-test/smtp", require_tls=False, timeout=0.3))
    started = monotonic()
    assert frozen.attempt("a@demo.cme.local", "通知", "正文") == "unavailable"
    assert monotonic() - started < 2


def test_a_missing_or_unset_secret_is_unavailable_and_names_no_value(aws: None) -> None:
    mailer = Mailer("no-reply@cme.test", SmtpTransport(""))
    assert mailer.attempt("a@demo.cme.local", "通知", "正文") == "unavailable"
    assert Mailer("no-reply@cme.test", SmtpTransport("cme-test/none")).attempt("a@x.cn", "s", "b") == "unavailable"
    unset = json.dumps({"host": "", "port": 465, "username": "", "password": "GeneratedByCloudFormation"})
    with pytest.raises(MailUnavailable) as refused:
        parse_account(unset)
    assert "'host' is empty" in str(refused.value) and "Generated" not in str(refused.value)
    with pytest.raises(MailUnavailable, match="'username' and 'password' go together"):
        parse_account(json.dumps({"host": "smtp.example.cn", "password": "secret-value"}))
    assert parse_account(json.dumps({"host": "smtp.example.cn"})).port == 465
    assert "smtp-Pass" not in repr(parse_account(json.dumps({"host": "h", "username": USER, "password": PASSWORD})))


def test_the_configured_transport_is_used(aws: None, server: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from chalicelib.container import reset, services

    secret = _secret(aws, port=server.port)
    monkeypatch.setenv("MAIL_TRANSPORT", "smtp")
    monkeypatch.setenv("SMTP_SECRET_ID", secret)
    reset()
    try:
        notifier = services().notifier
        account = notifications.Account(username="admin-x", email="admin-x@demo.cme.local")
        notifier._mail([account], "举办申请已通过", mail_body("正文", "/sessions/s-2", "http://127.0.0.1:8000"))
        assert "http://127.0.0.1:8000/sessions/s-2" in server.messages[0]["message"].get_content()
    finally:
        monkeypatch.delenv("MAIL_TRANSPORT")
        reset()
