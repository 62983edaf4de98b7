"""Route declaration: parsing, authorisation context, error envelope and the OpenAPI registry.

Every route is declared through ``operation``. A view's annotations are its contract: the pydantic models of
its ``body`` and ``query`` parameters and of its return value are validated at the edge and listed in
``GET /api/openapi.json``. They are resolved on the first request, so importing the app loads no pydantic.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chalice import Blueprint, Response

from chalicelib import context as request_context
from chalicelib.authorizer import jwt_authorizer
from chalicelib.errors import AppError, Forbidden, NotFound, UpstreamUnavailable
from chalicelib.observability import logger
from chalicelib.origin import client_address
from chalicelib.principal import Principal
from chalicelib.settings import get_settings
from chalicelib.upstream import is_unavailable

if TYPE_CHECKING:
    from pydantic import BaseModel

JSON = "application/json; charset=utf-8"
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps would build one per call
_MAX_KEY_LENGTH = 128
# What an account whose password was set by someone else may do before choosing its own.
_BEFORE_PASSWORD_CHANGE = {("GET", "/auth/me"), ("POST", "/auth/password")}


@dataclass(frozen=True)
class Contract:
    """The pydantic models a view's annotations name (``None`` where it takes or returns none)."""

    body: type[BaseModel] | None
    query: type[BaseModel] | None
    response: type[BaseModel] | None


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    summary: str
    tag: str
    view: Callable[..., Any]
    namespace: dict[str, Any] = field(repr=False, compare=False)
    status: int
    public: bool
    errors: tuple[int, ...]

    @functools.cached_property
    def contract(self) -> Contract:
        from pydantic import BaseModel

        hints = typing.get_type_hints(self.view, globalns=self.namespace)

        def model(name: str) -> type[BaseModel] | None:
            hint = hints.get(name)
            if typing.get_origin(hint) in (typing.Union, types.UnionType):  # ``Model | None``
                hint = next((a for a in typing.get_args(hint) if a is not type(None)), None)
            return hint if isinstance(hint, type) and issubclass(hint, BaseModel) else None

        return Contract(model("body"), model("query"), model("return"))

    @property
    def body(self) -> type[BaseModel] | None:
        return self.contract.body

    @property
    def query(self) -> type[BaseModel] | None:
        return self.contract.query

    @property
    def response(self) -> type[BaseModel] | None:
        return self.contract.response

    @property
    def idempotent(self) -> bool:
        """Whether the view takes an ``Idempotency-Key`` header (the routes that start background jobs)."""
        return "idempotency_key" in inspect.signature(self.view).parameters


OPERATIONS: list[Operation] = []


def json_response(payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        body=_ENCODER.encode(payload),
        status_code=status,
        headers={"Content-Type": JSON, **(headers or {})},
    )


def error_response(error: AppError) -> Response:
    retry_after = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return json_response(error.body(), error.status, headers)


def chalice_errors(event: Any, get_response: Callable[[Any], Response]) -> Response:
    """HTTP middleware: errors Chalice raises itself (415, 405…) answered in the app's envelope."""
    response = get_response(event)
    if response.status_code >= 400 and isinstance(response.body, dict) and "Code" in response.body:
        code = re.sub(r"(?<!^)(?=[A-Z])", "_", str(response.body["Code"])).upper()
        message = _CHALICE_MESSAGES.get(response.status_code, "请求无法处理")
        return json_response({"error": {"code": code, "message": message, "field": None}}, response.status_code)
    return response


_CHALICE_MESSAGES = {
    400: "请求格式有误",
    405: "不支持该请求方法",
    415: "请求内容类型必须是 application/json",
    500: "服务器内部错误，请稍后再试",
}


