"""Phone and TTY numbers become tel: links and tables become cards on a phone, made by
the build (sitekit/build/phone_links.py, table_labels.py) on every page of both languages;
fax numbers stay text; no number breaks across lines."""

from __future__ import annotations

import re

import lxml.html
import pytest

from sitekit.build.phone_links import PHONE, tel_uri, with_phone_links
from tests.sitebuild import LANGUAGES, output_path, source_pages

HELP_CENTER = '<a class="site-tel" href="tel:+18884662219">1-888-466-2219</a>'


def test_a_number_is_dialled_with_its_country_code():
    assert tel_uri("1-888-466-2219") == "tel:+18884662219"
    assert tel_uri("916-255-5241") == "tel:+19162555241"
    assert tel_uri("(888) 217-9310") == "tel:+18882179310"


def test_numbers_in_text_become_links_and_nothing_else_changes():
    html = "<p>Call 1-888-466-2219 (TTY 1-877-688-9891).</p>"
    assert with_phone_links(html) == (
        f"<p>Call {HELP_CENTER} (TTY "
        '<a class="site-tel" href="tel:+18776889891">1-877-688-9891</a>).</p>'
    )
    for untouched in (
        '<p><a href="https://x.example">1-888-466-2219</a></p>',
        "<p><code>1-888-466-2219</code></p>",
        '<div data-late="Call 1-888-466-2219">x</div>',
        "<p>Case 12-888-466-22190 and 1-888-466-2219-1</p>",
    ):
        assert with_phone_links(untouched) == untouched


@pytest.mark.parametrize(
    "html",
    [
        "<li>Fax: 916-255-5241</li>",
        "<li>Fax : 916-255-5241</li>",
        "<li><strong>By fax</strong>: 916-255-5241.</li>",
        "<p>envoyez-la par fax au 916-651-2789. Pour</p>",
        "<p>by uploading it online, by fax to (888) 217-9310, or by mail</p>",
    ],
)
def test_a_fax_number_stays_text_on_one_line(html):
    changed = with_phone_links(html)
    assert "tel:" not in changed
    assert re.search(r'<span class="site-tel">[^<]+</span>', changed)


def test_a_number_in_a_fax_column_stays_text_and_the_others_are_linked():
    html = (
        "<table><thead><tr><th>Who</th><th>Phone</th><th>Fax for proof documents</th></tr>"
        "</thead><tbody><tr><td>Covered California</td><td>1-888-466-2219</td>"
        "<td>(888) 217-9310</td></tr></tbody></table>"
    )
    changed = with_phone_links(html)
    assert HELP_CENTER in changed
    assert '<span class="site-tel">(888) 217-9310</span>' in changed


def test_the_word_fax_does_not_reach_into_the_next_item():
    html = "<ul><li>Fax: 916-255-5241</li><li>Phone: 1-888-466-2219</li></ul>"
    assert HELP_CENTER in with_phone_links(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_number_of_every_page_can_be_tapped(site_dir, lang):
    pages = [site_dir / output_path(lang, rel) for rel in source_pages()[lang]]
    linked = 0
    for path in pages:
        root = lxml.html.parse(str(path)).getroot()
        for element in root.iter("main"):
            for text_node in element.xpath(".//text()[not(ancestor::code)]"):
                for match in PHONE.finditer(str(text_node)):
                    parent = text_node.getparent()
                    assert parent.get("class") == "site-tel", (path, match.group(0))
                    if parent.tag == "a":
                        assert parent.get("href") == tel_uri(match.group(0))
                        linked += 1
                    else:
                        cell = parent.getparent()
                        column = cell.getparent().index(cell) if cell.tag == "td" else None
                        table_heads = cell.xpath("ancestor::table[1]//th")
                        heading = table_heads[column].text_content() if column is not None else ""
                        assert "fax" in (cell.text_content() + heading).lower(), path
    assert linked > 50


def test_every_table_cell_is_labelled_with_its_column(site_dir):
    from sitekit.build.table_labels import with_table_labels

    table = (
        "<table><thead><tr><th>Who</th><th><abbr title='x'>TTY</abbr></th></tr></thead>"
        "<tbody><tr><td>A &amp; B</td><td>1</td></tr></tbody></table>"
    )
    assert '<td data-label="Who">A &amp; B</td><td data-label="TTY">1</td>' in (
        with_table_labels(table)
    )
    cells = 0
    for path in site_dir.rglob("*.html"):
        root = lxml.html.parse(str(path)).getroot()
        for cell in root.xpath("//article//table[thead]//td"):
            column = cell.getparent().index(cell)
            heading = cell.xpath("ancestor::table[1]/thead//th")[column].text_content()
            assert cell.get("data-label") == " ".join(heading.split()), path
            cells += 1
    assert cells > 50
