# ruff: noqa: E501  (page templates: one HTML fragment a line)
"""Write hand-written Chinese pages whose story is split across sibling containers, or stands beside a portal
column larger than itself (SOURCE.md): a 导读/摘要 box over the 正文, a 正文 printed in numbered sections each in
its own box, a notice whose 附件 table sits in a box under its text, a story broken by an advert into two
boxes, a short story beside a 行情/价格 column and a 热点排行 list. Run once (`python
tests/pages/zhsplit/make_pages.py`); `tests/test_html_zhsplit.py` reads the written `.html` and `.gold.json`."""
from __future__ import annotations

import html
import json
from pathlib import Path

HERE = Path(__file__).parent
e = html.escape


def ps(texts: list[str]) -> str:
    return "".join(f"<p>{e(t)}</p>" for t in texts)


def ul(titles: list[str], cls: str = "list", dated: bool = False) -> str:
    items = "".join(f'<li><a href="/a/2024/05{k:02d}/{3100 + k}.html" target="_blank">{e(t)}</a>'
                    + (f"<span>05-{10 + k:02d}</span>" if dated else "") + "</li>" for k, t in enumerate(titles))
    return f'<ul class="{cls}">{items}</ul>'


def head(title: str, site: str, lang: str = "zh-CN") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8" /><title>{e(title)}-{e(site)}</title>'
            f'<meta name="keywords" content="{e(site)}" /><link rel="stylesheet" href="/css/main.css" /></head>')


HOT = ["一季度全省外贸进出口增长8.6%", "多地出台新能源汽车下乡补贴细则", "农产品批发价格指数连续两周回落", "港口集装箱吞吐量创同期新高",
       "小微企业首贷户数同比增长三成", "夏粮收购工作全面展开", "电商平台“618”预售启动", "国家统计局发布4月份国民经济数据"]
HOT_TW = ["今年首季出口年增一成二", "颱風外圍環流影響 北部防大雨", "半導體設備進口創新高", "蔬菜價格連兩週下跌",
          "高鐵新增南港加班車", "失業率降至近年新低", "觀光署推國旅補助方案", "電價審議會今召開"]


# --- 1. a 导读 box over the body (DedeCMS, simplified) ---------------------------------------------------
DAODU_LEAD = "导读：今年以来，全县茶叶种植面积稳定在12万亩，春茶产量和产值同比双增，茶产业正从“卖原料”向“卖品牌”转变。"
DAODU_BODY = [
    "5月的清溪县，漫山茶园一片葱绿。在县城以东的云岭村，茶农李春生正忙着给刚采下的鲜叶摊青。“今年春茶开采早、品质好，一斤干茶比去年多卖了80块钱。”他说。",
    "清溪县是全省重点产茶县，全县茶叶种植面积稳定在12万亩左右，涉及茶农3.2万户。据县农业农村局统计，今年春茶季全县共生产干茶4860吨，实现产值9.7亿元，同比分别增长6.1%和11.4%。",
    "产值增幅高于产量，得益于品牌建设。近年来，县里整合“清溪云雾”“云岭毛尖”等区域品牌，统一包装、统一标准、统一宣传，带动茶叶均价逐年提升。目前，全县已有27家茶企获得绿色食品认证，9家企业产品出口欧盟和中东。",
    "在加工环节，县里推动小作坊向标准化茶厂转型。去年以来，累计投入技改资金1.3亿元，新建清洁化生产线46条，机采机制比例提高到六成以上。“过去靠手工炒，一天炒不了几十斤；现在一条线一天能加工两吨鲜叶。”县茶叶协会会长周国庆介绍。",
    "销售渠道也在拓宽。县电商产业园引进直播团队12个，茶企、茶农通过短视频和直播卖茶，今年春茶线上销售额突破1.6亿元，占总销售额的近两成。",
    "县农业农村局负责人表示，下一步将继续推进茶旅融合，建设茶文化体验园和精品民宿，让茶产业链条更长、茶农腰包更鼓。",
]


