# ruff: noqa: E501  (page templates: one HTML fragment a line)
"""Write the hand-written Chinese portal pages (SOURCE.md): one template per portal family (TRS WCM and
government open-information pages, DedeCMS, PHPCMS, 帝国CMS, Discuz! portal), simplified and traditional, the
article texts of _texts.py. Run once (`python tests/pages/zhportals/make_pages.py`); the written `.html` and
`.gold.json` files are what `tests/test_html_zhportals.py` and `bench/families.py --pages zhportals` read."""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _texts import (
    APPLIANCE,
    ASSOC_MEETING,
    BLOG_POST,
    DISCUZ_PLANT,
    FLASH_PERMIT,
    GOV_NOTICE,
    HK_PRICE,
    NEWS_WIRE,
    PRICE_REPORT,
    TEASER_BLURBS,
    TW_ASSOC_FORUM,
    TW_DISCUZ_STEEL,
    TW_FLASH_TIRES,
    TW_GOV_RELEASE,
    TW_NEWS_PITCH,
    TW_SCOOTER,
    TW_TEASER_BLURBS,
    WECHAT_REPOST,
    Story,
)

HERE = Path(__file__).parent
e = html.escape

HOT_ZH = ["废铜价格连续三日上涨 回收商惜售情绪升温", "工信部发布再生资源综合利用行业规范条件", "报废汽车回收拆解企业资质认定工作启动",
          "铝合金锭库存降至年内低位", "废纸价格下跌 纸厂限收", "动力电池回收白名单企业增至156家", "不锈钢期货夜盘收跌1.2%",
          "废塑料出口退税政策解读"]
HOT_TW = ["廢紙回收價格連三降 回收業者叫苦", "資源回收四合一計畫新制上路", "廢家電回收量創新高", "銅價突破每噸一萬美元",
          "廢輪胎再利用技術突破", "回收站火災頻傳 消防局籲加強防範", "鋁罐回收率達九成", "電子廢棄物非法出口案起訴"]


def para(items: list[tuple[str, str]], p: str = "<p>{}</p>", h: str = "<p><strong>{}</strong></p>",
         table_attrs: str = 'border="1" cellspacing="0" cellpadding="4" width="100%"') -> str:
    """The story's blocks: paragraphs, sub-headings, table rows grouped in one table, sign-off lines right-aligned."""
    out: list[str] = []
    rows: list[str] = []
    for kind, text in items + [("end", "")]:
        if kind == "row":
            rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in text.split(" | ")) + "</tr>")
            continue
        if rows:
            out.append(f"<table {table_attrs}><tbody>{''.join(rows)}</tbody></table>")
            rows = []
        if kind == "p":
            out.append(p.format(e(text)))
        elif kind == "h":
            out.append(h.format(e(text)))
        elif kind == "sign":
            out.append(f'<p style="text-align: right;">{e(text)}</p>')
    return "".join(out)


def gold(story: Story) -> str:
    return "\n\n".join(t.replace(" | ", " ") for _, t in story[1])


def ul(titles: list[str], dated: bool = False, cls: str = "") -> str:
    items = "".join(f'<li><a href="/news/2024/03{k:02d}/{4400 + k}.html" target="_blank">{e(t)}</a>'
                    + (f"<span>2024-03-{10 + k % 18:02d}</span>" if dated else "") + "</li>" for k, t in enumerate(titles))
    return f'<ul class="{cls}">{items}</ul>'


def head(title: str, site: str, lang: str = "zh-CN", charset: str = "utf-8", extra: str = "") -> str:
    return (f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
            f'<html xmlns="http://www.w3.org/1999/xhtml" lang="{lang}"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />'
            f"<title>{e(title)}_{e(site)}</title><meta name=\"keywords\" content=\"{e(site)},再生资源\" />{extra}"
            '<link href="/css/style.css" rel="stylesheet" type="text/css" /><script src="/js/jquery.min.js"></script></head>')


# --- simplified ------------------------------------------------------------------------------------------

def trs_gov(story: Story) -> str:
    """A city bureau's open-information page (TRS WCM): 索引号 table over the notice, the body in
    `div.TRS_Editor`, attachments, a QR share block, print / close tools and the government footer."""
    title, body = story
    meta = ('<table class="xxgk_table" width="100%"><tr><td class="t1">索 引 号：</td><td>11110000000025461B/2024-00139</td>'
            '<td class="t1">主题分类：</td><td>商贸、海关、旅游\\国内贸易（含供销）</td></tr>'
            '<tr><td class="t1">发文机关：</td><td>北京市商务局</td><td class="t1">成文日期：</td><td>2024年03月29日</td></tr>'
            f'<tr><td class="t1">标　　题：</td><td colspan="3">{e(title)}</td></tr>'
            '<tr><td class="t1">发文字号：</td><td>京商流通字〔2024〕12号</td><td class="t1">发布日期：</td><td>2024年04月01日</td></tr></table>')
    return (head(title, "北京市商务局") + '<body><div class="top"><div class="w1200"><a href="/"><img src="/images/logo.png" alt="北京市商务局" /></a>'
            '<div class="search"><input type="text" value="请输入关键字" /><a href="/search">搜索</a></div></div></div>'
            '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li>'
            '<li><a href="/hdjl/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></div>'
            '<div class="w1200"><div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>'
            f'{meta}<div class="article"><h1 class="title">{e(title)}</h1>'
            '<div class="info"><span>发布日期：2024-04-01</span><span>来源：市商务局</span><span>字号：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</span></div>'
            f'<div class="view TRS_UEDITOR trs_paper_default trs_word"><div class="TRS_Editor">{para(body)}</div></div>'
            '<div class="fujian"><p>附件：</p><p><a href="/zwgk/tzgg/202404/P020240401561239827364.docx">1.再生资源回收经营企业安全生产检查表.docx</a></p>'
            '<p><a href="/zwgk/tzgg/202404/P020240401561239954102.xlsx">2.隐患整改台账（模板）.xlsx</a></p></div>'
            '<div class="share clearfix"><div class="ewm"><img src="/images/qrcode_page.png" /><p>扫一扫在手机打开当前页</p></div>'
            '<div class="bdsharebuttonbox"><span>分享到：</span><a class="bds_weixin" title="分享到微信"></a><a class="bds_tsina" title="分享到新浪微博"></a></div>'
            '<div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div></div></div>'
            '<div class="xglj"><h3>相关链接</h3><select><option>中央政府网站</option><option>国务院部门网站</option></select>'
            '<select><option>各省区市网站</option></select><select><option>各区政府网站</option></select></div></div>'
            '<div class="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/yjzj/">意见征集</a></p>'
            '<p>主办单位：北京市商务局　地址：北京市通州区运河东大街55号院　邮编：101160</p>'
            '<p>网站标识码：1100000025　京ICP备05060933号　京公网安备11010502035682号</p><p><img src="/images/jiucuo.png" alt="政府网站找错" /></p></div></body></html>')


