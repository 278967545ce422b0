"""Live shopping as a plan item, and the hours a live keeps in Ramadan.

A live session has a start, a length, a host, a product list and a live-only
voucher (`contentkit live add`). The planner puts it on the calendar with four
teasers: an Instagram story and a WhatsApp status the day before and two hours
before.

In Ramadan nobody watches a live between iftar and the end of tarawih, and on
Idul Fitri nobody should be asked to: a session between 18:00 and 20:30 in
Ramadan, or on Idul Fitri, is refused with a line that names the hours that
work. The strategy's weekly live slots are moved instead: into the window its
[ramadan] table names (after tarawih by default), or left empty on Idul Fitri.

    [ramadan]
    sahur = "03:00-04:30"
    ngabuburit = "16:00-17:45"
    tarawih = "20:30-22:00"
    live = "tarawih"        # where a live that would clash moves
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

import pendulum

from ..dates import parse_at
from ..errors import ConfigError, InputError
from ..formatting import format_day
from ..i18n import _, get_language
from ..records import Live
from ..vocab import check_channel, check_channel_format
from .events import events_on

if TYPE_CHECKING:
    from ..workspace import Workspace

__all__ = ["RamadanHours", "parse_ramadan_hours", "LiveBook", "live_clash", "DEFAULT_RAMADAN_HOURS", "SLOT_LIVE_MINUTES"]

_RANGE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$")
# Iftar, maghrib, isya and tarawih: no live in Ramadan between these.
_QUIET = (time(18, 0), time(20, 30))
SLOT_LIVE_MINUTES = 60  # a strategy slot has no length; a live is taken to last an hour


@dataclass(frozen=True)
class RamadanHours:
    """Ramadan windows (start, end) and the one a clashing live moves to."""

    sahur: tuple[time, time]
    ngabuburit: tuple[time, time]
    tarawih: tuple[time, time]
    live: str = "tarawih"

    def window(self, name: str) -> tuple[time, time]:
        value: tuple[time, time] = getattr(self, name)
        return value

    def describe(self) -> str:
        def span(w: tuple[time, time]) -> str:
            return f"{w[0]:%H:%M}–{w[1]:%H:%M}"

        return _("sahur {sahur}, ngabuburit {ngabuburit} or after tarawih {tarawih}").format(
            sahur=span(self.sahur), ngabuburit=span(self.ngabuburit), tarawih=span(self.tarawih))


DEFAULT_RAMADAN_HOURS = RamadanHours((time(3, 0), time(4, 30)), (time(16, 0), time(17, 45)), (time(20, 30), time(22, 0)))


def parse_ramadan_hours(raw: Any, source: str = "strategy") -> RamadanHours:
    """The strategy's [ramadan] table, checked; the defaults when it has none."""
    if raw is None:
        return DEFAULT_RAMADAN_HOURS
    if not isinstance(raw, dict):
        raise ConfigError(_('{source}: ramadan: must be a table: sahur = "03:00-04:30" …').format(source=source))
    names = ("sahur", "ngabuburit", "tarawih")
    for key in raw:
        if key not in (*names, "live"):
            raise ConfigError(_("{source}: ramadan.{key}: unknown key; use sahur, ngabuburit, tarawih and live").format(source=source, key=key))
    windows = {}
    for name in names:
        text = str(raw.get(name, f"{DEFAULT_RAMADAN_HOURS.window(name)[0]:%H:%M}-{DEFAULT_RAMADAN_HOURS.window(name)[1]:%H:%M}"))
        m = _RANGE.match(text.replace(" ", "").replace("–", "-"))
        if not m or (int(m.group(1)), int(m.group(2))) >= (int(m.group(3)), int(m.group(4))):
            raise ConfigError(_('{source}: ramadan.{name}: {text!r} is not a time range; write "HH:MM-HH:MM", e.g. "16:00-17:45"').format(
                source=source, name=name, text=text))
        windows[name] = (time(int(m.group(1)), int(m.group(2))), time(int(m.group(3)), int(m.group(4))))
    live = str(raw.get("live", "tarawih"))
    if live not in names:
        raise ConfigError(_("{source}: ramadan.live: use one of {names}").format(source=source, names=", ".join(names)))
    start, end = windows[live]
    if start < _QUIET[1] and end > _QUIET[0]:
        raise ConfigError(_("{source}: ramadan.{live}: lives cannot run between 18:00 and 20:30 in Ramadan").format(source=source, live=live))
    return RamadanHours(windows["sahur"], windows["ngabuburit"], windows["tarawih"], live)


