"""Attendance test data and the walk of a session to approval."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import parse_qs, urlparse

from tests.api.test_sessions import ready

CN = timezone(timedelta(hours=8))
DAY = "2026-12-10"
SESSION = {
    "seq": 1,
    "venue": "南京会场",
    "start_date": DAY,
    "end_date": DAY,
    "planned_attendees": 100,
    "schedule": [
        {"date": DAY, "start": "08:30", "end": "11:30", "topic": "上午", "lecturer": "王", "hours": 3},
        {"date": DAY, "start": "13:30", "end": "16:30", "topic": "下午", "lecturer": "李", "hours": 3},
    ],
}


def id_number(prefix17: str = "32010219900307123") -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


def person(**changes):
    return {
        "id_number": id_number(),
        "name": "张三",
        "gender": "male",
        "age": 36,
        "mobile": "13912345678",
        "unit": "南京市第一医院",
        "department": "内科",
        "region": "南京",
        "grassroots": False,
        "title": "主治医师",
        "client_id": "phone-1",
        **changes,
    }


ANSWERS = {
    "q1": "是",
    "q2": "部分知道",
    "q3": "很大",
    "q4": "较强",
    "q5": "很高",
    "q6": "满意",
    "q7": ["开阔思路", "提高理论水平"],
}


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.now = moment

    def __call__(self) -> datetime:
        return self.now.astimezone(UTC)


def tokens_of(codes: dict) -> dict[str, str]:
    return {code["kind"]: parse_qs(urlparse(code["url"]).query)["t"][0] for code in codes["codes"]}


def approve(api, users: dict, pid: str, body: dict) -> dict:
    """A session through submit, forward and approve; its codes and their tokens."""
    session = api.post(f"/projects/{pid}/sessions", body, users["org"])
    assert session[0] == 201, session
    sid = ready(api, {"organizer": users["org"]}, session[1])
    for step, token in (("submit", users["org"]), ("forward", users["admin"]), ("approve", users["office"])):
        assert api.post(f"/sessions/{sid}/{step}", token=token)[0] == 200
    status, codes = api.get(f"/sessions/{sid}/attendance/codes", users["org"])
    assert status == 200
    return {"sid": sid, "tokens": tokens_of(codes), "codes": codes, **users, "pid": pid}
