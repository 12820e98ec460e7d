"""The "Get help now" box: who to call for a page's problem, with phone and TTY, near the
top of every question and guide and on the home page.

The lines live in one file, includes/help-lines.yml, so that a number is changed in one
place; a page names the lines it shows in its front matter (`help: [dmhc, cdi]`). Both
are read and checked before anything is built: an unknown line, a line without a name
in a language or a number written another way is one `path:line` each. The numbers in
the box become tel: links like every other (sitekit/build/phone_links.py). The box is
left out of the search index (data-search-exclude): the same lines on every page would
only blur which page answers a query.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from sitekit.build.phone_links import PHONE
from sitekit.core.reporting import Problem

HELP_FILE = "help-lines.yml"  # in includes/
HELP_KEY = "help"  # front matter: the lines of the page's box
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Where the box goes: after the content's first paragraph, the answer, which comes first
# (the theme writes a question's title above the content; the home page has its own).
FIRST_PARAGRAPH = re.compile(r"^(\s*(?:<h1\b.*?</h1>\s*)?<p\b.*?</p>)", re.DOTALL | re.IGNORECASE)
DEADLINE_ANCHOR = "deadline-calculator"


@dataclass(frozen=True)
class HelpLine:
    key: str
    names: dict[str, str]  # language -> name
    phone: str
    tty: str | None
    contacts: str  # its section on the Contacts page


def read_help_lines(path: Path, languages: list[str]) -> tuple[dict[str, HelpLine], list[Problem]]:
    """The lines of the file, and what is wrong with it."""
    source = str(path)
    if not path.is_file():
        return {}, [Problem(source, None, "missing; create it with the site's help lines")]
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return {}, [Problem(source, line, f"not valid YAML ({error.problem})")]
    if not isinstance(node, yaml.MappingNode):
        return {}, [Problem(source, 1, "must map each line's key to its name, phone and contacts")]
    lines, problems = {}, []
    for key_node, value_node in node.value:
        line_number = key_node.start_mark.line + 1
        found, wrong = help_line(key_node.value, value_node, languages)
        problems += [Problem(source, line_number, f"'{key_node.value}': {text}") for text in wrong]
        if found:
            lines[found.key] = found
    return lines, problems


def help_line(key: str, node, languages: list[str]) -> tuple[HelpLine | None, list[str]]:
    """One entry of the file, or what is wrong with it."""
    if not SLUG.match(str(key)):
        return None, ["a key is lower-case words joined by hyphens (state-hearings)"]
    data = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.MappingNode) else None
    if not isinstance(data, dict):
        return None, ["needs name, phone and contacts (tty if the line has one)"]
    wrong = []
    names = data.get("name") if isinstance(data.get("name"), dict) else {}
    wrong += [
        f"no name in '{lang}'; add name: {lang}: ..." for lang in languages if not names.get(lang)
    ]
    for field in ("phone", "tty"):
        value = data.get(field)
        if (field == "phone" or value is not None) and not PHONE.fullmatch(str(value or "")):
            wrong.append(f"{field} '{value}' is not a number written like 1-888-466-2219")
    if not SLUG.match(str(data.get("contacts") or "")):
        wrong.append("contacts must be the id of its section on the Contacts page (dmhc)")
    unknown = set(data) - {"name", "phone", "tty", "contacts"}
    wrong += [f"unknown field '{field}'" for field in sorted(unknown)]
    if wrong:
        return None, wrong
    line = HelpLine(str(key), dict(names), str(data["phone"]), data.get("tty"), data["contacts"])
    return line, []


def page_help_problems(page, lines: dict[str, HelpLine]) -> list[Problem]:
    """The page's `help` names lines of the file (page_model checks its form)."""
    keys = page.meta.get(HELP_KEY) or []
    return [
        Problem(
            page.source,
            page.line_of(HELP_KEY),
            f"help line '{key}' is not in includes/{HELP_FILE}; use one of {', '.join(lines)}",
        )
        for key in keys
        if key not in lines
    ]


def line_html(line: HelpLine, lang: str, ui: dict, contacts_url: str) -> str:
    """'<a href="../contacts/#dmhc">DMHC Help Center</a>: 1-888-466-2219 (TTY 1-877-688-9891)'."""
    name = html.escape(line.names[lang])
    link = f'<a href="{html.escape(contacts_url)}#{line.contacts}">{name}</a>'
    tty = f" ({html.escape(ui['help_tty'])} {line.tty})" if line.tty else ""
    return f"{link}{html.escape(ui['help_separator'])}{line.phone}{tty}"


def help_box(
    keys: list[str],
    lines: dict[str, HelpLine],
    lang: str,
    ui: dict,
    contacts_url: str,
    deadline: bool,
) -> str:
    """The box's HTML: its title, one line per help line, and the deadline link on a page
    with a deadline calculator. Every text is escaped."""
    items = "".join(f"<li>{line_html(lines[key], lang, ui, contacts_url)}</li>" for key in keys)
    deadline_link = (
        f'<p><a href="#{DEADLINE_ANCHOR}">{html.escape(ui["help_deadline"])}</a></p>'
        if deadline
        else ""
    )
    return (
        '<aside class="site-help" aria-labelledby="help-now" data-search-exclude>'
        f'<p class="site-help__title" id="help-now">{html.escape(ui["help_title"])}</p>'
        f"<ul>{items}</ul>{deadline_link}</aside>"
    )


# A help line named in a page's own HTML (the regulator chooser's results).
LINE_SLOT = re.compile(r'<span data-help-line="([^"]*)"></span>')


def with_help_lines(
    page_html: str, lines: dict[str, HelpLine], lang: str, ui: dict, contacts_url: str
) -> tuple[str, list[str]]:
    """The page with each <span data-help-line="dmhc"></span> filled with that line, and
    the keys it names that the file does not have."""
    unknown = [key for key in LINE_SLOT.findall(page_html) if key not in lines]
    filled = LINE_SLOT.sub(
        lambda match: (
            f'<span data-help-line="{match.group(1)}">'
            f"{line_html(lines[match.group(1)], lang, ui, contacts_url)}</span>"
            if match.group(1) in lines
            else match.group(0)
        ),
        page_html,
    )
    return filled, unknown


def with_help_box(page_html: str, box: str) -> str:
    """The page with the box after its first paragraph, or at its top if it has none."""
    if FIRST_PARAGRAPH.search(page_html):
        return FIRST_PARAGRAPH.sub(lambda match: match.group(1) + box, page_html, count=1)
    return box + page_html
