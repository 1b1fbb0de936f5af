"""The FiveFilters ftr-site-config reader (cleanfeed/rules/ftr.py), its host lookup (rules/ftrlookup.py) and
XPath check (html/ftrcheck.py), on rule files written for these tests (tests/data/ftr/own) and on a few
real ones from the collection (tests/data/ftr/collection, CC0)."""
from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

from cleanfeed.html.ftr import apply_ftr_html
from cleanfeed.html.ftrcheck import compile_check
from cleanfeed.rules.ftr import FtrLine, FtrRule, TestUrl, not_applied, parse_ftr, read_ftr_file
from cleanfeed.rules.ftrlookup import (
    FtrFolder,
    candidate_names,
    merge_rules,
    normalize_host,
    rule_files_for_host,
    rule_for_host,
)

FTR = Path(__file__).parent / "data" / "ftr"
FIX = FTR / "own"
COLLECTION = FTR / "collection"


@pytest.fixture(scope="module")
def example() -> FtrRule:
    return read_ftr_file(FIX / "example.com.txt")


@pytest.fixture(scope="module")
def fixtures() -> dict[str, FtrRule]:
    return {p.name: read_ftr_file(p) for p in FIX.glob("*.txt")}


# ----------------------------------------------------------------------------- parsing

def test_example_parses_clean_with_line_numbers_past_comments(example: FtrRule) -> None:
    assert example.errors == () and example.warnings == ()
    assert example.lines[0] == FtrLine(4, "title", None, "//h1[@class='headline']")
    assert example.source.endswith("example.com.txt")


def test_repeated_keys_keep_file_order(example: FtrRule) -> None:
    assert example.title == ("//h1[@class='headline']", '//meta[@property="og:title"]/@content')
    assert example.body == ("//div[@id='missing']", "//div[@class='part']")
    assert example.date[1] == "substring-after(//p[@class='dateline'], 'Published: ')"
    assert example.author == ("//meta[@name='no-author']/@content", "//span[@class='byline']/a")


def test_strips_links_and_clues(example: FtrRule) -> None:
    assert example.strip == ("//div[@class='share']", "//img/@srcset")   # strip_attr is FTR 3.8's alias
    assert example.strip_id_or_class == ("'promo'",)                     # indented line, raw value kept
    assert example.strip_image_src == ("pixel.gif",)
    assert example.single_page_link == ("//a[@class='print']",)
    assert example.next_page_link == ("//a[@rel='next']/@href",)
    assert example.native_ad_clue == ("//meta[@property='article:section' and @content='Sponsored']",)


def test_replacements_pair_in_order(example: FtrRule) -> None:
    assert example.replacements == (("<amp-img", "<img"), ("<b>old</b>", "<b>new</b>"))


def test_http_headers_lower_case_last_wins(example: FtrRule) -> None:
    assert example.http_headers == {"user-agent": "Mozilla/5.0 (compatible; cleanfeed)",
                                    "referer": "https://www.google.com/"}
    r = parse_ftr("http_header(Cookie): a=1\nhttp_header(cookie): b=2\n")
    assert r.http_headers == {"cookie": "b=2"}


def test_flags_strings_and_defaults(example: FtrRule) -> None:
    assert (example.prune, example.tidy, example.autodetect_on_failure) == (False, False, False)
    assert (example.insert_detected_image, example.skip_json_ld) == (False, True)
    assert (example.parser, example.src_lazy_load_attr) == ("html5php", "data-lazy")
    empty = parse_ftr("")
    assert empty.prune is None and empty.flag("prune") is True and empty.flag("skip_json_ld") is False
    assert parse_ftr("prune: NO").flag("prune") is False


def test_test_url_groups(example: FtrRule) -> None:
    assert example.test_urls == (
        TestUrl("https://example.com/2024/01/story.html", ("First paragraph", "Second paragraph")),
        TestUrl("https://example.com/2024/02/other.html", ()))


def test_if_page_contains_guards_last_single_page_link(example: FtrRule) -> None:
    assert example.if_page_contains == (("single_page_link", "//a[@class='print']", "//body[@data-pages]"),)
    assert example.condition("single_page_link", "//a[@class='print']") == "//body[@data-pages]"
    r = parse_ftr("single_page_link: //a[1]\nsingle_page_link: //a[2]\nif_page_contains: //x\n")
    assert r.condition("single_page_link", "//a[2]") == "//x" and r.condition("single_page_link", "//a[1]") is None
    r = parse_ftr("next_page_link: //a[@rel='next']\nif_page_contains: //nav\n")   # graby's fallback
    assert r.if_page_contains == (("next_page_link", "//a[@rel='next']", "//nav"),)