def dede_daodu() -> tuple[str, str]:
    title = "清溪县春茶产值同比增长11.4% 品牌建设带动茶农增收"
    page = (head(title, "清溪新闻网") + '<body><div class="header"><div class="logo"><a href="/"><img src="/templets/qx/images/logo.png" alt="清溪新闻网" /></a></div>'
            '<div class="nav"><a href="/">首页</a><a href="/a/xw/">清溪新闻</a><a href="/a/xz/">乡镇动态</a><a href="/a/bm/">部门动态</a><a href="/a/ms/">民生</a><a href="/a/sp/">视频</a></div></div>'
            '<div class="w1000"><div class="place">当前位置：<a href="/">主页</a> &gt; <a href="/a/xw/">清溪新闻</a> &gt;</div>'
            f'<div class="main-left"><div class="art-title"><h1>{e(title)}</h1><div class="info">2024-05-14 08:42 来源：清溪县融媒体中心 作者：记者 吴敏 点击：<span id="hits">562</span></div></div>'
            f'<div class="daodu"><p>{e(DAODU_LEAD)}</p></div>'
            f'<div class="art-content">{ps(DAODU_BODY)}</div>'
            '<div class="art-editor">（责任编辑：潘琳）</div>'
            '<div class="art-page"><ul><li>上一篇：<a href="/a/xw/2024/0513/3088.html">全县“三夏”农机调度会召开</a></li><li>下一篇：<a href="/a/xw/2024/0514/3092.html">清溪至云岭公路改造工程通车</a></li></ul></div></div>'
            f'<div class="main-right"><div class="box"><div class="box-t">热点排行</div>{ul(HOT[:8], "toplist")}</div>'
            f'<div class="box"><div class="box-t">图片新闻</div><ul class="pics"><li><a href="/a/tp/1.html"><img src="/uploads/240512/1-2405121F01.jpg" /><span>云岭村茶园</span></a></li><li><a href="/a/tp/2.html"><img src="/uploads/240511/1-2405111A5.jpg" /><span>县城新貌</span></a></li></ul></div></div></div>'
            '<div class="footer"><p>清溪县融媒体中心主办 版权所有 未经授权禁止转载</p><p>赣ICP备16003412号-1</p></div></body></html>')
    return page, "\n\n".join([DAODU_LEAD] + DAODU_BODY)


# --- 2. a policy reading printed in numbered sections, each its own box (PHPCMS, simplified) --------------
SECTIONS = [
    ("一、出台背景", ["为贯彻落实国家关于促进民营经济发展壮大的决策部署，进一步降低市场主体制度性交易成本，市发展改革委会同有关部门起草了《关于进一步优化营商环境降低市场主体制度性交易成本的若干措施》。",
                 "起草过程中，我们赴12个区县和36家企业开展实地调研，书面征求了47个部门的意见，并通过门户网站向社会公开征求意见，共收到意见建议83条，采纳41条。"]),
    ("二、主要内容", ["《若干措施》共五个方面20条。一是推进市场准入更加便利，推行经营范围规范化登记和“一照多址”改革。二是规范涉企收费，全面清理行业协会商会违规收费。",
                 "三是优化涉企服务，实行惠企政策“免申即享”，今年底前“免申即享”事项不少于60项。四是加强公平竞争审查，建立招标投标领域突出问题常态化治理机制。五是强化要素保障，降低企业用地、用能和物流成本。"]),
    ("三、创新举措", ["与以往政策相比，《若干措施》有三个特点：更加注重企业获得感，每条措施都明确了牵头部门和完成时限；更加注重制度创新，提出企业开办全流程一日办结；更加注重政策落实，建立营商环境问题线索“直通车”。"]),
    ("四、适用范围和施行时间", ["《若干措施》适用于在本市登记注册的各类市场主体，自2024年6月1日起施行，有效期至2026年5月31日。各区县可结合实际制定配套细则。"]),
]


def phpcms_sections() -> tuple[str, str]:
    title = "《关于进一步优化营商环境降低市场主体制度性交易成本的若干措施》政策解读"
    boxes = "".join(f'<div class="zcjd-section"><h3>{e(h)}</h3>{ps(t)}</div>' for h, t in SECTIONS)
    page = (head(title, "临江市发展和改革委员会") + '<body><div class="top"><img src="/statics/images/gov/banner.jpg" alt="临江市发展和改革委员会" /></div>'
            '<div class="menu"><a href="/">首页</a><a href="/list-5.html">机构概况</a><a href="/list-9.html">政务公开</a><a href="/list-12.html">政策解读</a><a href="/list-15.html">互动交流</a></div>'
            '<div class="main"><div class="crumbs">您现在的位置：<a href="/">首页</a> &gt; <a href="/list-9.html">政务公开</a> &gt; <a href="/list-12.html">政策解读</a></div>'
            f'<div class="detail"><h1>{e(title)}</h1><div class="detail-info">发布时间：2024-05-20 &nbsp; 来源：市发展改革委 &nbsp; 浏览次数：<span id="hits">1208</span> &nbsp; 【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>'
            f'<div class="zcjd">{boxes}</div>'
            '<div class="detail-tools"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>'
            '<div class="related"><h4>相关文件</h4><ul><li><a href="/show-12-881.html">临江市人民政府办公室关于印发《关于进一步优化营商环境降低市场主体制度性交易成本的若干措施》的通知</a></li></ul></div></div>'
            f'<div class="side"><div class="side-box"><h4>政策解读</h4>{ul(["《临江市促进民营经济高质量发展若干措施》图解", "一图读懂2024年市政府工作报告", "《临江市惠企政策免申即享实施办法》解读", "关于调整最低工资标准的解读", "《临江市公共数据开放管理办法》解读"], "side-list")}</div></div></div>'
            '<div class="foot"><p>主办单位：临江市发展和改革委员会 &nbsp; 地址：临江市人民路1号</p><p>网站标识码：3601000019 &nbsp; 赣ICP备05004121号 &nbsp; 赣公网安备36010202000123号</p></div></body></html>')
    return page, "\n\n".join(h + "\n\n" + "\n\n".join(t) for h, t in SECTIONS)


