"""Hand-written news bodies for the story-grouping tests (tests/test_dupes*.py): two different stories
from one trade site, the same notice reprinted by other sites, a daily price report and short briefs."""
from __future__ import annotations

NOTICE = [
    "The China Nonferrous Metals Industry Association on Friday asked aluminium recyclers to report their "
    "scrap stocks every month, starting in April, so that smelters can plan furnace capacity ahead of the "
    "summer peak.",
    "The notice, signed by the association's recycling branch, says the monthly reports will cover baled "
    "can scrap, extrusion offcuts and shredded automotive castings, the three grades that make up most of "
    "the secondary aluminium traded in the Yangtze River Delta.",
    "Members that fail to file two reports in a row will lose access to the association's price survey, "
    "which many mills use to set their purchase contracts.",
    "An official of the branch said the shortage of shredded castings last winter had taken buyers by "
    "surprise, and that better data would have allowed remelters to line up imports earlier.",
    "Traders in Foshan welcomed the plan but warned that small yards, which handle a large share of "
    "household scrap, keep few written records and may struggle with the paperwork.",
    "The association will publish the first aggregated figures in May and plans to add copper and zinc "
    "scrap to the survey next year.",
]

PLANT = [
    "A new secondary aluminium plant opened in Ningbo on Tuesday, adding capacity to turn used beverage "
    "cans into rolling ingot for the packaging industry.",
    "The owner, a family firm that started as a scrap yard in the nineteen nineties, said the furnaces were "
    "built to run on low-carbon power bought from an offshore wind farm.",
    "Local officials attended the opening and praised the project for reducing the amount of household "
    "scrap shipped to other provinces for melting.",
    "The company expects to reach full output after a ramp-up of several months and has signed supply "
    "contracts with two can makers in Zhejiang.",
    "Engineers said the sorting line uses laser spectroscopy to separate alloys, which lets the plant "
    "return more of the metal to the same product it came from.",
]

ZH_NOTICE = [
    "中国有色金属工业协会再生金属分会近日发布通知，要求会员企业自四月起每月报送废铝库存数据，以便冶炼企业提前安排熔炼产能。",
    "通知指出，报送范围包括易拉罐废料、型材边角料和汽车破碎铸件三类，这三类废料占长三角地区再生铝交易量的大部分。",
    "连续两次未按时报送的企业，将暂停使用协会价格调查数据的权限，许多企业以该数据作为采购合同的定价依据。",
    "分会有关负责人表示，去年冬季破碎铸件供应紧张出乎市场预料，更完善的数据有助于企业提前安排进口。",
    "佛山的贸易商对此表示欢迎，但也提醒说，回收了大量生活废料的小型回收站缺少书面记录，可能难以完成报送。",
]


def price_report(day: int, price: int, change: int) -> list[str]:
    """A site's daily report: the same wording every day, only the figures move."""
    return [
        f"Spot prices for baled aluminium can scrap in Foshan closed at {price} yuan per tonne on March {day}, "
        f"a change of {change} yuan from the previous session, according to the daily survey of local yards.",
        f"Shredded automotive castings traded at {price + 850} yuan per tonne and extrusion offcuts at "
        f"{price + 1420} yuan per tonne, with volumes described as average for the time of year.",
        "Traders said buying interest from remelters was steady and that most yards expected prices to hold "
        "within a narrow range until the futures market gives a clearer direction.",
    ]


def page(site: str, title: str, paragraphs: list[str], date: str = "2024-03-01 10:00") -> str:
    """A plain-text scrape of one site's article page: the site's header and footer around the body."""
    body = "\n\n".join(paragraphs)
    return (f"{site} - Home - News - Prices - Contact\n{title}\nRelease Time: {date}\n\n{body}\n\n"
            f"Copyright {site}. All rights reserved. Contact us | About us | Advertise\n")


def zh_page(site: str, title: str, paragraphs: list[str], date: str = "2024-03-01 10:00") -> str:
    body = "\n\n".join(paragraphs)
    return f"{site} - 首页 - 新闻 - 行情\n{title}\n发布时间：{date}\n\n{body}\n\n版权所有 {site} 联系我们 | 关于我们\n"
