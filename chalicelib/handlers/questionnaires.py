"""The sign-out questionnaire (签退问卷): the version in force, every version, and the office publishing a new one."""

from __future__ import annotations

from chalice import Blueprint

from chalicelib import schemas
from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal

bp = Blueprint(__name__)


@operation(bp, "/questionnaires/current", "GET", summary="现行签退问卷", tag="签退问卷")
def current_questionnaire(principal: Principal) -> schemas.attendance.QuestionnaireOut:
    return schemas.attendance.QuestionnaireOut(**services().questionnaires.current())


@operation(
    bp,
    "/questionnaires",
    "GET",
    summary="签退问卷各版本（省继教办）",
    tag="签退问卷",
    errors=(403,),
)
def list_questionnaires(principal: Principal) -> schemas.attendance.QuestionnaireList:
    history = services().questionnaires.history(principal)
    return schemas.attendance.QuestionnaireList(items=[schemas.attendance.QuestionnaireOut(**q) for q in history])


@operation(
    bp,
    "/questionnaires",
    "POST",
    summary="发布新版签退问卷（省继教办）",
    tag="签退问卷",
    status=201,
    errors=(403, 409),
)
def create_questionnaire(
    principal: Principal, body: schemas.attendance.QuestionnaireIn
) -> schemas.attendance.QuestionnaireOut:
    questions = [question.model_dump() for question in body.questions]
    return schemas.attendance.QuestionnaireOut(**services().questionnaires.create(principal, questions))
