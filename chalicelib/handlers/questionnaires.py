from __future__ import annotations

from chalice import Blueprint

from chalicelib.api import operation
from chalicelib.container import services
from chalicelib.principal import Principal
from chalicelib.schemas.attendance import QuestionnaireIn, QuestionnaireList, QuestionnaireOut

bp = Blueprint(__name__)


@operation(bp, "/questionnaires/current", "GET", summary="现行签退问卷", tag="签退问卷", response=QuestionnaireOut)
def current_questionnaire(principal: Principal) -> QuestionnaireOut:
    return QuestionnaireOut(**services().questionnaires.current())


@operation(
    bp,
    "/questionnaires",
    "GET",
    summary="签退问卷各版本（省继教办）",
    tag="签退问卷",
    response=QuestionnaireList,
    errors=(403,),
)
def list_questionnaires(principal: Principal) -> QuestionnaireList:
    return QuestionnaireList(items=services().questionnaires.history(principal))


@operation(
    bp,
    "/questionnaires",
    "POST",
    summary="发布新版签退问卷（省继教办）",
    tag="签退问卷",
    body=QuestionnaireIn,
    response=QuestionnaireOut,
    status=201,
    errors=(403, 409),
)
def create_questionnaire(principal: Principal, body: QuestionnaireIn) -> QuestionnaireOut:
    questions = [question.model_dump() for question in body.questions]
    return QuestionnaireOut(**services().questionnaires.create(principal, questions))