def _day_kinds(day: date) -> tuple[bool, bool, str]:
    """(in Ramadan, on Idul Fitri, the Idul Fitri name) for `day`."""
    events = events_on(day)
    eid = next((e for e in events if e.kind == "lebaran"), None)
    return any(e.kind == "ramadan" for e in events), eid is not None, eid.label("id") if eid else ""


def live_clash(start: datetime, minutes: int) -> str | None:
    """Why a live at `start` for `minutes` may not run, or None.

    >>> live_clash(pendulum.datetime(2027, 2, 24, 19, 0, tz="Asia/Jakarta"), 90)
    'Wed 24 Feb 2027 is in Ramadan and 19:00–20:30 is iftar, isya and tarawih time (18:00–20:30)'
    """
    day = start.date()
    ramadan, eid, eid_name = _day_kinds(day)
    when = f"{format_day(day, get_language())} {day.year}"
    if eid:
        return _("{when} is {name} (Idul Fitri): no live on Lebaran").format(when=when, name=eid_name)
    if not ramadan:
        return None
    end = start + timedelta(minutes=minutes)
    quiet_start = start.replace(hour=_QUIET[0].hour, minute=_QUIET[0].minute, second=0, microsecond=0)
    quiet_end = start.replace(hour=_QUIET[1].hour, minute=_QUIET[1].minute, second=0, microsecond=0)
    if start < quiet_end and end > quiet_start:
        lo, hi = max(start, quiet_start), min(end, quiet_end)
        return _("{when} is in Ramadan and {span} is iftar, isya and tarawih time ({quiet})").format(
            when=when, span=f"{lo:%H:%M}–{hi:%H:%M}", quiet=f"{_QUIET[0]:%H:%M}–{_QUIET[1]:%H:%M}")
    return None


def moved_slot_time(at: pendulum.DateTime, hours: RamadanHours) -> pendulum.DateTime | None:
    """Where a strategy live slot at `at` goes: `at` when fine, the Ramadan window when it clashes, None on Idul Fitri."""
    reason = live_clash(at, SLOT_LIVE_MINUTES)
    if reason is None:
        return at
    if _day_kinds(at.date())[1]:
        return None
    start = hours.window(hours.live)[0]
    return at.set(hour=start.hour, minute=start.minute)


class LiveBook:
    """Live-shopping sessions: `contentkit live add/list/remove`."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def add(
        self, at: str | datetime, *, channel: str, duration: int = 90, host: str = "",
        products: list[str] | None = None, voucher: str = "",
    ) -> Live:
        """Add a session; refused in Ramadan's iftar-to-tarawih hours and on Idul Fitri.

        >>> ws.lives.add("2027-02-24 20:30", channel="tiktok", duration=90, host="Kak Rina",
        ...              products=["Pashmina Silk"], voucher="LIVEHEMAT 15rb")   # doctest: +SKIP
        """
        if isinstance(at, str):
            at = re.sub(r"(\d{1,2})\.(\d{2})\s*$", r"\1:\2", at.strip())  # 19.30 is how Indonesians write 19:30
        start = parse_at(at, self.ws.tz)
        channel = check_channel(channel)
        check_channel_format(channel, "live")
        if not 10 <= int(duration) <= 360:
            raise InputError(_("--duration is the live's length in minutes, from 10 to 360"))
        reason = live_clash(start, int(duration))
        if reason is not None:
            if "Idul Fitri" in reason:
                raise InputError(_("{reason}; pick another day").format(reason=reason))
            raise InputError(_("{reason}; pick another time: in Ramadan a live fits {hours}").format(
                reason=reason, hours=self.ws.strategy.ramadan.describe()))
        items = [p.strip() for p in products or [] if p.strip()]
        if not items:
            raise InputError(_('a live needs the products it shows: --product "Pashmina Silk" (once per product)'))
        live = Live(at=start, channel=channel, duration_min=int(duration), host=host.strip(), products=items,
                    voucher=voucher.strip(), created_at=pendulum.now(self.ws.tz))
        with self.ws.store.transaction() as tx:
            tx.save(live)
        return live

    def list(self) -> list[Live]:
        """Every live session in time order."""
        return sorted(self.ws.store.read().all(Live), key=lambda lv: (lv.at, lv.id))

    def remove(self, live_id: str) -> Live:
        """Remove a session; its posts already planned stay (skip them with `post skip`)."""
        with self.ws.store.transaction() as tx:
            live = tx.get(Live, live_id)
            tx.delete(Live, live.id)
        return live
