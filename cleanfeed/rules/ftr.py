"""FiveFilters `ftr-site-config` files (`<host>.txt`) read into a frozen `FtrRule` (the host lookup and the
merge of two rules are in `ftrlookup`; the XPath check, which needs lxml, in `cleanfeed.html.ftrcheck`).

Meanings follow Full-Text RSS's own reader (SiteConfig.php 1.1, FTR 3.8) and, where FTR says nothing,
wallabag's graby (src/SiteConfig/ConfigBuilder.php). Quirks of the format kept on purpose: a line splits
at its first `:` (values may hold more); only `yes` is true to FTR (`true`/`false` are read, with a
warning); find/replace strings are two lists paired by position (unpaired: nothing is replaced);
`test_contains` belongs to the last `test_url`, `if_page_contains` to the last link directive.
Nothing here raises on bad input: malformed lines land in `errors`, recognised directives this
reader keeps no field for in `unsupported` (their text stays in `lines`), oddities in `warnings`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

XPATH_LISTS = ("title", "body", "date", "author", "strip", "single_page_link", "next_page_link", "native_ad_clue")
STRING_LISTS = ("strip_id_or_class", "strip_image_src")
FLAG_DEFAULTS = {"prune": True, "tidy": True, "autodetect_on_failure": True,   # FTR's values when undeclared
                 "insert_detected_image": True, "skip_json_ld": False}
STRINGS = ("parser", "src_lazy_load_attr")
# Known to FTR or graby, no field here: logins (wallabag only), feed-level and FTR 3.9 DOM rewrites.
UNSUPPORTED = frozenset({
    "requires_login", "login_uri", "login_username_field", "login_password_field", "login_extra_fields",
    "not_logged_in_xpath", "single_page_link_in_feed", "post_strip_attr", "strip_comments", "footnotes",
    "convert_double_br_tags", "autodetect_next_page", "skip_id_or_class", "wrap_in", "move_into", "dissolve"})
KNOWN = frozenset(XPATH_LISTS + STRING_LISTS + STRINGS + tuple(FLAG_DEFAULTS)) | UNSUPPORTED | {
    "strip_attr", "find_string", "replace_string", "http_header", "test_url", "test_contains", "if_page_contains"}
TAKES_ARG = frozenset({"replace_string", "http_header", "wrap_in", "move_into"})
# Directives whose value (and for move_into, argument) is an XPath expression: what compile_check reads.
XPATH_VALUED = frozenset(XPATH_LISTS) | {"strip_attr", "if_page_contains", "single_page_link_in_feed",
                                         "not_logged_in_xpath", "post_strip_attr", "wrap_in", "move_into", "dissolve"}
_NAME = re.compile(r"[A-Za-z0-9_]+")
_NAME_ARG = re.compile(r"([A-Za-z0-9_]+)\((.*?)\)")               # FTR's pattern on the text before the 1st ':'
_NAME_ARG_COLON = re.compile(r"([A-Za-z0-9_]+)\((.*?)\)\s*:(.*)")  # used when the argument itself holds a ':'
_HEADER_NAME = re.compile(r"[A-Za-z0-9_-]+")
_BOOLS = {"yes": True, "true": True, "no": False, "false": False}


@dataclass(frozen=True)
class FtrLine:
    """One directive line as written: `name(arg): value` (arg None without parentheses)."""

    line_no: int
    name: str
    arg: str | None
    value: str


@dataclass(frozen=True)
class TestUrl:
    """A `test_url` with the `test_contains` lines that follow it (FTR attaches each to the last URL)."""

    __test__ = False   # not a pytest class
    url: str
    contains: tuple[str, ...] = ()


@dataclass(frozen=True)
class FtrRule:
    """Every directive of one file (or a merge), with FTR's meaning. Lists keep file order: for
    title/body/date/author/links the first expression that yields something wins. Flags are None when
    undeclared; `flag()` applies FTR's default. `http_headers` is a dict (lower-case names): treat it as
    read-only; the rule is not hashable because of it."""

    source: str = ""
    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()                    # XPath; `strip_attr` lines land here too (FTR 3.8 alias)
    strip_id_or_class: tuple[str, ...] = ()        # plain substrings of @id or @class
    strip_image_src: tuple[str, ...] = ()          # plain substrings of img/@src
    single_page_link: tuple[str, ...] = ()
    next_page_link: tuple[str, ...] = ()
    native_ad_clue: tuple[str, ...] = ()
    if_page_contains: tuple[tuple[str, str, str], ...] = ()   # (link directive, link XPath, condition XPath)
    replacements: tuple[tuple[str, str], ...] = ()            # (find, replace) in order; empty if unpaired
    http_headers: dict[str, str] = field(default_factory=dict)
    test_urls: tuple[TestUrl, ...] = ()
    prune: bool | None = None
    tidy: bool | None = None
    autodetect_on_failure: bool | None = None
    insert_detected_image: bool | None = None
    skip_json_ld: bool | None = None
    parser: str | None = None
    src_lazy_load_attr: str | None = None
    lines: tuple[FtrLine, ...] = ()
    unsupported: tuple[tuple[int, str], ...] = ()
    errors: tuple[tuple[int, str], ...] = ()      # line 0 = the file as a whole
    warnings: tuple[tuple[int, str], ...] = ()

    def flag(self, name: str) -> bool:
        """A yes/no directive with FTR's default filled in."""
        value: bool | None = getattr(self, name)
        return FLAG_DEFAULTS[name] if value is None else value

    def condition(self, directive: str, expr: str) -> str | None:
        """The `if_page_contains` XPath that must match before this link expression is tried."""
        return next((c for d, e, c in self.if_page_contains if d == directive and e == expr), None)


