"""What the benchmark and the load script send: a session open right now, distinct valid attendees, answers.

Standard library only, so the load script runs with nothing but ``requests`` installed.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from time import sleep
from typing import Any
from urllib.parse import parse_qs, urlparse

CHINA = timezone(timedelta(hours=8))
PASSWORD = "Demo@2026"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_FIRST_BIRTHDAY = date(1960, 1, 1)
_SEQUENCES = 1000  # every sequence number (so last fours vary, as in a real hall), then the next birth date


def china_now() -> datetime:
    return datetime.now(CHINA)


def id_number(prefix17: str) -> str:
    """A GB 11643 resident ID number: the 17 digits and their check character."""
    total = sum(int(digit) * weight for digit, weight in zip(prefix17, _WEIGHTS, strict=True))
    return prefix17 + "10X98765432"[total % 11]


def attendee(index: int, today: date, client_id: str | None = None) -> dict[str, Any]:
    """The sign-in form of attendee ``index``: a distinct ID number and mobile, gender and age matching the ID."""
    born = _FIRST_BIRTHDAY + timedelta(days=index // _SEQUENCES)
    sequence = index % _SEQUENCES  # last fours: sequence and check character; about 1 in 1000 share one
    number = id_number(f"320102{born:%Y%m%d}{sequence:03d}")
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return {
        "id_number": number,
        "name": _SURNAMES[index % len(_SURNAMES)] + "学员",
        "gender": "male" if int(number[16]) % 2 else "female",
        "age": age,
        "mobile": f"139{index:08d}",
        "unit": "南京市示范医院",
        "department": "内科",
        "region": "南京",
        "grassroots": index % 3 == 0,
        "title": "主治医师",
        "client_id": client_id or f"bench-phone-{index}",
    }


def masked_id(number: str) -> str:
    return f"{number[:6]}********{number[-4:]}"


def answers(questionnaire: dict[str, Any]) -> dict[str, Any]:
    """Answers to the questionnaire a sign-out lookup returns: first option, or the first ``choose`` options."""
    result: dict[str, Any] = {}
    for question in questionnaire["questions"]:
        options = question["options"]
        if question["type"] == "multiple":
            result[question["id"]] = options[: question.get("choose") or 1]
        else:
            result[question["id"]] = options[0]
    return result


def teaching_block(now: datetime, margin: timedelta) -> tuple[dict[str, str | float], float]:
    """One teaching block today (China) whose sign-in and sign-out windows are both open at ``now`` for at
    least ``margin``: it ends about 28 minutes from now (sign-out opens 30 minutes before the end, sign-in
    closes at the end). Returns the block and the seconds to wait first (0, or until just after midnight
    when the block would not fit in today)."""
    now = now.astimezone(CHINA)
    minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    ends = minute + timedelta(minutes=28)
    day_end = datetime.combine(now.date(), time(23, 59), CHINA)
    if ends > day_end:
        ends = day_end
    if ends - now < margin:
        midnight = datetime.combine(now.date() + timedelta(days=1), time(0, 1), CHINA)
        return {}, (midnight - now).total_seconds()
    starts = max(ends - timedelta(minutes=60), datetime.combine(now.date(), time(0, 0), CHINA))
    length = (ends - starts) / timedelta(hours=1)
    block = {
        "date": now.date().isoformat(),
        "start": f"{starts:%H:%M}",
        "end": f"{ends:%H:%M}",
        "topic": "性能测试授课",
        "lecturer": "测试讲者",
        "hours": max(0.25, int(length * 4) / 4),
    }
    return block, 0.0


def national_project(year: int) -> dict[str, Any]:
    """A fresh national project (random number; retry on PROJECT_NUMBER_TAKEN)."""
    return {
        "year": year,
        "number": f"{year}-14-02-{100 + secrets.randbelow(900)}",
        "name": "签到性能测试项目",
        "discipline_code": "14-02",
        "leader": "测试负责人",
        "credits": 5,
        "nature": "declared",
        "planned_sessions": 1,
    }


def session_body(block: dict[str, Any], planned: int) -> dict[str, Any]:
    return {
        "seq": 1,
        "venue": "南京市示范医院学术报告厅",
        "start_date": block["date"],
        "end_date": block["date"],
        "planned_attendees": min(planned, 10000),
        "schedule": [block],
    }


Call = Callable[[str, str, Any, str | None], tuple[int, Any]]
Upload = Callable[[dict[str, Any], bytes, str], None]


def open_session(call: Call, upload: Upload, planned: int, margin: timedelta) -> dict[str, Any]:
    """What the users do: the organizer creates a project and a session running now and uploads its
    materials, organizer submits, admin forwards, office approves; the organizer fetches the codes.
    ``call(method, path, body, token)`` answers ``(status, json)``; ``upload(ticket, content, type)``
    does the browser's presigned POST. Returns session id, tokens of both codes and the logins."""
    tokens = {}
    for role in ("organizer", "admin", "office"):
        status, body = call("POST", "/auth/login", {"username": f"{role}-demo", "password": PASSWORD}, None)
        assert status == 200, body
        tokens[role] = body["token"]
    organizer = tokens["organizer"]
    while True:
        block, wait = teaching_block(china_now(), margin)
        if not wait:
            break
        print(f"China time is too close to midnight for a session running now; waiting {wait:.0f} s", flush=True)
        sleep(wait)
    for _ in range(20):
        status, project = call("POST", "/projects/national", national_project(china_now().year), organizer)
        if status != 409:
            break
    assert status == 201, project
    status, session = call(
        "POST", f"/projects/{project['project_id']}/sessions", session_body(block, planned), organizer
    )
    assert status == 201, session
    sid = session["session_id"]
    for kind, content, content_type, filename in (
        ("notice", PDF, "application/pdf", "通知.pdf"),
        ("schedule", PNG, "image/png", "日程.png"),
    ):
        request = {"filename": filename, "content_type": content_type, "size": len(content)}
        status, ticket = call("POST", f"/sessions/{sid}/materials/{kind}/upload", request, organizer)
        assert status == 200, ticket
        upload(ticket, content, content_type)
        status, body = call(
            "POST", f"/sessions/{sid}/materials/{kind}/confirm", {"key": ticket["key"], "filename": filename}, organizer
        )
        assert status == 200, body
    for step, role in (("submit", "organizer"), ("forward", "admin"), ("approve", "office")):
        status, body = call("POST", f"/sessions/{sid}/{step}", {}, tokens[role])
        assert status == 200, (step, body)
    status, codes = call("GET", f"/sessions/{sid}/attendance/codes", None, organizer)
    assert status == 200, codes
    code_tokens = {kind: parse_qs(urlparse(codes[f"sign_{kind}_url"]).query)["t"][0] for kind in ("in", "out")}
    return {"sid": sid, "codes": code_tokens, "logins": tokens, "block": block}
