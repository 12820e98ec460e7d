"""Build-and-check benchmark on a synthetic site of N questions per language.

Generates, in a temporary folder, a realistic tree: N questions per language (about
600 words each, headings with ids, numbered steps, an admonition, a table, five related
questions, sources, complete front matter and translation records, the same structure
in English and French), with the real mkdocs.yml, overrides, hooks and page model.
Builds it, runs both checkers, and prints one JSON line:

    questions, pages, build_s, check_links_s, check_parity_s, peak_rss_mib,
    search_index_bytes (per language: the stub a page view reads, and all the search
    files, raw and gzip, with any page of the other language), page_bytes_gz (the HTML, CSS and
    JavaScript the first view of a question downloads)

With --bare, the same tree is also built with a bare Material + mkdocs-static-i18n
configuration (no hooks, no overrides): bare_build_s and build_overhead are added.
With --repeat K, every command runs K times, in turns; times are the fastest run
(see fastest()), and the builds' medians are reported too. build_overhead is the
median of the rounds' ratios (see paired_ratio()); build_overhead_fastest is the ratio
of the fastest runs. Each build starts from an empty output folder, with the disk
idle (the previous run's output is removed and flushed before the clock starts).

With --search, what search costs a reader is measured in chromium on the built tree
(scripts/search_scale.py), for ten queries per language: bytes a page view downloads
for search when the reader never searches, bytes downloaded from the keystroke to the
first results, and the time from the last keystroke to the results drawn, cold (a
fresh page) and warm (median and slowest). They go under "search" in the JSON.

With --instructions, each build also runs once under valgrind, which counts the
instructions it executes: build_instructions (and bare_build_instructions and
instructions_overhead with --bare). A count does not depend on what else the machine
is doing, so unlike times it is the same from one run of the benchmark to the next.

Usage:
    python -m scripts.benchmark --questions 200 [--bare] [--repeat 5] [--instructions] [--search]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check.parity import TRANSLATION_KEY, source_hash
from sitekit.core.page_model import read_page

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "overrides", "hooks", "sitekit", "includes")
CATEGORY = "health-insurance"
SITE = "site"
# Cachegrind without its cache and branch simulations: it only counts instructions,
# about 20 times slower than a normal run.
VALGRIND = (
    "valgrind",
    "--tool=cachegrind",
    "--cache-sim=no",
    "--branch-sim=no",
    "--cachegrind-out-file=/dev/null",
)
INSTRUCTION_COUNT = re.compile(r"\bI\s+refs:\s+([\d,]+)")
OTHER_PAGES = ("contacts.md", "glossary.md", "about.md", "partners.md")
WORDS = {
    "en": (
        "the plan your health care doctor appeal review state denial letter coverage "
        "insurance treatment you can ask for within days send copy form help center "
        "decision medical records member a of to and in with after before"
    ).split(),
    "fr": (
        "le régime votre santé soins médecin recours examen État refus lettre couverture "
        "assurance traitement vous pouvez demander dans les jours envoyer copie formulaire "
        "centre aide décision dossier médical adhérent un de la et avec après avant"
    ).split(),
}
# Ten queries per language for --search, in the synthetic pages' words: one word in
# every page ("plan"), rarer pairs, a question and a page's own number.
SEARCH_QUERIES = {
    "en": [
        "appeal",
        "denial letter",
        "synthetic case 5",
        "plan",
        "insurance review",
        "medical records",
        "help center",
        "how do i handle synthetic case 20",
        "coverage decision",
        "doctor treatment",
    ],
    "fr": [
        "recours",
        "lettre de refus",
        "cas synthétique 5",
        "régime",
        "assurance examen",
        "dossier médical",
        "centre aide",
        "comment traiter le cas synthétique 20",
        "couverture décision",
        "médecin traitement",
    ],
}
TEXT = {
    "en": {
        "title": "How do I handle synthetic case {n}?",
        "description": "What to do in synthetic case {n}, step by step, and who to call.",
        "category_title": "Health insurance",
        "step": "Step {k}: do part {k}",
        "important": "Important",
        "table": ["Agency", "Phone", "TTY"],
        "page": "Page {name}",
        "source": "Source {k}",
    },
    "fr": {
        "title": "Comment traiter le cas synthétique {n} ?",
        "description": "Que faire dans le cas synthétique {n}, étape par étape, et qui appeler.",
        "category_title": "Assurance maladie",
        "step": "Étape {k} : faites la partie {k}",
        "important": "Important",
        "table": ["Administration", "Téléphone", "ATS"],
        "page": "Page {name}",
        "source": "Source {k}",
    },
}


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=50, help="questions per language")
    parser.add_argument("--bare", action="store_true", help="also build with a bare configuration")
    parser.add_argument("--keep", type=Path, help="work in this folder (ours/, bare/) and keep it")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each command; the fastest is reported"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each build's instructions, under valgrind",
    )
    parser.add_argument(
        "--search", action="store_true", help="also measure search in chromium (bytes, times)"
    )
    return parser.parse_args(argv)


def paragraph(rng: random.Random, lang: str, words: int) -> str:
    chosen = [rng.choice(WORDS[lang]) for _ in range(words)]
    return (" ".join(chosen) + ".").capitalize()


def question(n: int, lang: str, total: int) -> str:
    """One synthetic question: ~600 words; the same structure and facts in both languages."""
    rng = random.Random(n * 7 + (lang == "fr"))
    text = TEXT[lang]
    related = [f"{CATEGORY}/q{(n + k) % total:05d}.md" for k in range(1, 6) if (n + k) % total != n]
    lines = [
        "---",
        f'title: "{text["title"].format(n=n)}"',
        f'description: "{text["description"].format(n=n)}"',
        f"category: {CATEGORY}",
        "updated: 2026-01-15",
        "reviewed: 2026-11-20",
        "related:",
        *[f"  - {path}" for path in related],
        "sources:",
        *[
            f'  - title: "{text["source"].format(k=k)}"\n    url: https://www.dmhc.ca.gov/page-{k}.aspx'
            for k in range(1, 3)
        ],
        "help: [dmhc, cdi]",
        "---",
        "",
        paragraph(rng, lang, 60),
        "",
    ]
    for k in range(1, 6):
        lines += [
            f"## {text['step'].format(k=k)} {{ #step-{k} }}",
            "",
            paragraph(rng, lang, 50),
            "",
        ]
        lines += [f"{item}. {paragraph(rng, lang, 12)}" for item in range(1, 4)] + [""]
    lines += [f'!!! warning "{text["important"]}"', f"    {paragraph(rng, lang, 30)}", ""]
    lines += [
        "| " + " | ".join(text["table"]) + " |",
        "| --- | --- | --- |",
        "| DMHC | 1-888-466-2219 | 1-877-688-9891 |",
        "",
    ]
    return "\n".join(lines)


def simple_page(title: str, lang: str) -> str:
    body = paragraph(random.Random(1), lang, 20)
    return f"---\ntitle: {title}\ndescription: {title}.\n---\n\n# {title} {{ #top }}\n\n{body}\n"


def contacts_sections(help_file: Path, lang: str) -> str:
    """A section for each help line, at the id the help boxes link to (#dmhc)."""
    lines = yaml.safe_load(help_file.read_text(encoding="utf-8"))
    return "".join(
        f"\n## {line['name'][lang]} {{ #{line['contacts']} }}\n\n{line['phone']}\n"
        for line in lines.values()
    )


def write_tree(root: Path, count: int) -> None:
    """The synthetic docs tree, with translation records, and the project's files."""
    root.mkdir(parents=True)
    for part in PROJECT_FILES:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    (root / "redirects.yml").write_text(
        "short_links:\n  imr: health-insurance/q00000.md\nmoved: {}\n"
    )
    for lang in ("en", "fr"):
        docs = root / "docs" / lang
        (docs / CATEGORY).mkdir(parents=True)
        (docs / "guides").mkdir()
        (docs / "index.md").write_text(simple_page(TEXT[lang]["page"].format(name="home"), lang))
        (docs / CATEGORY / "index.md").write_text(simple_page(TEXT[lang]["category_title"], lang))
        (docs / "guides/index.md").write_text(simple_page("Guides", lang))
        for name in OTHER_PAGES:
            page = simple_page(TEXT[lang]["page"].format(name=name[:-3]), lang)
            if name == "contacts.md":
                page += contacts_sections(root / "includes" / "help-lines.yml", lang)
            (docs / name).write_text(page)
        for n in range(count):
            (docs / CATEGORY / f"q{n:05d}.md").write_text(question(n, lang, count))
    record_translations(root / "docs")


def record_translations(docs: Path) -> None:
    for english in sorted((docs / "en").rglob("*.md")):
        rel = english.relative_to(docs / "en").as_posix()
        record = f"{TRANSLATION_KEY}: {source_hash(read_page(docs, 'en', rel))}\n---\n"
        french = docs / "fr" / rel
        text = french.read_text(encoding="utf-8")
        closing = text.index("\n---\n", 4) + 1
        french.write_text(text[:closing] + record + text[closing + 4 :], encoding="utf-8")


def bare_config(config_text: str) -> str:
    """The site's mkdocs.yml without our hooks and overrides: Material and static-i18n alone."""
    without_hooks = re.sub(r"^(?:hooks|watch):\n(?:  [-#] .*\n)+", "", config_text, flags=re.M)
    return re.sub(r"^  custom_dir: .*\n", "", without_hooks, flags=re.M)


@dataclass
class Run:
    seconds: float
    peak_rss_mib: float
    returncode: int
    output: str


def command_env(**extra: str) -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT), **extra)