# --- 3. a notice whose 附件 table is a box under its text (TRS government template, simplified) ----------
NOTICE = ["各有关单位：",
          "根据《临江市科技型中小企业评价工作实施细则》，经企业自评、区县科技部门审核和专家复核，拟将临江宏远精密机械有限公司等12家企业入库为2024年第二批科技型中小企业，现予以公示。",
          "公示期为2024年5月22日至5月28日。公示期内，任何单位和个人对公示企业有异议的，可通过书面形式向市科技局反映。个人反映须署真实姓名并提供联系方式，单位反映须加盖公章。",
          "联系电话：0791-86012345",
          "临江市科学技术局",
          "2024年5月22日"]
ROWS = [("序号", "企业名称", "所在区县"), ("1", "临江宏远精密机械有限公司", "东湖区"), ("2", "临江市绿禾生物科技有限公司", "西湖区"),
        ("3", "江南新材料（临江）有限公司", "高新区"), ("4", "临江云图信息技术有限公司", "高新区"), ("5", "临江市恒达电子有限公司", "经开区"),
        ("6", "临江清源环保设备有限公司", "青山湖区"), ("7", "临江瑞康医疗器械有限公司", "高新区"), ("8", "临江智行汽车零部件有限公司", "经开区"),
        ("9", "临江市天润食品科技有限公司", "新建区"), ("10", "临江博远检测技术有限公司", "红谷滩区"), ("11", "临江市光启照明有限公司", "东湖区"),
        ("12", "临江数联软件有限公司", "高新区")]


def trs_attach() -> tuple[str, str]:
    title = "关于2024年第二批拟入库科技型中小企业名单的公示"
    table = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in ROWS)
    page = (head(title, "临江市科学技术局") + '<body><div class="header"><a href="/"><img src="/images/logo_kjj.png" alt="临江市科学技术局" /></a><div class="search"><input value="请输入关键字" /><a href="/search">搜索</a></div></div>'
            '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/col/col31/">机构概况</a></li><li><a href="/col/col35/">政务公开</a></li><li><a href="/col/col38/">通知公告</a></li><li><a href="/col/col40/">科技服务</a></li></ul></div>'
            '<div class="container"><div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/col/col38/">通知公告</a></div>'
            f'<div class="article"><div class="article-title">{e(title)}</div><div class="article-info">发布日期：2024-05-22　信息来源：高新技术处　字号：<a>大</a> <a>中</a> <a>小</a></div>'
            f'<div class="article-content"><div class="TRS_Editor">{ps(NOTICE)}</div></div>'
            f'<div class="article-attach"><p>附件：2024年第二批拟入库科技型中小企业名单</p><table border="1" cellspacing="0" width="100%"><tbody>{table}</tbody></table></div>'
            '<div class="article-share"><img src="/images/ewm.png" /><span>扫一扫在手机打开当前页</span></div>'
            '<div class="article-tools"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></div></div></div>'
            '<div class="footer"><p><a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></p><p>主办：临江市科学技术局　网站标识码：3601000031　赣ICP备09003325号</p></div></body></html>')
    cells = "\n\n".join(" ".join(r) for r in ROWS)
    return page, "\n\n".join(NOTICE) + "\n\n附件：2024年第二批拟入库科技型中小企业名单\n\n" + cells


# --- 4. a wire story broken by an advert into two boxes (press wire, traditional) -------------------------
WIRE_A = ["（中央通訊社記者林佳穎台北15日電）經濟部今天公布4月外銷訂單金額為478.6億美元，較去年同月增加9.8%，連續第3個月正成長，主要受惠於人工智慧與高效能運算需求強勁。",
          "統計處長黃于玲表示，4月資訊通信產品接單金額為163.2億美元，年增28.4%，創歷年同月新高；電子產品接單153.7億美元，年增7.1%，主要是伺服器與高階晶片需求續旺。",
          "傳統產業方面，塑橡膠製品接單年減4.6%，基本金屬年減2.3%，化學品年減1.8%，降幅均較上月收斂。黃于玲指出，中國大陸產能過剩、低價競爭仍是傳產接單的主要壓力。"]
WIRE_B = ["從接單地區來看，4月自美國接單152.9億美元，年增21.7%；自歐洲接單79.4億美元，年增5.2%；自中國大陸及香港接單107.1億美元，年減2.9%；自東協接單46.8億美元，年增4.4%。",
          "展望5月，經濟部預估外銷訂單金額介於470億至490億美元，年增6.2%至10.7%。黃于玲說，全球終端需求雖未全面回溫，但新興科技應用持續擴展，加上比較基期偏低，預期接單可望維持年增走勢。",
          "不過她也提醒，美國通膨降溫速度與聯準會利率政策、主要經濟體貿易政策變化，以及國際地緣政治風險，仍是未來接單的不確定因素。（編輯：楊蘭軒）1130515"]


