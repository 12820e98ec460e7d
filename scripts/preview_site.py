"""Serve the built site/ as a static host would (`make preview`): with its _headers
(Content-Security-Policy and the other security headers) and _redirects (real 301s,
each language's 404 page), on 127.0.0.1. How: sitekit/check/static_host.py.

Usage:
    python -m scripts.preview_site [site] [--port 8000]
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check import static_host
from sitekit.check.local_browser import serve


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir}: no built site; run `make build` first", file=sys.stderr)
        return 1
    try:
        with serve(args.site_dir, args.port, as_host=True) as base:
            print(f"preview: {base} (site/ with its _headers and _redirects); Ctrl-C stops it")
            threading.Event().wait()
    except static_host.HostFileError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(
            f"preview: cannot listen on 127.0.0.1:{args.port}: {error.strerror}; "
            f"try: make preview PORT={args.port + 1}",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
