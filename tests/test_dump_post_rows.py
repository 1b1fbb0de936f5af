"""A thread's index of post rows under a story in a whole-page dump (cleanfeed/text/body.thread_index_at): a
forum's first post and, under it, the replies listed a row each — the reply's title or first words, its author,
its date and time at the row's end, a size or read count after it (`斑竹，你们要故事吗？【黑眼圈猫猫】08-11 17:03
0字 [127/1]`, `Re: Yard prices in Ohio - jdoe 08/11/2005 4:06 PM (12)`). The rows read like short prose, so the
run went on over them. Guards: a story that quotes times in its sentences, and a story over a table of match
kick-offs (cells apart by spaces, a table the run keeps), stay whole. Own dumps, written by hand."""
from __future__ import annotations

from cleanfeed.text.clean import clean_text

ZH_MENU = ["首页", "论坛", "新闻", "财经", "体育", "娱乐", "旅游", "博客", "登录", "注册"]
ZH_TITLE = "旅游中你上过哪些当？说说你的经历_新闻论坛"
ZH_HEAD = ["旅游中你上过哪些当？说说你的经历", "作者：新闻频道版主　发表时间：2005-08-11 16:06"]
ZH_STORY = [
    "暑假是出游的高峰，不少网友反映在旅途中遇到了各种各样的陷阱：低价团临时加收费用，导游强迫购物，景点门口的抽奖其实是推销，回来以后投诉也没有人管，只好自认倒霉。",
    "我们想征集大家在旅行中遇到的真实经历，讲一讲你是怎样被骗的，后来又是怎样维权的，也可以提醒其他网友出门时要注意什么。",
    "来稿请写清时间、地点和经过，有照片的更好。",
]
ZH_ROWS = [
    "帖子回复：",
    "参与低价团的一般都是想省钱的普通游客，吃亏的也是他们【梅子】08-11 16:58 138字 [140/0]",
    "斑竹啊，你们是要故事，还是要我们发牢骚？【黑眼圈猫猫】08-11 17:03 0字 [127/1]",
    "我们征集故事，你们的经历要真实，有图片就更生动了【新闻频道版主】08-11 17:04 30字 [151/1]",
    "我的经历：在景点门口抽中了一等奖，结果要先交三百块钱手续费【海边的风】08-11 18:24 273字 [180/1]",
    "北京一日游的困惑，上车以后才知道要去四个购物店【老巴布】08-12 11:57 334字 [141/0]",
    "转一个别人的经历，大家出门千万小心黑车【灿烂的橘子】08-12 11:59 338字 [164/0]",
]
ZH_FOOT = ["关于我们 | 联系我们 | 网站地图", "版权所有 新闻论坛"]

EN_MENU = ["Skip to content", "Home", "Forums", "News", "Prices", "Members", "Calendar", "Search", "Log in",
           "Register"]
EN_TITLE = "Yard prices in Ohio this summer - Scrap Talk Forums"
EN_HEAD = ["Yard prices in Ohio this summer", "Posted by millrun on 08/11/2005 3:12 PM"]
EN_STORY = [
    "Prices for No. 1 copper at the yards around Columbus have dropped about fifteen cents a pound since June, "
    "and two of the smaller yards have stopped taking appliances altogether.",
    "One owner told me the mills are buying less shred this summer, so the yards are holding more stock than "
    "they want and paying less to keep it from piling up further.",
    "If you sell to a yard in the state, post what you were paid this month and for what grade, so we can see "
    "whether it is the same everywhere or only in the middle of the state.",
]
EN_ROWS = [
    "Replies",
    "Same here in Dayton, copper down and they will not even look at my aluminium - jdoe 08/11/2005 4:06 PM (12)",
    "Cleveland yards paid me less for brass last week than in May, but steel is steady - kbauer 08/11/2005 5:40 PM (9)",
    "The mills cut their orders, it will come back in the fall like every year - oldhand 08/12/2005 9:15 AM (31)",
    "Anyone know a yard near Toledo that still takes old washers and dryers? - rustbelt 08/12/2005 11:02 AM (4)",
]
EN_FOOT = ["About", "Contact", "Privacy", "© 2005 Scrap Talk Forums"]


def body_of(lines: list[str]) -> list[str]:
    return clean_text("\n".join(lines)).paragraphs


def test_a_chinese_thread_index_under_the_first_post_is_not_the_story() -> None:
    body = body_of([ZH_TITLE, *ZH_MENU, *ZH_HEAD, *ZH_STORY, *ZH_ROWS, *ZH_FOOT])
    assert body[0] == ZH_STORY[0] and body[-1] == ZH_STORY[-1]


def test_an_english_thread_index_under_the_first_post_is_not_the_story() -> None:
    body = body_of([EN_TITLE, *EN_MENU, *EN_HEAD, *EN_STORY, *EN_ROWS, *EN_FOOT])
    assert body[0] == EN_STORY[0] and body[-1] == EN_STORY[-1]


def test_a_story_that_tells_the_time_in_its_sentences_stays_whole() -> None:
    """Guard: times inside sentences (`…at 16:06.`) are no post rows."""
    story = [*EN_STORY, "The first truck arrived at the yard on 08-11 at 6:05 and was weighed in at 6:40.",
             "By 08-12 at 9:30 the queue had reached the road, and the yard closed its gate at 11:00.",
             "A second yard across town opened early on 08-13 to take the overflow, its owner said on Friday.",
             "Both yards expect the same rush when prices rise again, probably early in September."]
    assert body_of([EN_TITLE, *EN_MENU, *EN_HEAD, *story, *EN_FOOT])[-1] == story[-1]


def test_a_programme_of_dates_and_times_inside_the_story_stays() -> None:
    """Rows ending in a day and a clock time with the story's paragraphs below them are a list in the story (a
    festival's added concerts), not a thread's index: the rows and every paragraph after them were cut."""
    story = ["The riverside festival has added three concerts to its programme after the first weekend sold out "
             "within two days, the organisers said on Friday.",
             "The new concerts will be held in the town hall and in the old church, which seat fewer people than the "
             "park but can be used whatever the weather.",
             "The added dates and times are:",
             "Chamber orchestra, town hall - 08/14/2025 7:30 PM",
             "Jazz trio, old church - 08/15/2025 8:00 PM",
             "Choir of the valley schools, town hall - 08/16/2025 4:00 PM",
             "Tickets go on sale on Monday morning at the tourist office and online, and cost between ten and twenty "
             "euros each, the organisers said.",
             "Last year the festival drew about forty thousand visitors over its two weeks, twice as many as the town "
             "has inhabitants."]
    head = ["Festival adds three concerts", "By Ana Ribeiro, August 2, 2025"]
    body = body_of(["Festival adds three concerts - Riverside News", *EN_MENU, *head, *story, *EN_FOOT])
    assert body[-1] == story[-1] and story[4] in body
