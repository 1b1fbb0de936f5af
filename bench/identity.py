"""Output identity for speed work: clean every page we have and hash the results per set.

A speed change must not move a single byte of output. This cleans every page of the shared extraction,
text and dates sets, the seeds, and the pages committed under tests/ (textpages, tradepages, pages, data)
with `to_dict(explain=True)`, and prints one digest per set; `--save` keeps the digests (and every record,
for finding the page that moved) and `--check` compares against a saved run.

    python bench/identity.py --save /tmp/before            # on the code before the change
    python bench/identity.py --check /tmp/before           # after it: exit 1 if any set moved
    python bench/identity.py --check /tmp/before --lean    # cleaned without explain: everything but the date
                                                           # candidates must match the saved (explained) run
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from _score import ROOT, SHARED

sys.path.insert(0, str(ROOT))

FETCHED = "2026-01-01T00:00:00+00:00"
Source = tuple[str, bytes, str | None, str, str | None]   # name, body, url, fetched_at, timezone


def shared_sets() -> Iterator[tuple[str, list[Source]]]:
    data = SHARED / "data"
    for folder in sorted((data / "extraction").iterdir()) + sorted((data / "text").iterdir()) + \
            sorted((data / "dates").glob("*-dev")):
        truth_file = folder / "ground-truth.json"
        truth = json.loads(truth_file.read_text()) if truth_file.exists() else {}
        pages: list[Source] = []
        for f in sorted(folder.rglob("*.gz")):
            pid = f.name.split(".")[0]
            entry = truth.get(pid)
            url = entry.get("url") if isinstance(entry, dict) and folder.parent.name != "dates" else None
            pages.append((f.name, gzip.decompress(f.read_bytes()), url, FETCHED, None))
        yield f"{folder.parent.name}/{folder.name}", pages


def meta_of(path: Path) -> dict[str, str]:
    for meta in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if meta.exists():
            loaded = json.loads(meta.read_text())
            return loaded if isinstance(loaded, dict) else {}
    return {}


def local_sets() -> Iterator[tuple[str, list[Source]]]:
    for name, pattern in (("seeds", "seeds/*.txt"), ("tests/textpages", "tests/textpages/*.txt"),
                          ("tests/tradepages", "tests/tradepages/*"), ("tests/pages", "tests/pages/**/*.htm*"),
                          ("tests/data", "tests/data/**/*.gz"), ("tests/crawlsite", "tests/crawlsite/**/*.html")):
        pages: list[Source] = []
        for f in sorted(ROOT.glob(pattern)):
            if f.name.endswith((".json", ".md")) or not f.is_file():
                continue
            body = gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
            meta = meta_of(f)
            pages.append((str(f.relative_to(ROOT)), body, meta.get("url"), meta.get("fetched_at") or FETCHED,
                          meta.get("timezone")))
        yield name, pages


def record(source: Source, *, lean: bool = False) -> str:
    """The page's record as `clean --explain` gives it; `lean`: cleaned without explain, and the date
    candidates (then empty) left out."""
    from cleanfeed import clean
    from cleanfeed.errors import CleanfeedError

    _, body, url, fetched, tz = source
    try:
        rec = clean(body, url=url, fetched_at=fetched, timezone=tz, explain=not lean).to_dict(explain=True)
    except CleanfeedError as exc:
        rec = {"error": str(exc)}
    if lean:
        rec.pop("date_candidates", None)
    return json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str)


def without_candidates(line: str) -> str:
    rec = json.loads(line)
    rec.pop("date_candidates", None)
    return json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str)


def saved_records(path: Path, pages: list[Source]) -> dict[str, str]:
    """A saved run's records by page name; a run saved before names were kept is matched by position."""
    saved: dict[str, str] = {}
    for i, line in enumerate(path.read_text().splitlines()):
        if line.startswith("["):
            page, rec = json.loads(line)
            saved[page] = json.dumps(rec, ensure_ascii=False, sort_keys=True, default=str)
        elif i < len(pages):
            saved[pages[i][0]] = line
    return saved


def moved_pages(now: dict[str, str], before: dict[str, str]) -> list[str]:
    """Pages whose record changed, then pages added (`+name`) and pages gone (`-name`) since the saved run.

    Matching by name, not position, keeps a page added to tests/pages from marking every later page as moved.
    """
    changed = [page for page, rec in now.items() if page in before and before[page] != rec]
    return changed + [f"+{p}" for p in now if p not in before] + [f"-{p}" for p in before if p not in now]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", type=Path, help="folder to write digests.json and records per set into")
    ap.add_argument("--check", type=Path, help="folder of a saved run to compare against")
    ap.add_argument("--only", nargs="*", help="only sets whose name contains one of these")
    ap.add_argument("--lean", action="store_true",
                    help="clean without explain and compare all but the date candidates, page by page (--check)")
    args = ap.parse_args()
    if args.lean and (args.save or not args.check):
        ap.error("--lean compares with a saved run: give --check, not --save")
    import cleanfeed
    assert cleanfeed.__file__.startswith(str(ROOT)), f"{cleanfeed.__file__} is not this checkout's"
    before = json.loads((args.check / "digests.json").read_text()) if args.check else {}
    digests: dict[str, str] = {}
    moved = 0
    for name, pages in [*shared_sets(), *local_sets()]:
        if args.only and not any(o in name for o in args.only):
            continue
        lines = [record(p, lean=args.lean) for p in pages]
        digests[name] = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
        verdict = ""
        if args.lean and name in before:
            old = saved_records(args.check / (name.replace("/", "__") + ".jsonl"), pages)
            diff = moved_pages(dict(zip((p[0] for p in pages), lines, strict=True)),
                               {page: without_candidates(line) for page, line in old.items()})
            verdict = f"MOVED ({len(diff)} pages: {', '.join(diff[:5])})" if diff else "same"
            moved += bool(diff)
        elif args.check and name in before:
            verdict = "same" if before[name] == digests[name] else "MOVED"
            if verdict == "MOVED":
                moved += 1
                old = saved_records(args.check / (name.replace("/", "__") + ".jsonl"), pages)
                diff = moved_pages(dict(zip((p[0] for p in pages), lines, strict=True)), old)
                verdict += f" ({len(diff)} pages: {', '.join(diff[:5])})"
        print(f"{name:34} {len(pages):5} {digests[name]} {verdict}", flush=True)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            named = (json.dumps([p[0], json.loads(line)], ensure_ascii=False, sort_keys=True)
                     for p, line in zip(pages, lines, strict=True))
            (args.save / (name.replace("/", "__") + ".jsonl")).write_text("\n".join(named) + "\n")
    if args.save:
        (args.save / "digests.json").write_text(json.dumps(digests, indent=1))
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
