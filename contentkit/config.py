"""contentkit.toml: the workspace's hand-editable settings.

`write_config` produces a commented file a shop owner can edit; `load_config`
reads it back, checking every key's type and range: a wrong one is an error
naming the file, the line, the key and what it must be; an unknown one is a
warning (a typo must not silently do nothing).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .i18n import N_, _, translator
from .atomic import write_atomic
from .dates import check_timezone
from .config_check import TEXT, TEXT_LIST, Checker, Rule, shown, whole
from .errors import ConfigError, InputError
from .vocab import CHANNELS, SECTORS, check_choice

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
    workspace_id: str = ""  # a stable id for calendar UIDs; empty = derived from the brand
    # unknown keys found when reading contentkit.toml, one line each; never written back
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)
    campaigns: dict[str, Any] = field(default_factory=dict)  # [campaigns]: the keys are checked by calendar.campaigns


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
        raise ConfigError(_("{path} does not exist; check the path").format(path=path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(_("{path} is not valid TOML: {exc}; fix that line and run again").format(path=path, exc=exc)) from None
    except UnicodeDecodeError:
        raise ConfigError(_("{path} is not UTF-8 text; save it as UTF-8 and run again").format(path=path)) from None


# section ("" = top level) -> key -> rule; a section whose value is None takes any keys.
_SCHEMA: dict[str, dict[str, Rule] | None] = {
    "": {"workspace_id": TEXT},
    "brand": {
        "name": TEXT, "sector": TEXT, "timezone": TEXT, "language": TEXT, "strategy": TEXT,
        "terms_url": TEXT, "hashtags": TEXT_LIST, "consent_hashtag": TEXT,
        "consent_expiry_days": whole(1, 3650, "days"), "workspace_id": TEXT,
    },
    "handles": {f.name: TEXT for f in dataclasses.fields(Handles)},
    "brand_kit": {f.name: TEXT for f in dataclasses.fields(BrandKit)},
    # CHANNEL_max_hashtags / CHANNEL_caption_max for every channel of the registry
    "limits": {
        **{f"{c}_max_hashtags": whole(0, 30) for c in CHANNELS},
        **{f"{c}_caption_max": whole(1, 100_000, "characters") for c in CHANNELS},
    },
    "media": {"folder": TEXT},
    "campaigns": None,  # the shop's own campaigns: their keys are theirs
}


def _media_folder(root: Path, folder: str, checker: Checker) -> str:
    """`folder` when it stays inside the workspace and out of its data folder."""
    target = (root / folder).resolve()
    base = root.resolve()
    if not folder.strip() or (target != base and base not in target.parents) or target == base:
        raise checker.fail("media", "folder", _('must be a folder inside the workspace, e.g. "media", not {value}').format(value=shown(folder)))
    data = base / "data"
    if target == data or data in target.parents:
        raise checker.fail("media", "folder", _('must not be the data folder, which holds the store; use e.g. "media"'))
    return folder


def _known(cls: type[Any], table: dict[str, Any]) -> Any:
    """`cls` from the keys of `table` it has (the others were named in a warning)."""
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in table.items() if k in names})


def load_config(path: Path) -> Config:
    """Read and check contentkit.toml key by key.

    A wrong type or value is a ConfigError naming the file, the line, the key and
    what it must be; unknown keys and sections go to `Config.warnings`.
    """
    raw = read_toml(path)
    checker = Checker(path, raw, _SCHEMA)
    checker.check()
    brand = dict(raw.get("brand", {}))
    if not brand.get("name", "").strip():
        raise ConfigError(_('{path} has no [brand] name; add name = "Your Shop" under [brand]').format(path=path))
    values = {}
    for key, check in (("sector", lambda v: check_choice("sector", v, SECTORS)), ("timezone", check_timezone),
                       ("language", lambda v: check_choice("language", v, LANGUAGES))):
        if key in brand:
            try:
                values[key] = check(brand[key])
            except InputError as exc:
                raise checker.fail("brand", key, _("is wrong: {error}").format(error=exc)) from None
    media = raw.get("media", {})
    workspace_id = str(raw.get("workspace_id") or brand.get("workspace_id") or "")
    return Config(
        brand=str(brand["name"]),
        sector=values.get("sector", "umum"),
        timezone=values.get("timezone", "Asia/Jakarta"),
        language=values.get("language", "id"),
        strategy=brand.get("strategy", ""),
        terms_url=brand.get("terms_url", ""),
        hashtags=[h.lstrip("#") for h in brand.get("hashtags", [])],
        consent_hashtag=brand.get("consent_hashtag", ""),
        consent_expiry_days=brand.get("consent_expiry_days", 14),
        handles=_known(Handles, raw.get("handles", {})),
        brand_kit=_known(BrandKit, raw.get("brand_kit", {})),
        limits=dict(raw.get("limits", {})),
        media_folder=_media_folder(path.parent, media.get("folder", "media"), checker),
        workspace_id=workspace_id,
        warnings=checker.warnings,
        campaigns=dict(raw.get("campaigns", {})),
    )


def _q(value: str) -> str:
    # JSON string syntax is a subset of TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return _q(str(value))


def add_brand_key(path: Path, key: str, value: str) -> None:
    """Add `key = "value"` under [brand] in contentkit.toml, leaving every other line as the user wrote it."""
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    at = next((i + 1 for i, line in enumerate(lines) if line.strip() == "[brand]"), None)
    if at is None:
        raise ConfigError(_("{path} has no [brand] section; add one with name = \"Your Shop\"").format(path=path))
    lines.insert(at, f"{key} = {_q(value)}\n")
    write_atomic(path, "".join(lines))


# The comments of a new contentkit.toml, in the workspace language.
_CONFIG_COMMENTS = {
    'head1': N_('contentkit workspace settings. Edit freely; lines starting with # are comments.'),
    'head2': N_('After editing, `contentkit plan --dry-run` shows the effect without saving anything.'),
    'sector': N_('kuliner (food), fesyen (fashion), rumah-tangga (household goods) or umum (general)'),
    'timezone': N_('IANA timezone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)'),
    'language': N_('id (Bahasa Indonesia) or en (English): captions, messages, pages'),
    'strategy1': N_("empty = the sector's built-in strategy; or a built-in name; or a TOML file in this folder"),
    'strategy2': N_('(copy one with `contentkit strategy copy`)'),
    'terms': N_('your terms page for reposting customer content (shown in consent requests)'),
    'hashtags': N_('brand hashtags: `contentkit ugc collect --hashtag` uses these when none is given'),
    'consent': N_('the reply that counts as a yes to a repost request'),
    'expiry': N_('a request with no answer after this many days shows as expired'),
    'wsid': N_("this workspace's own id: calendar apps recognise exported events by it; do not change it"),
    'whatsapp': N_('WhatsApp Business number, e.g. 6281234567890'),
    'colours': N_('colours as #RRGGBB'),
    'logo': N_('a PNG logo, relative to this folder'),
    'fonts': N_('TTF/OTF font files; empty = Lato, bundled with contentkit'),
    'emoji': N_("a colour emoji font; empty = the system's Noto Color Emoji where installed"),
    'footer': N_('a line at the bottom of testimonial images'),
    'limits1': N_('Instagram allows at most 5 hashtags per post since late 2025; change it if that changes.'),
    'limits2': N_("Any channel's limit can be set the same way: tiktok_max_hashtags, shopee_caption_max, ..."),
    'media': N_('where downloaded customer media and rendered testimonials go, relative to this folder'),
    'campaigns': N_('built-in campaigns (`contentkit campaign list`) run for your sector every year; leave some out:'),
    'marketplace': N_('where your twin-date and Harbolnas sales run: shopee, tokopedia or tiktok (default: from your strategy)'),
    'cutoff': N_("the couriers' last drop-off before Lebaran (default: 7 days before Idul Fitri)"),
    'reopen': N_('the day you take orders again after Lebaran (default: the day after the last holiday or cuti bersama)'),
}


def write_config(path: Path, config: Config) -> None:
    """Write a commented, hand-editable contentkit.toml."""
    h, k = config.handles, config.brand_kit
    tags = ", ".join(_q(t) for t in config.hashtags)
    # The values a user set are written back as set (a rewrite must lose nothing but comments).
    limits = "\n".join(f"{key} = {value}" for key, value in (config.limits or {"instagram_max_hashtags": 5}).items())
    campaigns = "\n".join(f"{key} = {_toml_value(value)}" for key, value in (config.campaigns or {"off": []}).items())
    said = translator(config.language if config.language in ("id", "en") else "id")
    c = {key: said.gettext(message) for key, message in _CONFIG_COMMENTS.items()}
    text = f"""# {c['head1']}
