"""The fixed words of the product model: channels, formats, pillars, statuses.

They come from DESIGN.md's marketing model; checking them in one place gives
every command the same one-line error listing the valid choices.
"""

from __future__ import annotations

from collections.abc import Iterable

from .channels import CHANNEL_IDS, FORMATS_BY_CHANNEL
from .errors import InputError
from .i18n import N_, _

# What check_choice names in its error ("unknown pillar ..."), marked for the catalog.
_KIND_WORDS = (N_("channel"), N_("day"), N_("export kind"), N_("format"), N_("language"), N_("pillar"), N_("plan"),
               N_("promo kind"), N_("sector"), N_("source"), N_("stage"), N_("state"), N_("status"), N_("via"))

__all__ = [
    "CHANNELS",
    "FORMATS",
    "PILLARS",
    "POST_STATUSES",
    "SECTORS",
    "STAGES",
    "PILLAR_STAGES",
    "WEEKDAYS",
    "check_choice",
    "check_channel",
    "check_format",
    "check_pillar",
    "check_channels",
    "check_weekday",
    "check_status",
    "check_stage",
    "check_channel_format",
    "CHANNEL_FORMATS",
]

# Channels and what each can carry come from the channel registry (contentkit/channels.py).
CHANNELS = CHANNEL_IDS
FORMATS = ("reel", "short_video", "carousel", "image", "story", "live", "status", "broadcast", "feed")
PILLARS = (
    "storytelling",
    "education",
    "entertainment",
    "interaction",
    "social_proof",
    "service",
    "retention",
    "promo",
)
POST_STATUSES = ("draft", "ready", "published", "skipped")

CHANNEL_FORMATS: dict[str, tuple[str, ...]] = FORMATS_BY_CHANNEL  # a WhatsApp "reel" cannot be posted
SECTORS = ("kuliner", "fesyen", "rumah-tangga", "umum")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# The six loyalty stages and the pillars that carry each (DESIGN.md's table).
STAGES: dict[str, tuple[str, ...]] = {
    "target_customers": (),  # carried by the strategy's audience personas, not by a pillar
    "creative_content": ("storytelling", "education", "entertainment"),
    "personal_interaction": ("interaction",),
    "social_proof": ("social_proof",),
    "valuable_experience": ("service",),
    "retention": ("retention",),
}
PILLAR_STAGES: dict[str, str] = {p: stage for stage, ps in STAGES.items() for p in ps}


def check_choice(kind: str, value: str, choices: Iterable[str]) -> str:
    """Return `value` normalised to lower case, or raise InputError listing `choices`.

    >>> check_choice("channel", "Instagram", CHANNELS)
    'instagram'
    >>> check_choice("pillar", "bukti-sosial", PILLARS)
    'social_proof'
    """
    options = tuple(choices)
    norm = value.strip().lower().replace("-", "_") if kind != "sector" else value.strip().lower()
    if norm in options:
        return norm
    # Pillars, stages, statuses, formats and days are also typed by their Indonesian (or English) names.
    from .names import from_name

    key = from_name(kind, value)
    if key is None and kind in ("channel", "source"):  # "IG", "WA", "tokped": the names sellers type
        from .channels import channel_named

        key = channel_named(value)
    if key is not None and key in options:
        return key
    raise InputError(_("unknown {kind} {value!r}: use one of {choices}").format(kind=_(kind), value=value, choices=", ".join(options)))


# Full names in English and Indonesian, so `--every rabu` and `--every wednesday` both work.
_WEEKDAY_NAMES = {
    **{d: d for d in WEEKDAYS},
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
    "saturday": "sat", "sunday": "sun",
    "senin": "mon", "selasa": "tue", "rabu": "wed", "kamis": "thu", "jumat": "fri", "jum'at": "fri",
    "sabtu": "sat", "minggu": "sun", "ahad": "sun",
}


def check_weekday(value: str) -> str:
    """`wed`, `wednesday` or `rabu` → `wed`; anything else raises InputError.

    >>> check_weekday("Rabu")
    'wed'
    """
    day = _WEEKDAY_NAMES.get(value.strip().lower())
    if day is None:
        raise InputError(_("unknown weekday {value!r}: use one of {choices} (or senin … minggu)").format(value=value, choices=", ".join(WEEKDAYS)))
    return day


def check_channel(value: str) -> str:
    return check_choice("channel", value, CHANNELS)


def check_format(value: str) -> str:
    return check_choice("format", value, FORMATS)


def check_pillar(value: str) -> str:
    return check_choice("pillar", value, PILLARS)


def check_status(value: str, allowed: Iterable[str] = POST_STATUSES) -> str:
    """`terbit` or `published` -> `published`; `allowed` narrows the statuses a command takes."""
    return check_choice("status", value, allowed)


def check_stage(value: str) -> str:
    return check_choice("stage", value, STAGES)


def check_channel_format(channel: str, fmt: str) -> None:
    """Raise InputError when `channel` cannot carry `fmt` (e.g. a WhatsApp reel).

    >>> check_channel_format("whatsapp", "status")
    """
    allowed = CHANNEL_FORMATS.get(channel)
    if allowed is not None and fmt not in allowed:
        raise InputError(_("{channel} has no {format} posts: use one of {choices}").format(channel=channel, format=fmt, choices=", ".join(allowed)))


def check_channels(values: Iterable[str]) -> tuple[str, ...]:
    """Validate a list of channels (accepts one comma-separated string per item)."""
    out: list[str] = []
    for value in values:
        for part in value.split(","):
            if part.strip():
                out.append(check_channel(part))
    return tuple(dict.fromkeys(out))
