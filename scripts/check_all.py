"""Build the site and run every checker (`make check`); fail when any of them failed.

Each checker runs even when one before it failed, so that one run shows every finding.
The checkers that read the built site are skipped when the build fails (their findings
would be about the previous site). The build lock is held until the last checker ends,
so that another build cannot replace site/ while it is being checked.

To add a checker, add it to CHECKERS (a module of scripts/ with main(argv) -> int).

Usage:
    python -m scripts.check_all [site]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from scripts import build_site
from sitekit.check import publish

# (module in scripts/, whether it reads the built site, given as its first argument)
CHECKERS = (
    ("check_links", True),
    ("check_parity", False),
    ("check_readability", False),
    ("published_urls", True),
    ("check_locks", False),
)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "site_dir", type=Path, nargs="?", default=Path("site"), help="where to build the site"
    )
    return parser.parse_args(argv)


def run_checker(module: str, arguments: list[str]) -> int:
    command = [sys.executable, "-m", f"scripts.{module}", *arguments]
    sys.stdout.flush()
    return subprocess.run(command, check=False).returncode


def main(argv=None) -> int:
    args = parse_args(argv)
    failed = []
    with publish.build_lock(args.site_dir):
        built = build_site.build(args.site_dir) == 0
        if not built:
            failed.append("build")
        for module, reads_site in CHECKERS:
            if reads_site and not built:
                print(f"{module}: skipped, the build failed", flush=True)
                continue
            arguments = [str(args.site_dir)] if reads_site else []
            if run_checker(module, arguments) != 0:
                failed.append(module)
    if failed:
        print(f"check: failed: {', '.join(failed)} (every finding is listed above)")
        return 1
    print(f"check: the build and all {len(CHECKERS)} checkers passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