def timed(command: list[str], cwd: Path) -> Run:
    """Run a command; its wall-clock time and its own peak memory."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=command_env(), stdout=output, stderr=output
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, text)


def require(run: Run, what: str) -> None:
    if run.returncode != 0:
        raise SystemExit(f"benchmark: {what} failed:\n{run.output[-6000:]}")


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), mtime=0))


def search_files_size(folder: Path) -> dict[str, int]:
    """A language's search files: the stub every page view reads, and all of them."""
    files = list((folder / "search").rglob("*.json"))
    pages = [
        page
        for path in (folder / "search" / "pages").glob("*.json")
        for page in json.loads(path.read_text(encoding="utf-8"))
    ]
    return {
        "stub_gzip": gzip_size(folder / "search" / "search_index.json"),
        "files": len(files),
        "bytes": sum(path.stat().st_size for path in files),
        "gzip": sum(gzip_size(path) for path in files),
        "other_language_pages": sum(1 for page in pages if page["location"].startswith("fr/")),
    }


def first_view_bytes(site: Path, page: Path) -> int:
    """gzip bytes of a page's HTML and the stylesheets and scripts it loads at once."""
    html = page.read_text(encoding="utf-8")
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assets += re.findall(r'<script src="([^"]+)"', html)
    total = gzip_size(page)
    for asset in assets:
        target = (
            (page.parent / asset).resolve()
            if not asset.startswith("/")
            else site / asset.lstrip("/")
        )
        if target.is_file():
            total += gzip_size(target)
    return total