def dede_price(story: Story) -> str:
    """A trade portal on DedeCMS: a price ticker scrolling in the header (other markets' quotes, not the
    article), the day's price report whose table is the article, then editor, source and disclaimer lines,
    prev / next links, a related list and a hot list inside the same content column."""
    title, body = story
    ticker = "".join(f"<li><a href=\"/price/{k}.html\">{n}</a><span>{p}</span><em>{d}</em></li>" for k, (n, p, d) in enumerate([
        ("长江现货铜", "71,320", "+410"), ("长江现货铝", "19,060", "-20"), ("南储锌", "21,470", "+90"), ("上海电解镍", "131,900", "-1,100"),
        ("沪锡主力", "216,800", "+2,350"), ("沪铅主力", "16,485", "+15"), ("螺纹钢", "3,612", "-24"), ("304冷轧卷", "14,150", "-50")]))
    return (head(title, "中国再生资源交易网", charset="gb2312") + '<body><div class="header"><div class="logo"><a href="/"><img src="/templets/default/images/logo.gif" /></a></div>'
            '<div class="toplink"><a href="/member/login.php">登录</a> | <a href="/member/reg_new.php">免费注册</a> | <a href="#">设为首页</a> | <a href="#">加入收藏</a></div></div>'
            '<div class="menu"><ul><li><a href="/">网站首页</a></li><li><a href="/price/">今日价格</a></li><li><a href="/news/">行业资讯</a></li>'
            '<li><a href="/supply/">供求信息</a></li><li><a href="/company/">企业库</a></li><li><a href="/zhanhui/">展会</a></li></ul></div>'
            f'<div class="hq_scroll"><strong>实时行情：</strong><marquee scrollamount="3" onmouseover="this.stop()"><ul>{ticker}</ul></marquee></div>'
            '<div class="w960"><div class="place"><strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/price/">今日价格</a> &gt; <a href="/price/fjs/">废金属价格</a> &gt; </div>'
            f'<div class="pleft"><div class="viewbox"><div class="title"><h2>{e(title)}</h2></div>'
            '<div class="info"><small>时间:</small>2024-03-12 16:35<small>来源:</small>中国再生资源交易网 <small>作者:</small>行情部 <small>点击:</small>'
            '<script src="/plus/count.php?view=yes&aid=44871&mid=1" type="text/javascript" language="javascript"></script>次</div>'
            f'<div class="content"><table width="100%"><tr><td>{para(body)}'
            '<p>责任编辑：陈晓</p><p>本文来源：中国再生资源交易网，转载请注明出处。</p>'
            '<p class="mzsm">免责声明：本网价格信息由行情部根据市场调研整理，仅供参考，不作为交易依据。据此操作，风险自负。</p></td></tr></table></div>'
            '<div class="boxoff"><strong>------分隔线----------------------------</strong></div>'
            '<div class="handle"><div class="context"><ul><li>上一篇：<a href="/price/fjs/44870.html">3月11日华东地区废旧金属回收价格行情</a></li>'
            '<li>下一篇：<a href="/price/fjs/44902.html">3月13日华东地区废旧金属回收价格行情</a></li></ul></div>'
            '<div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid=44871">收藏</a></li><li id="act-err"><a href="/plus/erraddsave.php?aid=44871">挑错</a></li>'
            '<li id="act-pus"><a href="/plus/recommend.php?aid=44871">推荐</a></li><li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div></div></div>'
            f'<div class="xgyd"><dl class="tbox"><dt><strong>相关阅读</strong></dt><dd>{ul([f"3月{d}日华东地区废旧金属回收价格行情" for d in (11, 10, 9, 8, 7, 6)], True, "d1")}</dd></dl></div></div>'
            f'<div class="pright"><div class="commend"><dl class="tbox light"><dt class="light"><strong>热点推荐</strong></dt><dd class="light">{ul(HOT_ZH[:6], False, "d4")}</dd></dl></div>'
            f'<div class="hot"><dl class="tbox"><dt><strong>本周热门</strong></dt><dd>{ul(HOT_ZH[2:8], False, "c1")}</dd></dl></div></div></div>'
            '<div class="footer w960 center mt1 clear"><p class="powered">Copyright &copy; 2008-2024 中国再生资源交易网 版权所有<br />'
            '客服热线：400-810-2288　备案号：<a href="https://beian.miit.gov.cn/">沪ICP备08102234号</a></p></div></body></html>')


def phpcms_assoc(story: Story) -> str:
    """An industry association's site on PHPCMS: source / author / views line, the story, its editor and
    disclaimer in the content box, prev / next, a related list, a picture box (精彩图片) and a hot list."""
    title, body = story
    pics = "".join(f'<li><a href="/pic/{k}.html"><img src="/uploadfile/2024/03{k}/thumb_{k}.jpg" width="150" height="100" /></a><p><a href="/pic/{k}.html">{t}</a></p></li>'
                   for k, t in enumerate(["协会代表团考察日本再生铝企业", "再生金属产业园一期投产", "行业规范条件宣贯会现场", "第十届再生金属国际论坛开幕"]))
    return (head(title, "中国再生金属行业协会") + '<body><div class="header"><div class="logo"><a href="/"><img src="/statics/images/logo.jpg" /></a></div></div>'
            '<div class="nav"><a href="/">首页</a><a href="/xhgk/">协会概况</a><a href="/xhdt/">协会动态</a><a href="/hyzx/">行业资讯</a><a href="/zcfg/">政策法规</a><a href="/hybz/">行业标准</a><a href="/hyfw/">会员服务</a></div>'
            '<div class="main"><div class="crumbs"><a href="/">首页</a><span> &gt; </span><a href="/xhdt/">协会动态</a> &gt;  正文</div>'
            f'<div class="col-left"><div id="Article"><h1>{e(title)}<br /><span>2024-03-21 09:12:47&nbsp;&nbsp;&nbsp;来源：协会秘书处&nbsp;&nbsp;&nbsp;作者：刘洋&nbsp;&nbsp;&nbsp;评论：0 点击：</span><span id="hits">1326</span></h1>'
            f'<div class="content">{para(body)}'
            '<p style="text-align: right">（责任编辑：张薇）</p>'
            '<div class="statement">【免责声明】本网站转载的文章，版权归原作者所有。转载目的在于传递更多信息，并不代表本网赞同其观点和对其真实性负责。如涉及作品内容、版权等问题，请在30日内与本网联系。</div></div>'
            '<div class="page"></div><p style="margin-bottom:10px"><strong>相关热词搜索：</strong><a href="/tag/理事会">理事会</a> <a href="/tag/再生金属">再生金属</a></p>'
            '<p><strong>上一篇：</strong><a href="/xhdt/2024/0318/1198.html">协会举办再生铜原料标准宣贯培训班</a><br /><strong>下一篇：</strong><a href="/xhdt/2024/0325/1203.html">协会与马来西亚再生资源协会签署合作备忘录</a></p>'
            f'<div class="related"><h5 class="blue">相关阅读：</h5>{ul(["协会第五届理事会第二次会议在京召开", "协会2023年工作要点", "王建国会长出席再生金属国际论坛", "关于增补理事单位的公告"], True, "list lh24 f14")}</div></div></div>'
            f'<div class="col-auto"><div class="box"><h5 class="title-2">精彩图片</h5><ul class="content picbox">{pics}</ul></div>'
            f'<div class="box"><h5 class="title-2">频道总排行</h5>{ul(HOT_ZH[:8], False, "content digg")}</div></div></div>'
            '<div class="footer"><p class="info"><a href="/about/">关于我们</a> - <a href="/contact/">联系方式</a> - <a href="/member/">入会申请</a></p>'
            '<p>Copyright &copy; 中国再生金属行业协会 All Rights Reserved 地址：北京市西城区三里河路46号 电话：010-68591234</p><p>京ICP备10028796号-1</p></div></body></html>')


