"""A form's draft saved as the user works (the session form, the execution report), kept in the name-claims table
under its own key prefix (``draft#…``) like the run cursors: one small item per form, written under its own version."""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, UnicodeAttribute, VersionAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class FormDraft(Model):
    """``draft#session#{id}``, ``draft#report#{id}`` (shared by those who may edit the object) or
    ``draft#new-session#{project_id}#{username}`` (a holding application not created yet: one per project and user)."""

    class Meta:
        table_name = "name-claims"

    claim = UnicodeAttribute(hash_key=True)
    data = JSONAttribute()  # the form as typed (schemas/drafts.py bounds it); no ID numbers in these forms
    updated_by = UnicodeAttribute()  # username
    updated_at = UnicodeAttribute()  # UTC ISO 8601
    version = VersionAttribute()
