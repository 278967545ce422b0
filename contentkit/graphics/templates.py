"""Testimonial layouts as data: TOML files of layers on a canvas.

A template lists layers drawn in order. Each layer has a `kind` (what it
draws), a `box` `[x, y, w, h]` as fractions of the canvas's safe area (a story
keeps 250 px free at the top and bottom, where the apps put their own bars;
`bleed = true` measures the box on the whole canvas instead, for backgrounds),
and style keys. Colours name brand roles (`primary`, `text`...) or are #RRGGBB.
Text sizes (`max_size`, `min_size`) are px on a 1080 px canvas; `grow = true` lets a
quote's `max_size` grow on canvases taller than wide (portrait ×1.25, story ×1.31), so
a short quote fills a story instead of floating small in it.
Built-in templates live in `contentkit/templates/testimonials`; a workspace can
add or override one in its own `templates/testimonials` folder.
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import _
from ..errors import ConfigError, InputError

__all__ = ["SIZES", "Size", "Template", "Layer", "load_template", "list_templates", "photo_templates", "check_size"]


@dataclass(frozen=True)
class Size:
    """A canvas: pixels, the safe margins apps cover, and a file size cap."""

    name: str
    width: int
    height: int
    safe_top: int = 0
    safe_bottom: int = 0
    max_bytes: int | None = None

    @property
    def safe_box(self) -> tuple[int, int, int, int]:
        return (0, self.safe_top, self.width, self.height - self.safe_top - self.safe_bottom)


SIZES: dict[str, Size] = {
    "square": Size("square", 1080, 1080),
    "portrait": Size("portrait", 1080, 1350),
    "story": Size("story", 1080, 1920, safe_top=250, safe_bottom=250),
    "marketplace": Size("marketplace", 1024, 1024, max_bytes=2_000_000),
}

_TEXT = {"font", "color", "max_size", "min_size", "align", "valign", "line_spacing", "opacity", "upper"}
_COMMON = {"kind", "box", "bleed", "when"}
KINDS: dict[str, set[str]] = {
    "fill": {"color", "opacity", "radius", "shadow"},
    "photo": {"fit", "radius"},
    "fade": {"color", "start", "opacity_top", "opacity_bottom", "behind"},
    "pattern": {"color", "opacity", "spacing"},
    "quote": _TEXT | {"quotes", "grow"},
    "quote_mark": {"font", "color", "opacity", "align"},
    "stars": {"color", "empty_color", "height", "align"},
    "name": _TEXT,
    "product": _TEXT,
    "date": _TEXT,
    "badge": _TEXT | {"fill", "text_color"},
    "shop": _TEXT,
    "footer": _TEXT,
    "logo": {"align", "plate"},
    "divider": {"color", "opacity"},
    "chat_header": {"color", "text_color", "avatar_color"},
    "bubble": _TEXT | {"grow", "side", "fill", "text_color", "follow", "stars", "time_color", "ticks", "radius", "shadow"},
}
_WHEN = ("always", "photo", "no_photo")
_TEXT_KINDS = ("name", "product", "date", "shop", "footer")
_TOP = {"name", "description", "canvas", "layer"}
_CANVAS = {"background"}


@dataclass
class Layer:
    """One thing a template draws: its kind, box, and style options."""

    kind: str
    box: tuple[float, float, float, float]
    bleed: bool = False
    when: str = "always"
    options: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


@dataclass
class Template:
    """A parsed, checked template."""

    name: str
    description: str
    background: str
    layers: list[Layer]
    path: str = ""

    def without(self, *kinds: str) -> Template:
        """The same template minus layers of `kinds` (tests use it to find a layer's ink)."""
        return Template(self.name, self.description, self.background, [ly for ly in self.layers if ly.kind not in kinds], self.path)

    @property
    def uses_photo(self) -> bool:
        return any(ly.kind == "photo" for ly in self.layers)


def check_size(name: str) -> Size:
    """The Size called `name`, or InputError listing the sizes."""
    size = SIZES.get(str(name).strip().lower())
    if size is None:
        raise InputError(_("unknown size {name!r}: use one of {value} (or all)").format(name=name, value=', '.join(SIZES)))
    return size


def _builtin_dir() -> Path:
    from importlib.resources import files

    return Path(str(files("contentkit.templates") / "testimonials"))


def _search_dirs(extra: tuple[str | os.PathLike[str], ...]) -> list[Path]:
    return [Path(d) for d in extra] + [_builtin_dir()]


def photo_templates(dirs: tuple[str | os.PathLike[str], ...] = ()) -> list[str]:
    """Names of the templates that show a photo (have a `photo` layer)."""
    out = []
    for name in list_templates(dirs):
        try:
            if load_template(name, dirs).uses_photo:
                out.append(name)
        except (ConfigError, InputError):
            continue  # a broken workspace template is reported when it is used, not here
    return out


def list_templates(dirs: tuple[str | os.PathLike[str], ...] = ()) -> list[str]:
    """Names of every template found (workspace ones first shadow built-ins of the same name)."""
    names: dict[str, None] = {}
    for folder in _search_dirs(dirs):
        if folder.is_dir():
            for p in sorted(folder.glob("*.toml")):
                names.setdefault(p.stem, None)
    return sorted(names)


def load_template(name: str | os.PathLike[str], dirs: tuple[str | os.PathLike[str], ...] = ()) -> Template:
    """Load a template by name (searching `dirs`, then the built-ins) or by path to a .toml file."""
    from ..config import read_toml

    text = os.fspath(name)
    path: Path | None = None
    if text.endswith(".toml") or os.sep in text:
        path = Path(text)
        if not path.is_file():
            raise InputError(_("template file {text} does not exist; check the path").format(text=text))
    else:
        for folder in _search_dirs(dirs):
            candidate = folder / f"{text}.toml"
            if candidate.is_file():
                path = candidate
                break
        if path is None:
            raise InputError(_("unknown template {text!r}: use one of {value}").format(text=text, value=', '.join(list_templates(dirs))))
    # A batch loads its template once per image (workers get its path): read each file once,
    # again only when it changes; the caller gets its own copy to change as it likes.
    key = (str(path), path.stat().st_mtime_ns)
    found = _PARSED.get(key)
    if found is None:
        found = _PARSED[key] = parse_template(read_toml(path), str(path))
    return copy.deepcopy(found)


_PARSED: dict[tuple[str, int], Template] = {}


def parse_template(raw: dict[str, Any], where: str) -> Template:
    """Check a template's keys and values; any mistake is one ConfigError naming the key."""
    for key in raw:
        if key not in _TOP:
            raise ConfigError(_("template {where}: unknown key {key!r}; valid keys are {value}").format(where=where, key=key, value=', '.join(sorted(_TOP))))
    canvas = raw.get("canvas", {})
    for key in canvas:
        if key not in _CANVAS:
            raise ConfigError(_("template {where}: unknown key [canvas] {key!r}; valid keys are {value}").format(where=where, key=key, value=', '.join(sorted(_CANVAS))))
    layers_raw = raw.get("layer", [])
    if not isinstance(layers_raw, list) or not layers_raw:
        raise ConfigError(_("template {where} has no [[layer]] tables; add at least one layer").format(where=where))
    layers = []
    for i, entry in enumerate(layers_raw, 1):
        kind = entry.get("kind")
        if kind not in KINDS:
            raise ConfigError(_("template {where}: layer {i} has kind {kind!r}; use one of {value}").format(where=where, i=i, kind=kind, value=', '.join(sorted(KINDS))))
        allowed = KINDS[kind] | _COMMON
        for key in entry:
            if key not in allowed:
                raise ConfigError(
                    _("template {where}: layer {i} ({kind}) has unknown key {key!r}; valid keys are {value}").format(where=where, i=i, kind=kind, key=key, value=', '.join(sorted(allowed)))
                )
        box = entry.get("box", [0, 0, 1, 1])
        if (
            not isinstance(box, list)
            or len(box) != 4
            or not all(isinstance(v, (int, float)) and -0.01 <= v <= 1.01 for v in box)
        ):
            raise ConfigError(_("template {where}: layer {i} ({kind}) box must be [x, y, w, h] as fractions 0–1").format(where=where, i=i, kind=kind))
        when = entry.get("when", "always")
        if when not in _WHEN:
            raise ConfigError(_("template {where}: layer {i} ({kind}) when = {when!r}; use one of {value}").format(where=where, i=i, kind=kind, when=when, value=', '.join(_WHEN)))
        options = {k: v for k, v in entry.items() if k not in _COMMON}
        if "font" in options and options["font"] not in ("regular", "bold", "italic", "heavy"):
            raise ConfigError(_("template {where}: layer {i} ({kind}) font must be regular, bold, italic or heavy").format(where=where, i=i, kind=kind))
        layers.append(Layer(kind, tuple(float(v) for v in box), bool(entry.get("bleed", False)), when, options))  # type: ignore[arg-type]
    kinds = {ly.kind for ly in layers}
    for i, ly in enumerate(layers, 1):
        behind = ly.get("behind")
        if behind is not None and (behind not in ("quote", *_TEXT_KINDS) or behind not in kinds):
            raise ConfigError(
                _('template {where}: layer {i} (fade) behind = {behind!r}; name a text layer of this template, e.g. "quote"').format(where=where, i=i, behind=behind)
            )
    return Template(
        name=str(raw.get("name") or Path(where).stem),
        description=str(raw.get("description", "")),
        background=str(canvas.get("background", "background")),
        layers=layers,
        path=where,
    )
