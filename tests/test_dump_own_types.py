"""Own hand-written non-article dumps, one per page type, English and Chinese (tests/dumptypes/SOURCE.md):
each must be typed as what it is, so that it never reaches a feed, and keep what it lists."""
from __future__ import annotations

from pathlib import Path

import pytest

from cleanfeed import clean

OWN = Path(__file__).parent / "dumptypes"
# dump → (its page type, lines its content must hold)
EXPECTED = {
    "en_baler_product.txt": ("product", ["Twin cylinders keep the press force even", "Press force: 60 t"]),
    "en_price_api_docs.txt": ("documentation", ["Every request to the Metals Price API carries",
                                                "The latest endpoint returns"]),
    "en_metals_news_list_lynx.txt": ("listing", ["Smelter cuts treatment charges", "Scrap yards report slower",
                                                 "Recyclers ask for clearer rules"]),
    "zh_baler_product.txt": ("product", ["HB-60采用双油缸结构", "公称压力：60吨"]),
    "zh_scrap_forum_thread.txt": ("forum", ["手上压了二十多吨光亮铜线", "我们厂这两天收货价没动",
                                            "铝这边也一样"]),
    "zh_association_news_list.txt": ("listing", ["协会召开再生铜分会年度工作会议", "协会举办废旧电池回收利用培训班"]),
}
# Not typed yet (each is typed `article`, and keeps one item, post or paragraph).
MISSED = set(EXPECTED)


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="not yet"))
                                  if n in MISSED else n for n in sorted(EXPECTED)])
def test_an_own_non_article_dump_is_typed_and_keeps_what_it_lists(name: str) -> None:
    kind, lines = EXPECTED[name]
    page = clean((OWN / name).read_text("utf-8"))
    assert page.page_type == kind
    assert [line for line in lines if line not in page.text] == []
