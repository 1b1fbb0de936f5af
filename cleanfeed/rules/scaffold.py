"""A new feed project's files (`cleanfeed init`): commented templates shipped as package data
(`cleanfeed/data/init/`), filled in and checked by the same loaders `build` uses, so what `init` writes
always loads. Pure: names and bytes out, the command writes them.

To add a way to start a project (say, feeds from an OPML file), add its files to the mapping
`project_files` returns, or merge another mapping of relative paths to bytes into it before writing.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from string import Template

from cleanfeed.errors import ConfigError
from cleanfeed.rules.project import PROJECT_FILE, parse_feed, parse_settings
from cleanfeed.rules.site import parse_site_rule
from cleanfeed.textnorm import normalise_tag

EXAMPLE_SITE = "example-news"
EXAMPLE_PAGE = "pages/example-news-busy-spring.html"


@dataclass(frozen=True)
class NewProject:
    """What `cleanfeed init` asks: the feed's slug, its title (also the site's), language, zone and URL."""

    slug: str = "news"
    title: str = "News"
    language: str = "en"
    timezone: str = "UTC"
    self_url: str = "http://127.0.0.1:8080/"


def _template(name: str) -> str:
    return resources.files("cleanfeed").joinpath(f"data/init/{name}").read_text("utf-8")


def _toml_string(value: str) -> str:
    """`value` as the inside of a TOML basic string (the templates put it between double quotes)."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def example_page(language: str) -> str:
    """The example page in the feed's language, so that `init --language zh` builds a feed with one item
    at once (an English page under a Chinese feed's language filter gave an empty feed); English otherwise.
    Chinese by the script the feed's filter reads the tag as (textnorm.normalise_tag, as rules.project does:
    `zh`, `zh_CN`, `zh-Hans` simplified; `zh_TW`, `zh-HK`, `zh-Hant` traditional)."""
    tag = normalise_tag(language)
    return "page.zh-hant.html" if tag == "zh-TW" else "page.zh-hans.html" if tag == "zh-CN" else "page.html"


def _example_html(language: str) -> str:
    """The example page; the English one says the feed's region (`en-GB`), which its filter keeps alone."""
    html = _template(example_page(language))
    tag = normalise_tag(language) or ""
    return html.replace('<html lang="en">', f'<html lang="{tag}">', 1) if tag.startswith("en-") else html


def project_files(new: NewProject) -> dict[str, bytes]:
    """Relative path → content of every file of a new project; ConfigError when an option is unusable
    (checked by the loaders themselves: the written files load as they are)."""
    if re.search(r"[\x00-\x1f\x7f]", new.title + new.self_url + new.language + new.timezone):
        raise ConfigError("options must not hold control characters or line breaks")
    values = {k: _toml_string(v) for k, v in vars(new).items()}
    settings = Template(_template("cleanfeed.toml")).substitute(values)
    feed = Template(_template("feed.toml")).substitute(values)
    rule = _template("site-rule.toml")
    spec = parse_feed(new.slug, tomllib.loads(feed), f"feeds/{new.slug}.toml")
    parse_settings(tomllib.loads(settings), PROJECT_FILE, (spec,))
    parse_site_rule(EXAMPLE_SITE, tomllib.loads(rule), f"cleaners/{EXAMPLE_SITE}.toml")
    return {
        PROJECT_FILE: settings.encode("utf-8"),
        f"feeds/{new.slug}.toml": feed.encode("utf-8"),
        f"cleaners/{EXAMPLE_SITE}.toml": rule.encode("utf-8"),
        EXAMPLE_PAGE: _example_html(new.language).encode("utf-8"),
        EXAMPLE_PAGE + ".meta.json": _template("page.html.meta.json").encode("utf-8"),
        ".gitignore": _template("gitignore").encode("utf-8"),
    }


__all__ = ["EXAMPLE_PAGE", "EXAMPLE_SITE", "NewProject", "example_page", "project_files"]
