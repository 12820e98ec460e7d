"""Build the site into site/ (`make build`), safely when builds run at once or get killed.

The strict MkDocs build writes into a fresh staging folder of its own; only when it
succeeds does the new site replace site/, in one atomic step, so that site/ is always a
complete site, old or new. One build runs at a time: a second one waits for the first,
and says so. A failed or interrupted build leaves site/ as it was. How:
sitekit/check/publish.py.

Usage:
    python -m scripts.build_site [site]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check import publish


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "site_dir", type=Path, nargs="?", default=Path("site"), help="where to publish it"
    )
    return parser.parse_args(argv)


def build(site_dir: Path) -> int:
    """Build the site and publish it into site_dir; call with publish.build_lock held."""
    for leftover in publish.remove_leftovers(site_dir):
        print(f"{leftover}: deleted, left by a build that was interrupted")
    staging = publish.new_staging(site_dir)
    try:
        status = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(staging)], check=False
        ).returncode
        if status != 0:
            print(f"{site_dir}: left as it was, the build failed", file=sys.stderr)
            return status
        publish.publish(staging, site_dir)
    finally:
        publish.remove(staging)  # the failed build, or the old site if publishing stopped
    print(f"{site_dir}: published")
    return 0


def main(argv=None) -> int:
    args = parse_args(argv)
    with publish.build_lock(args.site_dir):
        return build(args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