def ecms_comments(story: Story) -> str:
    """A city news site on 帝国CMS: the story in `#text`, share tools, a 网友评论 box with three comments and
    a form, then hot and latest lists."""
    title, body = story
    comments = "".join(f'<div class="pl_item"><div class="pl_user">{u} <span>{d}</span> 发表</div><div class="pl_text">{t}</div><div class="pl_act"><a href="#">支持</a>({s}) <a href="#">反对</a>(0)</div></div>'
                       for u, d, t, s in [("网友 江城老王", "2024-04-08 10:21", "我家的旧空调就是这么换的，补贴到手挺快，回收师傅也准时上门。", 12),
                                          ("广州市 网友", "2024-04-08 11:05", "希望能多设几个回收点，我们小区附近一个都没有，只能等收废品的。", 7),
                                          ("网友 lz_1987", "2024-04-08 13:40", "补贴500元是最高，实际上小家电根本拿不到多少，宣传有点夸大。", 3)])
    return (head(title, "江城新闻网") + '<body><div class="topbar"><div class="w">今天是：<script>document.write(new Date().toLocaleDateString())</script> <a href="/e/member/login/">登录</a> <a href="/e/member/register/">注册</a></div></div>'
            '<div class="nav"><a href="/">首页</a><a href="/news/local/">本地</a><a href="/news/china/">国内</a><a href="/news/world/">国际</a><a href="/finance/">财经</a><a href="/house/">房产</a><a href="/auto/">汽车</a></div>'
            '<div class="w main"><div class="left"><div class="position">您当前的位置 ：<a href="/">江城新闻网</a>&nbsp;>&nbsp;<a href="/news/">新闻</a>&nbsp;>&nbsp;<a href="/news/local/">本地</a></div>'
            f'<div class="article"><h1>{e(title)}</h1><div class="source">2024-04-08 09:30:15　来源：江城日报　作者：记者 周静　点击：<script src="/e/public/ViewClick/?classid=3&id=8812&addclick=1"></script>次</div>'
            f'<div id="text">{para(body)}<p class="editor">【责任编辑：何欢】</p></div>'
            '<div class="share"><div class="bdsharebuttonbox"><span>分享到：</span><a href="#" class="bds_qzone">QQ空间</a><a href="#" class="bds_tsina">新浪微博</a><a href="#" class="bds_weixin">微信</a><a href="#" class="bds_more">更多</a></div></div>'
            '<div class="updown"><p>上一篇：<a href="/news/local/2024-04-08/8811.html">城东区老旧小区改造今年开工38个</a></p><p>下一篇：<a href="/news/local/2024-04-08/8813.html">市区新增公共充电桩1200个</a></p></div></div>'
            f'<div class="pinglun"><div class="pl_title"><span>网友评论</span><em>已有<b>3</b>条评论</em></div>{comments}'
            '<div class="pl_more"><a href="/e/pl/?classid=3&id=8812">查看全部评论</a></div>'
            '<form action="/e/pl/doaction.php" method="post"><div class="pl_form"><textarea name="saytext" rows="5" cols="60"></textarea>'
            '<p>用户名：<input name="username" /> 密码：<input type="password" name="password" /> <input type="checkbox" name="nomember" value="1" checked />匿名发表 验证码：<input name="key" size="6" /><img src="/e/ShowKey/?v=pl" /></p>'
            '<p><input type="submit" value="发表评论" /></p><p class="tip">网友评论仅供其表达个人看法，并不表明本网同意其观点或证实其描述。</p></div></form></div></div>'
            f'<div class="right"><div class="box"><h3>热点推荐</h3>{ul(HOT_ZH[:7], False, "toplist")}</div><div class="box"><h3>最新文章</h3>{ul(HOT_ZH[1:8], True)}</div></div></div>'
            '<div class="footer">关于我们 | 广告服务 | 联系我们 | 网站地图<br />江城新闻网 版权所有 未经许可不得转载<br />互联网新闻信息服务许可证：42120170012　鄂ICP备12003301号</div></body></html>')


