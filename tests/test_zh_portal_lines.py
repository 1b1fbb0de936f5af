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


HEAD = ('<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}_财经频道</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/a">财经</a></div><div class="main"><h1>{title}</h1>'
        '<div class="info">2024-05-20 10:12</div><div class="text">')
FOOT = '</div></div><div class="foot">版权所有 财经网</div></body></html>'
# (name, simplified block, traditional block): a class of portal line the issue names, printed inside the
# story's own container, and a snippet of it that must be gone.
PORTAL_BLOCKS = [
    ("share-row", "<p>分享到：新浪微博 腾讯微博 QQ空间 人人网 开心网</p>",
     "<p>分享到：Facebook Plurk 噗浪 推特</p>", "分享到"),
    ("pager", "<p>共3页：上一页 1 2 3 下一页</p>", "<p>上一頁 1 2 3 下一頁</p>", "下一"),
    ("stock-table",
     "<table><tr><td>股票名称</td><td>最新价</td><td>涨跌幅</td></tr>"
     "<tr><td><a href='/s1'>中国铝业</a></td><td>4.56</td><td>+1.23%</td></tr>"
     "<tr><td><a href='/s2'>云铝股份</a></td><td>12.30</td><td>-0.85%</td></tr></table>",
     "<table><tr><td>證券代碼</td><td>現價</td><td>漲跌幅</td></tr>"
     "<tr><td>1402</td><td>31.50</td><td>+0.64%</td></tr>"
     "<tr><td>2002</td><td>24.10</td><td>-0.21%</td></tr></table>", "4.56|31.50"),
    ("stock-line", "<p>相关股票：中国铝业 4.56 +1.23% 云铝股份 12.30 -0.85%</p>",
     "<p>相關個股：台塑 85.2 +0.5% 中鋼 31.5 -0.3%</p>", "4.56|85.2"),
    ("hot-search", "<p>热门搜索：铜价 铝价 废铜 锌价</p>", "<p>熱門搜索：銅價 鋁價 廢銅 鋅價</p>", "搜索"),
    ("follow-ask", "<p>欢迎关注财经网官方微博</p>", "<p>歡迎關注本網官方微博</p>", "官方微博"),
    ("contribute", "<p>欢迎网友投稿，投稿邮箱：tougao@example.com</p>",
     "<p>歡迎讀者投稿，投稿信箱：news@example.com</p>", "投稿"),
    ("hotline", "<p>新闻热线：010-12345678</p>", "<p>爆料熱線：02-23456789</p>", "热线|熱線"),
    ("wechat-scan", "<p>用微信扫描二维码 分享至好友和朋友圈</p>",
     "<p>用微信掃描二維碼 分享至好友和朋友圈</p>", "朋友圈"),
    ("more-ask", "<p>更多精彩内容，请登录财经网</p>", "<p>更多精彩內容，請登錄本網</p>", "更多精彩"),
    ("special-jump", "<p>点击进入专题：再生金属产业周</p>", "<p>點擊進入專題：再生金屬產業週</p>", "专题|專題"),
]
STORY_HTML = {
    "zh-CN": ("再生铝企业开工率回升",
              "<p>据调研，五月第二周国内再生铝企业平均开工率回升至百分之五十六，较前一周提高三个百分点，下游压铸订单明显增加。</p>",
              "<p>业内人士认为，随着汽车产销回暖，再生铝合金需求有望继续改善，但原料供应偏紧仍将制约部分企业的生产节奏。</p>"),
    "zh-TW": ("再生鋁廠開工率回升",
              "<p>據調查，五月第二週國內再生鋁廠平均開工率回升至百分之五十六，較前一週提高三個百分點，下游壓鑄訂單明顯增加。</p>",
              "<p>業內人士認為，隨著汽車產銷回暖，再生鋁合金需求可望持續改善，但原料供應偏緊仍將限制部分廠商的生產節奏。</p>"),
}


@pytest.mark.parametrize("where", ["between", "after"])
@pytest.mark.parametrize("lang", ["zh-CN", "zh-TW"])
@pytest.mark.parametrize(("name", "simplified", "traditional", "gone"), PORTAL_BLOCKS,
                         ids=[b[0] for b in PORTAL_BLOCKS])
def test_portal_blocks_in_the_story_are_dropped(name: str, simplified: str, traditional: str, gone: str, lang: str,
                                                where: str) -> None:
    title, first, last = STORY_HTML[lang]
    block = simplified if lang == "zh-CN" else traditional
    body = first + block + last if where == "between" else first + last + block
    text = clean((HEAD.format(lang=lang, title=title) + body + FOOT).encode()).text
    assert "五十六" in text and ("生產節奏" in text or "生产节奏" in text), text
    assert not any(g in text for g in gone.split("|")), text


@pytest.mark.parametrize("sentence", [
    "公司表示，股票名称变更后，证券代码保持不变，最新价以交易所公布的数据为准，投资者可登录交易所网站查询。",
    "会议指出，要欢迎社会各界关注再生资源回收体系建设，共同推动行业规范发展，提升废旧物资回收利用水平。",
    "据介绍，首页上线的回收价格查询功能已覆盖全国三十多个城市，用户可按品种查看下一周的价格走势预测。",
])
def test_story_sentences_with_portal_words_are_kept(sentence: str) -> None:
    title, first, last = STORY_HTML["zh-CN"]
    text = clean((HEAD.format(lang="zh-CN", title=title) + first + f"<p>{sentence}</p>" + last + FOOT).encode()).text
    assert sentence in text, text