def timed_runs(
    commands: dict[str, tuple[list[str], Path]], repeat: int, fresh_output: bool = False
) -> dict[str, list[Run]]:
    """Each command run `repeat` times, in turns.

    Turns, so that a slower moment of the shared machine weighs on every command alike;
    each round starts one command further along, so that no command always runs right
    after the same other one. Each run starts with the disk idle; with fresh_output,
    a build's previous output is removed first, so that every build starts from an
    empty folder, as on a fresh clone.
    """
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    names = list(commands)
    for round_number in range(repeat):
        start = round_number % len(names)
        for name in names[start:] + names[:start]:
            command, cwd = commands[name]
            if fresh_output:
                shutil.rmtree(cwd / SITE, ignore_errors=True)
            os.sync()
            run = timed(command, cwd)
            require(run, name)
            runs[name].append(run)
    return runs


def fastest(runs: list[Run]) -> float:
    """The time a command takes: its fastest run.

    Other programs on a shared machine only ever make a run slower, so the fastest run
    is the best estimate of a command's own cost (the rule of Python's timeit).
    """
    return min(run.seconds for run in runs)


def median(runs: list[Run]) -> float:
    return statistics.median(run.seconds for run in runs)


def paired_ratio(runs: list[Run], baselines: list[Run]) -> float:
    """The median, over rounds, of a run's time over the baseline's time in that round.

    The two builds of a round run one after the other, so a slow minute of the shared
    machine slows both: their ratio varies much less than either time.
    """
    ratios = [run.seconds / base.seconds for run, base in zip(runs, baselines, strict=True)]
    return statistics.median(ratios)


def instructions_in(log: str) -> int | None:
    """The instruction count in valgrind's (cachegrind's) summary: 'I   refs: 1,234'."""
    match = INSTRUCTION_COUNT.search(log)
    return int(match.group(1).replace(",", "")) if match else None


