"""Whole pages saved as Markdown (html2text, markdownify, Jina Reader, Firecrawl) → one line per block.

Scraping tools that save a page for a language model or a notes app write Markdown: headings as `## …`, links as
`[text](url)`, images as `![alt](src)`, list items as `* …`, tables as `| a | b |` rows, emphasis as `**…**`, and
some (html2text) hard-wrap paragraphs at 78 columns, URLs included. The dump reader sees such a page as lines
of link syntax: a headline `# Copper …` is not the headline `Copper …`, and a paragraph of three links is
read as a menu of URLs. Here the Markdown is read the way CommonMark reads it (a paragraph's lines joined, a
link → its text, an image dropped, a heading → its text, a table row → its cells, markers and escapes
removed) and written back one line per block, as the dumps the cleaner was built on. A Jina-style header
(`Title:`, `URL Source:`, `Published Time:`, `Markdown Content:`) gives the page's `<title>` line and a dated line.

A text is read as Markdown only on evidence no plain dump shows: Markdown link or image syntax at least
MIN_LINKS times, or the Jina header; any other text comes back unchanged (the same object).

Pure functions over text.
"""
from __future__ import annotations

import itertools
import re

# A page saved as Markdown has menus of links; a plain dump quoting `[x](y)` once or twice is not one.
MIN_LINKS = 3
# The header lines a Jina-style reader writes before the page (`Title: …` … `Markdown Content:`).
HEADER_REACH = 12
# A heading line this long may have been hard-wrapped (html2text wraps headings at 78 columns like paragraphs,
# though CommonMark ends a `#` heading at its line's end); a shorter one ends where its line ends.
HEADING_WRAP = 60
# Bounded spans: a link's text and URL (html2text wraps both over lines); longer is not a link.
_LINK_TEXT, _LINK_URL = 400, 2000

# A link's destination: absolute, rooted, a fragment, `./` or `../`, or a bare relative path to a page or an
# image (`](index.htm)`, `](images/top.gif)`: old sites link file to file; a plain dump never writes `](x.htm)`).
_LINK_EVIDENCE = re.compile(r"\]\((?:https?:|/|#|\.|mailto:"
                            r"|[\w-]{1,60}(?:/[\w.-]{1,60}){0,6}\.(?:s?html?|php|aspx?|jsp|cgi|gif|jpe?g|png)[)?#\s])",
                            re.I)
# A destination with balanced parentheses (`(https://en.wikipedia.org/wiki/Zinc_(element))`, CommonMark) is read
# whole, else up to its first `)` as before.
_DESTINATION = rf"\((?:(?:[^()]|\([^()]{{0,200}}\)){{0,{_LINK_URL}}}\)|[^)]{{0,{_LINK_URL}}}\))"
_IMAGE = re.compile(rf"!\[[^\]\n]{{0,{_LINK_TEXT}}}\]{_DESTINATION}")
_LINK = re.compile(rf"\[([^\]]{{0,{_LINK_TEXT}}})\]{_DESTINATION}")
# A link around blocks (a teaser card: headline, byline and date inside one `<a>`): html2text closes it on a line
# of its own after a blank line (`](/news/a-608414 "Title")`), markdownify after the last block's text. Read as
# a block at a time, its `[` and `](…)` stay in the text as lines of syntax; read over the whole text first, the
# link is its blocks (an image over lines goes, as any image). No bracket inside but a whole one-line image's (a
# card's thumbnail: `[![alt](/img/a.jpg)` opens it), so each `[` scans only up to the next other bracket: linear.
_INNER_IMAGE = rf"!\[[^\[\]\n]{{0,{_LINK_TEXT}}}\]\([^()\n]{{0,{_LINK_URL}}}\)"
_INNER = rf"[^\[\]]{{0,{_LINK_URL}}}(?:{_INNER_IMAGE}[^\[\]]{{0,{_LINK_URL}}}){{0,4}}"   # text, up to 4 images in it
_BLOCK_LINK = re.compile(rf"(?<!\\)(!?)\[(?={_INNER}\n)({_INNER})\]{_DESTINATION}")
_LINK_THEN_LINK = re.compile(rf"(\]{_DESTINATION})(?=\[)")
_REF_LINK = re.compile(rf"\[([^\]\n]{{1,{_LINK_TEXT}}})\]\[[^\]\n]{{0,40}}\]")
_REF_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]{1,100}\]:\s+\S+")
_HEADER = re.compile(r"^(Title|URL Source|Published Time|Markdown Content):\s?(.*)$")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*)$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_ITEM = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# each run of spaces is read by one `\s*` only: `\s*\|?\s*` took seconds on a line of 10,000 spaces
_TABLE_RULE = re.compile(r"^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*(?:\|\s*)?$")
_RULE_CELL = re.compile(r":?-{3,}:?$")      # one cell of a table's rule row (`---`, `:---:`)
# html2text writes `**Prices **`; the text starts and ends on a non-space, so `**` and 5,000 spaces are read
# in linear time (`[ \t]*([^\n]+?)[ \t]*` took 170 s)
_STRONG = re.compile(r"(\*\*|__)(?:[ \t]*([^ \t\n](?:[^\n]*?[^ \t\n])??)[ \t]*|[ \t]+)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"
                       r"|(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_CODE = re.compile(r"`([^`\n]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_HIDDEN = 0xE000      # an escaped character waits in the private use area while the syntax is read
