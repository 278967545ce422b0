"""The brand kit a testimonial is drawn with: colours, fonts, logo, names.

`Brand` is a small picklable dataclass (batch renders send it to worker
processes). `Brand.from_config` reads a workspace's `[brand_kit]`; `resolved()`
checks it and fills the defaults: Lato (the `font-lato` package) and the
system's colour emoji font.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from ..config import BrandKit
from ..errors import ConfigError, InputError
from .emoji import find_emoji_font
from .glyphs import check_font_file

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["Brand", "lato"]

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_NAMED = {"white": "#FFFFFF", "black": "#000000", "transparent": "#00000000"}


def lato(style: str) -> str:
    """Path of a bundled Lato face: "Lato", "LatoBold", "LatoItalic", "LatoBlack"..."""
    import font_lato

    return str(font_lato.font_files[style])


_KIT = BrandKit()


@dataclass(frozen=True)
class Brand:
    """How testimonials look: `Brand(primary="#0F766E", shop_name="Dapur Bu Sari")`."""

    # Colour defaults are the workspace brand kit's, so a script and a workspace look alike.
    primary: str = _KIT.primary
    secondary: str = _KIT.secondary
    background: str = _KIT.background
    text: str = _KIT.text
    logo: str = ""
    font_regular: str = ""
    font_bold: str = ""
    font_italic: str = ""
    font_heavy: str = ""  # big quote marks and the minimal template's quote
    emoji_font: str = ""  # a path, "" = the system's colour emoji font, "none" = drop emoji
    shop_name: str = ""
    handle: str = ""
    footer: str = ""
    language: str = "id"

    @classmethod
    def from_config(cls, config: Config, root: str | os.PathLike[str] = ".") -> Brand:
        """The workspace's brand kit, paths made absolute from the workspace `root`."""
        kit = config.brand_kit
        base = Path(root)

        def where(p: str) -> str:
            return str((base / p).expanduser()) if p and p.lower() != "none" else p

        h = config.handles
        handle = h.instagram or h.tiktok or h.shopee or h.tokopedia
        return cls(
            primary=kit.primary,
            secondary=kit.secondary,
            background=kit.background,
            text=kit.text,
            logo=where(kit.logo),
            font_regular=where(kit.font_regular),
            font_bold=where(kit.font_bold),
            font_italic=where(kit.font_italic),
            emoji_font=where(kit.emoji_font),
            shop_name=config.brand,
            handle=("@" + handle.lstrip("@")) if handle and not handle.startswith("http") else "",
            footer=kit.footer,
            language=config.language,
        )

    def resolved(self) -> Brand:
        """A copy with every colour checked and every font a real file (defaults filled in).

        Raises ConfigError naming the `[brand_kit]` key that is wrong.
        """
        for role in ("primary", "secondary", "background", "text"):
            value = getattr(self, role)
            if not _HEX.match(value.strip()):
                raise ConfigError(_('[brand_kit] {role} = {value!r} is not a colour; write it as #RRGGBB, e.g. "#C0392B"').format(role=role, value=value))
        if self.logo:
            from .photos import check_image_file

            try:
                check_image_file(self.logo, "logo")
            except InputError as exc:
                raise ConfigError(f"[brand_kit] {exc}") from None
        fonts = {
            "font_regular": self.font_regular or lato("Lato"),
            "font_bold": self.font_bold or lato("LatoBold"),
            "font_italic": self.font_italic or (self.font_regular if self.font_regular else lato("LatoItalic")),
            "font_heavy": self.font_heavy or (self.font_bold if self.font_bold else lato("LatoBlack")),
        }
        for role, path in fonts.items():
            check_font_file(path, role)
        emoji = self.emoji_font
        if emoji and emoji.lower() != "none":
            check_font_file(emoji, "emoji_font")
        return dataclasses.replace(self, **fonts, emoji_font=find_emoji_font(emoji) or "none")

    @property
    def emoji_path(self) -> str | None:
        return None if not self.emoji_font or self.emoji_font == "none" else self.emoji_font

    def color(self, value: str) -> str:
        """A template colour: a brand role ("primary", "text"...), a name, or #RRGGBB[AA]."""
        value = value.strip()
        if value in ("primary", "secondary", "background", "text"):
            return str(getattr(self, value)).strip()
        if value in _NAMED:
            return _NAMED[value]
        if _HEX.match(value):
            return value
        raise ConfigError(
            _("colour {value!r} in a testimonial template is not valid; use primary, secondary, background, text, white, black or #RRGGBB").format(value=value)
        )

    def font(self, role: str) -> str:
        """The font file for a text style: regular, bold, italic or heavy (after `resolved()`)."""
        return str(getattr(self, f"font_{role}"))
