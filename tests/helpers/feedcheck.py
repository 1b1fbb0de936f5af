"""Offline checks of an Atom 1.0 or RSS 2.0 feed after the rules of the W3C feed validator, written for this project.

Not the validator itself: the rules that most often break readers, each with a name (`Problem.rule`) so a test
can say which one fired. Errors break the feed or its specification; warnings are what the validator warns
about (and readers get wrong). Our feeds must have neither, so tests `assert check_feed(...) == []`.

  xml-char        a character XML 1.0 forbids (raw, or as a character reference)
  xml             not well-formed XML, or neither an Atom feed nor an RSS 2.0 document
  required        a required element is missing or empty (titles, channel link and description)
  self-link       no rel="self" link, a relative one, or not the URL the feed is published at
  id              an id (Atom id, RSS guid) that is missing, relative, or a permalink that is no http(s) URL
  id-unique       two entries with the same id
  date            a date that is not RFC 3339 (Atom) / RFC 822 (RSS), or no real moment (31 Feb, wrong weekday)
  content-type    Atom content without a type (or an unknown one); markup in a text construct
  url             a relative URL in a link or in the HTML content (href, src); a bare #fragment is fine
  language        a language code that is not BCP 47 (`zh_CN` instead of `zh-CN`)
  unsafe-content  script elements, event-handler attributes, javascript:/vbscript: URLs in content
  title-chars     mojibake, C1 controls or zero-width characters in a title
  author          an Atom feed without an author (neither on the feed nor on every entry)
  updated-unique  two Atom entries with the same `updated` (readers take them for one change)
"""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

RULES = ("xml-char", "xml", "required", "self-link", "id", "id-unique", "date", "content-type", "url", "language",
         "unsafe-content", "title-chars", "author", "updated-unique")
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Problem(NamedTuple):
    level: str          # "error" or "warning"
    rule: str           # one of the names in the module docstring
    where: str          # "feed", "channel", "entry 3", "item 2 description", …
    message: str

    def __str__(self) -> str:
        return f"{self.level}: [{self.rule}] {self.where}: {self.message}"


class _Findings(list[Problem]):
    def error(self, rule: str, where: str, message: str) -> None:
        self.append(Problem("error", rule, where, message))

    def warning(self, rule: str, where: str, message: str) -> None:
        self.append(Problem("warning", rule, where, message))


# ----------------------------------------------------------------------------- characters

def _xml_char_ok(cp: int) -> bool:
    """XML 1.0 `Char`: tab, newline, return, and the planes minus surrogates, U+FFFE and U+FFFF."""
    return (cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
            or 0x10000 <= cp <= 0x10FFFF)


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def _illegal_characters(text: str) -> list[str]:
    bad = [f"U+{ord(ch):04X}" for ch in text if not _xml_char_ok(ord(ch))]
    for hexa, dec in _CHAR_REF.findall(text):
        cp = int(hexa, 16) if hexa else int(dec)
        if not _xml_char_ok(cp):
            bad.append(f"&#{hexa and 'x'}{hexa or dec};")
    return bad


_INVISIBLE = re.compile("[\u0080-\u009f\u200b-\u200f\u2060\ufeff]")      # C1 controls, zero-width, BOM
# UTF-8 read as Latin-1 / Windows-1252 ("Ã©", "â€™", "ï»¿"), GBK's "锟斤拷", and U+FFFD itself
_MOJIBAKE = re.compile("\ufffd|锟斤拷|[\u00c2\u00c3][\u00a0-\u00bf]|\u00e2\u20ac|\u00ef\u00bb\u00bf")
MOJIBAKE_LEADS = "\ufffd锟\u00c2\u00c3\u00e2\u00ef"       # every match of _MOJIBAKE starts with one of these


def _check_title(title: str | None, where: str, out: _Findings) -> None:
    if not title:
        return
    if _MOJIBAKE.search(title):
        out.warning("title-chars", where, f"title looks like mojibake: {title[:60]!r}")
    if _INVISIBLE.search(title):
        out.warning("title-chars", where, f"title holds C1 control or zero-width characters: {title[:60]!r}")


