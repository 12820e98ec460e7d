"""Build hook: a page's title and description reach the theme's templates as text.

MkDocs renders templates without autoescaping, and the theme writes `page.meta.title`,
`page.meta.description` and `page.title` into the page as they are: in <title>, the
header, the <h1>, the navigation, `<meta name="description">` and its search entries.
A `"` would end the description's attribute and a `<` would open a tag. Each is handed
to the templates escaped, as Markup (sitekit/escaping.py): written as it is, it is text;
`| e` leaves it as it is, and `| as_text` gives the text back (for a URL).

Our own data (head metadata, feeds, footers, category lists) is made from the page
model, whose values stay plain text, and escaped where it is written.
"""

from __future__ import annotations

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.plugins import event_priority

from sitekit.escaping import as_text, html_text

TEXT_KEYS = ("title", "description")


@event_priority(-100)  # after every other hook has read the values (page_text.py typesets)
def on_page_markdown(markdown, page, config, files):
    for key in TEXT_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html_text(page.meta[key])
    return markdown


def on_env(env, config, files):
    env.filters["as_text"] = as_text
    return env
