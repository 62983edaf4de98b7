"""Chalice built-in authorizer verifying the app's own JWTs (Cognito is absent in AWS China)."""

from __future__ import annotations

from chalice import AuthResponse, Blueprint
from chalice.app import AuthRequest

authorizer_blueprint = Blueprint(__name__)


@authorizer_blueprint.authorizer(ttl_seconds=0)
def jwt_authorizer(auth_request: AuthRequest) -> AuthResponse:
    from chalicelib.container import services

    principal = services().accounts.authenticate(auth_request.token or "")
    if principal is None:
        return AuthResponse(routes=[], principal_id="anonymous")
    return AuthResponse(routes=["*"], principal_id=principal.username, context=principal.to_context())