def _split(line: str) -> tuple[str, str | None, str, str | None] | str:
    """(name, arg, value, warning) of a stripped, non-comment line, or why it is not a directive."""
    head, sep, tail = line.partition(":")
    if not sep:
        return "no ':' between directive and value"
    name, arg, value, note = head.strip(), None, tail.strip(), None
    if "(" in name or ")" in name:
        m = _NAME_ARG.fullmatch(name)
        if m is None and (m := _NAME_ARG_COLON.fullmatch(line)) is not None:
            value = m[3].strip()
            note = "argument holds ':'; FTR and graby cut the line at its first ':' and ignore it"
        if m is None:
            return f"malformed directive {name!r}"
        name, arg = m[1], m[2]
    if not _NAME.fullmatch(name):
        return f"malformed directive {name!r}"
    return name, arg, value, note


def parse_ftr(text: str, source: str = "") -> FtrRule:
    """Read one site config file's text; never raises."""
    lists: dict[str, list[str]] = {k: [] for k in XPATH_LISTS + STRING_LISTS}
    finds: list[str] = []
    repls: list[str] = []
    headers: dict[str, str] = {}
    tests: list[tuple[str, list[str]]] = []
    conditions: list[tuple[str, str, str]] = []
    single: dict[str, Any] = {}
    lines: list[FtrLine] = []
    unsupported: list[tuple[int, str]] = []
    errors: list[tuple[int, str]] = []
    warnings: list[tuple[int, str]] = []
    for no, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parsed = _split(line)
        if isinstance(parsed, str):
            errors.append((no, parsed))
            continue
        name, arg, value, note = parsed
        if name not in KNOWN:
            import difflib  # only to suggest a directive name: off the start path of `check`

            hint = difflib.get_close_matches(name, sorted(KNOWN), n=1)
            errors.append((no, f"unknown directive {name!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")))
            continue
        if arg is not None and name not in TAKES_ARG:
            errors.append((no, f"{name} takes no (argument)"))
            continue
        if arg is None and name in TAKES_ARG - {"replace_string"}:
            errors.append((no, f"{name} needs an (argument)"))
            continue
        if note:
            warnings.append((no, note))
        known_errors = len(errors)
        if name in UNSUPPORTED:
            unsupported.append((no, name))
        elif name in ("find_string", "replace_string"):
            if arg is not None:
                finds.append(arg)
            (finds if name == "find_string" else repls).append(value)
            if (name == "find_string" and not value) or arg == "":
                warnings.append((no, "empty find string: replaces nothing"))
        elif not value:
            errors.append((no, f"{name} has no value"))
        elif name in lists or name == "strip_attr":
            lists["strip" if name == "strip_attr" else name].append(value)
        elif name in FLAG_DEFAULTS or name in STRINGS:
            if name in single:
                warnings.append((no, f"{name} repeated: the last one wins"))
            if name in STRINGS:
                single[name] = value
            elif value.lower() in _BOOLS:
                single[name] = _BOOLS[value.lower()]
                if value.lower() not in ("yes", "no"):
                    warnings.append((no, f"{name}: {value}: FTR reads only 'yes' as true"))
            else:
                errors.append((no, f"{name} must be yes or no, not {value!r}"))
        elif name == "http_header":
            if _HEADER_NAME.fullmatch(arg or ""):
                headers[(arg or "").lower()] = value
            else:
                errors.append((no, f"bad header name {arg!r}"))
        elif name == "test_url":
            tests.append((value, []))
        elif name == "test_contains":
            if tests:
                tests[-1][1].append(value)
            else:
                errors.append((no, "test_contains before any test_url"))
        else:   # if_page_contains: guards the last single_page_link (FTR), else next_page_link (graby)
            link = next((d for d in ("single_page_link", "next_page_link") if lists[d]), None)
            if link:
                conditions.append((link, lists[link][-1], value))
            else:
                errors.append((no, "if_page_contains without a preceding single_page_link or next_page_link"))
        if len(errors) == known_errors:
            lines.append(FtrLine(no, name, arg, value))
    pairs: tuple[tuple[str, str], ...] = tuple(zip(finds, repls, strict=False))
    if len(finds) != len(repls):
        errors.append((0, f"{len(finds)} find strings but {len(repls)} replace strings: FTR then replaces nothing"))
        pairs = ()
    fields: dict[str, Any] = {k: tuple(v) for k, v in lists.items()} | single
    return FtrRule(
        source=source, **fields, if_page_contains=tuple(conditions), replacements=pairs, http_headers=headers,
        test_urls=tuple(TestUrl(u, tuple(c)) for u, c in tests), lines=tuple(lines),
        unsupported=tuple(unsupported), errors=tuple(errors), warnings=tuple(warnings))