def test_unsupported_directives_listed_and_kept_as_lines(example: FtrRule) -> None:
    assert example.unsupported == ((42, "requires_login"), (43, "login_uri"), (44, "wrap_in"))
    wrap = next(ln for ln in example.lines if ln.name == "wrap_in")
    assert (wrap.arg, wrap.value) == ("blockquote", "//div[@class='tweet']")


def test_malformed_lines_reported_never_raised(fixtures: dict[str, FtrRule]) -> None:
    r = fixtures["malformed.txt"]
    assert r.errors == (
        (2, "no ':' between directive and value"),
        (3, "unknown directive 'titl' (did you mean 'title'?)"),
        (4, "unknown directive 'Title' (did you mean 'title'?)"),
        (5, "body has no value"),
        (6, "prune must be yes or no, not 'maybe'"),
        (7, "test_contains before any test_url"),
        (8, "if_page_contains without a preceding single_page_link or next_page_link"),
        (9, "http_header needs an (argument)"),
        (10, "bad header name 'bad name'"),
        (11, "strip takes no (argument)"),
        (12, "malformed directive 'replace_string(unclosed'"),
        (0, "1 find strings but 0 replace strings: FTR then replaces nothing"))
    assert r.warnings == ((17, "tidy: true: FTR reads only 'yes' as true"), (18, "tidy repeated: the last one wins"))
    assert r.body == ("//div[@class='ok']",) and r.replacements == () and r.tidy is False
    assert [ln.line_no for ln in r.lines] == [13, 14, 15, 16, 17, 18]   # only the lines that were accepted


def test_unpaired_find_string_drops_every_replacement() -> None:
    r = parse_ftr("find_string: a\nreplace_string: b\nfind_string: c\n")
    assert r.replacements == () and r.errors[0][0] == 0


def test_replace_string_forms() -> None:
    r = parse_ftr("replace_string(to post comments)): </div>\n"      # lwn.net: ')' inside the argument
                  "replace_string(<br>):\n"                          # empty value deletes
                  'replace_string(,"value":): ,"invalid":\n')         # ':' inside the argument
    assert r.replacements == (("to post comments)", "</div>"), ("<br>", ""), (',"value":', ',"invalid":'))
    assert r.warnings == ((3, "argument holds ':'; FTR and graby cut the line at its first ':' and ignore it"),)


def test_bom_crlf_and_value_colons() -> None:
    r = parse_ftr("\ufefftitle: //h1\r\ntest_url: https://x.org/a:b\r\nbody://div\r\n")
    assert r.title == ("//h1",) and r.test_urls[0].url == "https://x.org/a:b" and r.body == ("//div",)


def test_garbage_never_raises() -> None:
    rng = random.Random(7)
    alphabet = "abc_():/#[]@'\" \t\n\r\x00\ufeffé"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        r = parse_ftr(text)
        compile_check(r)
        apply_ftr_html("<p>x</p>", r)


def test_read_missing_file_reports_instead_of_raising(tmp_path: Path) -> None:
    r = read_ftr_file(tmp_path / "nope.txt")
    assert r.errors and r.errors[0][0] == 0 and "cannot read" in r.errors[0][1]


# ----------------------------------------------------------------------------- which file

def test_normalize_host() -> None:
    assert normalize_host("WWW.Example.COM.") == "example.com"
    assert normalize_host("www.www.example.com") == "www.example.com"   # one www. only, as FTR
    assert normalize_host("example.com:8080") == "example.com"
    assert normalize_host("www1.folha.uol.com.br") == "www1.folha.uol.com.br"
    assert normalize_host("pérotin.com") == "xn--protin-bva.com"   # a real file name
    assert normalize_host("bad_host.com") is None and normalize_host("") is None and normalize_host("[::1]") is None


