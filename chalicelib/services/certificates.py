"""Electronic credit certificates: made at granting, looked up by the public with the ID part, verified through
their unguessable code, revoked or reissued by the office (the person-year ledger follows in the same transaction);
PDFs kept in S3 at a key per code and status. Numbers are ``{prefix}{year}-{seq}`` and the issuer is the
stage's configured one (CERTIFICATE_PREFIX, CERTIFICATE_ISSUER) when the certificate is made; a certificate keeps
its number and issuer for good."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from functools import partial
from typing import Any

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import AppError, Conflict, Forbidden, NotFound, TooManyRequests
from chalicelib.models import Certificate, Counter, CreditRecord, Session
from chalicelib.paging import Page, decode_cursor, encode_cursor
from chalicelib.principal import Principal
from chalicelib.services import identity, ledger
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.batch_writes import save_all
from chalicelib.services.budgets import Budgets, budget_key
from chalicelib.services.files import UploadStore
from chalicelib.services.sessions import SessionService
from chalicelib.settings import Keyring
from chalicelib.timeutil import china_date, china_today, parse_instant, to_iso, utc_now

FORM = "面授"
LEVEL_LABELS = {"national": "国家级", "provincial": "省级"}
STATUS_LABELS = {"valid": "有效", "revoked": "已作废"}
QUERY_LIMIT = 60  # public look-ups per address per minute: many phones can share a hospital's address
# Part of a kept PDF's key: a new edition when what the page shows changes (-m4: the ID number's last four only), so
# PDFs kept by an older edition are never handed out again.
PDF_EDITION = "-m4"
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed from paper


_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−﹣", "-"))


def plain_number(project_number: str) -> str:
    """``2026-14-02-049(国)`` → ``2026-14-02-049``: people type the number without its level suffix, and on a
    phone often in full width (``２０２６－１４…（国）``) or with a dash for the hyphen. NFKC and the dash fold give
    the ASCII the number was issued in; certificates and the query's failure budget use the same form, so a number
    typed otherwise finds its certificates and counts against its own target."""
    text = unicodedata.normalize("NFKC", project_number).translate(_DASHES)
    return re.sub(r"\s+|[（(][^）)]*[）)]$", "", text.strip())


def _lookup(project_number: str, name: str) -> str:
    return f"{plain_number(project_number)}#{name.strip()}"


def _code(seed: bytes) -> str:
    digits = int.from_bytes(seed[:12], "big")
    chars = []
    for _ in range(16):
        digits, index = divmod(digits, len(_ALPHABET))
        chars.append(_ALPHABET[index])
    text = "".join(chars)
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def verification_code(key: bytes, grant_id: str, credit_key: str) -> str:
    """Deterministic per grant and credit (a retried grant makes the same code), unguessable without the key."""
    return _code(hmac.new(key, f"certificate|{grant_id}|{credit_key}".encode(), hashlib.sha256).digest())


def query_locked() -> AppError:
    """The one answer of a locked target, whatever was asked."""
    return TooManyRequests(
        "QUERY_LOCKED", "该项目编号和姓名的查询失败次数过多，已暂停查询24小时。请使用证书上的验证链接，或联系主办单位。"
    )


class CertificateService:
    """Certificates of granted credits and their PDFs."""

    def __init__(
        self,
        sessions: SessionService,
        files: UploadStore,
        pii_keys: Keyring,
        app_origin: str,
        number_prefix: str,
        issuer: str,
    ) -> None:
        self._sessions = sessions
        self._prefix = number_prefix  # validated: 1-4 uppercase letters (chalicelib/province.py)
        self._issuer = issuer
        self._budgets = Budgets(partial(budget_key, pii_keys))  # one key across PII_KEY rotations: locks outlive them
        self._files = files
        self._key = pii_keys  # a certificate keeps its session's hashes: a query tries every key of the ring
        self._origin = app_origin.rstrip("/")

    def verify_url(self, code: str) -> str:
        return f"{self._origin}/verify/{code}"

    # --- made at granting -----------------------------------------------------------------------

    def issue(
        self, session: Session, records: list[CreditRecord], first_number: int, issued_on: str
    ) -> list[Certificate]:
        """One certificate per attendee record, numbered from ``first_number`` in credit-key order; a retried
        grant writes the very same items again (same codes, same numbers). Returns them."""
        year = issued_on[:4]
        # Every granted credit has one: attendees first, then lecturers (found by ID when the report registered one).
        ordered = sorted(records, key=lambda record: (record.kind != "attendee", record.credit_key))
        made = [
            self._certificate(session, record, self._number(year, first_number + offset), issued_on, record.grant_id)
            for offset, record in enumerate(ordered)
        ]
        save_all(Certificate, made)  # unprocessed items resent after a jittered backoff, never lost
        return made

    def _certificate(
        self, session: Session, record: CreditRecord, number: str, issued_on: str, grant_id: str
    ) -> Certificate:
        return Certificate(
            # the session's key, so a grant retried after a key rotation makes the same codes
            verification_code=verification_code(self._key.key(session.pii_kid), grant_id, record.credit_key),
            certificate_no=number,
            session_id=session.session_id,
            credit_key=record.credit_key,
            lookup=_lookup(session.project_number, record.name),
            kind=record.kind,
            person_key=record.person_key,
            name=record.name,
            id_masked=record.id_masked,
            project_number=session.project_number,
            project_name=session.project_name,
            project_level=session.project_level,
            credit_class=record.credit_class,
            credits=record.credits,
            start_date=session.start_date,
            end_date=session.end_date,
            organiser=session.org_name,
            issuer=self._issuer,
            issued_on=issued_on,
        )

    def _number(self, year: str, seq: int) -> str:
        # One counter per year whatever the prefix: a prefix changed mid-year never repeats a number.
        return f"{self._prefix}{year}-{seq:06d}"

    @staticmethod
    def allocate_numbers(year: str, count: int) -> int:
        """The first of ``count`` consecutive certificate numbers of ``year`` (one atomic counter step)."""
        counter = Counter(f"certificate-number#{year}")
        counter.update(actions=[Counter.value.add(count)])
        return int(counter.value) - count + 1

    # --- public ---------------------------------------------------------------------------------

    def query(self, client: str, project_number: str, name: str, id_number: str) -> list[Certificate]:
        """The certificates of the person the full ID number names under this project number and name. An answer
        that finds nothing is the same whether or not anyone of that name attended; five of them within a day lock
        the project number and name (and the certificates under it) for a day, whatever ID number is sent and from
        wherever (``QUERY_LOCKED``), so ID numbers cannot be guessed digit by digit."""
        self._budgets.admit("certificate-query", client, QUERY_LIMIT)
        lookup = _lookup(project_number, name)
        # A reservation raising (a wrong ID number, a locked certificate, a failing dependency) is given back.
        with self._budgets.reserve("certificate-query", [lookup], query_locked()) as held:
            number = identity.parse_resident_id(id_number, china_today(utc_now())).number
            persons = identity.lookup_hashes(number, self._key)  # sessions keep the key they were approved under
            candidates = [c for c in Certificate.lookup_index.query(lookup) if c.person_key is not None]
            codes = [c.verification_code for c in candidates]
            with self._budgets.reserve("certificate", codes, query_locked()) as each:
                found = [c for c in candidates if identity.matches_any(c.person_key, persons)]
                granted = {session_id: self._granted(session_id) for session_id in {c.session_id for c in found}}
                found = [c for c in found if granted[c.session_id]]
                for reservation in (held, each):
                    if found:
                        reservation.give_back()
                    else:
                        reservation.spend()
        return found

    def verify(self, code: str) -> Certificate:
        certificate = self._by_code(code)
        # A counter, not a change of the certificate: no version condition, so simultaneous scans never clash.
        certificate.update(actions=[Certificate.verifications.add(1)], add_version_condition=False)
        return certificate

    def public_pdf(self, code: str) -> tuple[str, str, str]:
        """The certificate's PDF: a download link, its file name, and a link that opens it in the browser to print."""
        certificate = self._by_code(code)
        if certificate.status == "revoked":
            raise AppError(
                "CERTIFICATE_REVOKED",
                f"该证书已作废（{certificate.revoked_reason}），不能下载",
                None,
                status=410,
            )
        return self._pdf(certificate)

    # --- console ----------------------------------------------------------------------------------

    def of_session(self, principal: Principal, session_id: str, limit: int, cursor: str | None) -> Page[Certificate]:
        """One page of the session's certificates in number order: the session's read and one query."""
        session = self._sessions.get(principal, session_id)
        names = ("verification_code", "session_id", "certificate_no")
        start = decode_cursor(cursor, names, {"session_id": session.session_id})
        result = Certificate.session_index.query(
            session.session_id, limit=limit, page_size=limit, last_evaluated_key=start
        )
        found = list(result)
        more = result.last_evaluated_key if len(found) == limit else None
        return Page(items=found, next_cursor=encode_cursor(more))

    def check_session_pdf(self, principal: Principal, session_id: str) -> None:
        """The printable PDF's checks when its job is created: the session in scope and a certificate of it (one
        item read; whether any is still valid is found by the job)."""
        session = self._sessions.get(principal, session_id)
        if next(iter(Certificate.session_index.query(session.session_id, limit=1)), None) is None:
            raise NotFound("本期没有有效的证书")

    def session_pdf_part(
        self, session_id: str, start: dict[str, Any] | None, count: int
    ) -> tuple[bytes, dict[str, Any] | None]:
        """One part of the session's printable PDF (a chunk of its job): the valid certificates among the next
        ``count`` in number order after ``start``, one page each (empty bytes when none is valid), and where the
        next part starts (None at the end). The caller's scope was checked when the job was created."""
        found = Certificate.session_index.query(session_id, limit=count, page_size=count, last_evaluated_key=start)
        valid = [c for c in found if c.status == "valid"]
        return (_render([self._data(c) for c in valid]) if valid else b""), found.last_evaluated_key

    def session_pdf_name(self, principal: Principal, session_id: str) -> str:
        session = self._sessions.get(principal, session_id)
        return f"继续医学教育学分证书-{plain_number(session.project_number)}-第{int(session.seq)}期.pdf"

    def revoke(self, principal: Principal, number: str, reason: str) -> Certificate:
        certificate = self._by_number(principal, number)
        if certificate.status == "revoked":
            raise AppError("CERTIFICATE_REVOKED", "该证书已作废", None, status=409)
        counted = ledger.revoke_update(certificate)  # its credits leave the person's year in the same transaction
        before = {"status": certificate.status}
        certificate.status = "revoked"
        certificate.revoked_reason = reason
        certificate.revoked_at = to_iso(utc_now())
        commit(
            audit_event(
                principal,
                "certificate.revoke",
                "certificate",
                number,
                before,
                {"status": "revoked"},
                title=_audit_title(certificate),
            ),
            saves=(certificate,),
            guarded=(counted,) if counted else (),
        )
        return certificate

    def reissue(self, principal: Principal, number: str, reason: str) -> Certificate:
        """A new certificate (new number and code) for the same credit; the old one is revoked and points to it."""
        old = self._by_number(principal, number)
        if old.status == "revoked" and old.replaced_by:
            raise AppError("CERTIFICATE_REPLACED", f"该证书已重新签发为{old.replaced_by}", None, status=409)
        fresh = self.replacement(old)
        new_number = fresh.certificate_no
        counted = ledger.reissue_update(old, fresh, self._credit(old))  # the credit stays in the year once
        before = {"status": old.status}
        old.status = "revoked"
        old.revoked_reason = old.revoked_reason if before["status"] == "revoked" else f"重新签发：{reason}"
        old.revoked_at = old.revoked_at or to_iso(utc_now())
        old.replaced_by = new_number
        commit(
            audit_event(
                principal,
                "certificate.reissue",
                "certificate",
                number,
                before,
                {"replaced_by": new_number},
                title=_audit_title(old),
            ),
            creates=((fresh, Certificate.verification_code.does_not_exist()),),
            saves=(old,),
            guarded=(counted,) if counted else (),
        )
        return fresh

    def replacement(self, old: Certificate, name: str | None = None) -> Certificate:
        """A new certificate for ``old``'s credit (a new number of ``old``'s year, a new code, issued today by today's
        issuer), under a corrected ``name`` if one is given; not saved."""
        year = old.issued_on[:4]
        fields = {name: getattr(old, name) for name in Certificate.get_attributes() if name not in ("version",)}
        changed = {} if name is None else {"name": name, "lookup": _lookup(old.project_number, name)}
        return Certificate(
            **{
                **fields,
                **changed,
                "verification_code": _code(secrets.token_bytes(16)),
                "certificate_no": self._number(year, self.allocate_numbers(year, 1)),
                "issuer": self._issuer,  # a new certificate, issued today by today's issuer
                "status": "valid",
                "revoked_reason": None,
                "revoked_at": None,
                "replaced_by": None,
                "verifications": 0,
                "issued_on": china_today(utc_now()).isoformat(),
            }
        )

    def by_number(self, principal: Principal, number: str) -> Certificate:
        """A certificate by its number for the office's changes (403 for others, 409 while its grant runs)."""
        return self._by_number(principal, number)

    # --- helpers ----------------------------------------------------------------------------------

    def _pdf(self, certificate: Certificate) -> tuple[str, str, str]:
        """Generated on first request and kept at a key per code and status, so a revocation makes a new one; its
        download link, file name and inline link (打印)."""
        key = f"certificates/{certificate.verification_code}/{certificate.status}{PDF_EDITION}.pdf"
        filename = f"继续医学教育学分证书-{certificate.name}-{certificate.certificate_no}.pdf"
        if self._files.head(key) is None:
            self._files.put(key, _render([self._data(certificate)]), "application/pdf")
        return self._files.download_url(key, filename), filename, self._files.download_url(key, filename, inline=True)

    def _data(self, certificate: Certificate) -> Any:
        from chalicelib.services.certificate_pdf import CertificateData

        return CertificateData(
            name=certificate.name,
            id_masked=identity.mask_id_public(certificate.id_masked) if certificate.id_masked else "",
            project_number=certificate.project_number,
            project_name=certificate.project_name,
            level_label=LEVEL_LABELS.get(certificate.project_level, certificate.project_level),
            credit_class=certificate.credit_class,
            credits=float(certificate.credits),
            start_date=certificate.start_date,
            end_date=certificate.end_date,
            form=FORM,
            organiser=certificate.organiser,
            issuer=certificate.issuer,
            issued_on=certificate.issued_on,
            certificate_no=certificate.certificate_no,
            verify_url=self.verify_url(certificate.verification_code),
            revoked=certificate.status == "revoked",
            lecturer=certificate.kind == "lecturer",
            revoked_reason=certificate.revoked_reason or "",
            revoked_on=china_date(parse_instant(certificate.revoked_at)) if certificate.revoked_at else "",
        )

    def _by_code(self, code: str) -> Certificate:
        if not re.fullmatch(r"[A-Za-z0-9-]{4,40}", code):
            raise NotFound("未找到该证书")
        try:
            certificate = Certificate.get(code.strip().upper())
        except DoesNotExist:
            raise NotFound("未找到该证书") from None
        if not self._granted(certificate.session_id):
            raise NotFound("未找到该证书")
        return certificate

    def _by_number(self, principal: Principal, number: str, office_only: bool = True) -> Certificate:
        if office_only and not principal.is_office:
            raise Forbidden("只有省继教办可以作废或重新签发证书")
        if not re.fullmatch(r"[A-Za-z0-9-]{4,40}", number):
            raise NotFound("证书不存在")
        for certificate in Certificate.number_index.query(number):
            session = self._sessions.get(principal, certificate.session_id)  # scope: 404 outside the caller's
            if session.report_status != "granted":
                # A grant still running (or interrupted and to be retried) rewrites its certificates as valid and
                # counts them in the ledger: a change now would be undone by it.
                raise Conflict("GRANT_IN_PROGRESS", "学分正在授予中，授予完成后才能作废或重新签发证书")
            return certificate
        raise NotFound("证书不存在")

    @staticmethod
    def _credit(certificate: Certificate) -> CreditRecord | None:
        """The credit record of a revoked attendee certificate (its hours come back with a reissue), else None."""
        if certificate.status != "revoked" or certificate.kind != "attendee":
            return None
        try:
            return CreditRecord.get(certificate.session_id, certificate.credit_key)
        except DoesNotExist:
            return None

    @staticmethod
    def _granted(session_id: str) -> bool:
        try:
            return Session.get(session_id, attributes_to_get=["report_status"]).report_status == "granted"
        except DoesNotExist:
            return False


def _render(items: list[Any]) -> bytes:
    """One PDF page per certificate; a name no font can print is refused rather than printed wrong."""
    from chalicelib.services.certificate_pdf import render_certificates

    try:
        return render_certificates(items)
    except ValueError as error:
        raise AppError(
            "CERTIFICATE_UNPRINTABLE", f"证书中有无法打印的字符，请联系省继教办更正：{error}", None, status=409
        ) from None


def _audit_title(certificate: Certificate) -> str:
    """A certificate as the audit log names it: the holder's masked name and the project (never the ID number)."""
    return f"{identity.mask_name(certificate.name)} · {certificate.project_name}"