def discuz_portal(story: Story) -> str:
    """A Discuz! X portal article (portal.php?mod=view): the meta bar with views and comments, a summary box,
    the body in `td#article_content`, favourite / share tools, prev / next, related reading, latest comments."""
    title, body = story
    comments = "".join(f'<dl class="ptm pbm bbda cl"><dt class="mbm"><span class="y xw0"><a href="#">回复</a></span><a href="/space-uid-{u}.html" class="xi2 xw1">{n}</a><span class="xg1 xw0">{d}</span></dt><dd>{t}</dd></dl>'
                       for u, n, d, t in [(2281, "铝业老兵", "2024-3-15 14:22", "园区离港口近，原料进口方便，这个选址不错。"),
                                          (9134, "zhangwei_88", "2024-3-15 16:05", "希望环保设施真正落实，别又是一个污染源。"),
                                          (417, "临港人", "2024-3-16 08:47", "400个岗位，本地人能招多少？")])
    first = body[0][1]
    return (head(title, "临港在线 - 临港社区门户", extra='<meta name="generator" content="Discuz! X3.4" />') + '<body id="nv_portal" class="pg_view"><div id="toptb" class="cl"><div class="wp"><div class="z"><a href="/">设为首页</a><a href="#">收藏本站</a></div>'
            '<div class="y"><a href="/member.php?mod=register">立即注册</a><a href="/member.php?mod=logging&action=login">登录</a></div></div></div>'
            '<div id="hd"><div class="wp"><div id="nv"><ul><li><a href="/portal.php">门户</a></li><li><a href="/forum.php">论坛</a></li><li><a href="/group.php">群组</a></li><li><a href="/home.php">家园</a></li></ul></div></div></div>'
            '<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="/" class="nvhm">临港在线</a> <em>&rsaquo;</em> <a href="/portal.php">门户</a> <em>&rsaquo;</em> <a href="/portal.php?mod=list&catid=3">园区动态</a> <em>&rsaquo;</em> 查看内容</div></div>'
            f'<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw"><div class="h hm"><h1 class="ph">{e(title)} </h1>'
            '<p class="xg1">2024-3-15 11:08| 发布者: <a href="/space-uid-1.html">admin</a>| 查看: 2316| 评论: 3|原作者: 园区管委会|来自: 临港发布</p></div>'
            f'<div class="s"><div><strong>摘要</strong>: {e(first[:60])} ...</div></div>'
            f'<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">{para(body, "<p>{}</p>")}</td></tr></table>'
            '<div class="ptw pbw cl"></div><div class="o cl ptm pbm"><a href="/home.php?mod=spacecp&ac=favorite" class="oshr ofav">收藏</a><a href="/home.php?mod=spacecp&ac=share" class="oshr">分享</a><a href="/misc.php?mod=invite" class="oshr oivt">邀请</a></div>'
            '<div class="pren pbm cl"><em>上一篇：</em><a href="/portal.php?mod=view&aid=1187">临港工业园一季度实现工业产值86亿元</a><br><em>下一篇：</em><a href="/portal.php?mod=view&aid=1191">园区举办春季招聘会 提供岗位2300个</a></div></div></div>'
            f'<div class="bm"><div class="bm_h cl"><h3>相关阅读</h3></div><div class="bm_c">{ul(["临港工业园再生资源产业规划发布", "园区铝产业链招商推介会举行", "循环经济产业园二期开工"], False, "xl xl2 cl")}</div></div>'
            f'<div id="comment" class="bm"><div class="bm_h cl"><a href="/portal.php?mod=comment&id=1189" class="y xi2 xw0">查看全部评论(3)</a><h3 class="ph">最新评论</h3></div><div id="comment_ul" class="bm_c">{comments}</div>'
            '<form id="cform" action="/portal.php?mod=portalcp&ac=comment" method="post"><div class="tedt"><div class="area"><textarea name="message" rows="3" class="pt" id="message"></textarea></div></div><p class="ptn pns"><button type="submit" class="pn"><strong>评论</strong></button></p></form></div></div>'
            f'<div class="sd pph"><div class="bm"><div class="bm_h"><h2>热门文章</h2></div><div class="bm_c">{ul(HOT_ZH[:6], False, "xl xl1 cl")}</div></div></div></div></div>'
            '<div id="ft" class="wp cl"><div id="flk" class="y"><p><a href="/archiver/">Archiver</a><span class="pipe">|</span><a href="#">手机版</a><span class="pipe">|</span><a href="#">小黑屋</a></p></div>'
            '<div id="frt"><p>Powered by <strong><a href="https://www.discuz.net">Discuz!</a></strong> <em>X3.4</em></p><p class="xs0">&copy; 2001-2024 <a href="https://www.comsenz.com">Comsenz Inc.</a></p></div></div></body></html>')


# --- traditional -----------------------------------------------------------------------------------------

def tw_gov(story: Story) -> str:
    """A Taiwanese ministry's press release: 發布單位 / 發布日期 / 更新日期 rows, the release, 相關附件, a share row,
    瀏覽人次, 列印 / 回上一頁 tools and the footer with address, hours and policies."""
    title, body = story
    return (head(title, "環境部全球資訊網", lang="zh-Hant-TW") + '<body><a href="#C" class="accesskey" title="中央內容區塊">:::</a><div class="header"><a href="/"><img src="/images/logo.svg" alt="環境部" /></a>'
            '<ul class="topnav"><li><a href="/sitemap">網站導覽</a></li><li><a href="/en">English</a></li><li><a href="/rss">RSS</a></li></ul></div>'
            '<div class="menu"><ul><li><a href="/News">最新消息</a></li><li><a href="/Policy">政策法規</a></li><li><a href="/Service">便民服務</a></li><li><a href="/Info">資訊公開</a></li></ul></div>'
            '<div class="container"><div class="path"><a href="/">首頁</a> &gt; <a href="/News">最新消息</a> &gt; <a href="/News/Press">新聞稿</a></div>'
            f'<a href="#C" accesskey="C" title="中央內容區塊">:::</a><div class="cp"><h2 class="title">{e(title)}</h2>'
            '<ul class="info"><li>發布單位：資源循環署</li><li>發布日期：113-03-15</li><li>更新日期：113-03-15</li></ul>'
            f'<div class="cpbody">{para(body)}</div>'
            '<div class="file_download"><h3>相關附件</h3><ul><li><a href="/Download/1130315-1.pdf">預告修正廢鉛蓄電池回收清除處理費費率草案.pdf</a>（PDF，236KB）</li>'
            '<li><a href="/Download/1130315-2.odt">費率審議委員會會議紀錄.odt</a>（ODT，41KB）</li></ul></div>'
            '<div class="function"><ul><li><a href="javascript:window.print();">列印</a></li><li><a href="javascript:history.back();">回上一頁</a></li>'
            '<li><a href="https://www.facebook.com/sharer.php?u=">分享至Facebook</a></li><li><a href="https://social-plugins.line.me/lineit/share?url=">分享至LINE</a></li></ul>'
            '<p class="count">瀏覽人次：3,482</p></div></div></div>'
            '<div class="footer"><ul><li><a href="/Privacy">隱私權政策</a></li><li><a href="/Security">資訊安全政策</a></li><li><a href="/Open">政府網站資料開放宣告</a></li></ul>'
            '<p>地址：10042臺北市中正區中華路一段83號　總機：(02)2311-7722</p><p>服務時間：週一至週五 08:30～17:30</p><p>本網站建議使用 Chrome、Edge、Firefox 最新版本瀏覽</p>'
            '<p><img src="/images/accessibility.png" alt="通過AA無障礙網頁檢測" /></p></div></body></html>')


