"""The feed project: `feeds/<slug>.toml` (what to publish), `cleaners/` (how to read each site) and the
optional `cleanfeed.toml` (settings of the whole project: the `[site]` table names the public/ site).

A feed is a selection over the one article store (language, sites, keywords), so pages added by
`cleanfeed add` or the crawler reach every feed they fit; `inputs` only say what `build` reads.
Loaders reject unknown keys and name the file and the key, like the site-rule loader.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cleanfeed.errors import ConfigError
from cleanfeed.rules.site import RuleSet, load_rules
from cleanfeed.rules.tomlfile import read_toml
from cleanfeed.textnorm import normalise_tag
from cleanfeed.timeutil import zone

FORMATS = ("atom", "rss", "json")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")       # it goes into file names, URLs and tag URIs
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class FeedSpec:
    """One `feeds/<slug>.toml`. `self_url` is the folder URL the feed files are served under:
    the Atom file's rel="self" is `self_url + slug + ".atom"`."""

    slug: str
    title: str
    self_url: str
    description: str = ""
    home_url: str = ""                       # the feed's web page; defaults to self_url (index.html)
    languages: tuple[str, ...] = ()          # BCP 47 prefixes: "zh" takes zh-CN and zh-TW; empty = any
    timezone: str = "UTC"                    # for wall-clock times without offset, and feed dates
    author_name: str = ""
    author_email: str | None = None
    id_authority: str = ""                   # tag URI authority of entry ids; defaults to self_url's host
    inputs: tuple[str, ...] = ()             # globs relative to the project: page files, .jsonl
    sites: tuple[str, ...] = ()              # site rule names; empty = every site and pages with none
    include: tuple[str, ...] = ()            # keep an article only when one of these occurs (any case)
    exclude: tuple[str, ...] = ()            # drop an article when one of these occurs
    categories: tuple[str, ...] = ()         # the feed's own categories (channel <category>)
    max_items: int = 50
    dedupe_threshold: float | None = None    # story grouping (storydb.py); None = storydb.DEFAULT_THRESHOLD
    preferred_sources: tuple[str, ...] = ()  # site rule names or hosts whose version a story shows first
    formats: tuple[str, ...] = FORMATS
    path: str | None = field(default=None, compare=False)

    @property
    def language(self) -> str | None:
        """The feed's declared language (`zh` → `zh-CN`), from the first language filter."""
        return normalise_tag(self.languages[0]) if self.languages else None

    def url(self, fmt: str) -> str:
        """The absolute URL of this feed in `fmt` (`atom`, `rss`, `json`)."""
        return f"{self.self_url}{self.slug}.{fmt}"

    def filename(self, fmt: str) -> str:
        return f"{self.slug}.{fmt}"


@dataclass(frozen=True)
class SiteSpec:
    """`[site]` of `cleanfeed.toml`: what public/index.html and the item pages are called."""

    title: str = "Feeds"
    description: str = ""


@dataclass(frozen=True)
class Project:
    """A feed project folder: feeds, site rules, the store and the output folder."""

    root: Path
    feeds: tuple[FeedSpec, ...]
    rules: RuleSet
    store_path: Path
    out_dir: Path
    site: SiteSpec = SiteSpec()

    @property
    def timezone(self) -> str | None:
        """The zone pages are cleaned in when neither their site rule nor their record names one:
        the first feed's (sorted by slug); the seed feeds all say Asia/Shanghai."""
        return self.feeds[0].timezone if self.feeds else None

    def feed(self, slug: str) -> FeedSpec | None:
        return next((f for f in self.feeds if f.slug == slug), None)


# ----------------------------------------------------------------------------- loading