def wire_ad_split() -> tuple[str, str]:
    title = "4月外銷訂單年增9.8% 資通產品創同期新高"
    page = (head(title, "中央社 CNA", "zh-TW") + '<body><header class="header"><div class="logo"><a href="/"><img src="/img/logo.svg" alt="中央社" /></a></div>'
            '<nav class="menu"><a href="/list/aall.aspx">即時</a><a href="/list/aipl.aspx">政治</a><a href="/list/aopl.aspx">國際</a><a href="/list/acn.aspx">兩岸</a><a href="/list/aie.aspx">產經</a><a href="/list/asc.aspx">證券</a><a href="/list/ait.aspx">科技</a></nav></header>'
            '<main><div class="breadcrumb"><a href="/">首頁</a> &gt; <a href="/list/aie.aspx">產經</a></div>'
            f'<article class="article"><div class="centralContent"><h1><span>{e(title)}</span></h1><div class="updatetime"><span>2024/5/15 16:38</span></div>'
            f'<div class="paragraph">{ps(WIRE_A)}</div>'
            '<div class="advertise"><div id="div-gpt-ad-middle"><script>googletag.cmd.push(function(){googletag.display("div-gpt-ad-middle");});</script></div><p class="ad-label">廣告</p></div>'
            f'<div class="paragraph">{ps(WIRE_B)}</div>'
            '<div class="shareBar"><a href="#">Facebook</a><a href="#">LINE</a><a href="#">X</a><a href="#">複製連結</a></div>'
            '<div class="moreArticle"><h2>延伸閱讀</h2>' + ul(HOT_TW[:5], "mTopicList") + '</div></div></article>'
            f'<aside class="sideColumn"><div class="popular"><h2>熱門新聞</h2>{ul(HOT_TW, "popularList")}</div></aside></main>'
            '<footer><p>中央通訊社 版權所有 本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。</p></footer></body></html>')
    return page, "\n\n".join(WIRE_A + WIRE_B)


# --- 5. a short market story beside a price column larger than itself (trade portal, simplified) ---------
SHORT = ["本网讯 5月16日，国内生猪价格延续涨势。据监测，全国外三元生猪均价为每公斤15.62元，较前一日上涨0.21元，较上周同期上涨0.86元，已连续9个交易日上涨。",
         "分析人士认为，近期养殖端压栏惜售情绪较浓，叠加二次育肥入场增多，市场流通的标猪数量偏紧，带动猪价走高。不过，终端消费仍处淡季，屠宰企业开工率偏低，猪价短期继续大涨的动力有限，预计后市以高位震荡为主。"]
PRICES = [("北京", "15.80", "+0.20"), ("天津", "15.70", "+0.15"), ("河北", "15.60", "+0.25"), ("山西", "15.40", "+0.10"), ("辽宁", "15.30", "+0.20"),
          ("吉林", "15.20", "+0.30"), ("黑龙江", "15.00", "+0.20"), ("上海", "16.10", "+0.10"), ("江苏", "15.90", "+0.20"), ("浙江", "16.20", "+0.15"),
          ("安徽", "15.70", "+0.25"), ("福建", "16.00", "+0.10"), ("江西", "15.80", "+0.20"), ("山东", "15.70", "+0.30"), ("河南", "15.50", "+0.25"),
          ("湖北", "15.60", "+0.20"), ("湖南", "15.70", "+0.15"), ("广东", "16.40", "+0.20"), ("广西", "15.90", "+0.10"), ("四川", "15.60", "+0.30")]


