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

from .i18n import _
from .config import add_brand_key, Config, Handles, load_config, write_config, LANGUAGES
from .dates import check_timezone
from .errors import ContentkitError, InputError, WorkspaceError, os_reason
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
    from .graphics.review_requests import ReviewRequests
    from .ugc.consent_ledger import ConsentLedger
    from .ugc.manager import UGCManager
    from .views.report_data import Report

__all__ = ["Workspace", "CONFIG_NAME", "ENV_VAR", "check_output_path"]

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
        self.store = Store(root / DB_NAME, must_exist=True)
        self.store.checks.append(self._check_consent)

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
            raise WorkspaceError(_('the brand name is empty; give it with --brand "Your Shop"'))
        config = Config(
            brand=brand.strip(),
            sector=check_choice("sector", sector, SECTORS),
            timezone=check_timezone(timezone),
            language=check_choice("language", language, LANGUAGES),
            handles=handles or Handles(),
            workspace_id=_new_workspace_id(),
        )
        config = replace(config, hashtags=[_slug(brand)], consent_hashtag=config.approval_hashtag)
        if root.exists() and not root.is_dir():
            raise WorkspaceError(_("{root} is a file, not a folder; choose another path").format(root=root))
        if (root / CONFIG_NAME).exists() and not force:
            raise WorkspaceError(
                _("{root} is already a contentkit workspace; use --force to overwrite its settings (the data is kept)").format(root=root)
            )
        if (root / CONFIG_NAME).exists():
            # --force rewrites the settings but keeps the id, or every calendar event would duplicate.
            try:
                kept = load_config(root / CONFIG_NAME).workspace_id
            except ContentkitError:
                kept = ""
            if kept:
                config = replace(config, workspace_id=kept)
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / config.media_folder).mkdir(exist_ok=True)
            write_config(root / CONFIG_NAME, config)
        except OSError as exc:
            raise WorkspaceError(_("cannot create a workspace in {root}: {strerror}; choose a folder you can write").format(root=root, strerror=os_reason(exc))) from None
        ws = cls(root, config)
        # A backup without its store is a deleted store: leave it for `doctor --restore`, never bury it.
        if not ws.store.path.exists() and not ws.store.backup_path.exists():
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
                _("{root} (from {where}) is not a contentkit workspace; create one with `contentkit init {root} --brand NAME`").format(root=root, where=where)
            )
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / CONFIG_NAME).is_file():
                return folder
        raise WorkspaceError(
            _('not inside a contentkit workspace; create one with `contentkit init DIR --brand "Your Shop"`, or point to one with --workspace DIR')
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
    def workspace_id(self) -> str:
        """The workspace's stable id (calendar UIDs use it), written to contentkit.toml on first use.

        New workspaces get a random one at init. A workspace made before the id existed gets
        the slug its UIDs were already built from (the brand), so calendars keep their events;
        from then on it is stored and a brand rename changes nothing.
        """
        if not self.config.workspace_id:
            made = _slug(self.config.brand) or _new_workspace_id()
            self.config = replace(self.config, workspace_id=made)
            add_brand_key(self.root / CONFIG_NAME, "workspace_id", made)  # the user's other lines stay as they are
        return self.config.workspace_id

    @property
    def media_dir(self) -> Path:
        return self.root / self.config.media_folder

    @property
    def state_dir(self) -> Path:
        """Where resumable collection state and other working files live."""
        return self.root / "data"

    def _check_consent(self, tx: Any) -> None:
        # Every write passes the consent gate: a post that uses customer content cannot be
        # created, moved or revived without a current grant, whichever route saves it.
        if any(table == "posts" for table, _ in tx.originals):
            self.consent.gate(tx).check_changes(tx)

    def check_output(self, path: str | os.PathLike[str]) -> Path:
        """`path`, unless it is one of the workspace's own files (its data folder, contentkit.toml
        or the store's backup): no `-o` may write over the user's data, whatever the extension.

        >>> ws.check_output("rencana.ics")          # doctest: +SKIP
        PosixPath('rencana.ics')
        """
        target = check_output_path(path)
        _refuse_own_files(self.root, target)
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
        from .ugc.consent_ledger import ConsentLedger

        return ConsentLedger(self)

    @cached_property
    def reviews(self) -> ReviewBook:
        from .graphics.reviews import ReviewBook

        return ReviewBook(self)

    @cached_property
    def review_requests(self) -> ReviewRequests:
        from .graphics.review_requests import ReviewRequests

        return ReviewRequests(self)


def _new_workspace_id() -> str:
    import secrets

    return secrets.token_hex(8)
def check_output_path(path: str | os.PathLike[str]) -> Path:
    """`path`, unless it is one of the own files of the workspace it lies in (if any).

    For commands that write a user-given path without a workspace open
    (`testimonial quick`, `testimonial sheet`): the workspace is found from the
    path itself, the way `find` walks up from a folder.

    >>> check_output_path("toko/data/contentkit.db")     # doctest: +SKIP
    Traceback (most recent call last):
    ...
    contentkit.errors.InputError: toko/data/contentkit.db is one of the workspace's own files ...
    """
    target = Path(path).expanduser()
    resolved = target.resolve()
    for folder in resolved.parents:
        if (folder / CONFIG_NAME).is_file():
            _refuse_own_files(folder, target)
    return target


def _refuse_own_files(root: Path, target: Path) -> None:
    resolved = target.resolve()
    data_dir = (root / "data").resolve()
    if resolved == (root / CONFIG_NAME).resolve() or resolved == data_dir or data_dir in resolved.parents:
        raise InputError(
            _("{target} is one of the workspace's own files ({config}, or the data folder with the store "
              "and its backup); write to another file, e.g. outside data/").format(target=target, config=CONFIG_NAME)
        )


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())
