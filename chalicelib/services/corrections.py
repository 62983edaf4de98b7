"""Correction of an attendee's name or unit (PIPL Art. 46) by the office, found by certificate number: the credit and
attendance records are corrected and, when the name changes, the certificate is reissued under a new number with the
old one revoked (信息更正); one transaction with the ledger's entry and the audit event (before and after)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pynamodb.exceptions import DoesNotExist

from chalicelib.errors import AppError, Conflict, ValidationFailed
from chalicelib.models import Attendance, Certificate, CreditRecord, PersonYear
from chalicelib.services import ledger
from chalicelib.services.audit import audit_event, commit
from chalicelib.services.personal_data import office_only
from chalicelib.timeutil import to_iso, utc_now

if TYPE_CHECKING:
    from pynamodb.expressions.condition import Condition
    from pynamodb.models import Model

    from chalicelib.principal import Principal
    from chalicelib.services.certificates import CertificateService

REVOKED_REASON = "信息更正"


@dataclass(frozen=True)
class Correctable:
    """A certificate with its credit record and attendance records (a day each in daily mode), as the office edits
    them; ``unit`` is the attendance records' (None for lecturers, or once retention removed it)."""

    certificate: Certificate
    credit: CreditRecord | None
    attendance: list[Attendance]

    @property
    def unit(self) -> str | None:
        return next((row.unit for row in self.attendance if getattr(row, "unit", None)), None)


def _stale() -> Conflict:
    return Conflict("CORRECTION_STALE", "该证书的信息已被他人更正，请刷新后重试")


class Corrections:
    """Reads and corrects the person on one certificate; office only."""

    def __init__(self, certificates: CertificateService) -> None:
        self._certificates = certificates

    def find(self, principal: Principal, number: str) -> Correctable:
        """The certificate ``number`` (any status: a revoked one shows what replaced it) and its records."""
        office_only(principal)
        certificate = self._certificates.by_number(principal, number.strip())
        credit: CreditRecord | None
        try:
            credit = CreditRecord.get(certificate.session_id, certificate.credit_key, consistent_read=True)
        except DoesNotExist:
            credit = None
        rows: list[Attendance] = []
        if certificate.kind == "attendee" and certificate.person_key:
            # a person's records in a session are keyed by their hash (and the day): one query of the partition
            condition = Attendance.attendee_key.startswith(certificate.person_key)
            rows = list(Attendance.query(certificate.session_id, condition, consistent_read=True))
        return Correctable(certificate, credit, rows)

    def correct(
        self,
        principal: Principal,
        number: str,
        name: str | None,
        unit: str | None,
        reference: str,
        version: int | None = None,
    ) -> Correctable:
        """Correct the name and/or unit on certificate ``number``. A new name reissues the certificate (new number
        and code, the old one revoked with reason 信息更正 and pointing to it; the person's year keeps counting the
        credit once, now with the new certificate); a unit alone changes the attendance records (no certificate
        prints it). ``version`` is the certificate's as the form read it: a correction made meanwhile is a 409."""
        found = self.find(principal, number)
        old = found.certificate
        if old.status != "valid":
            if old.replaced_by:
                raise AppError("CERTIFICATE_REPLACED", f"该证书已重新签发为{old.replaced_by}，请更正新证书", None, 409)
            raise AppError("CERTIFICATE_REVOKED", "该证书已作废，不能更正", None, status=409)
        if version is not None and int(old.version or 0) != version:
            raise _stale()
        new_name = name.strip() if name is not None else old.name
        if unit is not None and old.kind != "attendee":
            raise ValidationFailed("CORRECTION_NO_UNIT", "授课教师的证书没有单位信息，只能更正姓名", "unit")
        if unit is not None and found.unit is None:
            raise ValidationFailed("CORRECTION_NO_UNIT", "该学员的单位信息已按保留期限删除，无法更正", "unit")
        new_unit = unit.strip() if unit is not None else found.unit
        name_changed, unit_changed = new_name != old.name, new_unit != found.unit
        if not (name_changed or unit_changed):
            raise ValidationFailed("CORRECTION_UNCHANGED", "姓名和单位均未修改", "name")
        before = {"certificate_no": old.certificate_no, "name": old.name, "unit": found.unit}

        guarded: list[tuple[Model, list[Any], Condition]] = []
        for row in found.attendance:
            actions: list[Any] = [Attendance.name.set(new_name)]
            if unit_changed and new_unit is not None and getattr(row, "unit", None) is not None:
                actions.append(Attendance.unit.set(new_unit))
            guarded.append((row, actions, Attendance.name == row.name))
        creates: tuple[tuple[Model, Any], ...] = ()
        current = old
        if name_changed:
            if found.credit is not None:
                guarded.append(
                    (found.credit, [CreditRecord.name.set(new_name)], CreditRecord.name == found.credit.name)
                )
            fresh = self._certificates.replacement(old, name=new_name)
            counted = ledger.reissue_update(old, fresh, None)  # the entry points to the new certificate
            if counted is not None:
                item, actions, condition = counted
                guarded.append((item, [*actions, PersonYear.names.add({new_name})], condition))
            old.status, old.revoked_reason = "revoked", REVOKED_REASON
            old.revoked_at, old.replaced_by = to_iso(utc_now()), fresh.certificate_no
            creates = ((fresh, Certificate.verification_code.does_not_exist()),)
            current = fresh
        after = {"certificate_no": current.certificate_no, "name": new_name, "unit": new_unit, "reference": reference}
        # The old certificate is saved in both cases: its version makes two corrections of it one after the other.
        commit(
            audit_event(principal, "personal_data.correct", "certificate", old.certificate_no, before, after),
            creates=creates,
            saves=(old,),
            guarded=tuple(guarded),
            conflict=_stale(),
        )
        # As written (the number index is read eventually consistent: the new certificate may not be in it yet).
        for row in found.attendance:
            row.name = new_name
            if unit_changed and getattr(row, "unit", None) is not None:
                row.unit = new_unit or row.unit
        if found.credit is not None:
            found.credit.name = new_name
        return Correctable(current, found.credit, found.attendance)