# ----------------------------------------------------------------------------- URLs, languages, dates

def is_absolute(url: str | None) -> bool:
    """A URL a reader can use without a base: scheme and host, or a scheme that needs no host."""
    parts = urlsplit((url or "").strip())
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme.lower() in ("tag", "urn", "mailto"))


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|[iIxX](?:-[A-Za-z0-9]{1,8})+")


def _check_language(code: str | None, where: str, out: _Findings) -> None:
    if code and not _LANGUAGE.fullmatch(code):      # xml:lang="" is allowed: "no language stated"
        out.error("language", where, f"not a BCP 47 language code: {code!r}")


_RFC3339 = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ZONES = {"UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
          "PST": -8, "PDT": -7}
_RFC822 = re.compile(rf"(?:({'|'.join(_DAYS)}), )?(\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}}) "
                     rf"(\d\d):(\d\d)(?::(\d\d))? ([+-]\d{{4}}|{'|'.join(_ZONES)})")


def rfc3339(value: str | None) -> datetime | None:
    """The moment an RFC 3339 date-time names, or None when it is not one (seconds and offset required)."""
    m = _RFC3339.fullmatch((value or "").strip())
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    micro = int((m.group(7) or ".0")[1:7].ljust(6, "0"))
    zone = m.group(8).upper()
    offset = timedelta(0) if zone == "Z" else (1 if zone[0] == "+" else -1) * timedelta(
        hours=int(zone[1:3]), minutes=int(zone[4:6]))
    try:
        return datetime(y, mo, d, h, mi, s, micro, tzinfo=timezone(offset))
    except ValueError:                   # 31 Feb, hour 25, offset beyond a day: no such moment
        return None


def rfc822(value: str | None) -> datetime | None:
    """The moment an RFC 822 date (four-digit year) names, or None; a weekday that disagrees is no date."""
    m = _RFC822.fullmatch((value or "").strip())
    if not m:
        return None
    weekday, d, mon, y, h, mi, s, zone = m.groups()
    hours = _ZONES.get(zone)
    offset = timedelta(hours=hours) if hours is not None else (1 if zone[0] == "+" else -1) * timedelta(
        hours=int(zone[1:3]), minutes=int(zone[3:5]))
    try:
        when = datetime(int(y), _MONTHS.index(mon) + 1, int(d), int(h), int(mi), int(s or 0), tzinfo=timezone(offset))
    except ValueError:
        return None
    return None if weekday and _DAYS[when.weekday()] != weekday else when


def _check_date(value: str | None, where: str, out: _Findings, *, rss: bool, required: bool) -> None:
    if value is None:
        if required:
            out.error("date", where, "missing date")
        return
    if (rfc822 if rss else rfc3339)(value) is None:
        out.error("date", where, f"not an RFC {'822' if rss else '3339'} date: {value!r}")


# ----------------------------------------------------------------------------- HTML content

_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def _check_html(fragment: str | None, where: str, out: _Findings) -> None:
    if not fragment or not fragment.strip():
        return
    try:
        doc = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError) as exc:      # nothing parseable: a reader shows nothing either
        out.warning("content-type", where, f"HTML content does not parse: {exc}")
        return
    if doc.xpath("//script"):
        out.warning("unsafe-content", where, "<script> in content")
    handlers = sorted({name for el in doc.iter() if isinstance(el.tag, str) for name in el.attrib
                       if name.lower().startswith("on")})
    if handlers:
        out.warning("unsafe-content", where, f"event-handler attributes in content: {', '.join(handlers)}")
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("href", "src"):
            value = (el.get(attr) or "").strip()
            if not value or value.startswith("#"):
                continue
            squashed = re.sub(r"\s+", "", value).lower()
            if squashed.startswith(_UNSAFE_SCHEMES):
                out.warning("unsafe-content", where, f"{attr}={value[:40]!r}: a script URL in content")
            elif not is_absolute(value):
                out.warning("url", where, f"relative URL in content: {attr}={value[:60]!r}")


