"""One article from its first page: its single-page version when a FiveFilters rule names one, else the
first page with its later pages (page 2, 3 …) attached as `Page.parts`, in order.

The chain is followed while each page names the next (crawl/pagination.py), up to the site's
`max_article_pages`, and never to a page already in it: a pager whose last page links back to the first
ends there. The article keeps the first page's URL, so its id is the first page's.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cleanfeed.crawl.fetch import Response
from cleanfeed.crawl.pagination import PageLinks, page_links
from cleanfeed.errors import DecodeError
from cleanfeed.inputs.decode import decode
from cleanfeed.model import ItemHints, Page
from cleanfeed.rules.site import SiteRule
from cleanfeed.urlnorm import clean_url, page_key

log = logging.getLogger(__name__)

Fetch = Callable[[str], "Response | None"]     # one more page of the article, or None (failed, budget spent)


@dataclass(frozen=True)
class Assembled:
    page: Page
    fetched: int = 0                 # pages fetched besides the first
    stop: str | None = None          # why the chain ended early (a loop, the page limit), for the log
    single_page: str | None = None   # the URL whose body stands in for the first page's


def whole_article(first: Response, source: str, *, rule: SiteRule | None, hosts: Iterable[str], max_pages: int,
                  fetch: Fetch, hints: ItemHints | None = None) -> Assembled:
    """The article whose first page is `first` (fetched for the link `source`)."""
    url = clean_url(first.url)
    page = Page(body=first.body, url=url, fetched_at=first.fetched_at, content_type=first.content_type,
                source=source, hints=hints)
    hosts = tuple(hosts)
    links = _links(first, url, 1, rule, hosts)
    if links.single_page:
        single = fetch(links.single_page)
        if single is not None:
            return Assembled(page._replace(body=single.body, content_type=single.content_type), 1,
                             single_page=clean_url(single.url))
    parts: list[Page] = []
    seen = {page_key(url)}
    while links.next_page and max_pages > 1:
        if page_key(links.next_page) in seen:
            return Assembled(page._replace(parts=tuple(parts)), len(parts),
                             f"page {len(parts) + 1} links back to {links.next_page}: a pagination loop")
        if len(parts) + 1 >= max_pages:
            return Assembled(page._replace(parts=tuple(parts)), len(parts),
                             f"more than {max_pages} pages (crawl.max_article_pages): the rest left out")
        seen.add(page_key(links.next_page))
        response = fetch(links.next_page)
        if response is None:
            break
        parts.append(Page(body=response.body, url=clean_url(response.url), fetched_at=response.fetched_at,
                          content_type=response.content_type, source=links.next_page))
        links = _links(response, url, len(parts) + 1, rule, hosts)
    return Assembled(page._replace(parts=tuple(parts)), len(parts))


def _links(response: Response, first_url: str, page_no: int, rule: SiteRule | None,
           hosts: tuple[str, ...]) -> PageLinks:
    try:
        html = decode(response.body, response.content_type).text
    except DecodeError:
        return PageLinks()
    return page_links(html, response.url, first_url=first_url, page_no=page_no, rule=rule, hosts=hosts)


__all__ = ["Assembled", "Fetch", "whole_article"]
