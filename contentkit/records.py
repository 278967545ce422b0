"""The records contentkit keeps: plain dataclasses here, plain dicts in the store.

Every record has a stable string `id` made of a table prefix and a number
(`P12` is post 12), given by the store when the record is first saved.
Datetimes are timezone-aware and stored as ISO 8601 with their offset.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

import pendulum

from .i18n import N_

__all__ = ["Record", "Post", "Idea", "Series", "UGCItem", "ConsentEvent", "Review", "ReviewRequest", "Campaign", "Live", "Promo"]

R = TypeVar("R", bound="Record")
_FIELD_NAMES: dict[type, frozenset[str]] = {}


@dataclass
class Record:
    """Base: (de)serialisation shared by every record type."""

    table: ClassVar[str] = ""
    prefix: ClassVar[str] = ""
    noun: ClassVar[str] = N_("record")  # in messages: "no customer post with ID 'U9'"
    _times: ClassVar[tuple[str, ...]] = ()
    _dates: ClassVar[tuple[str, ...]] = ()

    # Every subclass declares `id: str = ""` as its last fields' neighbour (fields with
    # defaults must follow those without), so the base reaches it by name.
    @property
    def record_id(self) -> str:
        return str(getattr(self, "id"))

    def set_record_id(self, value: str) -> None:
        setattr(self, "id", value)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (datetime, date)):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            elif isinstance(value, list):
                value = list(value)
            elif isinstance(value, dict):
                value = dict(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[R], data: dict[str, Any]) -> R:
        """Build a record from a stored dict; unknown keys (from newer versions) are ignored."""
        names = _FIELD_NAMES.get(cls)
        if names is None:  # dataclasses.fields() is slow enough to show when planning reads 5,000 ideas
            names = _FIELD_NAMES[cls] = frozenset(f.name for f in dataclasses.fields(cls))
        kwargs = {k: v for k, v in data.items() if k in names}
        # datetime.fromisoformat is C-fast; planning reads thousands of records per run.
        for key in cls._times:
            value = kwargs.get(key)
            if isinstance(value, str) and value:
                kwargs[key] = pendulum.instance(datetime.fromisoformat(value))
        for key in cls._dates:
            value = kwargs.get(key)
            if isinstance(value, str) and value:
                kwargs[key] = date.fromisoformat(value[:10])
        return cls(**kwargs)


@dataclass
class Post(Record):
    """A planned or published post on the content calendar."""

    table: ClassVar[str] = "posts"
    noun: ClassVar[str] = N_("post")
    prefix: ClassVar[str] = "P"
    _times: ClassVar[tuple[str, ...]] = ("at", "published_at", "created_at", "updated_at")

    at: datetime
    channel: str
    format: str
    pillar: str
    title: str
    caption: str = ""
    hashtags: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    status: str = "draft"
    id: str = ""
    published_url: str | None = None
    published_at: datetime | None = None
    skip_reason: str | None = None
    idea_id: str | None = None
    series_id: str | None = None
    episode: int | None = None
    ugc_id: str | None = None
    review_id: str | None = None
    prompt_key: str | None = None
    event: str | None = None
    slot: str | None = None  # "2026-W49#wed-19:30-instagram-reel": which slot of which week the planner filled
    source: str = "plan"  # plan | manual | repost
    duration_s: float | None = None  # video length, when known, for platform limits
    persona: str | None = None  # who the post speaks to ("ibu rumah tangga"), from the strategy's audience
    body_key: str | None = None  # which caption body the planner used ("body.storytelling:3"), for rotation
    locked: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class Idea(Record):
    """A backlog item the planner may place."""

    table: ClassVar[str] = "ideas"
    noun: ClassVar[str] = N_("idea")
    prefix: ClassVar[str] = "I"
    _times: ClassVar[tuple[str, ...]] = ("created_at",)

    text: str
    pillar: str
    format: str
    channel: str | None = None
    priority: int = 0  # higher first
    id: str = ""
    used_by: str | None = None  # the post that placed it
    created_at: datetime | None = None


@dataclass
class Series(Record):
    """A storytelling series: episode k goes into week k from its start."""

    table: ClassVar[str] = "series"
    noun: ClassVar[str] = N_("series")
    prefix: ClassVar[str] = "S"
    _times: ClassVar[tuple[str, ...]] = ("created_at",)
    _dates: ClassVar[tuple[str, ...]] = ("start",)

    title: str
    pillar: str
    format: str
    episodes: list[str] = field(default_factory=list)
    channel: str | None = None
    every: str | None = None  # weekday: mon..sun
    start: date | None = None
    id: str = ""
    created_at: datetime | None = None


@dataclass
class UGCItem(Record):
    """A customer's post that tags or mentions the brand."""

    table: ClassVar[str] = "ugc"
    noun: ClassVar[str] = N_("customer post")
    prefix: ClassVar[str] = "U"
    _times: ClassVar[tuple[str, ...]] = ("taken_at", "collected_at")

    platform: str
    url: str
    owner: str
    shortcode: str | None = None
    owner_id: str | None = None
    caption: str = ""
    hashtags: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    tagged_users: list[str] = field(default_factory=list)
    media_type: str = "image"  # image | video | sidecar | story_image | story_video
    media_urls: list[str] = field(default_factory=list)
    media_files: list[str] = field(default_factory=list)
    is_mention: bool = False
    is_own: bool = False  # the shop's own content: self-granted
    source: str = "manual"  # tagged | hashtag | import | csv | manual
    rejected: str | None = None  # reason, when not suitable to repost
    taken_at: datetime | None = None
    collected_at: datetime | None = None
    id: str = ""


