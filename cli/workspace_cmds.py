"""`contentkit init`: create a workspace."""

from __future__ import annotations

import click

from contentkit.i18n import _

from .common import LANGUAGE, SECTOR, say


@click.command()
@click.argument("directory", type=click.Path(file_okay=False))
@click.option("--brand", required=True, help="The shop's name, e.g. \"Dapur Bu Sari\".")
@click.option("--sector", type=SECTOR, default="umum", show_default=True, help="kuliner, fesyen, rumah-tangga or umum: picks the strategy.")
@click.option("--timezone", default="Asia/Jakarta", show_default=True, help="IANA timezone of the shop.")
@click.option("--lang", "language", type=LANGUAGE, default="id", show_default=True, help="id or en: captions, messages, pages.")
@click.option("--instagram", default="", help="Instagram handle, without @.")
@click.option("--tiktok", default="", help="TikTok handle, without @.")
@click.option("--whatsapp", default="", help="WhatsApp Business number, e.g. 6281234567890.")
@click.option("--shopee", default="", help="Shopee shop URL.")
@click.option("--tokopedia", default="", help="Tokopedia shop URL.")
@click.option("--demo", is_flag=True, help="Also add a few sample ideas, a series and reviews to try things out.")
@click.option("--force", is_flag=True, help="Overwrite the settings of an existing workspace (its data is kept).")
def init(directory: str, brand: str, sector: str, timezone: str, language: str, instagram: str, tiktok: str,
         whatsapp: str, shopee: str, tokopedia: str, demo: bool, force: bool) -> None:
    """Create a workspace in DIRECTORY: contentkit.toml and an empty store.

    \b
    Example:
        contentkit init toko --brand "Dapur Bu Sari" --sector kuliner --instagram dapurbusari
    """
    from contentkit.config import Handles
    from contentkit.workspace import Workspace

    handles = Handles(
        instagram=instagram.lstrip("@"), tiktok=tiktok.lstrip("@"), whatsapp=whatsapp, shopee=shopee, tokopedia=tokopedia
    )
    ws = Workspace.init(directory, brand=brand, sector=sector, timezone=timezone, language=language,
                        handles=handles, force=force)
    from contentkit import i18n

    i18n.set_language(ws.language, source="workspace")
    say(_("Created workspace for {brand} in {path}").format(brand=ws.config.brand, path=ws.root))
    if demo:
        from contentkit.demo import seed_demo

        click.echo(seed_demo(ws))
    say(_("Next: {command}").format(command=f"cd {directory} && contentkit plan"))
