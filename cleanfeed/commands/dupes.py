"""`cleanfeed dupes [FEED] [--split ID]`: audit story groups (reprints merged into one feed item).

Lists every story of more than one article, at the feed's `dedupe_threshold` (or the default), with
each member's similarity to the article it joined; `--split ID` takes an article out of its story for
good (the pair blocks are kept in the store) and rewrites the feeds. `explain_lines` serves `add --explain`.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleanfeed.commands.common import open_project, store_error
from cleanfeed.errors import StoreError, UsageError
from cleanfeed.publish.output import publish
from cleanfeed.rules.project import Project
from cleanfeed.store.db import Store
from cleanfeed.store.ingest import Ingested


def register(sub: Any) -> None:
    p = sub.add_parser(
        "dupes",
        description="Reprints of one article (the same clean body, maybe trimmed or lightly edited) are one "
                    "story and one feed item. This lists every story of more than one article with each "
                    "member's similarity (share of the smaller body's word or character runs found in the "
                    "other) to the article it joined. The story id is the member stored first.",
        epilog="Exit codes: 0 done; 1 --split: the article is unknown or in no story; 2 usage or configuration "
               "error. Examples: cleanfeed dupes recycled-metals-en; cleanfeed dupes --split t1a2b3c4d5e6f7a8b")
    p.add_argument("feed", nargs="?", metavar="FEED", help="feed slug: its threshold and its articles (default: all)")
    p.add_argument("--split", metavar="ID", help="take this article (id, URL or entry id) out of its story, for good")
    p.add_argument("--json", action="store_true", help="one JSON object per story on stdout")
    p.add_argument("--index", action="store_true",
                   help="first index the stored articles that have no fingerprint yet (a store made by an older "
                        "cleanfeed), oldest first, and rewrite the feeds")
    p.add_argument("--out", type=Path, metavar="DIR", help="output folder for --split, --index (default: public/)")
    p.set_defaults(run=run)


def thresholds(project: Project, feed: str | None) -> tuple[float, str | None]:
    """The threshold to read stories at: the feed's, else the lowest of all feeds (the widest stories)."""
    from cleanfeed.store.stories import DEFAULT_THRESHOLD, feed_threshold

    if feed is not None:
        spec = project.feed(feed)
        if spec is None:
            raise UsageError(f"no feed {feed!r} (known: {', '.join(f.slug for f in project.feeds) or 'none'})")
        return feed_threshold(spec), spec.slug
    return min((feed_threshold(f) for f in project.feeds), default=DEFAULT_THRESHOLD), None


def _label(store: Store, article_id: str) -> str:
    row = store.conn.execute("SELECT url, article, removed FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return "(not stored)"
    title = json.loads(row[1]).get("title", "") if row[1] else ""
    return f"{row[0] or '(no URL)'}  {title}" + ("  [removed]" if row[2] else "")


def run(args: argparse.Namespace) -> int:
    from cleanfeed.store.stories import Stories, index_missing, split

    project = open_project(args, need_feeds=False)
    threshold, slug = thresholds(project, args.feed)
    try:
        with Store.open(project.store_path) as store:
            if args.split:
                article_id = store.resolve(args.split)
                with store.transaction():
                    story = split(store.conn, article_id, threshold) if article_id else None
                if story is None:
                    print(f"cleanfeed: {args.split}: " + ("no stored article with this id" if article_id is None
                                                          else "not in a story of more than one article"),
                          file=sys.stderr)
                    return 1
                if not args.quiet:
                    print(f"split {article_id} from story {story.id} ({len(story.members) - 1} other articles)",
                          file=sys.stderr)
                if project.feeds:
                    publish(project, args.out, store=store)
                return 0
            if args.index:
                with store.transaction():
                    count = index_missing(store.conn)
                if not args.quiet:
                    print(f"indexed {count} articles", file=sys.stderr)
                if count and project.feeds:
                    publish(project, args.out, store=store)
            groups = Stories(store.conn, threshold).all_groups()
            if slug is not None:
                groups = [g for g in groups if _in_feed(store, project, slug, [m.id for m in g.members])]
            for group in groups:
                print(_format(store, group, args.json))
    except StoreError as exc:
        return store_error(exc)
    if not args.quiet:
        print(f"{len(groups)} stories of several articles at threshold {threshold:g}", file=sys.stderr)
    return 0


def _in_feed(store: Store, project: Project, slug: str, ids: Sequence[str]) -> bool:
    from cleanfeed.publish.items import keeps
    from cleanfeed.publish.stories import in_feed, member_rows

    spec = project.feed(slug)
    assert spec is not None
    return any(in_feed(spec, row, lambda a: keeps(spec, a)) for row in member_rows(store, ids).values())


def _format(store: Store, group: Any, as_json: bool) -> str:
    if as_json:
        return json.dumps({"story": group.id, "members": [
            {"id": m.id, "joined": m.parent, "similarity": m.similarity} for m in group.members]}, ensure_ascii=False)
    lines = [f"story {group.id}  {len(group.members)} articles, lowest similarity "
             f"{min(m.similarity for m in group.members if m.similarity is not None):.2f}"]
    for m in group.members:
        how = "first" if m.parent is None else f"{m.similarity:.2f} to {m.parent}"
        lines.append(f"  {m.id:<20} {how:<28} {_label(store, m.id)}")
    return "\n".join(lines)


def explain_lines(project: Project, results: Sequence[Ingested]) -> list[str]:
    """For `add --explain`: which story each new or changed page joined, per feed threshold."""
    from cleanfeed.store.stories import DEFAULT_THRESHOLD, Stories, feed_threshold

    levels = sorted({feed_threshold(f) for f in project.feeds} or {DEFAULT_THRESHOLD})
    out = []
    with Store.open(project.store_path) as store:
        for result in results:
            if result.status not in ("new", "changed"):
                out.append(f"{result.source}: {result.id} {result.status}: no story change")
                continue
            for level in levels:
                story = Stories(store.conn, level).story(result.id)
                me = next(m for m in story.members if m.id == result.id)
                at = f" (threshold {level:g})" if len(levels) > 1 else ""
                if me.parent is None:
                    others = f" ({len(story.members)} articles)" if len(story.members) > 1 else ""
                    out.append(f"{result.source}: {result.id} {result.status}: first of its own story{others}{at}")
                else:
                    out.append(f"{result.source}: {result.id} {result.status}: joined story {story.id}{at}, "
                               f"similarity {me.similarity:.2f} to {me.parent}: {_label(store, me.parent or '')}")
    return out


__all__ = ["explain_lines", "register", "run"]