# ----------------------------------------------------------------------------- Atom

def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _check_self(links: list[etree._Element], where: str, self_url: str | None, out: _Findings) -> None:
    selfs = [link.get("href") for link in links if link.get("rel") == "self"]
    if not selfs:
        out.warning("self-link", where, 'no rel="self" link')
    elif not is_absolute(selfs[0]):
        out.error("self-link", where, f'relative rel="self" link: {selfs[0]!r}')
    elif self_url is not None and selfs[0] != self_url:
        out.error("self-link", where, f'rel="self" link is {selfs[0]!r}, the feed is published at {self_url!r}')


def _check_atom(feed: etree._Element, self_url: str | None, out: _Findings) -> None:
    if not is_absolute(feed.findtext(f"{ATOM}id")):
        out.error("id", "feed", f"missing or relative <id>: {feed.findtext(f'{ATOM}id')!r}")
    if not _text(feed.find(f"{ATOM}title")).strip():
        out.error("required", "feed", "empty <title>")
    _check_date(feed.findtext(f"{ATOM}updated"), "feed <updated>", out, rss=False, required=True)
    _check_self(feed.findall(f"{ATOM}link"), "feed", self_url, out)
    for link in feed.findall(f"{ATOM}link"):
        if not is_absolute(link.get("href")):
            out.warning("url", "feed", f"relative link: {link.get('href')!r}")
    for el in feed.iter():
        if isinstance(el.tag, str) and el.get(XML_LANG) is not None:
            _check_language(el.get(XML_LANG), "feed" if el is feed else el.tag.removeprefix(ATOM), out)

    def has_author(el: etree._Element) -> bool:
        return any((a.findtext(f"{ATOM}name") or "").strip() for a in el.findall(f"{ATOM}author"))
    entries = feed.findall(f"{ATOM}entry")
    if not has_author(feed) and not all(has_author(e) for e in entries):
        out.error("author", "feed", "no author: the feed has none and not every entry has one")

    ids: set[str] = set()
    updated: dict[str, str] = {}
    for n, entry in enumerate(entries, 1):
        where = f"entry {n}"
        eid = (entry.findtext(f"{ATOM}id") or "").strip()
        if not is_absolute(eid):
            out.error("id", where, f"missing or relative <id>: {eid[:60]!r}")
        elif eid in ids:
            out.error("id-unique", where, f"the id of an earlier entry: {eid[:60]}")
        ids.add(eid)
        title = _text(entry.find(f"{ATOM}title"))
        if not title.strip():
            out.error("required", where, "empty <title>")
        _check_title(title, where, out)
        stamp = entry.findtext(f"{ATOM}updated")
        _check_date(stamp, f"{where} <updated>", out, rss=False, required=True)
        when = rfc3339(stamp)
        if when is not None:
            key = when.astimezone(UTC).isoformat()
            if key in updated and updated[key] != eid:
                out.warning("updated-unique", where, f"same <updated> as {updated[key][:60]}")
            updated.setdefault(key, eid)
        _check_date(entry.findtext(f"{ATOM}published"), f"{where} <published>", out, rss=False, required=False)
        for link in entry.findall(f"{ATOM}link"):
            if not is_absolute(link.get("href")):
                out.warning("url", where, f"relative link: {link.get('href')!r}")
        for tag in ("content", "summary"):
            for el in entry.findall(f"{ATOM}{tag}"):
                _check_construct(el, f"{where} {tag}", out, content=tag == "content")


