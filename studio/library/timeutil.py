"""Timestamps as the catalog stores them: UTC, fixed-width ISO 8601, so text order is time order."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_db(moment: datetime) -> str:
    """A datetime as catalog text; naive datetimes are taken to be local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(UTC).strftime(_FORMAT)


def from_db(text: str) -> datetime:
    return datetime.strptime(text, _FORMAT).replace(tzinfo=UTC)


def range_start(value: datetime | date | str | None) -> str | None:
    """Lower bound (inclusive) for a date-range filter; a date means the start of that local day."""
    if value is None:
        return None
    return to_db(_as_datetime(value, end=False))


def range_end(value: datetime | date | str | None) -> str | None:
    """Upper bound (exclusive) for a date-range filter; a date means the whole of that local day."""
    if value is None:
        return None
    return to_db(_as_datetime(value, end=True))


def _as_datetime(value: datetime | date | str, *, end: bool) -> datetime:
    if isinstance(value, str):
        value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    if isinstance(value, datetime):
        return value
    day = datetime.combine(value, time.min).astimezone()
    return day + timedelta(days=1) if end else day
