"""FiveFilters rule files in a project's `cleaners/` change how its pages are cleaned: looked up by host
(`<host>.txt`, `.<domain>.txt`, a copy of the collection in `cleaners/ftr-site-config/`), merged key by key
under a TOML rule for the same host, and applied for body, title, date, author and strips."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed.errors import NoArticleError
from cleanfeed.model import Article, Page
from cleanfeed.pipeline import clean_page
from cleanfeed.rules.site import load_rules

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Copper output rises | Metals Wire</title>
<meta property="og:title" content="Copper output rises at Jiangxi smelters (og)">
</head><body>
<div class="masthead"><a href="/">Metals Wire</a></div>
<h1 class="headline">Copper output rises at Jiangxi smelters</h1>
<p class="when">Posted 2024-03-01 09:30 by <span class="who">Li Wei</span></p>
<div id="story">
<p>Refined copper output at the big Jiangxi smelters rose in February as new capacity came on line and
scrap supply improved after the holiday.</p>
<div class="sponsor-box">Buy our premium metals report today, only $99 for a year of insight.</div>
<p>Traders said the extra metal eased the tightness in the spot market, where premiums had been at a
two-year high in January.</p>
<p>The smelters expect to run at full rates through the second quarter unless power rationing returns.</p>
</div>
<ul class="more"><li><a href="/a">Aluminium prices slip on weak demand from builders</a></li>
<li><a href="/b">Zinc stocks fall again as exports pick up</a></li></ul>
<div class="when-hidden">2019-01-01</div>
</body></html>"""

FTR_RULE = """# written for this test
title: //h1[@class='headline']
body: //div[@id='story']
date: substring-before(substring-after(//p[@class='when'], 'Posted '), ' by')
author: //span[@class='who']
strip_id_or_class: sponsor
test_url: http://127.0.0.1/news/1.html
"""


def _clean(cleaners: Path, url: str = "http://127.0.0.1:8000/news/1.html", page: str = PAGE) -> Article:
    return clean_page(Page(body=page, url=url), load_rules(cleaners))


def test_host_file_gives_body_title_date_author_and_strips(tmp_path: Path) -> None:
    (tmp_path / "127.0.0.1.txt").write_text(FTR_RULE, encoding="utf-8")
    article = _clean(tmp_path)
    assert article.title == "Copper output rises at Jiangxi smelters"
    assert article.author == "Li Wei"
    assert article.published is not None and article.published.value.isoformat() == "2024-03-01T09:30:00+00:00"
    assert article.site == "127.0.0.1"
    text = article.text
    assert text.startswith("Refined copper output") and text.endswith("unless power rationing returns.")
    assert "premium metals report" not in text and "Zinc stocks" not in text
    assert any(r.rule == "site:ftr:strip_id_or_class" for r in article.removed)


def test_without_the_file_the_generic_cleaner_runs(tmp_path: Path) -> None:
    article = _clean(tmp_path)
    assert article.site is None


def test_toml_rule_for_the_same_host_wins_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "127.0.0.1.txt").write_text(FTR_RULE, encoding="utf-8")
    (tmp_path / "wire.toml").write_text('hosts = ["127.0.0.1"]\ntitle = "ul.more a"\n'
                                        'timezone = "Asia/Shanghai"\n', encoding="utf-8")
    article = _clean(tmp_path)
    assert article.site == "wire"
    assert article.title == "Aluminium prices slip on weak demand from builders"
    assert article.author == "Li Wei"
    assert article.published is not None and article.published.value.isoformat() == "2024-03-01T09:30:00+08:00"
    assert "premium metals report" not in article.text
    rule = load_rules(tmp_path).for_page("http://127.0.0.1/x", "")
    assert rule is not None and rule.ftr is not None
    assert rule.ftr.title == () and rule.ftr.body == ("//div[@id='story']",)        # title hidden, body kept


def test_domain_file_and_collection_copy(tmp_path: Path) -> None:
    (tmp_path / "ftr-site-config").mkdir()
    (tmp_path / "ftr-site-config" / ".wire.example.txt").write_text(FTR_RULE, encoding="utf-8")
    article = _clean(tmp_path, url="https://news.wire.example/1.html")
    assert article.site == "wire.example" and article.author == "Li Wei"
    assert _clean(tmp_path, url="https://wire.example/1.html").site is None
    assert load_rules(tmp_path).named("wire.example") is not None


def test_autodetect_off_and_no_body_is_no_article(tmp_path: Path) -> None:
    (tmp_path / "127.0.0.1.txt").write_text("body: //div[@id='gone']\nautodetect_on_failure: no\n")
    with pytest.raises(NoArticleError, match="autodetect_on_failure: no"):
        _clean(tmp_path)
    (tmp_path / "127.0.0.1.txt").write_text("body: //div[@id='gone']\n")       # default yes: generic cleaner
    assert "Refined copper output" in _clean(tmp_path).text


def test_find_and_replace_run_on_the_raw_html(tmp_path: Path) -> None:
    (tmp_path / "127.0.0.1.txt").write_text("body: //div[@id='story']\nfind_string: holiday\n"
                                            "replace_string: Spring Festival\n", encoding="utf-8")
    assert "after the Spring Festival." in _clean(tmp_path).text


def test_a_rule_that_leaves_no_article_is_no_worse_than_none(tmp_path: Path) -> None:
    # written for an older layout: its strips take the story, and its body matches nothing left
    (tmp_path / "127.0.0.1.txt").write_text("body: //div[@id='story']\nstrip_id_or_class: story\n"
                                            "strip: //p\n", encoding="utf-8")
    article = _clean(tmp_path)
    assert article.text.startswith("Refined copper output")
    assert any(r.rule == "site:ftr" and "cleaned without it" in r.text for r in article.removed)
