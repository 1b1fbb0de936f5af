"""One crawl run over several sites: a shared Fetcher (host delays and robots.txt hold across sites),
a WARC archive per site, and every new article page cleaned and stored as it arrives.

A site that fails (unreachable start page, a bug) is reported and the next site runs. The store gets one
transaction per page, so a run killed halfway keeps what it fetched (and the archive holds it too).
"""
from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from cleanfeed.crawl.archive import WarcArchive
from cleanfeed.crawl.cache import CrawlCache
from cleanfeed.crawl.discover import CrawlStats, SiteCrawl
from cleanfeed.crawl.fetch import FetchConfig, Fetcher, HttpxTransport, Transport, user_agent
from cleanfeed.errors import CleanfeedError, ConfigError, CrawlLocked
from cleanfeed.rules.project import Project
from cleanfeed.rules.site import SiteRule
from cleanfeed.store.db import Store
from cleanfeed.store.ingest import IngestReport, ingest

log = logging.getLogger(__name__)
DEFAULT_FETCH = FetchConfig()           # frozen: one shared default is safe


@dataclass(frozen=True)
class SiteResult:
    site: str
    stats: CrawlStats
    report: IngestReport | None = None
    failure: str | None = None                  # what stopped the site early, if anything

    @property
    def new_articles(self) -> int:
        return self.report.count("new") if self.report else 0

    @property
    def warnings(self) -> list[str]:
        return list(self.stats.warnings)

    @property
    def errors(self) -> list[str]:
        """Each error as `url: reason` (fetch errors, then pages that held no article)."""
        out = [str(e) for e in self.stats.errors]
        out += [str(f) for f in (self.report.failures if self.report else ())]
        return out + ([self.failure] if self.failure else [])


@dataclass(frozen=True)
class CrawlReport:
    sites: tuple[SiteResult, ...] = field(default=())

    @property
    def fetches(self) -> int:
        return sum(s.stats.fetches for s in self.sites)

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(s.site, e) for s in self.sites for e in s.errors]

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """What went wrong without failing anything (a broken feed whose readable items were kept)."""
        return [(s.site, w) for s in self.sites for w in s.warnings]

    def summary(self) -> str:
        """`3 sites, 41 listing/article fetches, 6 new articles, 2 errors` (+ 304s, skips, feed items and
        later pages of multi-page articles when any)."""
        n = len(self.sites)
        line = (f"{n} site{'s' * (n != 1)}, {self.fetches} listing/article fetches, "
                f"{sum(s.new_articles for s in self.sites)} new articles, {len(self.errors)} errors")
        extra = [f"{v} {k}" for k, v in (
            ("not modified", sum(s.stats.not_modified for s in self.sites)),
            ("already stored", sum(s.stats.known for s in self.sites)),
            ("disallowed by robots.txt", sum(s.stats.disallowed for s in self.sites)),
            ("feed items", sum(s.stats.feed_items for s in self.sites)),
            ("off-host feed items skipped", sum(s.stats.off_host for s in self.sites)),
            ("later pages of articles", sum(s.stats.parts for s in self.sites))) if v]
        return line + (f" ({', '.join(extra)})" if extra else "")


def select_sites(names: Sequence[str], rules: Sequence[SiteRule]) -> list[SiteRule]:
    """The named site rules (all with a [crawl] section when none is named); ConfigError for a name
    that has no rule or cannot crawl."""
    if not names:
        return [r for r in rules if r.crawl is not None]
    chosen = []
    for name in dict.fromkeys(names):
        rule = next((r for r in rules if r.name == name), None)
        if rule is None:
            raise ConfigError(f"no site rule named {name!r} (cleaners/{name}.toml)")
        if rule.crawl is None:
            raise ConfigError(f"site rule {name!r} has no [crawl] section", source=rule.path)
        chosen.append(rule)
    return chosen


def contact_for(site: SiteRule, contact: str | None) -> str | None:
    """The command line's contact, else the site rule's, else $CLEANFEED_CONTACT."""
    return contact or (site.crawl.contact if site.crawl else None) or os.environ.get("CLEANFEED_CONTACT") or None


@contextmanager
def crawl_lock(project: Project) -> Iterator[None]:
    """One crawl per project at a time: a cron run that overlaps the previous one stops at once."""
    path = project.root / ".cleanfeed" / "crawl.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as handle:
        try:
            import fcntl
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:                  # not POSIX: no lock, as before
            pass
        except OSError:
            raise CrawlLocked("another crawl of this project is running", source=str(path)) from None
        yield


def crawl_project(project: Project, sites: Sequence[SiteRule], *, refresh: bool = False,
                  contact: str | None = None, config: FetchConfig = DEFAULT_FETCH,
                  transport: Transport | None = None, progress: bool | None = None,
                  archive_root: Path | None = None) -> CrawlReport:
    """Crawl `sites` in order, storing new articles in the project's store; never raises for one site."""
    archive_root = archive_root or project.root / "archive"
    results = []
    with ExitStack() as stack:
        stack.enter_context(crawl_lock(project))
        cache = stack.enter_context(CrawlCache(project.root / ".cleanfeed" / "http-cache.sqlite"))
        store = stack.enter_context(Store.open(project.store_path))
        fetcher = Fetcher(transport or HttpxTransport(config), config, cache=cache)
        stack.callback(fetcher.close)
        for site in sites:
            results.append(_crawl_one(project, site, fetcher, store, refresh=refresh, progress=progress,
                                      agent=user_agent(contact_for(site, contact)), archive_root=archive_root))
    return CrawlReport(tuple(results))


def known_in(store: Store, cache: CrawlCache | None) -> Callable[[str], bool]:
    """Whether an article link is stored: under its own URL or under the URL it redirected to last time."""
    def known(url: str) -> bool:
        target = cache.redirect_target(url) if cache else None
        return store.has_url(url) or (target is not None and store.has_url(target))
    return known


def _crawl_one(project: Project, site: SiteRule, fetcher: Fetcher, store: Store, *, refresh: bool,
               progress: bool | None, agent: str, archive_root: Path) -> SiteResult:
    if "+" not in agent:
        log.warning("%s: no contact URL for the User-Agent (set [crawl] contact, --contact or "
                    "$CLEANFEED_CONTACT) — sites may block anonymous crawlers", site.name)
    assert site.crawl is not None
    bar = tqdm(total=site.crawl.max_pages, desc=site.name, unit="fetch", file=sys.stderr, leave=False,
               disable=None if progress is None else not progress)
    with bar, WarcArchive(archive_root, site.name) as archive:
        crawl = SiteCrawl(site, fetcher, is_known=known_in(store, fetcher.cache), refresh=refresh, agent=agent,
                          on_exchange=archive.write, on_fetch=lambda _: bar.update(1), rules=project.rules,
                          on_part=lambda exchange, first: archive.write(exchange, part_of=first),
                          on_article=lambda page, single: archive.write_article(page, single_page=single))
        try:
            report = ingest(project, crawl.pages(), progress=False, store=store, batch=1)
        except CleanfeedError as exc:
            return SiteResult(site.name, crawl.stats, failure=str(exc))
        except Exception as exc:
            log.debug("crawl of %s failed", site.name, exc_info=True)
            return SiteResult(site.name, crawl.stats, failure=f"internal error: {type(exc).__name__}: {exc}")
    log.info("%s: %s", site.name, report.summary())
    return SiteResult(site.name, crawl.stats, report)


__all__ = ["crawl_project", "select_sites", "CrawlReport", "SiteResult", "CrawlLocked", "known_in", "contact_for"]
