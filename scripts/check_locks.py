"""Check that each lock file (requirements*.txt) matches its input (requirements*.in).

Every package pinned in an input is in its lock at the same version, every locked
package carries hashes (so `pip install --require-hashes` accepts nothing else), and the
lock says it was generated from that input. Regenerate the locks with `make lock`.

The npm tools (tools/lighthouse) are held the same way: package.json pins each
dependency to one version, and package-lock.json has it at that version, with an
integrity hash for every package (so `npm ci` installs exactly that).

Usage:
    python -m scripts.check_locks [requirements.in requirements-dev.in requirements-lock.in]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.core.reporting import report

INPUTS = ("requirements.in", "requirements-dev.in", "requirements-lock.in")
NPM_TOOLS = ("tools/lighthouse",)
EXACT_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(text: str) -> dict[str, str]:
    """name -> version of every `name==version` line."""
    found = {}
    for line in text.splitlines():
        match = PIN.match(line.strip())
        if match:
            found[normalize(match.group(1))] = match.group(2)
    return found


def locked_without_hashes(text: str) -> list[str]:
    """Locked packages whose entry has no --hash line."""
    entries = re.split(r"\n(?=[A-Za-z0-9])", text)
    missing = []
    for entry in entries:
        match = PIN.match(entry.strip())
        if match and "--hash=sha256:" not in entry:
            missing.append(match.group(1))
    return missing


def compare(input_path: str, input_text: str, lock_path: str, lock_text: str) -> list[str]:
    problems = []
    locked = pins(lock_text)
    for name, version in pins(input_text).items():
        if locked.get(name) != version:
            found = locked.get(name, "nothing")
            problems.append(
                f"{lock_path}: {input_path} pins {name}=={version}, the lock has {found}; "
                "run `make lock`"
            )
    for name in locked_without_hashes(lock_text):
        problems.append(f"{lock_path}: {name} has no hash; run `make lock`")
    if f" {input_path}" not in lock_text.split("\n\n", 1)[0]:
        problems.append(f"{lock_path}: not generated from {input_path}; run `make lock`")
    return problems


def npm_problems(folder: str, package_text: str, lock_text: str) -> list[str]:
    """What makes `npm ci` in folder install anything but the pinned packages."""
    package_path, lock_path = f"{folder}/package.json", f"{folder}/package-lock.json"
    fix = f"pin it, then run `npm install --package-lock-only` in {folder}"
    package, lock = json.loads(package_text), json.loads(lock_text)
    installed = lock.get("packages", {})
    problems = []
    for name, wanted in package.get("dependencies", {}).items():
        if not EXACT_VERSION.match(wanted):
            problems.append(f"{package_path}: {name} is '{wanted}', not one version; {fix}")
        elif installed.get(f"node_modules/{name}", {}).get("version") != wanted:
            problems.append(f"{lock_path}: {name} is not locked at {wanted}; {fix}")
    if installed.get("", {}).get("dependencies") != package.get("dependencies"):
        problems.append(f"{lock_path}: not made from {package_path}; {fix}")
    for where, entry in installed.items():
        if where and not entry.get("link") and not entry.get("integrity", "").startswith("sha"):
            problems.append(f"{lock_path}: {where} has no integrity hash; {fix}")
    return problems


def main(argv=None) -> int:
    inputs = list(argv) if argv else list(INPUTS)
    problems = []
    for folder in [] if argv else NPM_TOOLS:
        package, lock = Path(folder, "package.json"), Path(folder, "package-lock.json")
        if not lock.exists():
            problems.append(f"{lock}: missing; run `npm install --package-lock-only` in {folder}")
            continue
        problems += npm_problems(folder, package.read_text(), lock.read_text())
    for input_path in inputs:
        lock_path = input_path.removesuffix(".in") + ".txt"
        if not Path(input_path).exists():
            problems.append(
                f"{input_path}: not found in {Path.cwd()}; run the checker from the "
                "repository folder"
            )
            continue
        if not Path(lock_path).exists():
            problems.append(f"{lock_path}: missing; run `make lock`")
            continue
        problems += compare(
            input_path, Path(input_path).read_text(), lock_path, Path(lock_path).read_text()
        )
    return report(
        "check_locks",
        problems,
        "",
        f"{len(inputs) + (0 if argv else len(NPM_TOOLS))} lock files match their inputs, "
        "every package hashed",
    )


if __name__ == "__main__":
    sys.exit(main())
