"""The feed project: `feeds/<slug>.toml` (what to publish), `cleaners/` (how to read each site) and the
optional `cleanfeed.toml` (settings of the whole project: the `[site]` table names the public/ site).

A feed is a selection over the one article store (language, sites, keywords), so pages added by
`cleanfeed add` or the crawler reach every feed they fit; `inputs` only say what `build` reads.
Loaders reject unknown keys and name the file and the key, like the site-rule loader. The records are
NamedTuples, not dataclasses: nothing needs more than immutable fields, and `check` defines them at every
start (as frozen dataclasses, FeedSpec, SiteSpec and Project took 2.4 ms more on a busy machine; issue #23).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from cleanfeed.errors import ConfigError
from cleanfeed.rules.site import RuleSet, load_rules, rule_paths
from cleanfeed.rules.tomlfile import MAX_VALUE_CHARS, Problems, flatten, read_toml, settle, text_list, text_value
from cleanfeed.textnorm import normalise_tag
from cleanfeed.timeutil import zone

FORMATS = ("atom", "rss", "json")
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")       # it goes into file names, URLs and tag URIs
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class FeedSpec(NamedTuple):
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
    path: str | None = None                  # the file it was read from (messages)

    @property
    def language(self) -> str | None:
        """The feed's declared language (`zh` → `zh-CN`), from the first language filter."""
        return normalise_tag(self.languages[0]) if self.languages else None

    def url(self, fmt: str) -> str:
        """The absolute URL of this feed in `fmt` (`atom`, `rss`, `json`)."""
        return f"{self.self_url}{self.slug}.{fmt}"

    def filename(self, fmt: str) -> str:
        return f"{self.slug}.{fmt}"


class SiteSpec(NamedTuple):
    """`[site]` of `cleanfeed.toml`: what public/index.html and the item pages are called."""

    title: str = "Feeds"
    description: str = ""


class Project(NamedTuple):
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

def _str(v: Any, limit: int = MAX_VALUE_CHARS) -> str:
    return text_value(v, limit=limit)


def _strs(v: Any) -> tuple[str, ...]:
    return text_list(v)


def _words(v: Any) -> tuple[str, ...]:
    return text_list(v, limit=200)          # keywords and categories: words or short phrases


def _http_url(v: Any) -> str:
    url = _str(v)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"must be an absolute http(s) URL, got {url[:80]!r}")
    return url


def _folder_url(v: Any) -> str:
    url = _http_url(v)
    if urlsplit(url).query or urlsplit(url).fragment:
        raise ValueError("must be a folder URL without query or fragment")
    return url if url.endswith("/") else url + "/"


def _languages(v: Any) -> tuple[str, ...]:
    out = []
    for tag in text_list(v, limit=35):
        if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*", tag):
            raise ValueError(f"{tag!r} is not a language tag (use en, zh, zh-CN, …)")
        norm = normalise_tag(tag) or tag
        # "zh" filters every Chinese script; a tag with region filters exactly that one
        out.append(tag.lower() if "-" not in tag and "_" not in tag else norm)
    return tuple(out)


def _timezone(v: Any) -> str:
    name = _str(v, 64)                       # IANA names are at most ~30 characters
    zone(name)                               # ValueError names the unknown zone
    return name


def _max_items(v: Any) -> int:
    if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 10_000:
        raise ValueError("must be an integer from 1 to 10000")
    return v


def _formats(v: Any) -> tuple[str, ...]:
    out = _strs(v) if v != [] else ()
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
    email = _str(v, 254)
    if not EMAIL.match(email):
        raise ValueError(f"{email!r} is not an email address")
    return email


def _authority(v: Any) -> str:
    name = _str(v, 253).lower()
    if not re.fullmatch(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?|[^@\s]+@[a-z0-9.-]+", name):
        raise ValueError("must be a domain name or an email address (the tag URI authority)")
    return name


def _list_or_empty(parse: Callable[[Any], tuple[str, ...]]) -> Callable[[Any], tuple[str, ...]]:
    """`sites = []`, `include = []`: an empty list is "none", as the shipped feed files write it."""
    return lambda v: () if v == [] else parse(v)


_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {   # TOML key → (FeedSpec field, parser)
    "title": ("title", lambda v: _str(v, 500)), "description": ("description", lambda v: _str(v, 5_000)),
    "home_url": ("home_url", _http_url), "self_url": ("self_url", _folder_url),
    "language": ("languages", _list_or_empty(_languages)), "timezone": ("timezone", _timezone),
    "id_authority": ("id_authority", _authority), "inputs": ("inputs", _list_or_empty(_strs)),
    "sites": ("sites", _list_or_empty(_strs)), "include": ("include", _list_or_empty(_words)),
    "exclude": ("exclude", _list_or_empty(_words)), "categories": ("categories", _list_or_empty(_words)),
    "max_items": ("max_items", _max_items), "formats": ("formats", _formats),
    "dedupe_threshold": ("dedupe_threshold", _threshold),
    "preferred_sources": ("preferred_sources", _list_or_empty(_strs)),
}
def _author_name(v: Any) -> str:
    return _str(v, 200)


_AUTHOR_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "name": ("author_name", _author_name), "email": ("author_email", _email)}