_UNHIDE = {_HIDDEN + c: chr(c) for c in range(128)}
_CJK_END = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def jina_header(lines: list[str]) -> dict[str, str]:
    """The `Title:` / `URL Source:` / `Published Time:` values of a Jina-style header, when it ends with the
    `Markdown Content:` line within HEADER_REACH lines; empty otherwise."""
    found: dict[str, str] = {}
    for line in lines[:HEADER_REACH]:
        m = _HEADER.match(line)
        if m is None:
            if line.strip():
                return {}
            continue
        if m.group(1) == "Markdown Content":
            return found | {"end": ""}
        found[m.group(1)] = m.group(2).strip()
    return {}


def reads_as_markdown(text: str) -> bool:
    """Markdown link or image syntax MIN_LINKS times, or a Jina-style header."""
    if len(_LINK_EVIDENCE.findall(text, 0, 200_000)) >= MIN_LINKS:
        return True
    return bool(jina_header(text[:4000].split("\n")))


def inline_text(text: str) -> str:
    """A block's Markdown inline syntax → its text: images dropped, links → their text, emphasis, code spans
    and escapes → their characters."""
    text = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)    # `\*` is a star, not emphasis
    text = _IMAGE.sub("", text)
    text = _LINK_THEN_LINK.sub(r"\1 ", text)      # `[Home](/)[News](/n)` → `Home News`, not `HomeNews`
    text = _LINK.sub(lambda m: m.group(1), text)      # `[![logo](a)](b)` → `` after the image went
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(2) or " ", text)    # `a** **b`: a space
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    return " ".join(text.translate(_UNHIDE).split())


def table_row(line: str) -> str:
    """`| Copper | 9,120 | +1.2% |` → `Copper 9,120 +1.2%` (cells separated by spaces, as a dump prints them)."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return " ".join(c for c in cells if c)


def table_lines(line: str) -> list[str]:
    """A table row as dump lines: one line (table_row), unless a cell is a table's rule (`| --- |`): markdownify
    writes a table nested in a cell inline, its rows and rule on the outer row's line, so a layout table's row
    holds the page's every block (`| | --- | | **Headline** | | 2023年04月18日 来源：… | | Story… |`, 39 of
    cwced-zh's 69 pages). Then each other cell with text is a line of its own, as the page prints its blocks."""
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if not any(_RULE_CELL.match(c) for c in cells):
        return [table_row(line)]
    return [c for c in cells if c and not _RULE_CELL.match(c)]


def heading_text(rest: str) -> str:
    """An ATX heading's text after its `#` marks: `Copper ##` → `Copper` (a closing run of `#` after a space
    goes); string methods, not a regex, so a heading line of 10,000 spaces is read in linear time."""
    text = rest.rstrip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and bare[-1:].isspace() else text


