"""Read a page's file and its front matter strictly: UTF-8 without a byte-order mark,
front matter between '---' lines, YAML that is plain data (text, lists, mappings,
dates) with every key once, and the line of each key and list item, so that every
problem can be reported at its line.

MkDocs turns broken YAML into an empty dict without a word; the page model
(sitekit/core/page_model.py) reads pages with this instead.
"""

from __future__ import annotations

from pathlib import Path

import yaml

FRONT_MATTER_FENCE = "---"
FRONT_MATTER_ENDS = ("---", "...")
FIRST_LINE = 2  # of the front matter's YAML: line 1 of a page is the opening '---'


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML's safe loader, with libyaml's parser when PyYAML has it (its wheels do):
    the same result, many times faster. A date YAML cannot make (2025-02-30) stays
    text, so that the page model says what is wrong with it instead of crashing."""


def construct_date_or_text(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_date_or_text)
TEXT, LIST, MAPPING, MERGE = (
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map", "merge")
)


class NotPlainData(Exception):
    """Front matter that only PyYAML's own construction gets right (an alias, a merge...)."""


def construct_plain(loader, node, seen: set):
    """The value of a node made of text, lists and mappings keyed by text.

    Several times faster than PyYAML's generic construction, which a page's front
    matter rarely needs; other scalars (dates, numbers, yes/no) are built by PyYAML.
    """
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == TEXT else loader.construct_object(node)
    if id(node) in seen:  # an alias: PyYAML makes it one shared object
        raise NotPlainData
    seen.add(id(node))
    if node.tag == LIST and isinstance(node, yaml.SequenceNode):
        return [construct_plain(loader, item, seen) for item in node.value]
    if node.tag == MAPPING and isinstance(node, yaml.MappingNode):
        data = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, yaml.ScalarNode) and key_node.tag == TEXT):
                raise NotPlainData
            if key_node.value in data:  # given twice: construct_front_matter says where
                raise NotPlainData
            data[key_node.value] = construct_plain(loader, value_node, seen)
        return data
    raise NotPlainData


def construct_front_matter(loader, node):
    try:
        return construct_plain(loader, node, set())
    except NotPlainData:
        # YAML would keep the last value of a key given twice without a word. Looked
        # for before PyYAML's construction, which merges '<<' keys in place.
        twice = duplicate_key(node)
        if twice:
            key, first, second = twice
            raise FrontMatterError(
                FIRST_LINE + second,
                f"'{key}' is given twice (also on line {FIRST_LINE + first}), and only one "
                "value would be kept; remove one of them",
            ) from None
        return loader.construct_document(node)


# Named tuples rather than dataclasses: the checkers start several times faster
# without importing dataclasses, and small sites are checked in a fraction of a second.


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split a page into (front matter text or None, body, line number where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None, text, 1
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in FRONT_MATTER_ENDS:
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise FrontMatterError(
        1,
        "front matter opened with '---' is never closed; add a line '---' after the last key",
    )


class FrontMatterError(ValueError):
    """A page that cannot be read at all: not UTF-8, or front matter that is not YAML."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse_front_matter(yaml_text: str) -> tuple[dict, dict, dict]:
    """Parse front matter; return (meta, key line numbers, list item line numbers).

    Line numbers are in the page's own numbering: line 1 is the opening '---'.
    """
    first_line = FIRST_LINE
    loader = FrontMatterLoader(yaml_text)
    try:
        node = loader.get_single_node()
        meta = construct_front_matter(loader, node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        # An unclosed bracket or quote is reported where it opens, not where YAML gave up;
        # a tab where it is.
        reason = error.problem or "cannot be parsed"
        tab = "tab" in reason or "'\\t'" in reason
        mark = (not tab and error.context_mark) or error.problem_mark
        line = first_line + mark.line if mark else 1
        if error.context:
            reason = f"{reason}, {error.context}"
        fix = (
            "indent with spaces: YAML does not allow tabs"
            if tab
            else "check the indentation and put values that contain ':' or '#' in quotes"
        )
        raise FrontMatterError(line, f"front matter is not valid YAML ({reason}); {fix}") from None
    finally:
        loader.dispose()
    if meta is None:
        return {}, {}, {}
    if not isinstance(meta, dict) or not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(first_line, "front matter must be a list of 'key: value' lines")
    key_lines, item_lines = {}, {}
    for key_node, value_node in node.value:
        key_lines[key_node.value] = first_line + key_node.start_mark.line
        if isinstance(value_node, yaml.SequenceNode):
            item_lines[key_node.value] = [
                first_line + item.start_mark.line for item in value_node.value
            ]
    return meta, key_lines, item_lines


def duplicate_key(node) -> tuple[str, int, int] | None:
    """The first key given twice in a mapping, at any depth: (key, first line, second line),
    counted from 0. YAML keeps the last value without a word."""
    pending, seen = [node], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:  # an alias of a node already walked
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            lines = {}
            for key_node, _value in current.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != MERGE:
                    first = lines.setdefault(
                        (key_node.tag, key_node.value), key_node.start_mark.line
                    )
                    if first != key_node.start_mark.line:
                        return key_node.value, first, key_node.start_mark.line
            pending += [child for pair in reversed(current.value) for child in reversed(pair)]
        elif isinstance(current, yaml.SequenceNode):
            pending += reversed(current.value)
    return None


def read_text(path: Path) -> str:
    """A page's text; FrontMatterError when it is not UTF-8 or starts with a byte-order mark."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        raise FrontMatterError(
            data.count(b"\n", 0, error.start) + 1,
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x}, column "
            f"{error.start - line_start + 1}); save it with the UTF-8 encoding",
        ) from None
    if text.startswith("\ufeff"):
        raise FrontMatterError(
            1,
            "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM "
            "(the 'UTF-8', not 'UTF-8 with BOM', encoding of your editor)",
        )
    return text
