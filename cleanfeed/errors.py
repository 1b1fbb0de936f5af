"""One exception hierarchy; every error names the page (path or URL) it is about."""
from __future__ import annotations


class CleanfeedError(Exception):
    """Base of every error cleanfeed raises on purpose; the CLI prints it as one line."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class DecodeError(CleanfeedError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


class NoArticleError(CleanfeedError):
    """The page was read, but holds no article (empty, only boilerplate, a listing page). `add` and the
    crawler skip and count such pages (DESIGN.md, `page_type`); only `clean` reports them as failed."""


class EmptyPageError(NoArticleError):
    """The page has no text at all (a scrape that saved nothing): a failure everywhere, never a skip."""


class RecordError(CleanfeedError):
    """A record refused at the store's gate: wrong types, an unsafe or relative URL, an implausible date,
    a field far too large. `source` names the record (`file:line`, `path@offset`, the URL)."""


class ConfigError(CleanfeedError):
    """A rule or feed file is wrong; `source` names the file and the message the key."""


class ConfigErrors(ConfigError):
    """Every problem found in a project's files at once (`cleanfeed check` lists them all); each item is
    a ConfigError naming its file and key. `str()` is one problem per line."""

    def __init__(self, errors: list[ConfigError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = tuple(errors)

    def __str__(self) -> str:
        return self.message


class UsageError(Exception):
    """Wrong arguments that argparse cannot see (e.g. --url with several pages): exit 2.
    Not a CleanfeedError: it is about the command line, not about a page or a project file."""


class InputError(CleanfeedError):
    """An input could not be read (missing, unreadable, too large, bad sidecar)."""


class WarcError(CleanfeedError):
    """A WARC record (or the file) could not be read; `source` is `path@offset`."""


class StoreError(CleanfeedError):
    """The store file cannot be used (newer schema, not a database, locked for too long)."""


class OutputError(CleanfeedError):
    """The feeds cannot be written (the output folder is read-only, a file, on a full disk). What was
    stored stays stored: `cleanfeed build` writes the feeds again from the store."""


class FetchError(CleanfeedError):
    """A URL could not be fetched; `source` is the URL."""


class FetchTimeout(FetchError):
    """No complete answer in time (connect, read, or the whole response)."""


class SlowResponse(FetchTimeout):
    """The server answered, then sent its body too slowly (a drip, a Content-Length it never fills): the
    request ran out of time and is not asked again."""


class FetchConnectionError(FetchError):
    """Connection refused or reset, DNS failure, a broken HTTP message."""


class ResponseTooLarge(FetchError):
    """The body went past the size limit; reading stopped there."""


class RedirectError(FetchError):
    """More redirects than allowed, a loop, or a redirect to a scheme other than http/https."""


class TargetRefused(FetchError):
    """A URL the crawler may not fetch: not http(s), or a private, loopback or link-local address that is
    not the site rule's own host (a redirect to the cloud metadata service, an intranet admin page)."""


class RobotsDisallowed(FetchError):
    """robots.txt forbids the URL (or could not be read, which RFC 9309 treats as forbidding all)."""


class CrawlError(FetchError):
    """A page of a crawl failed (HTTP error status, unreadable listing page); `source` is its URL."""


class CrawlLocked(CleanfeedError):
    """Another crawl of this project is running (cron overlap): this one does nothing."""


class CacheError(CleanfeedError):
    """The crawl cache file cannot be opened (not SQLite, no permission)."""


class ArchiveError(CleanfeedError):
    """The archive file cannot be written (disk full, permissions)."""


class CorpusError(CleanfeedError):
    """The run cannot start (no Dask, no pyarrow, no scheduler) or a partition was lost."""


class ShardError(CleanfeedError):
    """A shard folder or record cannot be read, or a page failed when the corpus was cleaned."""
