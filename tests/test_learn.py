"""Site templates (cleanfeed/templates.py, `cleanfeed learn`): lines on most pages of one site are learned
into cleaners/<site>.learned.toml, attached to the site rule by load_rules, and dropped when cleaning.
Learning is explicit: cleaning stays a pure function of page + rule files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanfeed.cli import main
from cleanfeed.errors import ConfigError
from cleanfeed.rules.learned import learn_template, load_learned, to_toml
from cleanfeed.rules.site import SiteRule, load_rules
from cleanfeed.text.clean import clean_text

NAV = ["Metals Daily", "Home", "Markets", "Prices", "Recycling", "Companies", "Events", "Jobs", "Search"]
BLURB = ("Metals Daily brings you the latest market news every morning, and our editors check every "
         "price we print against two sources.")
FOOTER = ["About Metals Daily", "Advertise", "Contact", "Careers"]
ARTICLES = [
    ("Copper climbs on supply worries", [
        "Copper prices rose for a third day on Tuesday, as traders worried about supply from mines in South "
        "America, where strikes have cut output since the start of the month.",
        "Analysts said the rally could fade if demand from China stays weak, and pointed to rising stocks in "
        "warehouses in Shanghai and in London."]),
    ("Scrap exports fall in March", [
        "Exports of aluminium scrap fell by a fifth in March from a year earlier, according to customs data "
        "published on Monday, as buyers in Asia held back orders.",
        "Dealers blamed the drop on lower prices and on new rules for the quality of imported scrap, which "
        "came into force at the start of the year."]),
    ("New smelter opens in the north", [
        "A new secondary aluminium smelter opened in the north of the country on Friday, with room for "
        "eighty thousand tonnes of scrap a year and two hundred jobs.",
        "The owners said most of the metal would go to carmakers, who want more recycled aluminium in their "
        "cars to cut the emissions counted against them."]),
    ("Nickel slips as stocks build", [
        "Nickel prices slipped on Thursday after stocks in exchange warehouses rose for the sixth week in a "
        "row, the longest run of gains since last summer.",
        "Producers in Indonesia keep adding capacity, and several analysts now expect a surplus this year "
        "and next year, which would weigh on prices."]),
]


def dump(title: str, body: list[str], extra: tuple[str, ...] = ()) -> str:
    return "\n".join([f"{title} | Metals Daily", *NAV, title, "March 3, 2024", *body, BLURB, *extra, *FOOTER])


PAGES = [dump(t, b) for t, b in ARTICLES]


def project(tmp: Path, pages: list[str]) -> Path:
    (tmp / "cleaners").mkdir()
    (tmp / "cleaners" / "metals-daily.toml").write_text('hosts = ["metals-daily.example"]\n', encoding="utf-8")
    folder = tmp / "pages"
    folder.mkdir()
    for n, text in enumerate(pages):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def test_lines_on_most_pages_are_learned_and_article_lines_are_not() -> None:
    pages = PAGES[:3] + [dump(*ARTICLES[3], extra=("Only on two pages",)),
                         dump(*ARTICLES[0], extra=("Only on two pages",))]
    template = learn_template("metals-daily", pages)
    learned = {line for line, _ in template.lines}
    assert learned == set(NAV) | {BLURB, "March 3, 2024"} | set(FOOTER)
    assert template.pages == 5 and template.need == 3
    assert all(n >= template.need for _, n in template.lines)


def test_duplicates_and_order_never_change_what_is_learned() -> None:
    once = learn_template("metals-daily", PAGES)
    assert learn_template("metals-daily", PAGES + [PAGES[0], PAGES[2]]) == once
    assert learn_template("metals-daily", list(reversed(PAGES))) == once
    assert to_toml(learn_template("metals-daily", PAGES + [PAGES[1]])) == to_toml(once)


def test_fewer_than_three_pages_teach_nothing() -> None:
    assert learn_template("metals-daily", PAGES[:2]).lines == ()
    assert learn_template("metals-daily", [PAGES[0]] * 5).lines == ()      # one page five times is one page


def test_the_learned_file_round_trips(tmp_path: Path) -> None:
    odd = ['He said "stop" \\ then', "版权所有 © 2024 # not a comment", "tab\there"]
    template = learn_template("x", ["\n".join(odd + [f"unique line {n}"]) for n in range(3)])
    path = tmp_path / "x.learned.toml"
    path.write_text(to_toml(template), encoding="utf-8")
    assert set(load_learned(path)) == {"He said \"stop\" \\ then", "版权所有 © 2024 # not a comment", "tab here"}


def test_load_rules_attaches_learned_lines_to_the_rule_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text('hosts = ["a.example"]\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('hosts = ["b.example"]\n', encoding="utf-8")
    (tmp_path / "a.learned.toml").write_text('pages = 3\ntemplate_lines = ["Home", "  Markets  "]\n', encoding="utf-8")
    rules = load_rules(tmp_path)
    assert [r.name for r in rules.sites] == ["a", "b"]                  # the learned file is no site rule
    assert rules.named("a").template_lines == ("Home", "Markets")       # type: ignore[union-attr]
    assert rules.named("b").template_lines == ()                        # type: ignore[union-attr]


@pytest.mark.parametrize("content", ['template_lines = "Home"\n', 'lines = ["Home"]\n', 'template_lines = [1]\n',
                                     "template_lines = [\n"])
def test_a_bad_learned_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "a.toml").write_text('hosts = ["a.example"]\n', encoding="utf-8")
    (tmp_path / "a.learned.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="a.learned.toml"):
        load_rules(tmp_path)


def test_a_learned_template_removes_recurring_lines() -> None:
    rule = SiteRule(name="metals-daily", template_lines=tuple(line for line, _ in learn_template("m", PAGES[1:]).lines))
    plain = clean_text(PAGES[0])
    learned = clean_text(PAGES[0], rule)
    assert BLURB in plain.paragraphs                                     # prose-like: one page cannot tell
    assert list(learned.paragraphs) == ARTICLES[0][1]
    assert learned.title == plain.title == ARTICLES[0][0]
    assert BLURB in {r.text for r in learned.removed if r.rule == "site-template"}


def test_a_template_on_a_seed_like_page_drops_only_its_lines() -> None:
    page = "\n".join([ARTICLES[1][0], *ARTICLES[1][1], BLURB])
    rule = SiteRule(name="metals-daily", template_lines=(BLURB,))
    assert list(clean_text(page, rule).paragraphs) == ARTICLES[1][1]
    assert clean_text(page).paragraphs == (*ARTICLES[1][1], BLURB)


def test_a_single_page_cleans_without_any_template() -> None:
    draft = clean_text(PAGES[2])
    assert draft.title == ARTICLES[2][0] and list(draft.paragraphs[:2]) == ARTICLES[2][1]


# ------------------------------------------------------------------------------------------ the command

def run(tmp: Path, *argv: str) -> int:
    return main(["--project", str(tmp), *argv])


def test_learn_writes_the_file_and_clean_applies_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path, PAGES[1:])
    assert run(tmp_path, "learn", "metals-daily", str(folder)) == 0
    learned = tmp_path / "cleaners" / "metals-daily.learned.toml"
    assert json.dumps(BLURB) in learned.read_text(encoding="utf-8")
    assert "metals-daily.learned.toml" in capsys.readouterr().err
    page = tmp_path / "new.txt"
    page.write_text(PAGES[0], encoding="utf-8")
    assert run(tmp_path, "clean", str(page), "--url", "https://metals-daily.example/a/1.html") == 0
    assert BLURB not in json.loads(capsys.readouterr().out)["text"]


def test_adding_pages_never_changes_a_result_by_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path, PAGES[1:])
    assert run(tmp_path, "learn", "metals-daily", str(folder)) == 0
    learned = (tmp_path / "cleaners" / "metals-daily.learned.toml").read_bytes()
    capsys.readouterr()
    assert run(tmp_path, "clean", str(folder / "0.txt")) == 0
    before = capsys.readouterr().out
    for n, text in enumerate([PAGES[0], PAGES[1], dump("Another story", ["One more paragraph, with a comma."])]):
        (folder / f"added-{n}.txt").write_text(text, encoding="utf-8")
    assert run(tmp_path, "clean", str(folder / "0.txt")) == 0
    assert capsys.readouterr().out == before                            # nothing learned while cleaning
    (folder / "added-2.txt").unlink()
    (folder / "added-0.txt").unlink()
    assert run(tmp_path, "learn", "metals-daily", str(folder)) == 0      # a page added twice counts once
    assert (tmp_path / "cleaners" / "metals-daily.learned.toml").read_bytes() == learned


def test_dry_run_prints_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path, PAGES)
    assert run(tmp_path, "learn", "metals-daily", str(folder), "--dry-run") == 0
    assert "template_lines = [" in capsys.readouterr().out
    assert not (tmp_path / "cleaners" / "metals-daily.learned.toml").exists()


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path, PAGES[:2])
    assert run(tmp_path, "learn", "no-such-site", str(folder)) == 2
    assert run(tmp_path, "learn", "metals-daily", str(folder)) == 2          # two pages are too few
    assert run(tmp_path, "learn", "metals-daily", str(folder), "--min-share", "1.5") == 2
    err = capsys.readouterr().err
    assert "no site rule 'no-such-site'" in err and "at least 3" in err and "--min-share" in err


def test_unreadable_and_foreign_pages_are_named_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = project(tmp_path, PAGES)
    (folder / "page.html").write_text("<html><body><p>Hi</p><div>there</div></body></html>", encoding="utf-8")
    (folder / "other.txt").write_text(PAGES[0], encoding="utf-8")
    (folder / "other.txt.meta.json").write_text('{"url": "https://elsewhere.example/x"}', encoding="utf-8")
    code = run(tmp_path, "learn", "metals-daily", str(folder), str(tmp_path / "missing.txt"))
    err = capsys.readouterr().err
    assert "page.html: skipped: HTML" in err and "elsewhere.example is not a host" in err
    assert "missing.txt" in err and code == 1                            # learned from the others
    assert (tmp_path / "cleaners" / "metals-daily.learned.toml").exists()
