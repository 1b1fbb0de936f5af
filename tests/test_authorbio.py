"""html/authorbio.py: the author's bio at the story's end goes; a paragraph about anyone else, or the
author's name earlier in the story, stays."""
from __future__ import annotations

from cleanfeed.html.authorbio import author_names, drop_author_bio, is_author_bio
from cleanfeed.html.blocks import Block
from cleanfeed.html.extract import Filtered

STORY = [Block("p", f"Paragraph {n} of the story tells what happened at the yard this week, and why it matters.",
               "") for n in range(5)]
BIO = Block("p", "Jane Q. Doe is a staff writer. She has covered metals since 2016.", "")


def test_the_people_of_a_byline_with_two_words_or_more() -> None:
    assert author_names("Jane Doe and John Roe") == ("Jane Doe", "John Roe")
    assert author_names("Lauren Paige Richeson") == ("Lauren Paige Richeson", "Lauren Richeson")
    assert author_names("Reuters") == ()
    assert author_names(None) == ()


def test_a_bio_opens_with_the_author_and_a_verb_of_a_bio() -> None:
    names = author_names("Jane Q. Doe")
    assert is_author_bio(BIO.text, names)
    assert is_author_bio("Jane Doe writes the weekly markets column.", names)
    assert not is_author_bio("John Roe is now the yard's manager.", names)            # another person
    assert not is_author_bio("Jane Doement is a word that is not her name.", names)
    assert not is_author_bio("Jane Doe said the yard would close.", names)            # quoted, not a bio
    assert not is_author_bio("Jane Doe is " + "a writer " * 200, names)              # a section, not a bio


def test_the_bio_among_the_last_blocks_goes_with_its_portrait() -> None:
    portrait = Block("img", "", "https://example.com/jane.jpg")
    filtered = drop_author_bio(Filtered((*STORY, BIO, portrait), (), ()), "Jane Q. Doe")
    assert filtered.blocks == tuple(STORY)
    assert [(r.text, r.rule) for r in filtered.removed] == [(BIO.text, "author-bio")]


def test_the_author_named_early_in_the_story_or_no_author_changes_nothing() -> None:
    early = Filtered((BIO, *STORY), (), ())
    assert drop_author_bio(early, "Jane Q. Doe") is early
    late = Filtered((*STORY, BIO), (), ())
    assert drop_author_bio(late, None) is late
    assert drop_author_bio(late, "John Roe") is late


def test_a_page_that_is_only_the_authors_bio_keeps_it() -> None:
    # an author's own page (`/author/jane-doe`): no story comes before the bio, and dropping it left no text
    alone = Filtered((BIO,), (), ())
    assert drop_author_bio(alone, "Jane Q. Doe") is alone
    headed = Filtered((Block("h2", "About Jane", ""), BIO, Block("p", "Jane Q. Doe was born in Ningbo.", "")), (), ())
    assert drop_author_bio(headed, "Jane Q. Doe") is headed


def test_an_authors_page_is_an_article_not_an_error() -> None:
    from cleanfeed import clean
    bio = ("Jane Doe is a staff writer at the Metal Weekly. She has covered scrap markets, smelters and the copper "
           "trade since 2016, and before that wrote about shipping for a port newspaper in Ningbo.")
    page = ("<html><head><title>Jane Doe</title><meta name='author' content='Jane Doe'></head><body><article>"
            f"<h1>Jane Doe</h1><p>{bio}</p></article></body></html>")
    assert clean(page, fetched_at="2021-06-01").text == bio