def test_candidate_names_one_level_like_ftr() -> None:
    assert candidate_names("example.com") == ["example.com.txt", ".com.txt"]
    assert candidate_names("www.example.com") == ["example.com.txt", ".com.txt"]
    assert candidate_names("sport.example.com") == ["sport.example.com.txt", ".example.com.txt"]
    assert candidate_names("a.b.example.com") == ["a.b.example.com.txt", ".b.example.com.txt"]
    assert candidate_names("a.b.example.com", all_parents=True) == [
        "a.b.example.com.txt", ".b.example.com.txt", ".example.com.txt", ".com.txt"]


def test_rule_files_for_host_host_file_before_domain_file(fixtures: dict[str, FtrRule]) -> None:
    names = list(fixtures)
    assert rule_files_for_host("news.example.com", names) == ["news.example.com.txt", ".example.com.txt"]
    assert rule_files_for_host("sport.example.com", names) == [".example.com.txt"]
    assert rule_files_for_host("example.com", names) == ["example.com.txt"]
    assert rule_files_for_host("www.example.com", names) == ["example.com.txt"]   # never .example.com.txt
    assert rule_files_for_host("a.sport.example.com", names) == []
    assert rule_files_for_host("a.sport.example.com", names, all_parents=True) == [".example.com.txt"]


def test_rule_for_host_merges_global_unless_autodetect_off(fixtures: dict[str, FtrRule]) -> None:
    news = rule_for_host("news.example.com", fixtures)
    assert news is not None and news.body == ("//main",)              # host file hides the domain file
    assert news.title == ('//meta[@property="og:title"]/@content',)   # from global.txt
    assert news.prune is True and news.http_headers == {"user-agent": "global-agent"}
    site = rule_for_host("example.com", fixtures)                     # says autodetect_on_failure: no
    assert site is fixtures["example.com.txt"]
    other = rule_for_host("elsewhere.org", fixtures)
    assert other is not None and other.strip_image_src == ("doubleclick.net",)
    assert rule_for_host("elsewhere.org", fixtures, use_global=False) is None


def test_merge_rules_ftr_append() -> None:
    a = parse_ftr("title: //h1\nstrip: //x\nprune: no\nhttp_header(referer): A\nfind_string: a\nreplace_string: b\n"
                  "test_url: https://a/\nsingle_page_link: //p\nif_page_contains: //c1\n", "a")
    b = parse_ftr("title: //h1\ntitle: //h2\nprune: yes\ntidy: no\nhttp_header(referer): B\nhttp_header(cookie): c\n"
                  "find_string: a\nreplace_string: z\ntest_url: https://b/\nsingle_page_link: //p\n"
                  "if_page_contains: //c2\n", "b")
    m = merge_rules(a, b)
    assert m.title == ("//h1", "//h2") and m.strip == ("//x",)
    assert (m.prune, m.tidy) == (False, False)
    assert m.http_headers == {"referer": "A", "cookie": "c"}
    assert m.replacements == (("a", "b"), ("a", "z"))
    assert m.test_urls == (TestUrl("https://a/"),) and m.source == "a+b"
    assert m.condition("single_page_link", "//p") == "//c1" and len(m.if_page_contains) == 1


# ----------------------------------------------------------------------------- XPath check

def test_compile_check(fixtures: dict[str, FtrRule]) -> None:
    assert compile_check(fixtures["example.com.txt"]) == []
    assert compile_check(fixtures["malformed.txt"]) == [
        (15, "//div[", "syntax: Invalid expression"),
        (16, "//div[has-class('x')]", "function has-class() is not XPath 1.0")]
    r = parse_ftr("move_into(//div[): //p\nauthor: 'Dan Abramov'\nbody: //a | //b[contains(., 'f(x)')]\n"
                  "strip: //svg:path\nbody: //div[contains(@class='x')]\ndate: concat(substring(//t, 1, 4), '-')\n")
    assert compile_check(r) == [(1, "//div[", "syntax: Invalid expression"),
                                (4, "//svg:path", "evaluation: Undefined namespace prefix"),
                                (5, "//div[contains(@class='x')]", "contains() takes 2 argument(s), not 1")]




# ----------------------------------------------------------------------------- real files (CC0 subset)