def operation(
    bp: Blueprint,
    path: str,
    method: str,
    *,
    summary: str,
    tag: str,
    status: int = 200,
    public: bool = False,
    errors: tuple[int, ...] = (),
    namespace: dict[str, Any] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view for ``method path``. It is called with keyword arguments picked by its parameter names:

    - the path parameters (``{name}`` in ``path``): texts of 1 to 128 characters (anything else answers 404);
    - ``principal``: the caller (``Principal``, from the authorizer's context) on every route but public ones,
      where it is never passed, so a public view must not name it;
    - ``body``: the JSON body validated strictly into the pydantic model the parameter's annotation names (``Model``
      or ``Model | None``; an empty body is read as ``{}``, a refused one answers 400); never None then. Where the
      annotation names no model, nothing is passed and the parameter's default applies;
    - ``query``: the query string validated into the annotated model (values read from text, ``"20"`` as 20); the
      same rules as ``body``;
    - ``source_ip``: the caller's address as per-address limits count it (``chalicelib.origin``), always a text:
      the viewer's behind CloudFront, API Gateway's ``sourceIp`` without an origin secret, an IPv6 address as its
      /64;
    - ``idempotency_key``: the ``Idempotency-Key`` header (None without one), listed in the OpenAPI document; the
      service checks its form.

    Every request must come through CloudFront when an origin secret is configured (403 otherwise). A dependency
    that times out, refuses or throttles answers 503 ``UPSTREAM_UNAVAILABLE``; any other unexpected error 500.

    ``namespace`` is where the view's annotations are resolved (default: the module defining the view), at run time:
    a name they use must not be imported only under ``TYPE_CHECKING`` (tests/unit/test_cold_start.py resolves all).
    """

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        op = Operation(path, method, summary, tag, view, namespace or view.__globals__, status, public, errors)
        OPERATIONS.append(op)
        takes = inspect.signature(view).parameters
        takes_body, takes_query, takes_source = "body" in takes, "query" in takes, "source_ip" in takes
        takes_key = "idempotency_key" in takes

        @functools.wraps(view)
        def handler(**path_params: str) -> Response:
            request = bp.current_request
            try:
                seen_from = ((request.context or {}).get("identity") or {}).get("sourceIp")
                source_ip = client_address(request.headers or {}, seen_from, get_settings().origin_secret_id)
                request_context.client_address.set(source_ip)
                for value in path_params.values():
                    if not 0 < len(value) <= _MAX_KEY_LENGTH:
                        raise NotFound()
                kwargs: dict[str, Any] = dict(path_params)
                if not public:
                    principal = Principal.from_context(request.context["authorizer"])
                    if principal.must_change_password and (method, path) not in _BEFORE_PASSWORD_CHANGE:
                        raise Forbidden("请先修改初始密码", code="PASSWORD_CHANGE_REQUIRED")
                    kwargs["principal"] = principal
                if takes_source:
                    kwargs["source_ip"] = source_ip
                if takes_key:
                    kwargs["idempotency_key"] = request.headers.get("idempotency-key") if request.headers else None
                contract = op.contract
                if takes_body and contract.body is not None:
                    kwargs["body"] = _validate_body(contract.body, request.raw_body)
                if takes_query and contract.query is not None:
                    kwargs["query"] = _validate(contract.query, dict(request.query_params or {}))
                result = view(**kwargs)
            except AppError as error:
                return error_response(error)
            except Exception as error:
                if is_unavailable(error):
                    logger.warning("dependency unavailable", extra={"route": f"{method} {path}"}, exc_info=True)
                    return error_response(UpstreamUnavailable())
                logger.exception("unhandled error", extra={"route": f"{method} {path}"})
                return error_response(AppError("INTERNAL", "服务器内部错误，请稍后再试", status=500))
            if isinstance(result, Response):
                return result
            if result is None:
                return Response(body="", status_code=204)
            return json_response(_dump(contract.response, result), status)

        bp.route(path, methods=[method], authorizer=None if public else jwt_authorizer)(handler)
        return view

    return register


def _dump(response: type[BaseModel] | None, result: Any) -> Any:
    from pydantic import BaseModel

    if response is not None and not isinstance(result, BaseModel):
        result = response.model_validate(result)
    return result.model_dump(mode="json") if isinstance(result, BaseModel) else result


def _validate_body(model: type[BaseModel], raw: str | bytes | None) -> BaseModel:
    """A JSON body, strictly: JSON types are not coerced (``true`` is no integer, ``"1"`` no number), while
    dates and times are read from their ISO texts."""
    from pydantic import ValidationError

    from chalicelib.validation import body_error

    raw = raw or b"{}"
    try:
        return model.model_validate_json(raw, strict=True)
    except ValidationError as error:
        raise body_error(model, error, raw) from None


def _validate(model: type[BaseModel], data: Any) -> BaseModel:
    """A query string (every value a text: ``"20"`` is read as 20)."""
    from pydantic import ValidationError

    from chalicelib.validation import validation_error

    if not isinstance(data, dict):
        raise AppError("INVALID_BODY", "请求内容必须是 JSON 对象")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise validation_error(model, error) from None