def hk_price(story: Story) -> str:
    """A Hong Kong recyclers' association page (DedeCMS, traditional): a price table that is the article,
    a quotes ticker in the sidebar (other markets, not the article), a 轉載 notice, a 免責聲明 and
    相關閱讀 / 熱門推薦 lists, 上一篇 / 下一篇."""
    title, body = story
    quotes = "".join(f"<tr><td>{n}</td><td>{p}</td><td class=\"{'up' if d.startswith('+') else 'down'}\">{d}</td></tr>" for n, p, d in [
        ("LME銅", "9,412.5", "+68.0"), ("LME鋁", "2,238.0", "-4.5"), ("LME鋅", "2,531.0", "+12.0"), ("LME鎳", "17,805", "-140"), ("LME錫", "27,950", "+310")])
    return (head(title, "香港廢金屬回收商會", lang="zh-Hant-HK", charset="big5") + '<body><div class="top"><a href="/"><img src="/templets/hk/logo.png" alt="香港廢金屬回收商會" /></a>'
            '<span class="lang"><a href="/">繁</a> | <a href="/gb/">简</a> | <a href="/en/">EN</a></span></div>'
            '<div class="menu"><a href="/">首頁</a><a href="/about/">商會簡介</a><a href="/news/">業界消息</a><a href="/price/">回收價格</a><a href="/member/">會員名錄</a><a href="/contact/">聯絡我們</a></div>'
            '<div class="wrap"><div class="place">您的位置：<a href="/">首頁</a> &gt; <a href="/price/">回收價格</a> &gt; </div>'
            f'<div class="mainleft"><div class="arc_title"><h1>{e(title)}</h1></div><div class="arc_info">日期：2024-03-18　來源：本會價格小組　瀏覽：<span id="hits">871</span>次</div>'
            f'<div class="arc_body">{para(body)}'
            '<p>（轉載請註明出處：香港廢金屬回收商會）</p>'
            '<p class="disclaimer">免責聲明：本會發布的價格資料僅供會員及公眾參考，本會不保證其準確性及完整性，亦不承擔因使用有關資料而引致的任何損失。</p></div>'
            '<div class="arc_page"><p>上一篇：<a href="/price/20240311.html">上週廢金屬回收參考價格 銅價回穩</a></p><p>下一篇：<a href="/price/20240325.html">本週廢金屬回收參考價格 鋁價小跌</a></p></div>'
            f'<div class="xgyd"><h3>相關閱讀</h3>{ul(["二月份廢金屬回收量統計", "回收商收購金屬物料須知", "政府擬規管廢電器回收商"], True)}</div></div>'
            f'<div class="mainright"><div class="quotes"><h3>國際金屬行情</h3><table><tr><th>品種</th><th>價格</th><th>漲跌</th></tr>{quotes}</table><p class="note">美元／公噸，延遲15分鐘</p></div>'
            f'<div class="hot"><h3>熱門推薦</h3>{ul(HOT_TW[:6])}</div></div></div>'
            '<div class="foot">Copyright &copy; 2024 香港廢金屬回收商會 版權所有　地址：九龍觀塘開源道62號駱駝漆大廈三期7樓　電話：(852) 2345 6789</div></body></html>')


def tw_assoc(story: Story) -> str:
    """A Taiwanese trade association on PHPCMS (traditional): 來源 / 作者 / 點閱 row, the story, 責任編輯 and
    免責聲明 in the content box, prev / next, 相關閱讀, 精彩圖片."""
    title, body = story
    pics = "".join(f'<li><a href="/pic/{k}.html"><img src="/uploadfile/2024/thumb_{k}.jpg" /></a><p>{t}</p></li>'
                   for k, t in enumerate(["會員大會剪影", "參訪日本家電回收廠", "循環經濟論壇現場", "理監事聯席會議"]))
    return (head(title, "台灣資源回收工業同業公會", lang="zh-TW") + '<body><div class="header"><h1 class="logo"><a href="/">台灣資源回收工業同業公會</a></h1></div>'
            '<div class="nav"><a href="/">首頁</a><a href="/about/">公會簡介</a><a href="/news/">公會動態</a><a href="/law/">法規資訊</a><a href="/member/">會員專區</a></div>'
            '<div class="main"><div class="crumbs"><a href="/">首頁</a> &gt; <a href="/news/">公會動態</a> &gt; 正文</div>'
            f'<div class="col-left"><div id="Article"><h1>{e(title)}<br /><span>2024-03-25 10:05:12　來源：公會秘書處　作者：林佳蓉　點閱：</span><span id="hits">642</span></h1>'
            f'<div class="content">{para(body)}'
            '<p>（責任編輯：黃文彥）</p>'
            '<p>【免責聲明】本網站所刊載之文章，僅代表作者個人意見，不代表本會立場。轉載文章之版權屬原作者所有，如有侵權，請來信告知，本會將立即刪除。</p></div>'
            '<p><strong>上一篇：</strong><a href="/news/2024/0318/311.html">公會第十二屆第二次會員大會順利召開</a><br /><strong>下一篇：</strong><a href="/news/2024/0401/318.html">環境部說明資源回收費率審議程序</a></p>'
            f'<div class="related"><h5>相關閱讀：</h5>{ul(["公會參訪日本家電回收廠", "太陽光電板回收制度上路", "廢電子產品回收量統計"], True)}</div></div></div>'
            f'<div class="col-auto"><div class="box"><h5>精彩圖片</h5><ul class="picbox">{pics}</ul></div><div class="box"><h5>點閱排行</h5>{ul(HOT_TW[:8])}</div></div></div>'
            '<div class="footer">Copyright &copy; 台灣資源回收工業同業公會 版權所有　地址：台北市大安區信義路三段100號8樓　電話：(02)2700-1234</div></body></html>')