@dataclass
class ConsentEvent(Record):
    """One append-only entry of an item's consent ledger."""

    table: ClassVar[str] = "consent"
    noun: ClassVar[str] = N_("consent event")
    prefix: ClassVar[str] = "E"
    _times: ClassVar[tuple[str, ...]] = ("at",)
    _dates: ClassVar[tuple[str, ...]] = ("until",)

    ugc_id: str
    kind: str  # requested | granted | declined | revoked
    at: datetime
    via: str | None = None  # dm | comment | whatsapp | email
    message: str | None = None
    evidence: str | None = None
    scope: list[str] = field(default_factory=list)  # channels; empty on a grant = every channel
    until: date | None = None
    reason: str | None = None
    id: str = ""


@dataclass
class Review(Record):
    """A customer review for testimonial graphics."""

    table: ClassVar[str] = "reviews"
    noun: ClassVar[str] = N_("review")
    prefix: ClassVar[str] = "R"
    _times: ClassVar[tuple[str, ...]] = ("created_at",)
    _dates: ClassVar[tuple[str, ...]] = ("date",)

    text: str
    name: str = ""
    rating: float = 5.0
    product: str | None = None
    source: str | None = None
    date: date | None = None
    show_name: bool = False
    ugc_id: str | None = None
    handle: str | None = None  # @handle credited on UGC-based images
    photo: str | None = None
    rendered: list[str] = field(default_factory=list)
    post_id: str | None = None  # the calendar post that uses it
    id: str = ""
    created_at: datetime | None = None
    variant: str | None = None  # "Navy, L": the variant bought, as the export names it
    reply: str | None = None  # the shop's own reply, when it gave one (the chat template shows only this)
    time: str | None = None  # "19.30": when the review was written, local time, when the export says
    order: str | None = None  # the order number, which closes a review request for the same order


@dataclass
class ReviewRequest(Record):
    """An after-sales message asking a customer for a review; a review imported later closes it."""

    table: ClassVar[str] = "review_requests"
    noun: ClassVar[str] = N_("review request")
    prefix: ClassVar[str] = "Q"
    _times: ClassVar[tuple[str, ...]] = ("at", "closed_at")

    name: str
    phone: str  # international digits, 62812...
    product: str
    channel: str  # where the review is asked for: whatsapp | shopee | tokopedia
    at: datetime
    order: str | None = None
    language: str = "id"
    message: str = ""
    link: str = ""  # https://wa.me/<phone>?text=...
    review_id: str | None = None  # the review that answered it
    closed_at: datetime | None = None
    id: str = ""


@dataclass
class Campaign(Record):
    """A shop's own campaign: an anchor day and steps at day offsets (a launch, an anniversary).

    Built-in campaigns (Ramadan–Lebaran, twin dates, payday …) are templates
    with computed anchors and are not stored; this record holds the ones a
    user adds, with a copy of the steps so editing the template later does
    not move posts already planned.
    """

    table: ClassVar[str] = "campaigns"
    noun: ClassVar[str] = N_("campaign")
    prefix: ClassVar[str] = "C"
    _times: ClassVar[tuple[str, ...]] = ("created_at",)
    _dates: ClassVar[tuple[str, ...]] = ("on",)

    name: str
    on: date
    steps: list[dict[str, Any]] = field(default_factory=list)
    title: dict[str, str] = field(default_factory=dict)
    template: str | None = None  # the template it came from, e.g. "kuliner-launch"
    id: str = ""
    created_at: datetime | None = None


@dataclass
class Live(Record):
    """A live-shopping session: start, length, host, products and a live-only voucher."""

    table: ClassVar[str] = "lives"
    noun: ClassVar[str] = N_("live session")
    prefix: ClassVar[str] = "L"
    _times: ClassVar[tuple[str, ...]] = ("at", "created_at")

    at: datetime
    channel: str
    duration_min: int = 90
    host: str = ""
    products: list[str] = field(default_factory=list)
    voucher: str = ""
    id: str = ""
    created_at: datetime | None = None


@dataclass
class Promo(Record):
    """A promotion with its mechanics: kind, amount, minimum spend, quota, period, channel."""

    table: ClassVar[str] = "promos"
    noun: ClassVar[str] = N_("promo")
    prefix: ClassVar[str] = "M"
    _times: ClassVar[tuple[str, ...]] = ("created_at",)
    _dates: ClassVar[tuple[str, ...]] = ("start", "end")

    kind: str  # voucher_toko | voucher_ikuti_toko | koin_cashback | gratis_ongkir | bundling | flash_sale
    channel: str
    start: date
    end: date
    amount: str = ""  # "10000", "10%", "beli 2 gratis 1"
    min_spend: int | None = None
    quota: int | None = None
    code: str = ""
    id: str = ""
    created_at: datetime | None = None
