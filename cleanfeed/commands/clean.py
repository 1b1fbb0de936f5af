"""`cleanfeed clean PATH...`: clean pages and print them (JSON Lines by default)."""
from __future__ import annotations

import argparse
import html
import json
import logging
import sys
from typing import Any, TextIO

from cleanfeed.commands.common import page_options
from cleanfeed.commands.markdown import md_escape, to_markdown
from cleanfeed.errors import CleanfeedError
from cleanfeed.inputs.files import iter_pages
from cleanfeed.model import Article, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import RuleSet, load_rules

log = logging.getLogger(__name__)


def register(sub: Any) -> None:
    p = sub.add_parser(
        "clean",
        description="Clean scraped pages (plain text or HTML; files, folders, JSON Lines, WARC, or - for "
                    "stdin) and print one article per page: JSON Lines by default. A page's "
                    "<file>.meta.json sidecar gives its url, fetched_at and timezone.",
        epilog="Exit codes: 0 every page cleaned; 1 some pages failed or had no article (named on stderr); "
               "2 usage error. Example: cleanfeed clean seeds/*.txt --format text")
    p.add_argument("paths", nargs="+", metavar="PATH", help="page file, folder of pages, .jsonl, .warc.gz, or -")
    p.add_argument("--url", help="the page's URL (only with a single PATH)")
    p.add_argument("--fetched-at", metavar="WHEN",
                   help="when the page was fetched: ISO date or datetime (a bare date is that day: dates up to "
                        "its end are plausible, and it shows as 12:00 UTC of it, or local noon east of UTC+11)")
    p.add_argument("--timezone", metavar="TZ",
                   help="IANA zone for times printed without an offset, when no site rule says (default UTC)")
    p.add_argument("--format", choices=("json", "text", "markdown", "html"), default="json",
                   help="output format (default: json, one object per line)")
    p.add_argument("--explain", action="store_true",
                   help="add what was removed and why, and the dates considered")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    fetched = page_options(args, args.timezone)
    rules = load_rules(args.project / "cleaners")
    out = utf8_stdout()
    failed = seen = written = 0
    for item in iter_pages(args.paths, url=args.url, fetched_at=fetched, timezone=args.timezone):
        seen += 1
        article = _clean_one(item, rules, args.timezone, explain=args.explain)
        if article is None:
            failed += 1
            continue
        if written:
            out.write(SEPARATORS[args.format])
        write_article(out, article, args.format, args.explain)
        written += 1
        out.flush()
    if not seen:                        # only empty folders: say so rather than succeed silently
        print(f"cleanfeed: no page files in {', '.join(args.paths)}", file=sys.stderr)
        return 1
    return 1 if failed else 0


# Between two articles of one run (each article's output ends with a blank line, or a newline for JSON and
# HTML): a rule of `=` in text, a thematic break in Markdown (after a blank line, so no setext heading).
SEPARATORS = {"json": "", "html": "\n", "text": "=" * 72 + "\n\n", "markdown": "---\n\n"}


def utf8_stdout() -> TextIO:
    """JSON Lines are UTF-8 whatever the locale: a C-locale terminal must not turn 来源 into a crash."""
    out = sys.stdout
    if (getattr(out, "encoding", "utf-8") or "").lower().replace("_", "-") not in ("utf-8", "utf8") \
            and hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    return out


def _clean_one(item: Page | CleanfeedError, rules: RuleSet, timezone: str | None, *,
               explain: bool = False) -> Article | None:
    """The article, or None after naming the page and the reason on stderr."""
    if isinstance(item, CleanfeedError):
        print(f"cleanfeed: {item}", file=sys.stderr)
        return None
    try:
        return clean_page(item, rules, timezone=timezone, explain=explain)
    except CleanfeedError as exc:
        print(f"cleanfeed: {item.source or '<page>'}: {exc.message}", file=sys.stderr)
    except RecursionError:
        print(f"cleanfeed: {item.source or '<page>'}: page too deeply nested to read", file=sys.stderr)
    except Exception as exc:
        log.debug("unexpected error", exc_info=True)
        print(f"cleanfeed: {item.source or '<page>'}: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
    return None


def write_article(out: TextIO, article: Article, fmt: str, explain: bool) -> None:
    if fmt == "json":
        out.write(json.dumps(article.to_dict(explain=explain), ensure_ascii=False) + "\n")
    elif fmt == "text":
        out.write(f"{article.title}\n\n{article.text}\n\n" + (explain_text(article) if explain else ""))
    elif fmt == "markdown":
        out.write(to_markdown(article, _meta_line(article)) + (f"\n{explain_markdown(article)}" if explain else "")
                  + "\n")
    else:
        out.write(to_html(article) + (f"\n{explain_html(article)}" if explain else "") + "\n")


def _explain_items(article: Article) -> list[str]:
    items = [f"removed [{r.rule_class}: {r.rule}] {' '.join(r.text.split())}" for r in article.removed]
    items += [f"date {c.value.isoformat()} [{c.source}] {c.text!r}: {c.reason}" for c in article.date_candidates]
    return items


def explain_text(article: Article) -> str:
    """--explain in text form: one `# …` line per removed block and per date considered."""
    return "".join(f"# {item}\n" for item in _explain_items(article)) + "\n"


def explain_markdown(article: Article) -> str:
    return "<!-- cleanfeed --explain -->\n" + "".join(f"- {item}\n" for item in _explain_items(article))


def explain_html(article: Article) -> str:
    lines = "".join(f"<li>{html.escape(item)}</li>\n" for item in _explain_items(article))
    return (f'<details class="cleanfeed-explain"><summary>removed and dates considered</summary>\n'
            f'<ul>\n{lines}</ul>\n</details>')


def _meta_line(article: Article) -> str:
    bits = [b for b in (article.author, article.published.value.isoformat() if article.published else None,
                        article.url) if b]
    return " · ".join(bits)


def to_html(article: Article) -> str:
    meta = _meta_line(article)
    return (f'<article lang="{html.escape(article.language)}">\n<h1>{html.escape(article.title)}</h1>\n'
            + (f"<p><small>{html.escape(meta)}</small></p>\n" if meta else "")
            + f"{article.html}\n</article>")


__all__ = ["SEPARATORS", "md_escape", "register", "run", "write_article"]