def tw_ecms(story: Story) -> str:
    """A Taiwanese news site on 帝國CMS (traditional): 分享到, 網友評論 with two comments and a form, 熱門新聞."""
    title, body = story
    comments = "".join(f'<div class="pl_item"><div class="pl_user">{u} <span>{d}</span> 發表</div><div class="pl_text">{t}</div></div>'
                       for u, d, t in [("網友 阿明", "2024-04-10 09:12", "我上個月換電池就有折抵，很方便，希望偏鄉也能多設幾站。"),
                                       ("台中網友", "2024-04-10 12:30", "舊電池拿去做儲能很好，但要注意安全檢測。")])
    return (head(title, "綠能新聞網", lang="zh-TW") + '<body><div class="top">今天是 2024年4月10日 星期三 <a href="/e/member/login/">會員登入</a></div>'
            '<div class="nav"><a href="/">首頁</a><a href="/news/energy/">能源</a><a href="/news/env/">環保</a><a href="/news/industry/">產業</a><a href="/news/policy/">政策</a></div>'
            '<div class="w main"><div class="left"><div class="position">目前位置：<a href="/">首頁</a> &gt; <a href="/news/energy/">能源</a></div>'
            f'<div class="article"><h1>{e(title)}</h1><div class="source">2024-04-10 08:45　來源：綠能新聞網　記者 許雅婷／台北報導</div>'
            f'<div id="text">{para(body)}</div>'
            '<div class="share"><span>分享到：</span><a href="#">Facebook</a><a href="#">LINE</a><a href="#">Twitter</a><a href="#">複製連結</a></div>'
            '<div class="updown"><p>上一篇：<a href="/news/energy/8810.html">台電擴大綠電轉供 企業採購量倍增</a></p><p>下一篇：<a href="/news/energy/8815.html">離岸風電第三階段區塊開發啟動</a></p></div></div>'
            f'<div class="pinglun"><div class="pl_title"><span>網友評論</span><em>已有<b>2</b>條評論</em></div>{comments}'
            '<form action="/e/pl/doaction.php" method="post"><textarea name="saytext"></textarea><p>暱稱：<input name="username" /> 驗證碼：<input name="key" /></p><p><input type="submit" value="發表評論" /></p>'
            '<p class="tip">網友評論僅代表個人意見，不代表本網立場。請遵守相關法律法規，文明發言。</p></form></div></div>'
            f'<div class="right"><div class="box"><h3>熱門新聞</h3>{ul(HOT_TW[:7])}</div><div class="box"><h3>精彩圖片</h3><ul><li><img src="/d/pic1.jpg" /><p>離岸風場空拍</p></li><li><img src="/d/pic2.jpg" /><p>電池回收站一景</p></li></ul></div></div></div>'
            '<div class="footer">關於我們 | 廣告刊登 | 聯絡我們 | 隱私權政策<br />綠能新聞網 版權所有 &copy; 2024 未經授權請勿轉載</div></body></html>')


def tw_discuz(story: Story) -> str:
    """A Discuz! X portal article in traditional characters: meta bar, 摘要 box, body, 收藏 / 分享, prev / next,
    相關閱讀, 最新評論."""
    title, body = story
    comments = "".join(f'<dl class="ptm pbm bbda cl"><dt class="mbm"><a href="/space-uid-{u}.html" class="xi2 xw1">{n}</a><span class="xg1 xw0">{d}</span></dt><dd>{t}</dd></dl>'
                       for u, n, d, t in [(512, "鋼鐵人", "2024-3-20 10:11", "廢鋼價格應該會再漲一波，回收業者要開心了。"),
                                          (883, "kevin_lin", "2024-3-20 15:42", "電爐用電那麼多，台電撐得住嗎？")])
    return (head(title, "台灣金屬論壇 - 門戶", lang="zh-TW", extra='<meta name="generator" content="Discuz! X3.4" />') + '<body id="nv_portal" class="pg_view"><div id="toptb" class="cl"><div class="wp"><a href="/member.php?mod=register">立即註冊</a> <a href="/member.php?mod=logging&action=login">登錄</a></div></div>'
            '<div id="hd"><div class="wp"><div id="nv"><ul><li><a href="/portal.php">門戶</a></li><li><a href="/forum.php">論壇</a></li><li><a href="/home.php">家園</a></li></ul></div></div></div>'
            '<div id="wp" class="wp"><div id="pt" class="bm cl"><div class="z"><a href="/">台灣金屬論壇</a> <em>&rsaquo;</em> <a href="/portal.php">門戶</a> <em>&rsaquo;</em> <a href="/portal.php?mod=list&catid=2">產業新聞</a> <em>&rsaquo;</em> 查看內容</div></div>'
            f'<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw"><div class="h hm"><h1 class="ph">{e(title)} </h1>'
            '<p class="xg1">2024-3-20 09:30| 發佈者: <a href="/space-uid-1.html">admin</a>| 查看: 1874| 評論: 2|來自: 產業快訊</p></div>'
            f'<div class="s"><div><strong>摘要</strong>: {e(body[0][1][:50])} ...</div></div>'
            f'<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">{para(body)}</td></tr></table>'
            '<div class="o cl ptm pbm"><a href="#" class="oshr ofav">收藏</a><a href="#" class="oshr">分享</a></div>'
            '<div class="pren pbm cl"><em>上一篇：</em><a href="/portal.php?mod=view&aid=2201">不鏽鋼盤價四月持平</a><br><em>下一篇：</em><a href="/portal.php?mod=view&aid=2206">鋁業者布局再生鋁錠</a></div></div></div>'
            f'<div class="bm"><div class="bm_h cl"><h3>相關閱讀</h3></div><div class="bm_c">{ul(["電爐鋼廠用電量創新高", "廢鋼進口量年增一成", "鋼廠淨零路徑圖出爐"], False, "xl xl2 cl")}</div></div>'
            f'<div id="comment" class="bm"><div class="bm_h cl"><h3 class="ph">最新評論</h3></div><div id="comment_ul" class="bm_c">{comments}</div></div></div>'
            f'<div class="sd pph"><div class="bm"><div class="bm_h"><h2>熱門文章</h2></div><div class="bm_c">{ul(HOT_TW[:6], False, "xl xl1 cl")}</div></div></div></div></div>'
            '<div id="ft" class="wp cl"><p>Powered by <strong><a href="https://www.discuz.net">Discuz!</a></strong> <em>X3.4</em></p></div></body></html>')


# --- tails inside the article's own container ------------------------------------------------------------