def counted_instructions(builds: dict[str, tuple[list[str], Path]]) -> dict[str, int]:
    """Each build's instruction count, from one run under valgrind.

    A count does not depend on the machine's load, so the builds run side by side.
    Python's hash seed is fixed, so that sets and dicts are laid out alike every time.
    """
    if shutil.which(VALGRIND[0]) is None:
        raise SystemExit(
            "benchmark: --instructions needs valgrind; install it with "
            "'apt-get install valgrind' (or run 'make valgrind')"
        )
    with tempfile.TemporaryDirectory(prefix="valgrind-") as logs:
        started = {}
        for number, (name, (command, cwd)) in enumerate(builds.items()):
            log, output = Path(logs) / f"{number}.log", Path(logs) / f"{number}.out"
            # The build's own output goes to a file, not a pipe: a pipe nobody reads
            # while the other build runs could fill up and stop it.
            with output.open("wb") as sink:
                process = subprocess.Popen(
                    [*VALGRIND, f"--log-file={log}", *command],
                    cwd=cwd,
                    env=command_env(PYTHONHASHSEED="0"),
                    stdout=sink,
                    stderr=subprocess.STDOUT,
                )
            started[name] = (process, log, output)
        counts = {}
        for name, (process, log, output) in started.items():
            process.wait()
            summary = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            count = instructions_in(summary)
            if process.returncode != 0 or count is None:
                said = output.read_text(encoding="utf-8", errors="replace")
                raise SystemExit(
                    f"benchmark: {name} under valgrind failed:\n{said[-4000:]}{summary[-2000:]}"
                )
            counts[name] = count
    return counts


def measure(
    root: Path, count: int, bare: bool, repeat: int = 1, instructions: bool = False
) -> dict:
    """Build and check the tree in root/ours (and a bare copy in root/bare)."""
    python = sys.executable
    ours = root / "ours"
    build = [python, "-m", "mkdocs", "build", "--site-dir", SITE]
    builds = {"the build": (build, ours)}
    if bare:
        (root / "bare").mkdir()
        shutil.copytree(ours / "docs", root / "bare" / "docs")
        (root / "bare" / "mkdocs.yml").write_text(bare_config((ours / "mkdocs.yml").read_text()))
        builds["the bare build"] = (build, root / "bare")
    config = ["--config", str(ours / "mkdocs.yml")]
    checkers = {
        "check_links": ([python, "-m", "scripts.check_links", str(ours / SITE), *config], ROOT),
        "check_parity": ([python, "-m", "scripts.check_parity", *config], ROOT),
    }
    counts = counted_instructions(builds) if instructions else {}
    # The builds first, then the checkers: the checkers spread over both cores on
    # large sites, and a build run just after them would pay for it.
    runs = timed_runs(builds, repeat, fresh_output=True) | timed_runs(checkers, repeat)
    build_s = fastest(runs["the build"])
    links_s, parity_s = fastest(runs["check_links"]), fastest(runs["check_parity"])
    site = ours / SITE
    indexes = {
        lang: search_files_size(folder) for lang, folder in (("en", site), ("fr", site / "fr"))
    }
    pages = sum(1 for _ in site.rglob("*.html"))
    data = {
        "questions": count,
        "repeat": repeat,
        "pages": pages,
        "build_s": round(build_s, 2),
        "build_median_s": round(median(runs["the build"]), 2),
        "check_links_s": round(links_s, 2),
        "check_parity_s": round(parity_s, 2),
        "checks_to_build": round((links_s + parity_s) / build_s, 3),
        "peak_rss_mib": round(max(run.peak_rss_mib for run in runs["the build"]), 1),
        "search_index_bytes": indexes,
        "page_bytes_gz": first_view_bytes(site, site / CATEGORY / "q00000" / "index.html"),
    }
    if bare:
        bare_s = fastest(runs["the bare build"])
        data["bare_build_s"] = round(bare_s, 2)
        data["bare_build_median_s"] = round(median(runs["the bare build"]), 2)
        data["build_overhead"] = round(paired_ratio(runs["the build"], runs["the bare build"]), 3)
        data["build_overhead_fastest"] = round(build_s / bare_s, 3)
    if counts:
        data["build_instructions"] = counts["the build"]
    if "the bare build" in counts:
        data["bare_build_instructions"] = counts["the bare build"]
        data["instructions_overhead"] = round(counts["the build"] / counts["the bare build"], 3)
    return data


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.questions < 6:
        print("benchmark: --questions needs at least 6 (each question has five related ones)")
        return 1
    with tempfile.TemporaryDirectory(prefix="site-benchmark-") as temporary:
        root = args.keep or Path(temporary)
        root.mkdir(parents=True, exist_ok=True)
        write_tree(root / "ours", args.questions)
        repeat = max(1, args.repeat)
        data = measure(root, args.questions, args.bare, repeat, args.instructions)
        if args.search:
            from scripts import search_scale

            roots = {"en": "", "fr": "fr/"}
            data["search"] = search_scale.measure(root / "ours" / SITE, roots, SEARCH_QUERIES)
        print(json.dumps(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