def portal_price_column() -> tuple[str, str]:
    title = "5月16日全国生猪价格连续9日上涨 均价15.62元/公斤"
    rows = "".join(f"<tr><td>{p}</td><td>外三元</td><td>{v}</td><td>{d}</td><td>05-16</td></tr>" for p, v, d in PRICES)
    blurbs = "".join(f'<div class="hq-item"><a href="/hq/{k}.html">{e(t)}</a><p>{e(b)}</p></div>' for k, (t, b) in enumerate([
        ("玉米价格稳中偏弱 深加工企业下调收购价", "东北产区玉米价格整体持稳，山东地区深加工企业收购价下调10至20元/吨，到货量有所增加。"),
        ("豆粕现货价格小幅回落 下游提货放缓", "主要油厂豆粕报价较前一日下跌20元/吨，下游饲料企业随用随采，提货速度放缓。"),
        ("鸡蛋价格低位反弹 主产区货源偏紧", "受高温天气影响，主产区鸡蛋产量下降，货源偏紧，蛋价止跌反弹，涨幅在0.1至0.2元/斤。")]))
    page = (head(title, "中国畜牧价格网") + '<body><div class="top"><a href="/"><img src="/skin/logo.gif" alt="中国畜牧价格网" /></a><div class="login"><a href="/member/">会员登录</a> <a href="/reg/">免费注册</a></div></div>'
            '<div class="nav"><a href="/">首页</a><a href="/hq/">行情</a><a href="/jg/">价格</a><a href="/zx/">资讯</a><a href="/sj/">数据</a><a href="/qy/">企业</a></div>'
            '<div class="wrap"><div class="pos">当前位置：<a href="/">首页</a> &gt; <a href="/zx/">资讯</a> &gt; <a href="/zx/shengzhu/">生猪资讯</a></div>'
            f'<div class="left"><div class="news"><h1>{e(title)}</h1><div class="news-info">时间：2024-05-16 17:05　来源：中国畜牧价格网　编辑：孙悦</div>'
            f'<div class="news-body">{ps(SHORT)}</div>'
            '<div class="news-tip">声明：本文仅代表作者观点，不构成投资建议。</div></div>'
            f'<div class="hq"><div class="hq-title"><h3>今日行情</h3><a href="/hq/">更多&gt;&gt;</a></div>{blurbs}</div></div>'
            '<div class="right"><div class="price"><div class="price-title"><h3>全国生猪价格</h3><span>单位：元/公斤</span></div>'
            f'<table class="price-table"><tr><th>地区</th><th>品种</th><th>价格</th><th>涨跌</th><th>日期</th></tr>{rows}</table></div>'
            f'<div class="rank"><h3>热点排行</h3>{ul(HOT, "rank-list")}</div></div></div>'
            '<div class="footer">关于我们 | 联系我们 | 广告服务 | 免责声明<br />Copyright © 2010-2024 中国畜牧价格网 京ICP备10012345号</div></body></html>')
    return page, "\n\n".join(SHORT)


# --- 6. a newspaper's digital edition: the page's headline list in a cell beside the story (simplified) ---
EPAPER = ["本报讯（记者 赵磊 通讯员 钱芳）5月17日，随着最后一节钢箱梁精准吊装到位，沿江大桥主桥实现合龙，标志着这座跨江通道建设进入桥面系施工和附属工程阶段。",
          "沿江大桥全长3.86公里，其中主桥为主跨520米的双塔斜拉桥，设计为双向六车道城市快速路，设计速度每小时80公里。大桥建成后，南北两岸通行时间将由目前的40分钟缩短至10分钟以内。",
          "项目建设中，建设单位采用了钢箱梁整节段吊装、智能化索力监测等多项新技术，主塔施工精度控制在毫米级。施工期间，项目部克服了汛期水位变化大、航道通航繁忙等困难，较计划工期提前了两个月。",
          "据介绍，大桥计划于今年10月底建成通车。届时，将进一步完善城市路网结构，缓解现有过江通道交通压力，对促进两岸协同发展具有重要意义。"]
EP_TITLES = ["沿江大桥主桥合龙", "全市一季度经济运行稳中向好", "城区新增15处口袋公园", "夏季用电高峰保供方案出台", "中考体育考试圆满结束", "图片新闻"]


def epaper_cells() -> tuple[str, str]:
    title = "沿江大桥主桥合龙"
    nav = "".join(f'<tr><td class="default"><a href="content_2024-05/18/content_{881 + k}.htm">{e(t)}</a></td></tr>' for k, t in enumerate(EP_TITLES))
    page = (head(title, "临江日报") + '<body><table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td colspan="2" class="top"><img src="../../../tplimg/logo.jpg" />'
            '<span>2024年05月18日 星期六</span><a href="../../../html/2024-05/17/node_2.htm">上一期</a> <a href="../../../html/2024-05/19/node_2.htm">下一期</a> <a href="../../../history.htm">往期回顾</a></td></tr>'
            '<tr><td width="330" valign="top" class="left"><div class="bm"><span>第01版：要闻</span> <a href="node_3.htm">下一版</a></div>'
            '<div><img src="../../../page/1/2024-05/18/01/2024051801_pdf.jpg" width="320" usemap="#PagePicMap" /><map name="PagePicMap"><area shape="polygon" coords="10,20,300,20,300,200,10,200" href="content_881.htm" /></map></div>'
            '<div class="bmdh"><p>本版新闻列表</p><table width="100%">' + nav + '</table></div>'
            '<div class="bmlist"><p>版面导航</p><table><tr><td><a href="node_2.htm">第01版：要闻</a></td></tr><tr><td><a href="node_3.htm">第02版：综合新闻</a></td></tr>'
            '<tr><td><a href="node_4.htm">第03版：经济</a></td></tr><tr><td><a href="node_5.htm">第04版：民生</a></td></tr></table></div></td>'
            '<td width="670" valign="top" class="right"><table width="100%"><tr><td class="font01"></td></tr>'
            f'<tr><td class="font02" align="center"><strong>{e(title)}</strong></td></tr><tr><td class="font03" align="center">南北两岸通行时间将缩短至10分钟以内</td></tr>'
            '<tr><td class="font04"><div id="ozoom" style="font-size:14px"><founder-content>'
            + ps(EPAPER) + '</founder-content></div></td></tr></table>'
            '<div class="tools"><a href="javascript:window.print()">打印本页</a> <a href="#">关闭窗口</a> <a href="javascript:history.back()">返回目录</a></div></td></tr>'
            '<tr><td colspan="2" class="foot">临江日报社版权所有 未经书面授权不得复制或建立镜像<br />地址：临江市新华路18号 邮编：330006</td></tr></table></body></html>')
    return page, "\n\n".join(EPAPER)