def wire_tools(story: Story) -> str:
    """A national news portal (a TRS-built wire site): the story in `div#detail`, and inside it under the
    last paragraph the wire's tool row with the editor (`【纠错】 【责任编辑：…】`), a 相关稿件 box heading
    over headline links, and a 网站纠错 link."""
    title, body = story
    return (head(title, "新华网") + '<body><div class="header"><a href="/"><img src="/logo.png" alt="新华网" /></a><div class="nav"><a href="/politics/">时政</a><a href="/fortune/">财经</a><a href="/local/">地方</a><a href="/tech/">科技</a></div></div>'
            f'<div class="main clearfix"><div class="head-line"><h1><span class="title">{e(title)}</span></h1>'
            '<div class="header-cont"><span class="year"><em>2024</em></span><span class="day"><em>03</em>/<em>18</em></span><span class="time">19:42:05</span><span class="source">来源：新华网</span></div></div>'
            f'<div id="detail">{para(body)}'
            '<p class="tool"><span>【纠错】</span> <span class="editor">【责任编辑：邱丽芳】</span></p>'
            f'<div class="xglj"><p>相关稿件</p>{ul(["废旧动力电池回收利用体系建设提速", "多地出台再生资源回收网点建设方案", "循环经济发展规划中期评估启动"])}</div>'
            '<p class="jc"><a href="/jc/">网站纠错</a></p></div></div>'
            '<div class="footer"><p>Copyright &copy; 2000-2024 XINHUANET.com All Rights Reserved.</p><p>制作单位：新华网股份有限公司</p></div></body></html>')


def wechat_repost(story: Story) -> str:
    """An association site reposting its own WeChat article: under the story, inside the content box, the
    account's tail as the post printed it (END, 往期推荐 over headline links, 点个在看, a follow ask)."""
    title, body = story
    return (head(title, "中国纺织品循环利用协会") + '<body><div class="top"><a href="/"><img src="/logo.jpg" /></a></div>'
            '<div class="nav"><a href="/">首页</a><a href="/news/">协会新闻</a><a href="/policy/">政策法规</a><a href="/member/">会员单位</a></div>'
            f'<div class="main"><div class="location">您的位置：<a href="/">首页</a> &gt; <a href="/news/">协会新闻</a></div><div class="article"><h2>{e(title)}</h2>'
            '<div class="attr">发布时间：2024-04-02　来源：协会微信公众号　浏览次数：286</div>'
            f'<div class="article-content">{para(body)}'
            '<p style="text-align:center"><strong>END</strong></p>'
            '<p><strong>往期推荐</strong></p>'
            '<p><a href="/news/118.html">协会召开废旧纺织品回收标准起草工作会</a></p><p><a href="/news/117.html">一图读懂废旧纺织品循环利用实施意见</a></p>'
            '<p><a href="/news/115.html">会员风采：再生纤维企业走访记</a></p>'
            '<p style="text-align:center">点个在看，你最好看</p>'
            '<p style="text-align:center">点击关注我们的微信公众号，获取更多行业资讯</p></div></div></div>'
            '<div class="footer">版权所有：中国纺织品循环利用协会　地址：北京市朝阳区东三环中路12号　京ICP备15003321号</div></body></html>')


def tw_news_pitch(story: Story) -> str:
    """A Taiwanese news site: between and under the story's paragraphs, inside its body `div`, the site's
    pitches and inline links (►延伸閱讀：…, 【今日最熱門】, a YouTube / LINE follow ask, 點我看更多) and a
    share row with the view count."""
    title, body = story
    paras = [f"<p>{e(t)}</p>" for _, t in body]
    paras.insert(2, '<p>►延伸閱讀：<a href="/news/20240310/889.html">資源回收四合一計畫新制上路 回收站補助加碼</a></p>')
    return (head(title, "今日新聞網", lang="zh-TW") + '<body><div class="header"><a href="/"><img src="/img/logo.png" alt="今日新聞" /></a><ul class="nav"><li><a href="/news/politics">政治</a></li><li><a href="/news/life">生活</a></li><li><a href="/news/finance">財經</a></li></ul></div>'
            f'<div class="container"><div class="story"><h1>{e(title)}</h1><div class="story-info"><span class="date">2024/03/21 14:05</span><span class="author">記者 林宜萱／新北報導</span></div>'
            f'<div class="story-body">{"".join(paras)}'
            '<p><strong>【今日最熱門】</strong></p>'
            f'{ul(["鋁罐回收率達九成 全球數一數二", "回收站火災頻傳 消防局籲加強防範"])}'
            '<p>歡迎訂閱我們的YouTube頻道，掌握最新消息！</p><p>加入LINE好友，新聞不漏接</p><p><a href="/news/life">點我看更多生活新聞</a></p>'
            '<p>追蹤我們</p><p>分享至Facebook 分享至LINE</p><p>瀏覽人次：3,482</p></div></div></div>'
            '<div class="footer">今日新聞網 版權所有 &copy; 2024 未經授權請勿轉載</div></body></html>')


def blog_post(story: Story) -> str:
    """A blog portal's post page: under the post, inside its entry `div`, the post's stats line (发表于 …
    (阅读:N;评论:N)), a bookmark link, the trackback address and a reader counter."""
    title, body = story
    return (head(title, "铝业人的博客 - 再生资源博客") + '<body><div id="header"><h1><a href="/blog/lvyeren">铝业人的博客</a></h1><p>关注再生铝，记录行业点滴</p></div>'
            '<div id="menu"><a href="/blog/lvyeren">首页</a> | <a href="/blog/lvyeren/archives">文章归档</a> | <a href="/blog/lvyeren/album">相册</a> | <a href="/blog/lvyeren/about">关于我</a></div>'
            f'<div id="content"><div class="entry"><h2 class="entry-title">{e(title)}</h2><div class="entry-body">{para(body)}</div>'
            '<p class="entry-footer">发表于 2024年3月12日 12:40 - (阅读:3727;评论:63)</p>'
            '<p>[<a href="#">点击此处收藏本文</a>]</p><p>本文引用通告地址（Trackback）：/blog/trackback.php?id=1700</p>'
            '<p>您是本文第 1546 个阅览者</p></div>'
            '<div class="comments"><h3>评论</h3><p>暂无评论</p></div></div>'
            '<div id="sidebar"><h3>文章分类</h3><ul><li><a href="#">再生铝</a>(23)</li><li><a href="#">行业观察</a>(41)</li><li><a href="#">随笔</a>(12)</li></ul></div>'
            '<div id="footer">Powered by 再生资源博客 &copy; 2024</div></body></html>')


# --- a short story beside other stories' blurbs ----------------------------------------------------------

