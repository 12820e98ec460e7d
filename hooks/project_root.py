"""Put the project's root folder on sys.path, so that the hooks find `sitekit` however
MkDocs is started.

`python -m mkdocs` runs with the working folder on sys.path; the `mkdocs` command (what
editors, `mkdocs serve` users and static hosts run) does not. MkDocs puts this folder
on sys.path while it loads each hook, so every hook imports this module before
`sitekit`. Not a hook itself: mkdocs.yml does not list it.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parent.parent)

if ROOT not in sys.path:
    sys.path.append(ROOT)
