"""`is_author_bio` asks one pattern compiled once (a bio verb after a name's end) of each name in turn; it
once compiled a pattern of the names and the verbs for every author. The answers must be the old pattern's:
compared here on random texts built from names, verbs and noise."""
from __future__ import annotations

import random
import re

from cleanfeed.html.authorbio import _verbs, is_author_bio
from cleanfeed.rules.html_words import html_words


def _old_is_author_bio(text: str, names: tuple[str, ...]) -> bool:
    """The pattern as it was built per call (the reference)."""
    if not names or len(text) > 1000:
        return False
    opening = "|".join(re.escape(n) for n in names)
    return re.match(rf"(?:{opening})\s+(?:{_verbs()})\b", text) is not None


def test_the_same_answer_as_the_pattern_built_per_author() -> None:
    rng = random.Random(17)
    verbs = list(html_words().bio_verbs)
    people = ["Jane Doe", "Jane Doe Smith", "Jane", "J. Doe", "Ann (Annie) Lee", "Zoë Ångström", "Lee+Park", "A B"]
    noise = ["", " ", "  ", "\n", "\t", "x", "s", "ed", ",", ".", "’", "Jane", "Doe ", "is ", "writes"]
    same = hits = 0
    for _ in range(6000):
        names = tuple(rng.sample(people, rng.randint(0, 3)))
        opening = rng.choice([*people, *noise])
        text = opening + rng.choice(noise[:5]) + rng.choice([*verbs, *noise]) + rng.choice(noise) + rng.choice(noise)
        if rng.random() < 0.01:
            text += "y" * 1000
        old = _old_is_author_bio(text, names)
        assert is_author_bio(text, names) == old, (text, names)
        same += 1
        hits += old
    assert hits > 80 and same - hits > 300        # both answers were asked