def _str(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ValueError("must be a non-empty string")
    return v.strip()


def _strs(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise ValueError("must be a string or a list of non-empty strings")
    return tuple(x.strip() for x in v)


def _http_url(v: Any) -> str:
    url = _str(v)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"must be an absolute http(s) URL, got {url!r}")
    return url


def _folder_url(v: Any) -> str:
    url = _http_url(v)
    if urlsplit(url).query or urlsplit(url).fragment:
        raise ValueError("must be a folder URL without query or fragment")
    return url if url.endswith("/") else url + "/"


def _languages(v: Any) -> tuple[str, ...]:
    out = []
    for tag in _strs(v):
        if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", tag):
            raise ValueError(f"{tag!r} is not a language tag (use en, zh, zh-CN, …)")
        norm = normalise_tag(tag) or tag
        # "zh" filters every Chinese script; a tag with region filters exactly that one
        out.append(tag.lower() if "-" not in tag and "_" not in tag else norm)
    return tuple(out)


def _timezone(v: Any) -> str:
    name = _str(v)
    zone(name)
    return name


def _max_items(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 10_000:
        raise ValueError("must be an integer from 1 to 10000")
    return v


def _formats(v: Any) -> tuple[str, ...]:
    out = _strs(v)
    bad = [f for f in out if f not in FORMATS]
    if bad or not out:
        raise ValueError(f"must list some of {', '.join(FORMATS)}; got {bad[0] if bad else 'nothing'!r}")
    return tuple(dict.fromkeys(out))


def _threshold(v: Any) -> float:
    # 0.5 is storydb.LINK_FLOOR: pairs less similar are not kept in the store (tests/test_dupes.py checks)
    if not isinstance(v, (int, float)) or isinstance(v, bool) or not 0.5 <= v <= 1.0:
        raise ValueError("must be a number from 0.5 to 1.0 (estimated share of shared shingles)")
    return float(v)


def _email(v: Any) -> str:
    email = _str(v)
    if not EMAIL.match(email):
        raise ValueError(f"{email!r} is not an email address")
    return email


def _authority(v: Any) -> str:
    name = _str(v).lower()
    if not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|[^@\s]+@[a-z0-9.-]+", name):
        raise ValueError("must be a domain name or an email address (the tag URI authority)")
    return name


_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {   # TOML key → (FeedSpec field, parser)
    "title": ("title", _str), "description": ("description", _str), "home_url": ("home_url", _http_url),
    "self_url": ("self_url", _folder_url), "language": ("languages", _languages),
    "timezone": ("timezone", _timezone), "id_authority": ("id_authority", _authority),
    "inputs": ("inputs", _strs), "sites": ("sites", _strs), "include": ("include", _strs),
    "exclude": ("exclude", _strs), "categories": ("categories", _strs), "max_items": ("max_items", _max_items),
    "formats": ("formats", _formats),
    "dedupe_threshold": ("dedupe_threshold", _threshold), "preferred_sources": ("preferred_sources", _strs),
}
_AUTHOR_KEYS = {"name": ("author_name", _str), "email": ("author_email", _email)}


def parse_feed(slug: str, raw: dict[str, Any], source: str, rules: RuleSet | None = None) -> FeedSpec:
    """A FeedSpec from one parsed TOML table; ConfigError names the file and the key."""
    if not SLUG.match(slug):
        raise ConfigError(f"file name {slug!r} is not a usable feed slug (lower-case letters, digits, '.', '-', '_')",
                          source=source)
    kw: dict[str, Any] = {}
    for key, value in raw.items():
        table = _AUTHOR_KEYS if key == "author" else None
        if table is not None:
            if not isinstance(value, dict):
                raise ConfigError("key 'author' must be a table with name and email", source=source)
            for sub, subvalue in value.items():
                if sub not in table:
                    raise ConfigError(f"unknown key 'author.{sub}'", source=source)
                kw[table[sub][0]] = _parsed(f"author.{sub}", table[sub][1], subvalue, source)
            continue
        if key not in _KEYS:
            raise ConfigError(f"unknown key {key!r} (known: {', '.join(sorted([*_KEYS, 'author']))})", source=source)
        name, parser = _KEYS[key]
        kw[name] = _parsed(key, parser, value, source)
    for required in ("title", "self_url"):
        if required not in kw:
            raise ConfigError(f"missing key {required!r}", source=source)
    kw.setdefault("description", kw["title"])
    kw.setdefault("home_url", kw["self_url"])
    kw.setdefault("author_name", kw["title"])
    kw.setdefault("id_authority", (urlsplit(kw["self_url"]).hostname or "").lower())
    if rules is not None:
        for i, site in enumerate(kw.get("sites", ())):
            if rules.named(site) is None:
                known = ", ".join(r.name for r in rules.sites) or "none"
                raise ConfigError(f"key 'sites[{i}]': no site rule {site!r} in cleaners/ (known: {known})",
                                  source=source)
    return FeedSpec(slug=slug, path=source, **kw)


def _parsed(key: str, parser: Callable[[Any], Any], value: Any, source: str) -> Any:
    try:
        return parser(value)
    except ValueError as exc:
        raise ConfigError(f"key {key!r}: {exc}", source=source) from None


def load_feed(path: Path, rules: RuleSet | None = None) -> FeedSpec:
    raw = read_toml(path)
    return parse_feed(path.stem, raw, str(path), rules)


PROJECT_FILE = "cleanfeed.toml"
_SITE_KEYS: dict[str, Callable[[Any], Any]] = {"title": _str, "description": _str}


def parse_settings(raw: dict[str, Any], source: str, feeds: tuple[FeedSpec, ...] = ()) -> SiteSpec:
    """`cleanfeed.toml`'s tables; without a `[site]` title, a project of one feed takes the feed's."""
    unknown = sorted(set(raw) - {"site"})
    if unknown:
        raise ConfigError(f"unknown table or key {unknown[0]!r} (known: site)", source=source)
    site = raw.get("site", {})
    if not isinstance(site, dict):
        raise ConfigError("'site' must be a table: [site]", source=source)
    kw = {}
    for key, value in site.items():
        if key not in _SITE_KEYS:
            raise ConfigError(f"unknown key 'site.{key}' (known: {', '.join(_SITE_KEYS)})", source=source)
        kw[key] = _parsed(f"site.{key}", _SITE_KEYS[key], value, source)
    if "title" not in kw and len(feeds) == 1:
        kw.update(title=feeds[0].title, description=kw.get("description", feeds[0].description))
    return SiteSpec(**kw)


def load_project(root: Path) -> Project:
    """The project in `root`: every `feeds/*.toml` (sorted by slug), `cleaners/*.toml` and `cleanfeed.toml`."""
    root = Path(root)
    rules = load_rules(root / "cleaners")
    feeds = tuple(load_feed(p, rules) for p in sorted((root / "feeds").glob("*.toml")))
    settings = root / PROJECT_FILE
    raw = read_toml(settings) if settings.is_file() else {}
    return Project(root=root, feeds=feeds, rules=rules, store_path=root / ".cleanfeed" / "store.sqlite",
                   out_dir=root / "public", site=parse_settings(raw, str(settings), feeds))


__all__ = ["FORMATS", "PROJECT_FILE", "FeedSpec", "Project", "SiteSpec", "load_feed", "load_project", "parse_feed",
           "parse_settings"]
