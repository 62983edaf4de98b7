"""Chalice built-in authorizer verifying the app's own JWTs (Cognito is absent in AWS China); its Lambda entry point
puts the invocation's context on its log lines (chalicelib.observability.invocation)."""

from __future__ import annotations

from typing import Any

from chalice import AuthResponse, Blueprint
from chalice.app import AuthRequest, ChaliceAuthorizer

authorizer_blueprint = Blueprint(__name__)


class _LambdaAuthorizer(ChaliceAuthorizer):
    """The authorizer as its Lambda function calls it (Chalice's middleware does not reach authorizers)."""

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        from chalicelib.observability import invocation

        with invocation(context):
            return super().__call__(event, context)


@authorizer_blueprint.authorizer(ttl_seconds=0)
def jwt_authorizer(auth_request: AuthRequest) -> AuthResponse:
    from chalicelib.container import services

    principal = services().accounts.authenticate(auth_request.token or "")
    if principal is None:
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(routes=["*"], principal_id=principal.username, context=principal.to_context())


# The blueprint made the ChaliceAuthorizer that the routes name and Lambda calls: give it the entry point above.
jwt_authorizer.__class__ = _LambdaAuthorizer
