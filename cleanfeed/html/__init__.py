"""HTML: an HTML page → `Draft` (title, author, body paragraphs, sanitized body HTML, header lines).

`article.extract_html` is the stage (`sniff` tells an HTML page from a text dump): parse (`parse`), read
metadata from the uncleaned page (`metadata`) and the headline and lead box it prints (`headline`), drop code
and widgets (`prune`) and chrome by structure and class hints (`hints`; the photo credit inside a figure's
caption in `captions`; a record table's fields beside its story in `recordtable`; how much text and prose an element
holds is `measure`), choose the article root by content scoring (`score`; its two readings, each text
counted once or a list item's twice, checked against each other in `rootagree`), linearise it into blocks
(`blocks`, links made absolute by `urls`), filter them with the same boilerplate rules as plain text (`extract`, each
block read as a line by `blockline`; the header lines and a news flash under the headline in `underheadline`),
apply site-rule selectors (`siterule`) and FiveFilters rules (`ftr`; `ftrcheck` says which of their XPaths
cannot run), find who wrote it (`byline`) and drop their bio at the story's end (`authorbio`), tell articles
from listings (`pagetype`, `listing`, `siblings`) and keep what each page type's reader wants (`profiles`),
rebuild the body HTML from the blocks kept (`blockhtml`) and sanitize it (`sanitize`). Pure: no I/O.

May import: the ground floor, `cleanfeed.rules` and `cleanfeed.text`.
"""
