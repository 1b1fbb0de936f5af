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
