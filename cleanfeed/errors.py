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
    """The page was read, but holds no article (empty, only boilerplate, a listing page)."""


class ConfigError(CleanfeedError):
    """A rule or feed file is wrong; `source` names the file and the message the key."""


class UsageError(Exception):
    """Wrong arguments that argparse cannot see (e.g. --url with several pages): exit 2.
    Not a CleanfeedError: it is about the command line, not about a page or a project file."""
