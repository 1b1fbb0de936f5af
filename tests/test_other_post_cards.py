"""Another post's post_class element on a single-post page (hints.remove_chrome's `other-post`): only a card.

WordPress prints `post-N type-…` on the element of every post it shows; body_class names the page's own post
(`single-post postid-12`). An element of another N beside the story is another post's card, but not every one:
a forum topic's replies are posts of their own (bbPress: `post-101 reply type-reply`, on a `single-topic
postid-100` page), and a theme may wrap the whole single-post layout, headline and story included, in the element
of its template post (tagDiv's `post-90 tdb_templates type-tdb_templates`).
"""
from __future__ import annotations

from cleanfeed import clean

FETCHED = "2024-10-01T08:00:00+00:00"

REPLIES = (
    "Has anyone managed to get the heat pump to run quietly at night? Mine hums at a low pitch that carries through "
    "the whole house after midnight.",
    "Mine did the same until the installer fitted rubber feet under the outdoor unit. The hum went away almost "
    "completely, and it cost very little.",
    "Check the fan speed setting in the night mode menu as well; on my model the quiet mode was switched off by "
    "default after a firmware update.",
    "Thanks both, the rubber feet and the night mode together fixed it. The unit is now quieter than the fridge in "
    "the kitchen next to it.")


def bbpress_topic() -> str:
    """A bbPress topic: the lead post and each reply printed with bbp_reply_class() (post_class's classes)."""
    posts = ""
    for i, text in enumerate(REPLIES):
        n, kind = 100 + i, "topic" if i == 0 else "reply"
        posts += (f'<div id="post-{n}" class="bbp-reply-header"><span class="bbp-reply-post-date">March 3, 2024 '
                  f'at 9:1{i} pm</span></div><div class="loop-item-{i} user-id-{n} bbp-parent-forum-5 '
                  f'bbp-parent-topic-100 bbp-reply-position-{i + 1} post-{n} {kind} type-{kind} status-publish hentry">'
                  f'<div class="bbp-reply-author">user{n}</div>'
                  f'<div class="bbp-reply-content"><p>{text}</p></div></div>')
    return ('<html lang="en"><head><title>Heat pump hum at night | Home Energy Forum</title></head>'
            '<body class="topic bbpress single single-topic postid-100">'
            '<header class="site-header"><a href="/">Home Energy Forum</a></header><main id="main">'
            '<h1 class="entry-title">Heat pump hum at night</h1><div id="bbpress-forums" class="bbpress-wrapper">'
            f'<ul id="topic-100-replies" class="forums bbp-replies"><li class="bbp-body">{posts}</li></ul></div>'
            '</main><footer class="site-footer">© 2024 Home Energy Forum</footer></body></html>')


def test_a_forum_topics_replies_stay() -> None:
    """A bbPress topic's replies (`post-101 reply type-reply` on a `postid-100` page) are the thread's text: they
    went as other posts' cards, leaving the lead post alone."""
    article = clean(bbpress_topic(), url="https://homeenergy.example/forums/topic/heat-pump-hum-at-night/",
                    fetched_at=FETCHED)
    assert all(r in article.text for r in REPLIES)


STORY = ("The city council voted on Tuesday to extend the night bus service to the northern suburbs from next spring.",
         "The extension will cost about two million euros a year, and the first buses should run in April, officials "
         "said.")
ABOUT = ("The Northern Courier is an independent newspaper founded in 1921 and owned by a foundation whose only "
         "purpose is to keep it independent. Our reporters cover the city, the region and the people in them. ") * 6


def template_post() -> str:
    """A short story whose theme wraps the single-post layout in its template post's element (tagDiv's
    `post-90 tdb_templates type-tdb_templates`), beside a long site footer."""
    return ('<html lang="en"><head><title>Night buses to reach northern suburbs - The Northern Courier</title></head>'
            '<body class="post-template-default single single-post postid-12 single-format-standard">'
            '<div class="td-header-template-wrap"><a href="/">The Northern Courier</a></div>'
            '<div id="td-outer-wrap" class="td-theme-wrap"><div class="td-main-content-wrap td-container-wrap">'
            '<article id="template-90" class="post-90 tdb_templates type-tdb_templates status-publish hentry">'
            '<div class="tdc-row"><h1 class="tdb-title-text">Night buses to reach northern suburbs</h1>'
            '<time class="entry-date" datetime="2024-03-05T10:00:00+00:00">March 5, 2024</time>'
            '<div class="tdb-block-inner td-fix-index">' + "".join(f"<p>{p}</p>" for p in STORY) +
            '</div></div></article></div>'
            f'<div class="td-footer-template-wrap"><div class="tdb-block-inner"><p>{ABOUT}</p></div></div>'
            '</div></body></html>')


def test_a_template_posts_wrapper_around_the_story_stays() -> None:
    """The element of the template post (`post-90` on a `postid-12` page) holds the headline and the story: it
    went as another post's card when the short story held under 40% of the page's prose (at 07fc075 it stayed)."""
    article = clean(template_post(), url="https://courier.example/2024/03/05/night-buses/", fetched_at=FETCHED)
    assert all(p in article.text for p in STORY)


def test_an_id_does_not_change_what_a_posts_term_classes_say() -> None:
    """_why_chrome reads the class alone when there is no id, meant as `class_id` (which drops a post's term
    classes): `tag-accordion` beside `hentry` still read as a pane widget without an id, so the same element was
    chrome with an id and kept without one."""
    import lxml.html

    from cleanfeed.html.hints import _why_chrome
    verdicts = {_why_chrome(lxml.html.fromstring(f'<div class="kt-pane-header tag-accordion hentry"{ident}>t</div>'))
                for ident in ("", ' id="x"')}
    assert verdicts == {"class:header"}
