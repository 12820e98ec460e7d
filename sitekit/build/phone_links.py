"""Every phone and TTY number of a page becomes a link a phone can call, made by the
build so that no page can forget one: "1-888-466-2219" is written
<a class="site-tel" href="tel:+18884662219">1-888-466-2219</a>.

A number that follows the word "fax" in its paragraph, list item or table cell ("Fax:
916-255-5241", "par fax au 916-651-2789"), or in a column headed "Fax…", is not for
calling: it stays text. Every number, linked or not, is kept on one line (the class
site-tel, site.css). Numbers in code, in an existing link or in an attribute are left
alone; the HTML is cut into text and markup as the typography cuts it.
"""

from __future__ import annotations

import re

from sitekit.build.typography import MARKUP

# North American numbers as the pages write them: 1-888-466-2219, 916-255-5241,
# (888) 217-9310; never part of a longer run of digits and hyphens.
PHONE = re.compile(r"(?<![\w-])(?:1-)?(?:\(\d{3}\) |\d{3}-)\d{3}-\d{4}(?![\w-])")
TAG_NAME = re.compile(r"<(/?)([a-zA-Z0-9]+)")
# Tags that end a paragraph-like unit: the fax context does not run across them.
BLOCK_TAGS = {"p", "li", "td", "th", "tr", "br", "div", "dd", "dt", "h1", "h2", "h3", "h4"}
FAX = re.compile(r"\b(?:fax|télécopie|télécopieur)\b", re.IGNORECASE)
FAX_REACH = 40  # characters before a number in which "fax" makes it a fax number


def tel_uri(number: str) -> str:
    """ "1-888-466-2219" -> "tel:+18884662219" (a number without the 1 gets it)."""
    digits = re.sub(r"\D", "", number)
    return f"tel:+{digits if len(digits) == 11 else '1' + digits}"


def linked(text: str, before: str) -> str:
    """text with each number linked; before: the text of its unit that comes earlier."""
    out, at = [], 0
    for match in PHONE.finditer(text):
        context = (before + text[: match.start()])[-FAX_REACH:]
        number = match.group(0)
        out.append(text[at : match.start()])
        if FAX.search(context):
            out.append(f'<span class="site-tel">{number}</span>')
        else:
            out.append(f'<a class="site-tel" href="{tel_uri(number)}">{number}</a>')
        at = match.end()
    return "".join(out) + text[at:]


def with_phone_links(html: str) -> str:
    """The page's HTML with its phone numbers as tel: links (see the module's comment).
    A table cell's context starts with its column's heading ("Fax for proof documents")."""
    if not PHONE.search(html):
        return html
    # The split gives text, markup and a whole element's name in turn; text and markup
    # alternate once the names are left out.
    pieces = [piece for index, piece in enumerate(MARKUP.split(html)) if index % 3 != 2]
    in_link, unit = 0, ""
    headings: list[str] = []  # the current table's column headings
    column, in_heading = -1, False
    for index, piece in enumerate(pieces):
        if index % 2:  # markup
            tag = TAG_NAME.match(piece)
            name, closing = (tag.group(2).lower(), bool(tag.group(1))) if tag else ("", False)
            if name == "a":
                in_link += -1 if closing else 1
            elif name == "table" and not closing:
                headings = []
            elif name == "tr" and not closing:
                column = -1
            elif name in ("td", "th") and not closing:
                column += 1
                in_heading = name == "th"
                if in_heading:
                    headings.append("")
            if name in BLOCK_TAGS:
                unit = headings[column] if name == "td" and 0 <= column < len(headings) else ""
            continue
        if in_heading and headings:
            headings[-1] += piece
        if not in_link:
            pieces[index] = linked(piece, unit)
        unit = (unit + piece)[-FAX_REACH:]
    return "".join(pieces)