def table_flash(story: Story) -> str:
    """A district bureau's page in a table layout: the left cell holds the bureau's functions (a paragraph)
    and its latest news as headlines with blurbs; the right cell the headline, the 发布时间 bar, a story of
    two short paragraphs and the print / close tools."""
    title, body = story
    items = "".join(f'<tr><td class="tit"><a href="/dt/{k}.html">{e(t)}</a></td></tr><tr><td class="zy">{e(b)}</td></tr>'
                    for k, (t, b) in enumerate(TEASER_BLURBS))
    return (head(title, "某区生态环境局") + '<body><table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="2"><img src="/images/banner.jpg" width="1000" height="120" /></td></tr>'
            '<tr><td colspan="2" class="nav"><a href="/">首页</a> | <a href="/jggk/">机构概况</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></td></tr>'
            '<tr><td width="260" valign="top" class="left"><table width="100%"><tr><td class="lm">机构职能</td></tr>'
            '<tr><td class="zn">区生态环境局是区政府工作部门，负责全区生态环境保护的统一监督管理，组织实施生态环境保护规划和排污许可制度，承担环境污染防治和生态保护修复的监督工作。</td></tr></table>'
            f'<table width="100%"><tr><td class="lm">工作动态</td></tr>{items}</table></td>'
            f'<td width="740" valign="top" class="right"><h1>{e(title)}</h1>'
            '<p class="info">发布时间：2024-03-26　来源：区生态环境局　浏览次数：231</p>'
            f'{para(body)}<p class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</p></td></tr>'
            '<tr><td colspan="2" class="foot">主办：某区生态环境局　地址：某区人民路8号　电话：0571-88001234　浙ICP备12045678号</td></tr></table></body></html>')


def teaser_blurbs(story: Story, teasers: list[tuple[str, str]], lang: str, site: str) -> str:
    """A portal's article box: the headline, the 发布时间 bar, a story of two short paragraphs, and inside the
    same box with no heading a list of other stories, each a headline link over its blurb."""
    title, body = story
    items = "".join(f'<li><h4><a href="/news/{k}.html">{e(t)}</a></h4><p>{e(b)}</p></li>' for k, (t, b) in enumerate(teasers))
    return (head(title, site, lang=lang) + '<body><div class="header"><a href="/"><img src="/logo.png" /></a><div class="nav"><a href="/">首頁</a><a href="/news/">新聞</a><a href="/policy/">政策</a></div></div>'
            f'<div class="main"><div class="article"><h1>{e(title)}</h1><div class="info">{"發布時間" if lang == "zh-TW" else "发布时间"}：2024-03-28 10:15　{"來源" if lang == "zh-TW" else "来源"}：{e(site)}</div>'
            f'<div class="content">{para(body)}</div><ul class="list">{items}</ul></div></div>'
            f'<div class="footer">Copyright &copy; 2024 {e(site)}</div></body></html>')



def table_side_root(story: Story) -> str:
    """The same bureau in a layout whose left cell holds its functions as a paragraph and its news as
    `div`s of a heading over a blurb, and whose right cell holds the headline, the bar and a story of two
    short paragraphs: the left cell outscores the story and is chosen as the root, without the headline."""
    title, body = story
    items = "".join(f'<div class="item"><h4>{e(t)}</h4><p>{e(b)}</p></div>' for t, b in TEASER_BLURBS)
    return (head(title, "某区生态环境局") + '<body><table width="980"><tr><td width="240" valign="top"><h3>机构职能</h3>'
            '<p>区生态环境局是区政府工作部门，负责全区生态环境保护的统一监督管理，组织实施生态环境保护规划和排污许可制度，承担环境污染防治和生态保护修复的监督工作。</p>'
            f'<h3>工作动态</h3>{items}</td><td valign="top"><h1>{e(title)}</h1><p>发布时间：2024-03-26　来源：区生态环境局　浏览次数：231</p>'
            f'{para(body)}<p>【打印本页】【关闭窗口】</p></td></tr></table>'
            '<div class="foot">主办：某区生态环境局　浙ICP备12045678号</div></body></html>')


def prevnext_blurbs(story: Story) -> str:
    """A portal's article box whose 上一篇 / 下一篇 links each carry the other story's blurb."""
    title, body = story
    (t0, b0), (t1, b1) = TEASER_BLURBS[:2]
    return (head(title, "再生资源网") + '<body><div class="nav"><a href="/">首页</a><a href="/news/">新闻</a></div>'
            f'<div class="article"><h1>{e(title)}</h1><div class="info">发布时间：2024-03-26</div><div class="content">{para(body)}</div>'
            f'<div class="pn"><div>上一篇：<a href="/1.html">{e(t0)}</a><p>{e(b0)}</p></div><div>下一篇：<a href="/2.html">{e(t1)}</a><p>{e(b1)}</p></div></div></div>'
            '<div class="footer">版权所有 再生资源网</div></body></html>')


PAGES = {
    "trs-gov-notice": (trs_gov, GOV_NOTICE),
    "dede-price-report": (dede_price, PRICE_REPORT),
    "phpcms-assoc-meeting": (phpcms_assoc, ASSOC_MEETING),
    "ecms-comments-appliance": (ecms_comments, APPLIANCE),
    "discuz-portal-plant": (discuz_portal, DISCUZ_PLANT),
    "tw-gov-release": (tw_gov, TW_GOV_RELEASE),
    "hk-price-table": (hk_price, HK_PRICE),
    "tw-assoc-forum": (tw_assoc, TW_ASSOC_FORUM),
    "tw-ecms-scooter": (tw_ecms, TW_SCOOTER),
    "tw-discuz-steel": (tw_discuz, TW_DISCUZ_STEEL),
    "wire-tools-tail": (wire_tools, NEWS_WIRE),
    "wechat-repost-tail": (wechat_repost, WECHAT_REPOST),
    "tw-news-pitches": (tw_news_pitch, TW_NEWS_PITCH),
    "blog-post-stats": (blog_post, BLOG_POST),
    "table-gov-flash": (table_flash, FLASH_PERMIT),
    "teaser-blurbs-flash": (lambda st: teaser_blurbs(st, TEASER_BLURBS, "zh-CN", "再生资源网"), FLASH_PERMIT),
    "tw-teaser-blurbs-flash": (lambda st: teaser_blurbs(st, TW_TEASER_BLURBS, "zh-TW", "環保資訊網"), TW_FLASH_TIRES),
    "table-side-root": (table_side_root, FLASH_PERMIT),
    "prevnext-blurbs": (prevnext_blurbs, FLASH_PERMIT),
}


def main() -> None:
    for name, (make, story) in PAGES.items():
        page = make(story)
        charset = re.search(r"charset=([\w-]+)", page)
        encoding = charset.group(1) if charset else "utf-8"      # gb2312 and big5 pages are saved as they declare
        (HERE / f"{name}.html").write_bytes(page.encode("gb18030" if encoding == "gb2312" else encoding, "xmlcharrefreplace"))
        (HERE / f"{name}.gold.json").write_text(json.dumps({"title": story[0], "articleBody": gold(story)},
                                                           ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