def test_real_collection_files_parse_with_the_known_diagnostics() -> None:
    rules = {p.name: read_ftr_file(p) for p in sorted(COLLECTION.glob("*.txt")) if p.name != "LICENSE.txt"}
    assert len(rules) == 9 and all(r.errors == () for r in rules.values())
    assert [n for n, r in rules.items() if r.warnings] == ["allgemeine-zeitung.de.txt"]   # ':' in an argument
    assert ("to post comments)", "</div>") in rules["lwn.net.txt"].replacements       # ")" in an argument
    assert rules["tech.sina.com.cn.txt"].next_page_link == ("//p[@class='page']/a[contains(.,'下一页')]",)
    assert rules["washingtonpost.com.txt"].http_headers.keys() == {"cookie"}
    broken = {n: [reason for _, _, reason in compile_check(r)] for n, r in rules.items() if compile_check(r)}
    assert broken == {"faz.net.txt": ["contains() takes 2 argument(s), not 1"]}
    page = (FIX / "example-article.html").read_text()
    for name, rule in rules.items():                       # applied to an unrelated page: nothing raises
        apply_ftr_html(page, rule, "https://" + name.removesuffix(".txt").lstrip(".") + "/a")


def test_not_applied_lists_unsupported_and_ignored_lines(example: FtrRule) -> None:
    notes = dict(not_applied(example))
    assert notes[42] == "requires_login: not supported (ignored)" and notes[44] == "wrap_in: not supported (ignored)"
    assert notes[30].startswith("http_header: not sent") and notes[24] == "native_ad_clue: read, not acted on"
    assert notes[33].startswith("prune: no: not honoured") and notes[37].startswith("skip_json_ld: yes: not honoured")
    assert 4 not in notes and 7 not in notes                # title and body are applied
    assert not_applied(parse_ftr("prune: yes\ntidy: yes\nskip_json_ld: no\nbody: //x\n")) == []


# ----------------------------------------------------------------------------- a project's cleaners/ folder

def _folder(tmp_path: Path) -> Path:
    cleaners = tmp_path / "cleaners"
    (cleaners / "ftr-site-config").mkdir(parents=True)
    for name in ("example.com.txt", ".example.com.txt", "news.example.com.txt", "global.txt"):
        (cleaners / "ftr-site-config" / name).write_bytes((FIX / name).read_bytes())
    (cleaners / "ftr-site-config" / "LICENSE.txt").write_text("These files are released to the public domain.\n")
    (cleaners / "README.txt").write_text("Notes about our rules: not a rule file.\n")
    (cleaners / "news.example.com.txt").write_text("title: //h2\nbody: //section\n", encoding="utf-8")
    (cleaners / "127.0.0.1.txt").write_text("body: //div[@id='story']\nautodetect_on_failure: no\n")
    return cleaners


def test_folder_custom_file_over_collection_then_global(tmp_path: Path) -> None:
    folder = FtrFolder.load(_folder(tmp_path))
    assert folder is not None
    name, news = folder.for_host("news.example.com") or ("", FtrRule())
    assert name == "news.example.com"
    assert news.body == ("//section", "//main") and news.title == ("//h2", '//meta[@property="og:title"]/@content')
    assert news.http_headers == {"user-agent": "global-agent"}                  # global.txt under both
    name, sport = folder.for_host("sport.example.com") or ("", FtrRule())
    assert name == "example.com" and sport.body == ("//article",)              # the domain file
    name, local = folder.for_host("127.0.0.1") or ("", FtrRule())
    assert name == "127.0.0.1" and local.title == ()                           # autodetect off: no global
    assert folder.for_host("elsewhere.org") is None                             # global.txt alone: nothing
    assert folder.names() == {"example.com", "news.example.com", "127.0.0.1"}   # LICENSE.txt, README.txt: no rules
    named = folder.named("example.com")
    assert named is not None and named[1].body[0] == "//div[@id='missing']"   # the host file, by site name
    assert folder.named("global") is None and folder.named("nope.org") is None


def test_folder_reads_files_on_first_use_and_pickles_their_text(tmp_path: Path) -> None:
    cleaners = _folder(tmp_path)
    folder = FtrFolder.load(cleaners)
    assert folder is not None and folder._parsed == {}                         # names only, until a page asks
    shipped = pickle.dumps(folder)                                              # to a Dask worker elsewhere
    for path in folder.paths():
        path.unlink()
    remote = pickle.loads(shipped)
    found = remote.for_host("news.example.com")
    assert found is not None and found[1].body == ("//section", "//main")
    assert FtrFolder.load(tmp_path / "nothing-here") is None