# --- 7. an association's WordPress page built with a page builder: text in several widgets (traditional) --
ELEM = [["臺灣區機器工業同業公會於5月10日舉行第14屆第2次會員大會，理事長陳正雄在會中表示，今年前4月機械出口金額為84.2億美元，年減3.1%，但減幅已較去年同期明顯收斂，下半年在半導體設備與自動化需求帶動下，可望恢復正成長。",
         "陳正雄指出，機械業面對日圓貶值、匯率競爭與中國大陸低價產品夾擊，經營環境仍然艱困。公會已向政府建議延長中小型機械業者貸款利息補貼，並擴大出口融資保險額度。"],
        ["會中並表揚112年度績優廠商，共有18家會員獲頒「出口績優獎」，6家獲頒「創新研發獎」。其中，獲獎的工具機業者今年積極布局智慧製造解決方案，將感測器與雲端平台導入機台，協助客戶提升稼動率。",
         "經濟部產業發展署副署長到場致詞時表示，政府將持續推動機械產業智慧化與低碳轉型，今年編列專案經費協助業者導入數位工具，並透過海外參展補助協助開拓新興市場。"],
        ["大會最後通過113年度工作計畫及收支預算。公會表示，下半年將籌組東南亞及印度拓銷團，並於9月舉辦智慧機械展，預計吸引國內外買主逾兩萬人次參觀。"]]


def wp_builder_tw() -> tuple[str, str]:
    title = "機器公會會員大會 出口減幅收斂 下半年可望轉正"
    widgets = ""
    for k, group in enumerate(ELEM):
        widgets += (f'<section class="elementor-section elementor-top-section"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap">'
                    f'<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">{ps(group)}</div></div></div></div></div></section>')
        if k < 2:
            widgets += (f'<section class="elementor-section"><div class="elementor-container"><div class="elementor-column"><div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-image"><div class="elementor-widget-container">'
                        f'<img src="/wp-content/uploads/2024/05/meeting-{k}.jpg" alt="" /></div></div></div></div></div></section>')
    page = (head(title, "臺灣區機器工業同業公會", "zh-TW") + '<body class="post-template-default single single-post"><header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home"><img src="/wp-content/uploads/logo.png" alt="臺灣區機器工業同業公會" /></a></div>'
            '<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">首頁</a></li><li><a href="/about/">關於公會</a></li><li><a href="/category/news/">公會新聞</a></li><li><a href="/category/stats/">產業統計</a></li><li><a href="/members/">會員服務</a></li></ul></nav></header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{e(title)}</h1>'
            '<div class="entry-meta"><span class="posted-on">發佈於 <time datetime="2024-05-13T10:20:00+08:00">2024 年 5 月 13 日</time></span><span class="cat-links">分類：<a href="/category/news/">公會新聞</a></span></div></header>'
            f'<div class="entry-content"><div data-elementor-type="wp-post" class="elementor elementor-9127">{widgets}</div></div>'
            '<footer class="entry-footer"><span class="tags-links">標籤：<a href="/tag/會員大會/">會員大會</a>、<a href="/tag/出口/">出口</a></span></footer></article>'
            '<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous"><a href="/2024/05/06/expo/">上一篇文章 2024台北國際工具機展招展說明會</a></div><div class="nav-next"><a href="/2024/05/20/stats-april/">下一篇文章 4月機械出口統計</a></div></div></nav></main></div>'
            f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">近期文章</h2>{ul(HOT_TW[:5])}</section>'
            '<section class="widget widget_archive"><h2 class="widget-title">彙整</h2><ul><li><a href="/2024/05/">2024 年 5 月</a></li><li><a href="/2024/04/">2024 年 4 月</a></li><li><a href="/2024/03/">2024 年 3 月</a></li></ul></section></aside></div>'
            '<footer id="colophon" class="site-footer"><div class="site-info">臺灣區機器工業同業公會 版權所有 © 2024 ｜ 地址：臺北市大安區敦化南路二段 電話：(02)2700-0000</div></footer></body></html>')
    return page, "\n\n".join(p for g in ELEM for p in g)


