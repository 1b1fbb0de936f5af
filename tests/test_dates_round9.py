"""The pages of tests/data/dates/round9 (README.md there), written for issue 19's ninth round before the dates
engine was changed for them: publication and update printed the local way in German, French, Spanish, Italian,
Portuguese and Dutch (month names, day-first numeric dates, weekdays, the languages' labels, relative forms), and
English pages that print both a publication and an update in many ways. The cases wrong when committed are strict
xfails by name, so a fix must take its name off the list."""
from __future__ import annotations

import pytest
from helpers.datecases import DATES, day_tests, html_cases

from cleanfeed import clean
from cleanfeed.dates.patterns import Relative, find_mentions

ROUND9 = DATES / "round9"
PAGES = html_cases(ROUND9)
# Wrong when committed (1629cea engine): relative forms outside English, German and Chinese were not read (r01,
# r03, r04: right once vocab.toml's `[relative] before/after` and units name them: `il y a 3 heures`, `2 ore fa`,
# `3 uur geleden`), and `Actualizado a … · Publicado a …` took the update for the publication (p04: right once `a`
# may sit between a label and its date, vocab.py).
XFAIL: set[str] = set()
# Right once the vocabulary has the update labels, weekdays and connectors it lacked (`Update:`, `Actualisé le`,
# `Mise à jour le`, `Ultimo aggiornamento`, `Modificata il`, `Última modificación`, `Laatst gewijzigd op`, `ma 8 apr`,
# `segunda-feira`, `Actualizado a`); r02 and r05 once the relative forms are read (below).
# The third batch (c01-c07, committed failing at 738f362): an update printed as a clock alone after the publication
# on its line (`mis à jour à 14h05`, `aktualisiert um 18:30 Uhr`, `aggiornato alle 18:40`, `bijgewerkt om 16:20`,
# `Actualizado a las 17:10 h.`, `Updated 15:15 GMT`), and Italian `(modifica il 9 dicembre 2024 | 08:30)`.
XFAIL_UPDATED = {"c01_fr_mis_a_jour_a_heure.html", "c02_de_aktualisiert_um.html", "c03_it_aggiornato_alle.html",
                 "c04_it_modifica_il.html", "c05_nl_om_bijgewerkt_om.html", "c06_es_a_las.html",
                 "c07_en_updated_clock_same_day.html"}


def test_the_folder_lists_its_pages() -> None:
    assert {p.name for p in ROUND9.glob("*.html")} == set(PAGES)
    assert all(case["meta"] for case in PAGES.values()) and set(PAGES) >= XFAIL | XFAIL_UPDATED


test_publication_day, test_update_day = day_tests(ROUND9, XFAIL, XFAIL_UPDATED)


@pytest.mark.parametrize(("text", "want"), [
    ("il y a 3 heures", Relative(3, "hours")),
    ("Actualizado hace 2 horas", Relative(2, "hours")),
    ("Atualizado há 3 dias", Relative(3, "days")),
    ("2 ore fa", Relative(2, "hours")),
    ("3 uur geleden", Relative(3, "hours")),
    ("vor 3 Stunden", Relative(3, "hours")),
    ("5 minutes ago", Relative(5, "minutes")),
    ("il y a 2 semaines", Relative(2, "weeks")),
    ("4 dagen geleden", Relative(4, "days")),
])
def test_relative_forms_of_the_european_languages(text: str, want: Relative) -> None:
    assert [m.relative for m in find_mentions(text.lower(), None)] == [want]


@pytest.mark.parametrize("text", ["vorher 3 Tage", "3 orefa", "hacer 2 horas", "3 uurgeleden", "fa 3 anni"])
def test_words_that_only_look_like_a_relative_form(text: str) -> None:
    assert not [m for m in find_mentions(text.lower(), None) if m.relative]


@pytest.mark.parametrize(("lang", "prose"), [
    ("it", "L'azienda è nata 20 anni fa e oggi impiega 300 persone nella zona industriale della città."),
    ("es", "La empresa se fundó hace 20 años y hoy emplea a 300 personas en la comarca del norte."),
    ("fr", "L'entreprise a été fondée il y a 20 ans et emploie 300 personnes dans la région du nord."),
])
def test_a_relative_form_in_the_body_does_not_date_the_page(lang: str, prose: str) -> None:
    lede = "<p>" + "Le chiffre d'affaires du recycleur a progressé cette année selon ses comptes. " * 2 + "</p>"
    html = (f"<html lang='{lang}'><body><article><h1>Un recycleur grandit</h1>{lede}<p>{prose}</p></article>"
            "</body></html>")
    assert clean(html, fetched_at="2024-12-06T15:00:00+00:00").published is None
