"""A holding application's materials (会议通知, 会议日程): upload tickets, checked confirmations, removal and
links, read and deleted only by the version that was checked."""

from __future__ import annotations

import uuid
from typing import Any

from chalicelib.errors import AppError, Conflict, NotFound, ValidationFailed
from chalicelib.models import Session
from chalicelib.principal import Principal
from chalicelib.services import materials as material_rules
from chalicelib.services.files import UploadStore
from chalicelib.services.sessions import SessionService, snapshot
from chalicelib.timeutil import to_iso, utc_now


def _prefix(session_id: str, kind: str) -> str:
    return f"sessions/{session_id}/{kind}/"


class SessionMaterials:
    """The materials of holding applications, stored in the files bucket through presigned POSTs."""

    def __init__(self, sessions: SessionService, uploads: UploadStore) -> None:
        self._sessions = sessions
        self._uploads = uploads

    def upload_ticket(
        self, principal: Principal, session_id: str, kind: str, content_type: str, size: int
    ) -> tuple[dict[str, Any], str]:
        self._sessions.editable(principal, session_id)
        material_rules.check_declared(kind, content_type, size)
        key = f"{_prefix(session_id, kind)}{uuid.uuid4().hex}"
        return self._uploads.presigned_post(key, content_type, material_rules.MAX_BYTES), key

    def confirm_upload(self, principal: Principal, session_id: str, kind: str, key: str, filename: str) -> Session:
        """Check the uploaded object really is what was declared, then record it; a bad file is deleted."""
        session = self._sessions.editable(principal, session_id)
        if not key.startswith(_prefix(session_id, kind)) or "/" in key[len(_prefix(session_id, kind)) :]:
            raise ValidationFailed("INVALID_UPLOAD_KEY", "上传凭证与该举办申请不符", "key")
        head = self._uploads.head(key)
        if head is None:
            raise ValidationFailed("UPLOAD_MISSING", "未找到上传的文件，请重新上传", "key")
        content_type = head.get("ContentType", "")
        size = int(head["ContentLength"])
        # The ticket stays valid for a while: pin the checked version so later writes to the key are never served.
        version_id = head.get("VersionId")
        if not version_id or version_id == "null":
            # The bucket is versioned (infra/merge-template.json): an upload without a version is a setup error. The
            # app reads and deletes uploads only by version (no policy grants s3:DeleteObject), so it stops here.
            raise AppError("UPLOAD_UNVERSIONED", "文件存储未启用版本控制，无法确认上传的文件，请联系管理员", status=500)
        problem = None
        if content_type not in material_rules.ALLOWED[kind]:
            problem = "文件类型不符合要求"
        elif not 0 < size <= material_rules.MAX_BYTES:
            problem = "附件最大50M"
        elif not material_rules.matches(
            content_type, self._uploads.leading_bytes(key, material_rules.LEADING, version_id)
        ):
            problem = "文件内容与声明的类型不符（例如把其他文件改了扩展名）"
        if problem:
            self._uploads.delete(key, version_id)
            raise ValidationFailed(
                "FILE_REJECTED", f"{material_rules.KIND_LABELS[kind]}：{problem}，已删除，请重新上传", "file"
            )
        before = snapshot(session)
        previous = (session.materials or {}).get(kind)
        session.materials = {
            **(session.materials or {}),
            kind: {
                "key": key,
                "version_id": version_id,
                "filename": material_rules.safe_filename(filename, content_type),
                "content_type": content_type,
                "size": size,
                "uploaded_at": to_iso(utc_now()),
            },
        }
        self._sessions.save(principal, session, "session.upload", before)
        if previous and previous["key"] != key:
            self._uploads.discard(previous)
        return session

    def remove_material(self, principal: Principal, session_id: str, kind: str) -> Session:
        session = self._sessions.editable(principal, session_id)
        previous = (session.materials or {}).get(kind)
        if previous is None:
            raise NotFound("该资料尚未上传")
        before = snapshot(session)
        session.materials = {k: v for k, v in session.materials.items() if k != kind}
        self._sessions.save(principal, session, "session.remove_material", before)
        self._uploads.discard(previous)
        return session

    def material_url(self, principal: Principal, session_id: str, kind: str) -> tuple[str, str, str | None]:
        """The material's download link, its file name, and a link that shows it in the browser (PDF and images)."""
        session = self._sessions.get(principal, session_id)
        material = (session.materials or {}).get(kind)
        if material is None:
            raise NotFound("该资料尚未上传")
        if not material.get("version_id"):
            raise Conflict(
                "MATERIAL_NOT_PINNED",
                "该资料上传于文件版本校验启用之前，无法确认其内容未被改动，请删除后重新上传",
            )
        key, filename, version = material["key"], material["filename"], material["version_id"]
        url = self._uploads.version_url(key, filename, version)
        shown = material.get("content_type") if material.get("content_type") in material_rules.VIEWABLE else None
        view_url = self._uploads.version_url(key, filename, version, shown_as=shown) if shown else None
        return url, filename, view_url
