"""Build hook: MkDocs' own warnings about links and anchors, at `docs/<lang>/<page>.md:line`.

MkDocs names the page by its path inside docs/ ("Doc file 'en/x.md' contains a link...")
and gives no line. Its messages are rewritten like the checkers' problems
(sitekit/source_lines.py), by a filter on its logger: the warnings keep their level, so
that a strict build still stops on them.
"""

from __future__ import annotations

import logging
from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit.source_lines import LINK_WARNINGS

MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"


def on_config(config):
    LINK_WARNINGS.docs_dir = Path(config.docs_dir)
    logging.getLogger(MKDOCS_PAGES_LOGGER).addFilter(LINK_WARNINGS)
    return config
