"""Reading a user's TOML file (feed, site rule, learned rules) with errors that name the file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from cleanfeed.errors import ConfigError


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed table in `path`; unreadable or invalid files raise ConfigError, never a traceback."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", source=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", source=str(path)) from exc


__all__ = ["read_toml"]