# --- 8. a government press release laid out as a form table: 內容 in one row, 附件 in another (traditional)
RELEASE = ["為協助中小企業因應國際原物料價格波動，經濟部中小及新創企業署今（20）日宣布，即日起擴大「中小企業營運資金貸款專案」辦理規模，貸款總額度由300億元提高至500億元，每家企業最高可貸1,500萬元。",
           "中企署表示，本專案自去年推出以來，已協助逾6,200家中小企業取得融資，其中約四成為製造業。為減輕企業利息負擔，貸款前2年由政府補貼利息1.5個百分點，信保基金並提供最高九成保證成數。",
           "中企署提醒，有意申請的企業可洽各承辦銀行，或撥打中小企業服務專線0800-056-476洽詢；相關申請文件及說明亦可至中企署網站下載。"]


def tw_gov_form() -> tuple[str, str]:
    title = "中小企業營運資金貸款專案擴大至500億元"
    page = (head(title, "經濟部中小及新創企業署", "zh-TW") + '<body><a href="#C" class="acc" title="跳到主要內容區塊">跳到主要內容區塊</a><div class="header"><a href="/"><img src="/images/logo.png" alt="經濟部中小及新創企業署" /></a>'
            '<div class="topnav"><a href="/">回首頁</a> | <a href="/sitemap">網站導覽</a> | <a href="/en">English</a></div></div>'
            '<div class="mainmenu"><ul><li><a href="/about">關於本署</a></li><li><a href="/news">新聞與公告</a></li><li><a href="/policy">政策與法規</a></li><li><a href="/service">服務與資源</a></li></ul></div>'
            '<div class="content"><div class="side"><h2>新聞與公告</h2><ul><li><a href="/news/press">新聞稿</a></li><li><a href="/news/notice">公告事項</a></li><li><a href="/news/events">活動訊息</a></li><li><a href="/news/video">影音專區</a></li></ul></div>'
            '<div class="main"><a accesskey="C" href="#C" title="中央內容區塊">:::</a><div class="path">首頁 &gt; 新聞與公告 &gt; 新聞稿</div><h2 class="pagetitle">新聞稿</h2>'
            '<table class="table_detail" summary="新聞稿內容"><tr><th scope="row">標題</th><td>' + e(title) + '</td></tr>'
            '<tr><th scope="row">發布日期</th><td>113-05-20</td></tr><tr><th scope="row">發布單位</th><td>企業輔導組</td></tr>'
            '<tr><th scope="row">內容</th><td>' + ps(RELEASE) + '</td></tr>'
            '<tr><th scope="row">附件</th><td><a href="/files/1130520.pdf">新聞稿.pdf</a>（128KB） <a href="/files/1130520.odt">新聞稿.odt</a>（35KB）</td></tr>'
            '<tr><th scope="row">聯絡人</th><td>林科長 電話：(02)2366-2000</td></tr></table>'
            '<div class="btns"><a href="javascript:history.back()">回上頁</a> <a href="javascript:window.print()">友善列印</a></div>'
            '<div class="update">更新日期：113-05-20　瀏覽人次：1,284</div></div></div>'
            '<div class="footer"><p>經濟部中小及新創企業署 版權所有 ©</p><p>地址：106臺北市大安區羅斯福路二段95號 電話：(02)2366-2000</p><p><a href="/privacy">隱私權政策</a> | <a href="/security">資訊安全政策</a> | <a href="/open">政府網站資料開放宣告</a></p></div></body></html>')
    return page, "\n\n".join(RELEASE)


# --- 9. a district office's table layout: a side cell with its own heading and list ahead of a short story -
SIDE_STORY = ["5月21日，区市场监管局联合区商务局对辖区内12家大型商超开展食品安全专项检查，重点检查进货查验记录、临期食品管理、冷链食品储存温度等情况。",
              "检查中发现2家商超存在临期食品未集中陈列、1家商超冷柜温度记录不全等问题，执法人员当场下达责令改正通知书，要求3日内整改到位。下一步，区市场监管局将对整改情况开展“回头看”。"]
SIDE_NEWS = ["区召开2024年食品安全工作会议", "区开展“3·15”消费者权益保护宣传活动", "区市场监管局开展特种设备安全隐患排查", "关于公布2024年第一批食品抽检结果的通告",
             "区市场监管局召开党风廉政建设工作会议", "区举办个体工商户政策宣讲会"]