def _check_construct(el: etree._Element, where: str, out: _Findings, *, content: bool) -> None:
    kind = el.get("type")
    if content and kind is None and el.get("src") is None:
        out.error("content-type", where, "<content> without a type")
    kind = kind or "text"
    if kind not in ("text", "html", "xhtml") and not (content and "/" in kind):
        out.error("content-type", where, f"unknown type {kind!r}")
    elif kind == "text" and re.search(r"<[A-Za-z!/][^>]*>", el.text or ""):
        out.warning("content-type", where, 'markup in a type="text" construct (should it be type="html"?)')
    elif kind == "html":
        _check_html(el.text, where, out)
    elif kind == "xhtml":
        _check_html(etree.tostring(el, encoding="unicode", method="xml"), where, out)


# ----------------------------------------------------------------------------- RSS

def _check_rss(rss: etree._Element, self_url: str | None, out: _Findings) -> None:
    channel = rss.find("channel")
    if rss.get("version") != "2.0" or channel is None:
        out.error("xml", "rss", "not an RSS 2.0 document (version 2.0 with a <channel>)")
        return
    for tag in ("title", "link", "description"):
        if not (channel.findtext(tag) or "").strip():
            out.error("required", "channel", f"empty or missing <{tag}>")
    link = channel.findtext("link")
    if link and not is_absolute(link):
        out.error("url", "channel", f"relative <link>: {link!r}")
    _check_self(channel.findall(f"{ATOM}link"), "channel", self_url, out)
    _check_language(channel.findtext("language"), "channel <language>", out)
    for tag in ("pubDate", "lastBuildDate"):
        _check_date(channel.findtext(tag), f"channel <{tag}>", out, rss=True, required=False)
    guids: set[str] = set()
    for n, item in enumerate(channel.findall("item"), 1):
        where = f"item {n}"
        if not ((item.findtext("title") or "").strip() or (item.findtext("description") or "").strip()):
            out.error("required", where, "neither <title> nor <description>")
        _check_title(item.findtext("title"), where, out)
        item_link = item.findtext("link")
        if item_link is not None and not is_absolute(item_link):
            out.error("url", where, f"relative <link>: {item_link!r}")
        guid = item.find("guid")
        if guid is not None:
            value = (guid.text or "").strip()
            permalink = guid.get("isPermaLink", "true") == "true"
            if permalink and urlsplit(value).scheme not in ("http", "https"):
                out.error("id", where, f"guid is a permalink (the default) but no http(s) URL: {value[:60]!r}")
            elif not is_absolute(value):
                out.error("id", where, f"guid is no absolute URI: {value[:60]!r}")
            if value in guids:
                out.error("id-unique", where, f"the guid of an earlier item: {value[:60]}")
            guids.add(value)
        _check_date(item.findtext("pubDate"), f"{where} <pubDate>", out, rss=True, required=False)
        _check_html(item.findtext(CONTENT_ENCODED), f"{where} content:encoded", out)
        _check_html(item.findtext("description"), f"{where} description", out)


# ----------------------------------------------------------------------------- entry points

def check_feed(feed: bytes | Path, *, self_url: str | None = None) -> list[Problem]:
    """Every problem found in one Atom or RSS document (its bytes or its path). `self_url`: the URL the
    feed is published at, which its rel="self" link must name."""
    raw = feed.read_bytes() if isinstance(feed, Path) else feed
    out = _Findings()
    bad = _illegal_characters(raw.decode("utf-8", "replace"))
    if bad:
        out.error("xml-char", "document", f"characters XML forbids: {', '.join(sorted(set(bad))[:8])}")
    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        out.error("xml", "document", f"not well-formed XML: {exc}")
        return list(out)
    if root.tag == f"{ATOM}feed":
        _check_atom(root, self_url, out)
    elif root.tag == "rss":
        _check_rss(root, self_url, out)
    else:
        out.error("xml", "document", f"neither an Atom feed nor RSS: root element {root.tag!r}")
    return list(out)


def check_files(paths: list[Path], base_url: str | None = None) -> list[str]:
    """The problems of several feed files, as readable lines naming the file. With `base_url`, each file's
    rel="self" link must be `base_url` + its file name."""
    return [f"{path.name}: {problem}" for path in paths
            for problem in check_feed(path, self_url=base_url + path.name if base_url else None)]
