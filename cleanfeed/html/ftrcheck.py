"""Whether lxml (libxml2, as FTR's PHP DOMXPath) can run the XPath expressions of a FiveFilters rule:
what `cleanfeed check` reports for `cleaners/*.txt`. Compiling is not enough: lxml notices a function
that is not XPath 1.0, or a call with the wrong number of arguments, only when the call is reached
(`//div[contains(@class='x')]` compiles and fails on the first `div`), so the text is scanned for them
and each expression is run once on a tiny page (undefined namespace prefixes)."""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from cleanfeed.rules.ftr import FtrRule, xpath_parts

# XPath 1.0's functions with their (min, max) argument counts; lxml only reports an unknown function or a
# wrong count when a call is reached, so compile_check looks for them in the text.
XPATH1_ARITY = {
    "last": (0, 0), "position": (0, 0), "count": (1, 1), "id": (1, 1), "local-name": (0, 1),
    "namespace-uri": (0, 1), "name": (0, 1), "string": (0, 1), "concat": (2, 99), "starts-with": (2, 2),
    "contains": (2, 2), "substring-before": (2, 2), "substring-after": (2, 2), "substring": (2, 3),
    "string-length": (0, 1), "normalize-space": (0, 1), "translate": (3, 3), "boolean": (1, 1), "not": (1, 1),
    "true": (0, 0), "false": (0, 0), "lang": (1, 1), "number": (0, 1), "sum": (1, 1), "floor": (1, 1),
    "ceiling": (1, 1), "round": (1, 1)}
NODE_TESTS = frozenset({"node", "text", "comment", "processing-instruction"})


@lru_cache(maxsize=4096)
def xpath_error(expr: str) -> str | None:
    """Why lxml (libxml2, as FTR's PHP DOMXPath) cannot run `expr`, or None. Compiles, scans for
    functions outside XPath 1.0 (lxml only finds those when a call is reached), then runs it once on a
    tiny page to catch undefined namespace prefixes."""
    try:
        compiled = etree.XPath(expr)
    except etree.XPathSyntaxError as exc:
        return f"syntax: {exc}"
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "''", expr)
    for call in re.finditer(r"(?<![\w@:.$-])([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*\(", bare):
        fn = call[1]
        if fn in NODE_TESTS or fn in ("and", "or", "div", "mod") or ":" in fn:
            continue   # node tests, operators before '(', prefixed names (left to the run below)
        if fn not in XPATH1_ARITY:
            return f"function {fn}() is not XPath 1.0"
        depth, commas, i = 1, 0, call.end()
        while i < len(bare) and depth:
            depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(bare[i], 0)
            commas += bare[i] == "," and depth == 1
            i += 1
        args = commas + 1 if bare[call.end():i - 1].strip() else 0
        low, high = XPATH1_ARITY[fn]
        if not low <= args <= high:
            return f"{fn}() takes {low if low == high else f'{low} to {high}'} argument(s), not {args}"
    try:
        compiled(_PROBE)
    except etree.XPathError as exc:
        return f"evaluation: {exc}"
    return None


_PROBE = etree.HTML("<html><head><title>t</title></head><body><p class='c'>x</p></body></html>")


def compile_check(rule: FtrRule) -> list[tuple[int, str, str]]:
    """(line_no, expression, reason) for every XPath in the rule's lines that lxml cannot run."""
    return [(ln.line_no, expr, err) for ln in rule.lines for expr in xpath_parts(ln)
            if (err := xpath_error(expr)) is not None]


__all__ = ["compile_check", "xpath_error"]
