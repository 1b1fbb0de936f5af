"""Chinese portal lines that are not the story, on both paths (issue 17, Chinese pages): a comment form's
notice and its `跟贴读取中...` heading, a discussion board's heading, an editor's name in brackets, a
`本文来源` line, a reporter's dateline byline (`记者X/台北报导`), a mood vote row (`给力(0票)`), a feedback
ask, a channel's ranking box heading. Each in simplified and traditional characters, in text written for
these tests (boilerplate.toml rules `comments`, `editor-source`, `comment-actions`, `subscribe`,
`related-list`); and sentences of a story that say the same words are kept."""
from __future__ import annotations

import pytest

from cleanfeed import clean

STORY_ZH = [
    "今年以来，多家再生铜企业加快技术改造步伐，新建的熔炼炉普遍配套了余热回收和烟气处理设施，单位产品能耗明显下降。",
    "一家企业负责人介绍，改造完成后，企业每吨阳极铜的综合能耗下降了百分之十五，环保设施运行也更加稳定。",
]
STORY_TW = [
    "國際銅價近日站上每噸一萬美元，國內廢銅回收業者趁價格走高加快出貨，部分業者的庫存已降到半年來的低點。",
    "業者表示，下游銅桿廠的採購意願仍然保守，後續價格走勢還要看美國利率政策與中國需求的變化。",
]
# (a line of the page's tail, a snippet of it that must be gone)
TAIL_ZH = ["(本文来源：有色金属报)", "(王小明 编辑)", "记者张晓东/北京报道", "给力(0票) 动心(3票) 废话(0票)",
           "如果你对财经频道有任何意见或建议，请到交流平台反馈。", "跟贴读取中...",
           "网友评论仅供其表达个人看法，并不表明本网同意其观点或证实其描述。", "同步到微博", "新闻排行"]
TAIL_TW = ["（本文來源：產經新聞網）", "（林志明 編輯）", "記者林志明／台北報導", "給力(2票) 專業(0票)",
           "如果您對本網有任何意見或建議，歡迎來信反饋。", "新聞討論", "發表文章",
           "網友留言僅代表個人意見，不代表本報立場，留言須經審核後刊出。", "部落格推薦"]


def page(title: str, story: list[str], tail: list[str]) -> str:
    return "\n".join([title, "2024-06-03 08:45", *story, *tail]) + "\n"


@pytest.mark.parametrize(("story", "tail"), [(STORY_ZH, TAIL_ZH), (STORY_TW, TAIL_TW)],
                         ids=["simplified", "traditional"])
def test_portal_tail_lines_are_not_the_story(story: list[str], tail: list[str]) -> None:
    article = clean(page("再生铜企业加快技术改造", story, tail))
    text = article.text
    assert all(p in text for p in story), text
    kept = [line for line in tail if line in text]
    assert not kept, text


@pytest.mark.parametrize("sentence", [
    "记者从有色金属协会了解到，网友评论仅供参考的说法并不准确，协会已就此作出说明。",
    "有关负责人表示，编辑部将在下月推出新闻排行的新规则，以便读者查阅更多行业资讯和政策解读。",
    "据记者张晓东报道，北京地区废铜回收价格本周上涨，部分回收站点的收购量也明显增加。",
])
def test_story_sentences_with_the_same_words_are_kept(sentence: str) -> None:
    text = clean(page("废铜回收价格上涨", [*STORY_ZH, sentence], [])).text
    assert sentence in text, text
