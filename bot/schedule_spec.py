"""Digest schedules as people write them: "daily 08:00 Europe/Berlin", "weekdays 07:30", or cron.

Parsing needs no scheduler: a spec becomes a standard five-field cron expression (with weekday
names, never numbers, because APScheduler 3 counts weekdays from Monday = 0 while cron counts from
Sunday = 0) and a time zone checked against the tz database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.errors import UserFacingError

DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")
_DAYS = {
    "daily": "*",
    "täglich": "*",
    "every day": "*",
    "weekdays": "mon,tue,wed,thu,fri",
    "werktags": "mon,tue,wed,thu,fri",
    "weekends": "sat,sun",
}
_DOW_PART = re.compile(r"^(\d)(?:-(\d))?(?:/(\d))?$")
USAGE = (
    "Write the schedule as `daily 08:00`, `weekdays 07:30`, `mon,thu 18:00` or a cron expression "
    "(`30 7 * * 1-5`), optionally followed by a time zone such as `Europe/Berlin`."
)


@dataclass(frozen=True)
class ScheduleSpec:
    spec: str  # as the user wrote it (normalised spaces)
    cron: str  # minute hour day month weekday, weekdays by name
    timezone: str

    @property
    def description(self) -> str:
        return f"{self.spec} ({self.timezone})"


def check_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as err:
        raise UserFacingError(f"Unknown time zone: {name}. Use a name like Europe/Berlin or UTC.") from err
    return name


def _weekdays(field: str) -> str:
    """Cron weekday numbers (0 or 7 = Sunday) as names; names and * stay as they are."""
    if not any(ch.isdigit() for ch in field):
        return field.lower()
    days: set[int] = set()
    for part in field.split(","):
        match = _DOW_PART.match(part)
        if not match:
            raise UserFacingError(f"I cannot read the weekday field “{field}”. {USAGE}")
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else start
        step = int(match.group(3) or 1)
        if start > 7 or end > 7 or start > end or step < 1:
            raise UserFacingError(f"I cannot read the weekday field “{field}”. {USAGE}")
        days.update(day % 7 for day in range(start, end + 1, step))
    return ",".join(DAY_NAMES[d] for d in sorted(days))


def parse_schedule(text: str, *, default_timezone: str) -> ScheduleSpec:
    words = text.split()
    if not words:
        raise UserFacingError(USAGE)
    timezone = default_timezone
    if "/" in words[-1] or words[-1].upper() in ("UTC", "GMT"):
        timezone, words = words[-1], words[:-1]
    check_timezone(timezone)
    spec = " ".join(words)
    if len(words) == 5 and not _TIME.match(words[-1]):
        minute, hour, day, month, weekday = words
        return ScheduleSpec(spec, f"{minute} {hour} {day} {month} {_weekdays(weekday)}", timezone)
    if not words or not _TIME.match(words[-1]):
        raise UserFacingError(f"I cannot read the schedule “{text}”. {USAGE}")
    time = _TIME.match(words[-1])
    assert time is not None
    at_hour, at_minute = int(time.group(1)), int(time.group(2))
    days_text = " ".join(words[:-1]).lower() or "daily"
    days = _DAYS.get(days_text)
    if days is None:
        names = [d.strip()[:3] for d in re.split(r"[,\s]+", days_text) if d.strip()]
        if not names or any(n not in DAY_NAMES for n in names):
            raise UserFacingError(f"I cannot read the days “{days_text}”. {USAGE}")
        days = ",".join(dict.fromkeys(names))
    return ScheduleSpec(spec, f"{at_minute} {at_hour} * * {days}", timezone)
