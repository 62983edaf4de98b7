"""The grant as a job kind: chunks of attendees written by ``Grants.grant_chunk`` (each part says how many people it
granted), the aggregates' count of the grant (from the last chunk on, a step's time at a time), then the final step
``Grants.finish_grant`` (the session says granted). No file: the job's result is the grant itself. The request that
starts it is ``Grants.grant``."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

from chalicelib.principal import Principal
from chalicelib.services.jobs import Chunk

if TYPE_CHECKING:
    from chalicelib.services.excel import Export
    from chalicelib.services.grants import Grants


class Services(Protocol):
    """What the grant uses of the container."""

    @property
    def grants(self) -> Grants: ...


class GrantJob:
    """授予学分: records, certificates and ledger in chunks of people, then the session granted."""

    collects = True
    shared = True  # the office's work: any office user may start, resume or follow it
    failed_message = "学分授予未能完成，请重新点击“授予学分”继续（已写入的学分不会重复）"

    def __init__(self, services: Services) -> None:
        self._services = services

    def check(self, principal: Principal, params: dict[str, Any]) -> None:
        raise NotImplementedError  # started by Grants.grant, which checks the step and allocates the grant

    def chunk(self, principal: Principal, params: dict[str, Any], cursor: Any) -> Chunk:
        people, following, total = self._services.grants.grant_chunk(principal, params, cursor)
        return Chunk(json.dumps({"people": people}).encode(), following, total)

    def finish(self, principal: Principal, params: dict[str, Any], parts: list[bytes]) -> Export | None:
        selected = sum(int(json.loads(part)["people"]) for part in parts)
        self._services.grants.finish_grant(principal, params["session_id"], selected)
        return None
