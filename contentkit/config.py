"""contentkit.toml: the workspace's hand-editable settings.

`write_config` produces a commented file a shop owner can edit; `load_config`
reads it back and names the key (or TOML line) that is wrong.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .dates import check_timezone
from .errors import ConfigError, InputError
from .vocab import SECTORS, check_choice

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Handles", "BrandKit", "Config", "load_config", "write_config", "read_toml", "LANGUAGES"]

LANGUAGES = ("id", "en")


@dataclass
class Handles:
    """Where the shop is: social handles, WhatsApp number, marketplace URLs."""

    instagram: str = ""
    tiktok: str = ""
    whatsapp: str = ""
    shopee: str = ""
    tokopedia: str = ""
    facebook: str = ""


@dataclass
class BrandKit:
    """Colours, logo and fonts for testimonial graphics and the calendar page."""

    primary: str = "#C0392B"
    secondary: str = "#F5B041"
    background: str = "#FFF8F0"
    text: str = "#2C2C2C"
    logo: str = ""
    font_regular: str = ""
    font_bold: str = ""
    font_italic: str = ""
    emoji_font: str = ""
    footer: str = ""


@dataclass
class Config:
    """Everything in contentkit.toml."""

    brand: str
    sector: str = "umum"
    timezone: str = "Asia/Jakarta"
    language: str = "id"
    strategy: str = ""  # built-in name or a path relative to the workspace; empty = the sector's
    terms_url: str = ""
    hashtags: list[str] = field(default_factory=list)
    consent_hashtag: str = ""
    consent_expiry_days: int = 14
    handles: Handles = field(default_factory=Handles)
    brand_kit: BrandKit = field(default_factory=BrandKit)
    limits: dict[str, Any] = field(default_factory=dict)
    media_folder: str = "media"
    campaigns: dict[str, Any] = field(default_factory=dict)  # [campaigns]: checked by calendar.campaigns

    @property
    def strategy_name(self) -> str:
        return self.strategy or self.sector

    @property
    def approval_hashtag(self) -> str:
        """The reply that counts as a yes, e.g. `#YaDapurBuSari`."""
        if self.consent_hashtag:
            tag = self.consent_hashtag.strip()
            return tag if tag.startswith("#") else "#" + tag
        words = "".join(w[:1].upper() + w[1:] for w in self.brand.split() if w.isalnum())
        return "#Ya" + (words or "Boleh")


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file; a syntax error names the file and its line."""
    try:
        # utf-8-sig: Windows Notepad saves a BOM that TOML parsers reject.
        return tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        raise ConfigError(f"{path} does not exist; check the path") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}; fix that line and run again") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text; save it as UTF-8 and run again") from None


def _fill(cls: type[Any], data: dict[str, Any], where: str) -> Any:
    names = {f.name: f for f in dataclasses.fields(cls)}
    for key, value in data.items():
        if key not in names:
            raise ConfigError(f"unknown key {where}{key!r} in contentkit.toml: valid keys are {', '.join(names)}")
        if not isinstance(value, str):
            raise ConfigError(f"{where}{key} in contentkit.toml must be text in quotes")
    return cls(**data)


def load_config(path: Path) -> Config:
    """Read and check contentkit.toml."""
    raw = read_toml(path)
    sections = {"brand", "handles", "brand_kit", "limits", "media", "campaigns"}
    for key in raw:
        if key not in sections:
            raise ConfigError(f"unknown section [{key}] in {path}: valid sections are {', '.join(sorted(sections))}")
    brand = dict(raw.get("brand", {}))
    if not brand.get("name"):
        raise ConfigError(f"{path} has no [brand] name; add name = \"Your Shop\" under [brand]")
    allowed = {
        "name", "sector", "timezone", "language", "strategy", "terms_url",
        "hashtags", "consent_hashtag", "consent_expiry_days",
    }
    for key in brand:
        if key not in allowed:
            raise ConfigError(f"unknown key [brand] {key!r} in {path}: valid keys are {', '.join(sorted(allowed))}")
    try:
        sector = check_choice("sector", str(brand.get("sector", "umum")), SECTORS)
        timezone = check_timezone(str(brand.get("timezone", "Asia/Jakarta")))
        language = check_choice("language", str(brand.get("language", "id")), LANGUAGES)
    except InputError as exc:
        raise ConfigError(f"{path} [brand]: {exc}") from None
    hashtags = brand.get("hashtags", [])
    if not isinstance(hashtags, list) or not all(isinstance(h, str) for h in hashtags):
        raise ConfigError(f"[brand] hashtags in {path} must be a list of text, e.g. [\"dapurbusari\"]")
    expiry = brand.get("consent_expiry_days", 14)
    if not isinstance(expiry, int) or expiry < 1:
        raise ConfigError(f"[brand] consent_expiry_days in {path} must be a whole number of days, 1 or more")
    media = raw.get("media", {})
    return Config(
        brand=str(brand["name"]),
        sector=sector,
        timezone=timezone,
        language=language,
        strategy=str(brand.get("strategy", "")),
        terms_url=str(brand.get("terms_url", "")),
        hashtags=[h.lstrip("#") for h in hashtags],
        consent_hashtag=str(brand.get("consent_hashtag", "")),
        consent_expiry_days=expiry,
        handles=_fill(Handles, dict(raw.get("handles", {})), "[handles] "),
        brand_kit=_fill(BrandKit, dict(raw.get("brand_kit", {})), "[brand_kit] "),
        limits=dict(raw.get("limits", {})),
        media_folder=str(media.get("folder", "media")),
        campaigns=dict(raw.get("campaigns", {})),
    )