def parse_feed(slug: str, raw: dict[str, Any], source: str, rules: RuleSet | None = None,
               site_names: Collection[str] | None = None) -> FeedSpec:
    """A FeedSpec from one parsed TOML table. Every key is checked and every problem named: ConfigError
    (ConfigErrors for several) names the file and the keys. `site_names` (default: the rules') are the
    site rule files a feed's `sites` may name."""
    problems = Problems(source)
    if not SLUG.match(slug) or len(slug) > 100:
        problems.add(f"file name {slug!r} is not a usable feed slug (lower-case letters, digits, '.', '-', '_')")
    kw: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "author":
            _author(value, kw, problems)
            continue
        if key not in _KEYS:
            problems.add(f"unknown key {key!r} (known: {', '.join(sorted([*_KEYS, 'author']))})")
            continue
        with problems.key(key):
            name, parser = _KEYS[key]
            kw[name] = parser(value)
    for required in ("title", "self_url"):
        if required not in raw:
            problems.add(f"missing key {required!r}")
    names = site_names if site_names is not None else [r.name for r in rules.sites] if rules is not None else None
    if names is not None:
        for i, site in enumerate(kw.get("sites", ())):
            if site not in names:
                problems.add(f"key 'sites[{i}]': no site rule {site!r} in cleaners/ (known: "
                             f"{', '.join(sorted(names)) or 'none'})")
    problems.raise_any()
    kw.setdefault("description", kw["title"])
    kw.setdefault("home_url", kw["self_url"])
    kw.setdefault("author_name", kw["title"])
    kw.setdefault("id_authority", (urlsplit(kw["self_url"]).hostname or "").lower())
    return FeedSpec(slug=slug, path=source, **kw)


def _author(value: Any, kw: dict[str, Any], problems: Problems) -> None:
    if not isinstance(value, dict):
        problems.add("key 'author' must be a table with name and email")
        return
    for sub, subvalue in value.items():
        if sub not in _AUTHOR_KEYS:
            problems.add(f"unknown key 'author.{sub}' (known: author.name, author.email)")
            continue
        with problems.key(f"author.{sub}"):
            kw[_AUTHOR_KEYS[sub][0]] = _AUTHOR_KEYS[sub][1](subvalue)


def load_feed(path: Path, rules: RuleSet | None = None, site_names: Collection[str] | None = None) -> FeedSpec:
    raw = read_toml(path)
    return parse_feed(path.stem, raw, str(path), rules, site_names)


PROJECT_FILE = "cleanfeed.toml"
_SITE_KEYS: dict[str, Callable[[Any], Any]] = {"title": lambda v: _str(v, 500), "description": lambda v: _str(v, 5_000)}


def parse_settings(raw: dict[str, Any], source: str, feeds: tuple[FeedSpec, ...] = ()) -> SiteSpec:
    """`cleanfeed.toml`'s tables; without a `[site]` title, a project of one feed takes the feed's. Every
    problem is named (ConfigErrors for several)."""
    problems = Problems(source)
    for key in sorted(set(raw) - {"site"}):
        problems.add(f"unknown table or key {key!r} (known: site)")
    site = raw.get("site", {})
    if not isinstance(site, dict):
        problems.add("'site' must be a table: [site]")
        site = {}
    kw = problems.table(site, _SITE_KEYS, "site")
    problems.raise_any()
    if "title" not in kw and len(feeds) == 1:
        kw.update(title=feeds[0].title, description=kw.get("description", feeds[0].description))
    return SiteSpec(**kw)


def load_project(root: Path, errors: list[ConfigError] | None = None) -> Project:
    """The project in `root`: every `feeds/*.toml` (sorted by slug), `cleaners/*.toml` and `cleanfeed.toml`.
    Every file is read and every problem collected: they are raised together (ConfigErrors), or, with
    `errors`, appended there while the good files load (`cleanfeed check` reports them all, then checks
    the rest)."""
    root = Path(root)
    found: list[ConfigError] = []
    rules = load_rules(root / "cleaners", found)
    names = [p.stem for p in rule_paths(root / "cleaners")]   # a broken rule file is still a known site
    feeds = []
    for path in sorted((root / "feeds").glob("*.toml")):
        try:
            feeds.append(load_feed(path, rules, names))
        except ConfigError as exc:
            found += flatten(exc)
    settings = root / PROJECT_FILE
    site = SiteSpec()
    try:
        raw = read_toml(settings) if settings.is_file() else {}
        site = parse_settings(raw, str(settings), tuple(feeds))
    except ConfigError as exc:
        found += flatten(exc)
    settle(found, errors)
    return Project(root=root, feeds=tuple(feeds), rules=rules, store_path=root / ".cleanfeed" / "store.sqlite",
                   out_dir=root / "public", site=site)


__all__ = ["FORMATS", "PROJECT_FILE", "FeedSpec", "Project", "SiteSpec", "load_feed", "load_project", "parse_feed",
           "parse_settings"]