def read_ftr_file(path: str | Path) -> FtrRule:
    """The one helper that touches the disk: a file read as UTF-8 (bad bytes replaced) and parsed."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return FtrRule(source=str(path), errors=((0, f"cannot read: {exc}"),))
    return parse_ftr(text, str(path))


def xpath_parts(line: FtrLine) -> list[str]:
    """The XPath expressions a directive line holds (move_into has one in its argument too)."""
    if line.name not in XPATH_VALUED or not line.value:
        return []
    return [line.arg, line.value] if line.name == "move_into" and line.arg else [line.value]


# What cleanfeed does with a directive the reader keeps: most are applied (cleanfeed/html/ftr.py, the
# crawler's pagination); these are read but change nothing, and `cleanfeed check` says so.
NOT_APPLIED = {
    "http_header": "not sent: the crawler identifies itself and sends no site-specific headers",
    "native_ad_clue": "read, not acted on",
    "parser": "ignored: cleanfeed always parses with lxml",
    "insert_detected_image": "ignored: cleanfeed never adds images to the body (og:image is the item's image)",
}
# Flags whose FTR default is what cleanfeed always does: only the other value is not honoured.
IGNORED_FLAG_VALUES = {
    "prune": (False, "cleanfeed always filters the body's blocks"),
    "tidy": (False, "cleanfeed always sanitizes the body HTML"),
    "skip_json_ld": (True, "cleanfeed always reads JSON-LD for dates and metadata"),
}


def not_applied(rule: FtrRule) -> list[tuple[int, str]]:
    """(line_no, message) for every accepted line that changes nothing in cleanfeed: the unsupported
    directives, and those in NOT_APPLIED or IGNORED_FLAG_VALUES."""
    notes = [(no, f"{name}: not supported (ignored)") for no, name in rule.unsupported]
    for line in rule.lines:
        if line.name in NOT_APPLIED:
            notes.append((line.line_no, f"{line.name}: {NOT_APPLIED[line.name]}"))
        elif line.name in IGNORED_FLAG_VALUES:
            value, why = IGNORED_FLAG_VALUES[line.name]
            if _BOOLS.get(line.value.lower()) == value:
                notes.append((line.line_no, f"{line.name}: {line.value}: not honoured ({why})"))
    return sorted(notes)


__all__ = ["FLAG_DEFAULTS", "KNOWN", "NOT_APPLIED", "UNSUPPORTED", "XPATH_VALUED", "FtrLine", "FtrRule", "TestUrl",
           "not_applied", "parse_ftr", "read_ftr_file", "xpath_parts"]