def _q(value: str) -> str:
    # JSON string syntax is a subset of TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def write_config(path: Path, config: Config) -> None:
    """Write a commented, hand-editable contentkit.toml."""
    h, k = config.handles, config.brand_kit
    tags = ", ".join(_q(t) for t in config.hashtags)
    text = f"""# contentkit workspace settings. Edit freely; lines starting with # are comments.
# After editing, `contentkit plan --dry-run` shows the effect without saving anything.

[brand]
name = {_q(config.brand)}
# kuliner (food), fesyen (fashion), rumah-tangga (household goods) or umum (general)
sector = {_q(config.sector)}
# IANA timezone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
timezone = {_q(config.timezone)}
# id (Bahasa Indonesia) or en (English): captions, messages, pages
language = {_q(config.language)}
# empty = the sector's built-in strategy; or a built-in name; or a TOML file in this folder
# (copy one with `contentkit strategy copy`)
strategy = {_q(config.strategy)}
# your terms page for reposting customer content (shown in consent requests)
terms_url = {_q(config.terms_url)}
# brand hashtags: `contentkit ugc collect --hashtag` uses these when none is given
hashtags = [{tags}]
# the reply that counts as a yes to a repost request
consent_hashtag = {_q(config.approval_hashtag)}
# a request with no answer after this many days shows as expired
consent_expiry_days = {config.consent_expiry_days}

[handles]
instagram = {_q(h.instagram)}
tiktok = {_q(h.tiktok)}
# WhatsApp Business number, e.g. 6281234567890
whatsapp = {_q(h.whatsapp)}
shopee = {_q(h.shopee)}
tokopedia = {_q(h.tokopedia)}
facebook = {_q(h.facebook)}

[brand_kit]
# colours as #RRGGBB
primary = {_q(k.primary)}
secondary = {_q(k.secondary)}
background = {_q(k.background)}
text = {_q(k.text)}
# a PNG logo, relative to this folder
logo = {_q(k.logo)}
# TTF/OTF font files; empty = Lato, bundled with contentkit
font_regular = {_q(k.font_regular)}
font_bold = {_q(k.font_bold)}
font_italic = {_q(k.font_italic)}
# a colour emoji font; empty = the system's Noto Color Emoji where installed
emoji_font = {_q(k.emoji_font)}
# a line at the bottom of testimonial images
footer = {_q(k.footer)}

[limits]
# Instagram allows at most 5 hashtags per post since late 2025; change it if that changes
instagram_max_hashtags = 5

[media]
# where downloaded customer media and rendered testimonials go, relative to this folder
folder = {_q(config.media_folder)}

[campaigns]
# built-in campaigns (`contentkit campaign list`) run for your sector every year; leave some out:
# off = ["gajian", "awal-bulan"]
off = []
# where your twin-date and Harbolnas sales run: shopee, tokopedia or tiktok (default: from your strategy)
# marketplace = "shopee"
# the couriers' last drop-off before Lebaran (default: 7 days before Idul Fitri)
# courier_cutoff = "2027-03-03"
# the day you take orders again after Lebaran (default: the day after the last holiday or cuti bersama)
# reopen = "2027-03-16"
"""
    write_atomic(path, text)
