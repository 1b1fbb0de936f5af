"""Reading a user's TOML file (feed, site rule, learned rules) with errors that name the file, and
collecting every problem of a file at once (`cleanfeed check` lists them all, not only the first)."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from cleanfeed.errors import ConfigError, ConfigErrors

MAX_VALUE_CHARS = 2_000      # any one string in a rule or feed file: a regex, a URL, a title
MAX_LIST_ITEMS = 1_000       # any one list: hosts, patterns, selectors, keywords


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed table in `path`; unreadable or invalid files raise ConfigError, never a traceback."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", source=str(path)) from exc


class Problems:
    """Every problem of one file: `with problems.key("timezone"): …` records a ValueError or ConfigError
    raised inside as "key 'timezone': why", and goes on with the next key; `raise_any()` at the end."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.errors: list[ConfigError] = []

    @contextmanager
    def key(self, name: str | None) -> Iterator[None]:
        try:
            yield
        except (ValueError, ConfigError) as exc:
            message = exc.message if isinstance(exc, ConfigError) else str(exc)
            self.add(f"key {name!r}: {message}" if name else message)

    def add(self, message: str) -> None:
        self.errors.append(ConfigError(message, source=self.source))

    def table(self, raw: dict[str, Any], parsers: Mapping[str, Callable[[Any], Any]], section: str) -> dict[str, Any]:
        """Each key of the TOML table `[section]` read by its parser; an unknown key or a bad value is
        recorded (`unknown key 'crawl.speed' (known: …)`, `key 'crawl.delay': …`) and the rest still read."""
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in parsers:
                self.add(f"unknown key '{section}.{key}' (known: {', '.join(sorted(parsers))})")
                continue
            with self.key(f"{section}.{key}"):
                values[key] = parsers[key](value)
        return values

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ConfigErrors(self.errors)


def flatten(exc: ConfigError) -> list[ConfigError]:
    """The single problems of a ConfigError (a ConfigErrors holds several)."""
    return list(exc.errors) if isinstance(exc, ConfigErrors) else [exc]


def settle(found: list[ConfigError], errors: list[ConfigError] | None) -> None:
    """The problems of several files: raised together (ConfigErrors), or, when the caller collects them
    (`errors`, as `cleanfeed check` does), appended there so the good files still load."""
    if errors is not None:
        errors += found
    elif found:
        raise found[0] if len(found) == 1 else ConfigErrors(found)


def text_value(value: Any, *, limit: int = MAX_VALUE_CHARS, empty: bool = False) -> str:
    """A string value (stripped) no longer than `limit`; ValueError says what is wrong."""
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {type(value).__name__}")
    if len(value) > limit:
        raise ValueError(f"is {len(value):,} characters long; the limit is {limit:,}")
    if not empty and not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def text_list(value: Any, *, limit: int = MAX_VALUE_CHARS) -> tuple[str, ...]:
    """A string or a list of non-empty strings, each within `limit`, at most MAX_LIST_ITEMS of them."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a string or a list of strings")
    if len(value) > MAX_LIST_ITEMS:
        raise ValueError(f"lists {len(value):,} items; the limit is {MAX_LIST_ITEMS:,}")
    return tuple(text_value(v, limit=limit) for v in value)


__all__ = ["MAX_LIST_ITEMS", "MAX_VALUE_CHARS", "Problems", "flatten", "read_toml", "text_list", "text_value"]
