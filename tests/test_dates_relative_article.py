"""A relative form whose amount is the article (review r7): `il y a une heure`, `hace una hora`, `há um mês`,
`un'ora fa`, `een uur geleden` are the commonest way to say "an hour ago" in those languages, and English and
German already read theirs (`an hour ago`, `vor einer Stunde`)."""
from __future__ import annotations

import pytest

from cleanfeed import clean
from cleanfeed.dates.patterns import Relative, find_mentions


@pytest.mark.parametrize(("text", "want"), [
    ("il y a une heure", Relative(1, "hours")),
    ("il y a un an", Relative(1, "years")),
    ("hace una hora", Relative(1, "hours")),
    ("hace un día", Relative(1, "days")),
    ("há um mês", Relative(1, "months")),
    ("há uma semana", Relative(1, "weeks")),
    ("un'ora fa", Relative(1, "hours")),
    ("una settimana fa", Relative(1, "weeks")),
    ("een uur geleden", Relative(1, "hours")),
    ("een dag geleden", Relative(1, "days")),
])
def test_the_article_as_the_amount(text: str, want: Relative) -> None:
    assert [m.relative for m in find_mentions(text, None)] == [want]


@pytest.mark.parametrize("text", ["una hora de viaje", "een uur lang", "une heure plus tard", "um dia depois"])
def test_the_article_without_its_relative_word_is_no_date(text: str) -> None:
    assert not [m for m in find_mentions(text, None) if m.relative]


def test_a_spanish_page_dated_an_hour_ago() -> None:
    sentence = "Los precios del cobre subieron con fuerza en Shanghái por la menor oferta de chatarra. "
    body = f"<p>{sentence * 3}</p>"
    html = (f"<html lang='es'><body><article><h1>El cobre sube</h1><p class='date'>Publicado hace una hora</p>{body}"
            "</article></body></html>")
    published = clean(html, fetched_at="2024-12-06T12:00:00+00:00").published
    assert published is not None and published.value.isoformat() == "2024-12-06T11:00:00+00:00"