def _joined(parts: list[str]) -> str:
    """A paragraph's lines as one: CJK lines meet without a space."""
    out = parts[:1]
    for before, part in itertools.pairwise(parts):   # the last character only: a 20,000-line paragraph took 39 s
        out.append(part if _CJK_END.search(before[-1:]) and _CJK_START.search(part) else " " + part)
    return "".join(out)


def _starts_block(line: str, previous: str, following: str) -> bool:
    """A line that begins a block of its own (a quote's next line goes on with the quote)."""
    return bool(_ATX.match(line) or _ITEM.match(line) or _QUOTE.match(line) and not _QUOTE.match(previous)
                or _FENCE.match(line) or _RULE.match(line) or line.lstrip().startswith("|")
                or _TABLE_RULE.match(following))


def blocks(lines: list[str]) -> list[str]:
    """The Markdown's blocks, one string each, in order: a paragraph's (or list item's) lines joined, unless a
    line ends in a hard break; fenced code line by line; table rows one by one."""
    out: list[str] = []
    run: list[str] = []
    fenced = table = False
    heading_wraps = False       # the run is a heading whose last line is long enough to have been wrapped

    def flush() -> None:
        nonlocal heading_wraps
        heading_wraps = False
        if run:
            out.append(_joined(run))
            run.clear()

    for i, raw in enumerate(lines):
        line = raw.rstrip("\r")
        previous, following = lines[i - 1] if i else "", lines[i + 1] if i + 1 < len(lines) else ""
        if _FENCE.match(line):
            flush()
            fenced = not fenced
            continue
        if fenced:
            out.append(line.strip())
            continue
        if not line.strip() or _REF_DEFINITION.match(line):
            flush()
            table = False
            continue
        if _TABLE_RULE.match(line) and "|" in line:     # under a table's head row: rows until a blank line
            flush()
            table = True
            continue
        if table and "|" in line:
            out.extend(table_lines(line))
            continue
        if _SETEXT.match(line) and run:            # `Headline` over `====`: the underline goes
            flush()
            continue
        if _RULE.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        if heading_wraps:       # html2text wraps a long `# heading` too: its next line is the heading's end
            if not _starts_block(line, previous, following):
                run.append(line.strip())
                heading_wraps = len(line) >= HEADING_WRAP
                continue
            flush()
        if run and _QUOTE.match(line) and _QUOTE.match(previous):     # the quote goes on
            line = _QUOTE.sub("", line)
        if _starts_block(line, previous, following) or not run:
            flush()
            if line.lstrip().startswith("|") or _TABLE_RULE.match(following):
                out.extend(table_lines(line))
                continue
            heading = _ATX.match(line)
            if heading:
                run.append(heading_text(heading.group(1)))
                if len(line) < HEADING_WRAP:
                    flush()
                else:
                    heading_wraps = True
                continue
            line = _QUOTE.sub("", line)
            line = _ITEM.sub("", line, count=1)
        run.append(line.strip())
        if line.endswith(("  ", "\\")):       # a hard break: two spaces or a backslash at the end
            flush()
    flush()
    return out


def read_markdown(text: str) -> str:
    """The page one line per block when it reads as Markdown (a Jina header's title first, its publication
    time on the next line); any other text unchanged (the same object)."""
    if not reads_as_markdown(text):
        return text
    lines = text.split("\n")
    header = jina_header(lines)
    if header:
        end = next(i for i, ln in enumerate(lines) if ln.startswith("Markdown Content:"))
        lines = lines[end + 1:]
    lines = _BLOCK_LINK.sub(lambda m: "" if m.group(1) else m.group(2), "\n".join(lines)).split("\n")
    body = [t for t in (inline_text(b) for b in blocks(lines)) if t]
    head = [header["Title"]] if header.get("Title") else []
    if header.get("Published Time"):
        head.append(f"Published: {header['Published Time']}")
    return "\n".join(head + body) + "\n"
