"""A workspace: a folder with contentkit.toml, a data folder and a media folder.

It is found like git finds `.git`: `--workspace`, then `CONTENTKIT_WORKSPACE`,
then walking up from the current folder. `Workspace` is the door to every
part of the library; each part lives in its own module and is reached from here.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import Config, Handles, load_config, write_config, LANGUAGES
from .dates import check_timezone
from .errors import InputError, WorkspaceError
from .store import Store
from .vocab import SECTORS, check_choice

if TYPE_CHECKING:
    from .calendar.campaign_book import CampaignBook
    from .calendar.live import LiveBook
    from .calendar.promos import PromoBook
    from .calendar.ideas import IdeaBook, SeriesBook
    from .calendar.posts import PostBook
    from .calendar.planner import PlanResult
    from .calendar.strategy import Strategy
    from .graphics.reviews import ReviewBook
    from .ugc.consent import ConsentLedger
    from .ugc.manager import UGCManager
    from .views.report_data import Report

__all__ = ["Workspace", "CONFIG_NAME", "ENV_VAR"]

CONFIG_NAME = "contentkit.toml"
ENV_VAR = "CONTENTKIT_WORKSPACE"
DB_NAME = "data/contentkit.db"


class Workspace:
    """An open workspace.

    >>> ws = Workspace.init("toko", brand="Dapur Bu Sari", sector="kuliner")   # doctest: +SKIP
    >>> ws.ideas.add("Cerita resep nenek", pillar="storytelling", format="reel")  # doctest: +SKIP
    >>> result = ws.plan(week="2026-W49")                                    # doctest: +SKIP
    """

    def __init__(self, root: Path, config: Config) -> None:
        self.root = root
        self.config = config
        self.store = Store(root / DB_NAME)

    # -- creating and finding ----------------------------------------------
    @classmethod
    def init(
        cls,
        path: str | os.PathLike[str],
        *,
        brand: str,
        sector: str = "umum",
        timezone: str = "Asia/Jakarta",
        language: str = "id",
        handles: Handles | None = None,
        force: bool = False,
    ) -> Workspace:
        """Create a workspace in `path` (made if missing); refuses to overwrite one unless `force`."""
        root = Path(path).expanduser().resolve()
        if not brand.strip():
            raise WorkspaceError("the brand name is empty; give it with --brand \"Your Shop\"")
        config = Config(
            brand=brand.strip(),
            sector=check_choice("sector", sector, SECTORS),
            timezone=check_timezone(timezone),
            language=check_choice("language", language, LANGUAGES),
            handles=handles or Handles(),
        )
        config = replace(config, hashtags=[_slug(brand)], consent_hashtag=config.approval_hashtag)
        if root.exists() and not root.is_dir():
            raise WorkspaceError(f"{root} is a file, not a folder; choose another path")
        if (root / CONFIG_NAME).exists() and not force:
            raise WorkspaceError(
                f"{root} is already a contentkit workspace; use --force to overwrite its settings (the data is kept)"
            )
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / config.media_folder).mkdir(exist_ok=True)
            write_config(root / CONFIG_NAME, config)
        except OSError as exc:
            raise WorkspaceError(f"cannot create a workspace in {root}: {exc.strerror}; choose a folder you can write") from None
        ws = cls(root, config)
        if not ws.store.path.exists():
            ws.store.create()
        return ws

    @staticmethod
    def find(path: str | os.PathLike[str] | None = None) -> Path:
        """The workspace folder: `path`, else $CONTENTKIT_WORKSPACE, else walking up from here."""
        if path is None:
            path = os.environ.get(ENV_VAR) or None
            given = False
        else:
            given = True
        if path is not None:
            root = Path(path).expanduser().resolve()
            if (root / CONFIG_NAME).is_file():
                return root
            where = "--workspace" if given else ENV_VAR
            raise WorkspaceError(
                f"{root} (from {where}) is not a contentkit workspace; create one with `contentkit init {root} --brand NAME`"
            )
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                return folder
        raise WorkspaceError(
            "not inside a contentkit workspace; create one with `contentkit init DIR --brand \"Your Shop\"`, "
            "or point to one with --workspace DIR"
        )

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Workspace:
        """Open the workspace at `path`, or find it (see `find`)."""
        root = cls.find(path)
        return cls(root, load_config(root / CONFIG_NAME))

    # -- settings ----------------------------------------------------------
    @property
    def tz(self) -> str:
        return self.config.timezone

    @property
    def language(self) -> str:
        return self.config.language

    @property
    def media_dir(self) -> Path:
        return self.root / self.config.media_folder

    @property
    def state_dir(self) -> Path:
        """Where resumable collection state and other working files live."""
        return self.root / "data"

    def check_output(self, path: str | os.PathLike[str]) -> Path:
        """`path`, unless it is one of the workspace's own files (its data folder, contentkit.toml
        or the store's backup): no `-o` may write over the user's data, whatever the extension.

        >>> ws.check_output("rencana.ics")          # doctest: +SKIP
        PosixPath('rencana.ics')
        """
        target = Path(path).expanduser()
        resolved = target.resolve()
        own_files = (self.root / CONFIG_NAME).resolve(), (self.root / DB_NAME).resolve()
        data_dir = self.state_dir.resolve()
        if resolved in own_files or resolved == data_dir or data_dir in resolved.parents:
            raise InputError(
                f"{target} is one of the workspace's own files ({CONFIG_NAME} or the data folder); "
                "write to another file, e.g. outside data/"
            )
        return target

    @cached_property
    def strategy(self) -> Strategy:
        from .calendar.strategy import load_strategy

        return load_strategy(self.config.strategy_name, base=self.root)

    # -- the parts ---------------------------------------------------------
    @cached_property
    def ideas(self) -> IdeaBook:
        from .calendar.ideas import IdeaBook

        return IdeaBook(self)

    @cached_property
    def series(self) -> SeriesBook:
        from .calendar.ideas import SeriesBook

        return SeriesBook(self)

    @cached_property
    def post_book(self) -> PostBook:
        from .calendar.posts import PostBook

        return PostBook(self)

    def posts(self, **filters: Any) -> list[Any]:
        """Posts matching filters (`start`, `end`, `status`, `channel`), in time order."""
        return self.post_book.list(**filters)

    def plan(self, **options: Any) -> PlanResult:
        """Plan weeks: see `contentkit.calendar.planner.plan` for the options."""
        from .calendar.planner import plan

        return plan(self, **options)

    def calendar_html(self, **options: Any) -> str:
        """The HTML calendar page: see `contentkit.views.calendar_page.calendar_html` for the options."""
        from .views.calendar_page import calendar_html

        return calendar_html(self, **options)

    def report(self, **options: Any) -> Report:
        """The figures of recent weeks (`weeks=4`, `end=None`): see `contentkit.views.report_data.build_report`."""
        from .views.report_data import build_report

        return build_report(self, **options)

    @cached_property
    def campaigns(self) -> CampaignBook:
        from .calendar.campaign_book import CampaignBook

        return CampaignBook(self)

    @cached_property
    def lives(self) -> LiveBook:
        from .calendar.live import LiveBook

        return LiveBook(self)

    @cached_property
    def promos(self) -> PromoBook:
        from .calendar.promos import PromoBook

        return PromoBook(self)

    @cached_property
    def ugc(self) -> UGCManager:
        from .ugc.manager import UGCManager

        return UGCManager(self)

    @cached_property
    def consent(self) -> ConsentLedger:
        from .ugc.consent import ConsentLedger

        return ConsentLedger(self)

    @cached_property
    def reviews(self) -> ReviewBook:
        from .graphics.reviews import ReviewBook

        return ReviewBook(self)


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())
