"""Chinese text dumps hard-wrapped at a narrow width, the way tools other than text browsers save them
(mobile reader exports, e-mail digests, a copy from a narrow column, `fold -w`, scrapers that wrap CJK by
display width at 40–80 columns, i.e. 20–40 characters). Made from a line-per-block dump (the shared
`*-zh-text` sets, tests/data/text/cwced-zh-text), so the wrapped dump scores against the same gold.

A renderer is named `zh<W><variant>`: W is the width in terminal cells (a CJK character takes two), and the
variant letters, fixed before any score was taken with them:

- none: greedy by display width, a break at any CJK character or at a space between words;
- `i`: each wrapped block starts with two ideographic spaces (`　　`), as Chinese articles indent paragraphs;
- `p`: break only after punctuation (，。、；：！？ and their kin) when the line has one in its last third;
- `b`: a blank line after every block;
- `c`: W/2 characters a line, every character counted as one (lynx's and `fold`'s measure), not cells.

Pure functions; no dependency beyond the standard library.
"""
from __future__ import annotations

import re
import unicodedata

_NAME = re.compile(r"zh(\d{2,3})([ipbc]*)$")
_PUNCT = frozenset("，。、；：！？）》」』”,.;:!?)")


def _cells(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _tokens(line: str) -> list[str]:
    """Units a line may break between: each wide character alone, each run of narrow non-space characters
    (a word, a number), each space."""
    out: list[str] = []
    for char in line:
        if char.isspace() or _cells(char) == 2 or not out or out[-1].isspace() or _cells(out[-1][-1]) == 2:
            out.append(char)
        else:
            out[-1] += char
    return out


def wrap_line(line: str, width: int, *, chars: bool = False, punct: bool = False) -> list[str]:
    """One block's line wrapped at `width` (cells, or characters when `chars`)."""
    measure = len if chars else (lambda s: sum(_cells(c) for c in s))
    if measure(line) <= width:
        return [line]
    out: list[str] = []
    current = ""
    for token in _tokens(line):
        if measure(current + token) > width and current.strip():
            cut = len(current)
            if punct:
                marks = [i + 1 for i, c in enumerate(current) if c in _PUNCT and i + 1 >= 2 * len(current) // 3]
                cut = marks[-1] if marks else cut
            out.append(current[:cut].rstrip())
            current = current[cut:].lstrip()
            if token.isspace():
                continue
        while measure(token) > width:       # a word wider than the line: cut it
            out.append(token[:width])
            token = token[width:]
        current += token
    if current.strip():
        out.append(current.rstrip())
    return out


def render(text: str, name: str) -> str:
    """The line-per-block dump `text` wrapped as renderer `name` (`zh36`, `zh50p`, `zh80c`, …) does."""
    m = _NAME.match(name)
    if not m:
        raise ValueError(f"not a wrapping renderer: {name}")
    width, variant = int(m.group(1)), m.group(2)
    chars = "c" in variant
    if chars:
        width //= 2
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if "i" in variant and line and (len(line) if chars else sum(_cells(c) for c in line)) > width:
            line = "\u3000\u3000" + line
        out.extend(wrap_line(line, width, chars=chars, punct="p" in variant) if line else [""])
        if "b" in variant and line:
            out.append("")
    return "\n".join(out) + "\n"