def table_side_heading() -> tuple[str, str]:
    title = "区市场监管局开展大型商超食品安全专项检查"
    side = ('<td width="250" valign="top" class="left"><p class="lm">单位简介</p><p>区市场监督管理局是区政府工作部门，负责全区市场综合监督管理，统一登记市场主体，组织和指导市场监管综合执法工作，承担食品安全、药品安全、特种设备安全监督管理职责。</p>'
            '<h3>最新动态</h3><table width="100%">' + "".join(f'<tr><td>·<a href="/news/show.asp?id={702 + k}">{e(t)}</a></td><td>2024-05-{19 - k:02d}</td></tr>' for k, t in enumerate(SIDE_NEWS)) + '</table>'
            '<h3>联系我们</h3><p>地址：城关镇人民路88号</p><p>电话：0797-8321234</p></td>')
    page = (head(title, "城关区市场监督管理局") + '<body><table width="980" align="center"><tr><td colspan="2"><img src="/images/top.jpg" /></td></tr>'
            '<tr><td colspan="2" class="nav"><a href="/">首页</a> | <a href="/news/list.asp?c=1">工作动态</a> | <a href="/news/list.asp?c=2">通知公告</a> | <a href="/news/list.asp?c=3">政策法规</a> | <a href="/news/list.asp?c=4">办事指南</a></td></tr>'
            f'<tr>{side}<td valign="top"><h1>{e(title)}</h1><p class="info">发布时间：2024-05-21　作者：综合执法大队　点击数：57</p>'
            + ps(SIDE_STORY) + '<p align="right">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</p></td></tr>'
            '<tr><td colspan="2" class="foot">版权所有：城关区市场监督管理局　赣ICP备10006789号</td></tr></table></body></html>')
    return page, "\n\n".join(SIDE_STORY)


# --- 10. a provincial government's notice printed one <div> per paragraph, short items among long ones ----
DIV_NOTICE = ["为做好城南水库扩建工程建设，确保工程建设征地实物调查工作顺利进行，维护相关单位和人民群众合法权益，根据《大中型水利水电工程建设征地补偿和移民安置条例》等有关规定，现就有关事项通告如下：",
              "一、城南水库扩建工程位于青禾县和临川区，建设征地范围为现有库区正常蓄水位线以上至设计洪水位线之间的区域，以及新建副坝、溢洪道、输水隧洞、管理设施和施工道路用地范围。起点为青禾县石门镇上游的白沙滩，终点为临川区东乡街道的下坝村。征地范围涉及青禾县石门镇白沙村、石门村、枫林村、上塘村，临川区东乡街道下坝村、河口村、新塘村，以及云山乡、马岭乡等4个乡镇（街道）11个行政村，具体范围以省水利厅公布的工程建设征地范围图为准。",
              "二、自本通告发布之日起，在上述范围内禁止任何单位和个人新建、扩建和改建项目，禁止擅自开发土地、修建房屋及新建其他设施。",
              "三、上述区域内新迁入的人口不享有相关补偿政策。",
              "四、违反本通告规定的，不予补偿。",
              "青禾县、临川区人民政府要切实履行属地管理责任，加强组织领导，对于违反上述规定的单位和个人必须坚决制止并依法严肃查处。",
              "特此通告。"]


def gov_div_notice() -> tuple[str, str]:
    title = "江南省人民政府关于禁止在城南水库扩建工程建设征地范围内新增建设项目和迁入人口的通告"
    body = "".join(f'<div style="text-align: justify;">　　{e(t)}</div>' for t in DIV_NOTICE)
    page = (head(title, "江南省人民政府") + '<body><div class="header"><img src="/images/banner.png" alt="江南省人民政府" /></div>'
            '<div class="nav"><a href="/">首页</a><a href="/zw/">政务公开</a><a href="/fw/">政务服务</a><a href="/hd/">互动交流</a></div>'
            '<div class="w1000"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zw/">政务公开</a> &gt; <a href="/zw/tz/">通知公告</a></div>'
            f'<div class="wrap"><h1>{e(title)}</h1><div class="source">发布时间：2024-03-08　来源：省政府办公厅</div>'
            f'<div class="contents_div"><div class="Custom_UnionStyle">{body}<div>&nbsp;</div><div style="text-align: right;">江南省人民政府</div><div style="text-align: right;">2024年3月7日</div></div></div>'
            '<div class="share"><a href="#">分享到微信</a><a href="#">分享到微博</a></div><div class="tools"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div></div></div>'
            '<div class="footer">主办：江南省人民政府办公厅　网站标识码：3600000001</div></body></html>')
    return page, "\n\n".join(DIV_NOTICE)


PAGES = {"dede-daodu-box": dede_daodu, "phpcms-sections": phpcms_sections, "trs-attach-table": trs_attach,
         "wire-ad-split": wire_ad_split, "portal-price-column": portal_price_column, "epaper-cells": epaper_cells,
         "wp-builder-tw": wp_builder_tw, "tw-gov-form": tw_gov_form, "table-side-heading": table_side_heading,
         "gov-div-notice": gov_div_notice}


def main() -> None:
    for stem, make in PAGES.items():
        page, body = make()
        HERE.joinpath(f"{stem}.html").write_text(page, "utf-8")
        HERE.joinpath(f"{stem}.gold.json").write_text(json.dumps({"articleBody": body}, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
