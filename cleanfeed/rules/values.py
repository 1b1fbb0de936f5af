"""Checks of single values in rule files (strings, regexes, CSS selectors), with errors naming file and key."""
from __future__ import annotations

import re
from typing import Any

from cleanfeed.errors import ConfigError

FLAGS = re.I | re.U


def compile_regex(pattern: str, where: str) -> re.Pattern[str]:
    """A case-insensitive pattern; ConfigError saying `where` it was written when it does not compile."""
    try:
        return re.compile(pattern, FLAGS)
    except re.error as exc:
        raise ConfigError(f"bad regular expression in {where}: {exc}") from exc


def strings(value: Any, key: str, source: str) -> tuple[str, ...]:
    """A string or a list of strings, as a tuple."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"key {key!r} must be a string or a list of strings", source=source)
    return tuple(value)


def check_css(selector: str, key: str, source: str) -> None:
    """ConfigError unless soupsieve (the crawler's CSS engine) compiles `selector`."""
    import soupsieve

    try:
        soupsieve.compile(selector)
    except (soupsieve.SelectorSyntaxError, ValueError, TypeError) as exc:
        raise ConfigError(f"bad CSS selector in {key}: {str(exc).splitlines()[0]}", source=source) from exc


__all__ = ["FLAGS", "check_css", "compile_regex", "strings"]
