"""Who is calling: the ``Principal`` the authorizer establishes from a token, and what its role may see."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principal:
    """The authenticated caller, as established by the authorizer."""

    username: str
    role: str
    org_id: str
    department: str | None
    must_change_password: bool = False
    display_name: str = ""  # the account's name (姓名), as the audit log records who acted

    @property
    def is_office(self) -> bool:
        return self.role == "office"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_see(self, org_id: str, department: str) -> bool:
        """The one scope rule: the office sees all, an admin its organisation, an organizer its department."""
        if self.is_office:
            return True
        return org_id == self.org_id and (self.is_admin or department == self.department)

    def to_context(self) -> dict[str, str]:
        return {
            "username": self.username,
            "role": self.role,
            "org_id": self.org_id,
            "department": self.department or "",
            "must_change_password": "1" if self.must_change_password else "",
            "display_name": self.display_name,
        }

    @classmethod
    def from_context(cls, context: dict) -> Principal:
        return cls(
            username=context["username"],
            role=context["role"],
            org_id=context["org_id"],
            department=context.get("department") or None,
            must_change_password=bool(context.get("must_change_password")),
            display_name=context.get("display_name") or "",
        )
