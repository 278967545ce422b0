"""Planning one week: slot times, kept posts, series, pillars, content, captions.

`WeekPlanner` lives for one planning run: it holds the transaction, the
content picker and the records it changes, and writes them all at the end
with one `save_many` (one file write per command).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

import pendulum

from ..formatting import format_day
from ..i18n import _, get_language, translator
from ..records import Idea, Post, Review, Series
from ..store import Transaction
from ..vocab import WEEKDAYS
from ..channels import channel as registry_channel
from .captions import call_to_action, fit_caption, pick_hashtags, write_caption
from .limits import fits_channel, post_text
from .content import ContentPicker, Pick, series_title, tag_fits
from .events import events_between, is_public_holiday, sale_event
from .mix import SlotChoice, allocate, assign
from .strategy import Slot, Strategy

if TYPE_CHECKING:
    from ..ugc.consent import ConsentGate
    from ..workspace import Workspace

__all__ = ["WeekPlanner", "WeekOutcome", "slot_times"]

_PROMO_KINDS = ("flash_sale", "free_shipping")
_RAMADAN_PILLARS = ("storytelling", "entertainment", "education")


@dataclass
class WeekOutcome:
    posts: list[Post]
    added: int
    replaced: int
    carry: dict[str, float]
    events: list[Any]
    warnings: list[str] = field(default_factory=list)
    todos: list[str] = field(default_factory=list)  # for the seller, from campaign steps (register for 12.12)


def slot_times(monday: date, slots: list[Slot], tz: str) -> list[tuple[int, Slot, pendulum.DateTime]]:
    """Each slot's concrete time in `tz` for the ISO week starting `monday`, in time order.

    pendulum resolves DST gaps and folds, so a 02:30 slot on a spring-forward
    day becomes a real instant instead of a time that never happens.
    """
    out = []
    for i, slot in enumerate(slots):
        day = pendulum.Date(monday.year, monday.month, monday.day).add(days=slot.weekday)
        h, m = slot.hour_minute
        out.append((i, slot, pendulum.datetime(day.year, day.month, day.day, h, m, tz=tz)))
    out.sort(key=lambda t: (t[2], t[0]))
    return out


class WeekPlanner:
    """Plans weeks one after another inside one transaction."""

    def __init__(
        self, ws: Workspace, tx: Transaction, strategy: Strategy, picker: ContentPicker,
        rows: list[dict[str, Any]], *, dry_run: bool,
    ) -> None:
        self.ws = ws
        self.tx = tx
        self.strategy = strategy
        self.picker = picker
        self.dry_run = dry_run
        self.lang = ws.language
        self.brand = ws.config.brand
        self.overrides = ws.config.limits
        self.series = tx.all(Series)
        self.slot_ids = strategy.slot_ids()
        # slot key -> kept post rows; series id -> placed episodes
        self.by_slot: dict[str, list[dict[str, Any]]] = {}
        self.placed: dict[str, set[int]] = {}
        for row in rows:
            if row.get("slot"):
                self.by_slot.setdefault(row["slot"], []).append(row)
            if row.get("series_id") and row.get("status") != "skipped":
                self.placed.setdefault(row["series_id"], set()).add(int(row["episode"]))
        self.new_posts: list[Post] = []
        self.used_ugc: set[str] = set()
        self.used_reviews: set[str] = set()
        self._reviews: list[Review] | None = None
        self._idea_links: list[tuple[Idea, Post]] = []
        self._review_links: list[tuple[Review, Post]] = []
        self._ramadan_weeks: set[str] = set()
        from .season import Season

        self.season = Season(self)  # campaigns, lives, greetings, promos

    # -- the week -------------------------------------------------------------
    def plan_week(
        self, monday: date, *, replan: bool, history: list[dict[str, float]], not_before: date | None = None
    ) -> WeekOutcome:
        """Plan the ISO week starting `monday`; `history` holds the mix deficits of the weeks before."""
        from ..dates import week_label

        label = week_label(monday)
        times, season_notes = self.season.adjust_times(slot_times(monday, self.strategy.slots, self.ws.tz))
        kept: list[Post] = []
        free: list[tuple[int, Slot, pendulum.DateTime]] = []
        replaced = 0
        for index, slot, at in times:
            key = self._key(label, index)
            rows = self.by_slot.get(key, [])
            keep = [r for r in rows if not (replan and _redrawable(r))]
            for r in rows:
                if r not in keep:
                    self._remove(r)
                    replaced += 1
            self.by_slot[key] = keep
            if not keep and not_before is not None and at.date() < not_before:
                continue  # `plan --start` on a Wednesday leaves that week's Monday and Tuesday alone
            if keep:
                kept.extend(Post.from_dict(r) for r in keep if r.get("status") != "skipped")
                if any(r.get("status") != "skipped" for r in keep) or not replan:
                    continue
            free.append((index, slot, at))

        week_events = events_between(monday, pendulum.Date(monday.year, monday.month, monday.day).add(days=6))
        warnings: list[str] = list(season_notes)
        new: list[Post] = []

        # Series episodes take their slots first: one episode per series per week.
        for series in self.series:
            if not free:
                break
            post = self._place_series(series, label, monday, free, kept, not_before)
            if post is not None:
                new.append(post)

        fixed = Counter(p.pillar for p in [*kept, *new])
        counts, carry = allocate(self.strategy.mix, history, fixed, len(kept) + len(new) + len(free))
        remaining = {p: n - fixed.get(p, 0) for p, n in counts.items() if n - fixed.get(p, 0) > 0}
        choices = [
            SlotChoice(i, slot.format, sale_event(at.date()) is not None,
                       is_public_holiday(at.date()) or self.season.closed(at.date()),
                       self.picker.idea_pillars(slot.format, slot.channel))
            for i, slot, at in free
        ]
        pillars = assign(choices, remaining)
        greeted: set[date] = {
            pendulum.instance(p.at).in_timezone(self.ws.tz).date()
            for p in kept if p.prompt_key and p.prompt_key.startswith("greeting")
        }
        for index, slot, at in free:
            pillar = pillars.get(index)
            if pillar is None:
                continue
            post, well_filled = self._fill(label, index, slot, at, pillar, greeted)
            if not well_filled:
                warnings.append(
                    _("{value} {channel} {pillar}: every prompt was used in the last 8 weeks; add ideas with `contentkit idea add TEXT --pillar {pillar} --format {format}`").format(value=f"{format_day(at.date(), get_language())} {at.format('HH:mm')}", channel=slot.channel, pillar=pillar, format=slot.format)
                )
            new.append(post)

        warnings.extend(self.season.take_notes())
        # Campaign steps and live sessions come on top of the strategy's slots and its mix.
        season_kept, season_new, todos, redrawn = self.season.week_items(label, monday, replan=replan, not_before=not_before)
        replaced += redrawn
        kept.extend(season_kept)
        new.extend(season_new)
        self.new_posts.extend(new)
        posts = sorted([*kept, *new], key=lambda p: (pendulum.instance(p.at), p.slot or ""))
        return WeekOutcome(posts, len(new), replaced, carry, week_events, warnings, todos)

    # -- slots ----------------------------------------------------------------
    def _key(self, label: str, index: int) -> str:
        """`2026-W50#wed-19:30-instagram-reel`: which slot of which week a post fills."""
        return f"{label}#{self.slot_ids[index]}"

    def _remove(self, row: dict[str, Any]) -> None:
        """Drop a redrawn draft and give back what it used, so this run can use it again.

        The changes go into the transaction at once (in memory; written once at the end,
        never for a dry run), so customer content and reviews it used are free again.
        """
        self.tx.delete(Post, row["id"])
        if row.get("idea_id"):
            idea = self.tx.get(Idea, row["idea_id"])
            idea.used_by = None
            self.tx.save(idea)
            self.picker.release_idea(idea)
        if row.get("review_id"):
            review = self.tx.get(Review, row["review_id"])
            review.post_id = None
            self.tx.save(review)
            if self._reviews is not None:
                self._reviews.append(review)
                self._reviews.sort(key=lambda r: int(r.id[1:]))
        if row.get("series_id") and row.get("episode"):
            self.placed.get(row["series_id"], set()).discard(int(row["episode"]))
        for key in (row.get("prompt_key"), row.get("body_key")):
            if key:
                self.picker.forget_prompt_use(key, datetime.fromisoformat(row["at"]).date())
        if row.get("persona"):
            self.picker.forget_persona(row["persona"])

    def _place_series(
        self, series: Series, label: str, monday: date, free: list[tuple[int, Slot, pendulum.DateTime]], kept: list[Post],
        not_before: date | None = None,
    ) -> Post | None:
        start = series.start or (series.created_at.date() if series.created_at else monday)
        if pendulum.Date(start.year, start.month, start.day).start_of("week") > monday:
            return None
        if any(p.series_id == series.id for p in kept):
            return None  # this week already has its episode
        done = self.placed.setdefault(series.id, set())
        todo = [k for k in range(1, len(series.episodes) + 1) if k not in done]
        if not todo:
            return None
        episode = todo[0]

        def fit(entry: tuple[int, Slot, pendulum.DateTime]) -> tuple[int, int, int, int]:
            _, slot, at = entry
            return (
                slot.format == series.format,
                series.every is not None and slot.day == series.every,
                series.channel is None or slot.channel == series.channel,
                -at.int_timestamp,
            )

        best = max(free, key=fit)
        index, slot, at = best
        if series.every is not None and slot.day != series.every:
            # `--every thu` is a promise: the episode moves to that day, at its slot's time and format.
            day = pendulum.Date(monday.year, monday.month, monday.day).add(days=WEEKDAYS.index(series.every))
            if day < start or (not_before is not None and day < not_before):
                return None
            at = pendulum.datetime(day.year, day.month, day.day, at.hour, at.minute, tz=self.ws.tz)
        free.remove(best)
        done.add(episode)
        text = series.episodes[episode - 1]
        title = series_title(series, episode)
        post = self._make_post(label, index, slot, at, series.pillar, Pick(title=title), body_title=f"{title}: {text}")
        post.series_id = series.id
        post.episode = episode
        return post

    def _fill(
        self, label: str, index: int, slot: Slot, at: pendulum.DateTime, pillar: str, greeted: set[date]
    ) -> tuple[Post, bool]:
        """The slot's post, and False when only a recently used prompt was left for it."""
        day = at.date()
        if day not in greeted:
            pick = self.season.greeting(day)
            if pick is not None:
                greeted.add(day)
                return self._make_post(label, index, slot, at, pillar, pick), True
        if pillar in _RAMADAN_PILLARS and label not in self._ramadan_weeks and tag_fits("ramadan", day):
            self._ramadan_weeks.add(label)  # one Ramadan post a week keeps the rest of the plan varied
            pick = self.picker.take_event_prompt("ramadan", self.ws.config.sector, day, {"brand": self.brand})
            if pick is not None:
                return self._make_post(label, index, slot, at, pillar, pick), True
        if pillar == "social_proof":
            post = self._social_proof(label, index, slot, at)
            if post is not None:
                return post, True
        if pillar == "promo":
            closed = self.season.closed_pick(day)  # no selling while the shop is closed for Lebaran
            if closed is not None:
                return self._make_post(label, index, slot, at, pillar, closed), True
            promo_post = self.season.promo_post(label, index, slot, at)
            if promo_post is not None:
                return promo_post, True
            sale = sale_event(day)
            if sale is not None:
                kind = "live_shopping" if slot.format == "live" else _PROMO_KINDS[(day.day + index) % 2]
                pick = self.picker.take_event_prompt(
                    "promo", kind, day, {"event": sale.label(self.lang), "brand": self.brand}
                )
                if pick is not None:
                    return self._make_post(label, index, slot, at, pillar, pick), True
        idea = self.picker.take_idea(pillar, slot.format, slot.channel)
        if idea is not None:
            return self._make_post(label, index, slot, at, pillar, Pick(title=idea.text, idea=idea)), True
        pick = self.season.seasonal_prompt(
            lambda k: self.picker.take_prompt(pillar, day, offset=index + k, channel=slot.channel, fmt=slot.format), day)
        return self._make_post(label, index, slot, at, pillar, pick), pick.well_filled

    def _social_proof(self, label: str, index: int, slot: Slot, at: pendulum.DateTime) -> Post | None:
        """Granted customer posts first, each in the format it was made in (a photo is no reel; the
        slot's format first), then reviews waiting for an image."""
        for item in self.ws.ugc.repost_candidates(slot.channel, at, snapshot=self.tx, exclude=self.used_ugc, fmt=slot.format):
            post: Post = self.ws.ugc.build_repost_post(item, at, slot.channel, snapshot=self.tx)
            if not fits_channel(slot.channel, post.format, post_text(post.caption, post.hashtags)):
                continue  # e.g. "📸 @rina di Instagram" on a marketplace, which names no other platform
            self.used_ugc.add(item.id)
            post.slot = self._key(label, index)
            post.source = "plan"
            post.persona = self.picker.take_persona(slot.channel)
            post.caption, post.hashtags = fit_caption(post.caption, post.hashtags, slot.channel, self.overrides)
            self._stamp(post)
            return post
        for review in self._waiting_reviews():
            if review.id in self.used_reviews or not self._gate.review(review, slot.channel, at):
                continue
            self.used_reviews.add(review.id)
            # A post title is content, so it is in the workspace language whatever the CLI speaks.
            words = translator(self.lang)
            who = review.name if review.show_name and review.name else words.gettext("Customer")
            title = words.gettext("What {who} says about {product}").format(who=who, product=review.product or self.brand)
            post = self._make_post(label, index, slot, at, "social_proof", Pick(title=title))
            post.review_id = review.id
            if not self.dry_run:
                asset = self.ws.reviews.render_for_post(review, slot.channel)
                post.assets = [asset]
                review.rendered = [*review.rendered, asset]
            self._review_links.append((review, post))
            return post
        return None

    @cached_property
    def _gate(self) -> ConsentGate:  # one per planning run: the ledger does not change while planning
        return self.ws.consent.gate(self.tx)

    def _waiting_reviews(self) -> list[Review]:
        if self._reviews is None:
            self._reviews = [Review.from_dict(r) for r in self.tx.rows(Review) if not r.get("post_id")]
        return self._reviews

    # -- posts ----------------------------------------------------------------
    def _make_post(
        self, label: str, index: int, slot: Slot, at: pendulum.DateTime, pillar: str, pick: Pick, body_title: str | None = None
    ) -> Post:
        cta = call_to_action(self.strategy, slot.channel, slot.format, self.lang)
        event = pick.event or ""
        day = at.date()
        body = None if pick.greeting or pick.own_copy else self.picker.take_body(pillar, day, slot.channel, slot.format, offset=index)
        caption = write_caption(
            title=body_title or pick.title, pillar=pillar, channel=slot.channel, lang=self.lang,
            brand=self.brand, cta=cta, variant=index + at.isocalendar()[1], event=event, greeting=pick.greeting,
            body=body[1] if body else None, fmt=slot.format,
        )
        # A greeting carries the brand's tags only, never the pillar's selling ones.
        tags = pick_hashtags(slot.channel, [] if pick.greeting else self.strategy.hashtags.get(pillar, []),
                             [*self.ws.config.hashtags, *self.strategy.hashtags.get("brand", [])], self.overrides)
        caption, tags = fit_caption(caption, tags, slot.channel, self.overrides,
                                    keep=registry_channel(slot.channel).opt_out(slot.format, self.lang))
        post = Post(
            at=at, channel=slot.channel, format=slot.format, pillar=pillar, title=pick.title,
            caption=caption, hashtags=tags, prompt_key=pick.prompt_key, event=pick.event,
            slot=self._key(label, index), source="plan",
            body_key=body[0] if body else None,
            persona=None if pick.greeting else self.picker.take_persona(slot.channel, pick.title),
        )
        if pick.idea is not None:
            post.idea_id = pick.idea.id
            self._idea_links.append((pick.idea, post))
        self._stamp(post)
        return post

    def _stamp(self, post: Post) -> None:
        now = pendulum.now(self.ws.tz)
        post.created_at = now
        post.updated_at = now

    def save(self) -> None:
        """Write every change of the run: one `save_many` per table, one file write."""
        if self.dry_run:
            return
        # Ids follow time order, so P12 comes before P13 on the calendar.
        self.new_posts.sort(key=lambda p: (pendulum.instance(p.at), p.slot or ""))
        self.tx.save_many(self.new_posts)
        for idea, post in self._idea_links:
            idea.used_by = post.id
        for review, post in self._review_links:
            review.post_id = post.id
        self.tx.save_many([idea for idea, _ in self._idea_links])
        self.tx.save_many([review for review, _ in self._review_links])

    def closing_notes(self) -> list[str]:
        """What the user could do next: items worth a consent request, reviews still waiting."""
        notes: list[str] = []
        worth = self.ws.ugc.worth_requesting(limit=5, snapshot=self.tx)
        if worth:
            ids = ", ".join(i.id for i in worth)
            notes.append(_("customer posts worth asking to repost: {ids}; ask with `contentkit ugc request ID`").format(ids=ids))
        waiting = [r for r in self._waiting_reviews() if r.id not in self.used_reviews]
        if waiting:
            notes.append(_("{n_waiting} review(s) wait for a social proof slot: {value}").format(
                n_waiting=len(waiting), value=", ".join(r.id for r in waiting[:8])))
        return notes


def _redrawable(row: dict[str, Any]) -> bool:
    """A draft the planner made and nobody touched: `--replan` may redraw it."""
    return row.get("status") == "draft" and not row.get("locked") and row.get("source", "plan") == "plan"
