"""The HTML path and the text-dump path agree: the same article saved once as HTML and once as a whole-page
text dump (menus, sidebars and footers left in, one line per block) cleans to the same body, so the two
join one story (`bench/dupes.py` measures it on the shared pairs). Hand-written pages, one per class of
tail that used to stay on one path only."""
from __future__ import annotations

import html

from cleanfeed import clean

TITLE = "某铜业公司废杂铜综合利用项目通过环保验收"
BODY = ["8月14日，某铜业公司年处理十五万吨废杂铜综合利用项目顺利通过竣工环境保护验收，"
        "标志着该项目正式进入稳定运行阶段。",
        "该项目采用先进的富氧熔炼工艺，配套建设了烟气净化和余热回收系统，各项污染物排放指标均优于国家标准。",
        "公司负责人介绍，项目全面达产后，每年可节约标准煤约八万吨，减少二氧化碳排放约二十万吨。"]
MENU = ["首页", "新闻中心", "企业动态", "行业资讯", "价格行情", "展会信息", "政策法规", "技术文库", "联系我们"]
NOTICE = ("• 凡注明为其他媒体来源的信息，均为转载自其他媒体，转载并不代表本网赞同其观点，也不代表本网对其真实性负责。"
          "您若对该稿件内容有任何疑问或质疑，请即与本网联系，本网将迅速给您回应并做处理。")
AFTER_NOTICE = ["电话：021-52921234转641133 传真：021-62677454 邮箱：稿件处理 处理时间：9:00—18:00",
                "请您对该文章评分：", "/ 人已评", "更多关于", "的新闻", "简介：第一社区微圈",
                "简介：关注身边事，关注你我他"]
FOOTER = ["关于我们 | 广告服务 | 联系方式 | 网站地图", "版权所有 金属网 沪ICP备12345678号"]


def as_html(tail: list[str]) -> bytes:
    p = "".join(f"<p>{html.escape(t)}</p>" for t in [*BODY, *tail])
    nav = "".join(f'<li><a href="/{i}">{html.escape(m)}</a></li>' for i, m in enumerate(MENU))
    foot = "".join(f"<p>{html.escape(f)}</p>" for f in FOOTER)
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}_企业动态_金属网</title></head><body>"
            f"<ul class='nav'>{nav}</ul><div class='content'><h1>{TITLE}</h1>"
            f"<div class='info'>2023-08-15 14:20 来源：金属网</div><div class='text'>{p}</div></div>"
            f"<div class='footer'>{foot}</div></body></html>").encode()


def as_dump(tail: list[str]) -> str:
    return "\n".join([f"{TITLE}_企业动态_金属网", *MENU, TITLE, "2023-08-15 14:20 来源：金属网", *BODY, *tail,
                      *FOOTER])


def test_a_reprint_notice_ends_the_article_on_both_paths() -> None:
    """What follows a reprint notice (a contact line, a rating widget, teaser blurbs) is the site's footer:
    the dump's region ended there already, the HTML path kept it, and two short items of one site under the
    same tail made one story."""
    tail = [NOTICE, *AFTER_NOTICE]
    from_html = clean(as_html(tail), url="https://www.jinshu-wang.example/news/2023/0815/1.html")
    from_text = clean(as_dump(tail))
    assert from_html.text == from_text.text == "\n\n".join(BODY)
