"""What the build and every checker print: each Problem as one `path[:line]: what is
wrong, how to fix it` line, then a summary line, and the exit status (1 on any problem,
0 otherwise)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One defect, located as precisely as we can."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def report(name: str, problems: list, failure: str, success: str) -> int:
    """Print the problems and `name: failure` (or `name: success`); the exit status."""
    for problem in problems:
        print(problem)
    if problems:
        print(f"{name}: {len(problems)} problem(s)" + (f" {failure}" if failure else ""))
        return 1
    print(f"{name}: {success}")
    return 0


def missing_site(site_dir: Path) -> str | None:
    """The error for a site folder that is not there, or None."""
    if site_dir.is_dir():
        return None
    return f"{site_dir}: no such folder; build the site first (make build)"
