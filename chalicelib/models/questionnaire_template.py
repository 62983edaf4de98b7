"""The questionnaires table: the versions of the sign-out questionnaire."""

from __future__ import annotations

from pynamodb.attributes import JSONAttribute, NumberAttribute, UnicodeAttribute
from pynamodb.models import Model

from chalicelib.models.base import register


@register
class QuestionnaireTemplate(Model):
    """One version of the sign-out questionnaire; the highest version is in force for newly approved sessions."""

    class Meta:
        table_name = "questionnaires"

    template = UnicodeAttribute(hash_key=True)  # "sign-out"
    version = NumberAttribute(range_key=True)
    questions = JSONAttribute()
    created_by = UnicodeAttribute()
    created_at = UnicodeAttribute()