# {c['head2']}

[brand]
name = {_q(config.brand)}
# {c['sector']}
sector = {_q(config.sector)}
# {c['timezone']}
timezone = {_q(config.timezone)}
# {c['language']}
language = {_q(config.language)}
# {c['strategy1']}
# {c['strategy2']}
strategy = {_q(config.strategy)}
# {c['terms']}
terms_url = {_q(config.terms_url)}
# {c['hashtags']}
hashtags = [{tags}]
# {c['consent']}
consent_hashtag = {_q(config.approval_hashtag)}
# {c['expiry']}
consent_expiry_days = {config.consent_expiry_days}
# {c['wsid']}
workspace_id = {_q(config.workspace_id)}

[handles]
instagram = {_q(h.instagram)}
tiktok = {_q(h.tiktok)}
# {c['whatsapp']}
whatsapp = {_q(h.whatsapp)}
shopee = {_q(h.shopee)}
tokopedia = {_q(h.tokopedia)}
facebook = {_q(h.facebook)}

[brand_kit]
# {c['colours']}
primary = {_q(k.primary)}
secondary = {_q(k.secondary)}
background = {_q(k.background)}
text = {_q(k.text)}
# {c['logo']}
logo = {_q(k.logo)}
# {c['fonts']}
font_regular = {_q(k.font_regular)}
font_bold = {_q(k.font_bold)}
font_italic = {_q(k.font_italic)}
# {c['emoji']}
emoji_font = {_q(k.emoji_font)}
# {c['footer']}
footer = {_q(k.footer)}

[limits]
# {c['limits1']}
# {c['limits2']}
{limits}

[media]
# {c['media']}
folder = {_q(config.media_folder)}

[campaigns]
# {c['campaigns']}
# off = ["gajian", "awal-bulan"]
{campaigns}
# {c['marketplace']}
# marketplace = "shopee"
# {c['cutoff']}
# courier_cutoff = "2027-03-03"
# {c['reopen']}
# reopen = "2027-03-16"
"""
    write_atomic(path, text)
