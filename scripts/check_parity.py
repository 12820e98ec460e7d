"""Check that the site says the same thing in every language.

For every page of the default language and each translation: the page exists at the
same path (no orphan either), the front matter has the same keys, category, related
questions and source URLs, the outline is the same (headings and their ids, numbered
lists, admonitions, tables), the facts are the same (numbers with units, money,
percentages, phone numbers, dates, URLs, e-mail addresses) and each stands at the same
place (table cell, numbered item, section), the translation was made from the current
original, and no page has a sentence of another of the site's languages (English left
in a translation, French pasted into an English page). Questions marked `draft: true`
are not compared: they are not published.

Usage:
    python -m scripts.check_parity [--config mkdocs.yml]
    python -m scripts.check_parity --report
    python -m scripts.check_parity --accept docs/fr/health-insurance/cal-cobra.md

--accept records, in the translation's front matter, that it matches the current
original (a page of the default language accepts all its translations).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check import parity, site_config
from sitekit.core import front_matter, page_model
from sitekit.core.page_model import Page
from sitekit.core.parallel import map_items
from sitekit.core.reporting import Problem, report

PARALLEL_FROM = 200  # page pairs; below that, starting processes costs more than it saves
CHUNK = 32


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--report", action="store_true", help="print the translation status")
    parser.add_argument(
        "--accept",
        nargs="+",
        metavar="PATH",
        help="mark these translations as reviewed against the current original",
    )
    return parser.parse_args(argv)


def load_all(site) -> tuple[dict[str, dict[str, Page]], list[Problem]]:
    """Every page of every language, and what is wrong with them: the same problems, in
    the same words, as `mkdocs build` reports."""
    return page_model.load_site(site.docs_dir, site.languages, dt.date.today())


def compare_pair(pair) -> list[Problem]:
    """What differs between a page and a translation; with no translation, the sentences
    of another language in the original."""
    original, translation, languages = pair
    if translation is None:
        return parity.compare_language(original, languages)
    return parity.compare_pages(original, translation, languages)


def check(site, ui, pages) -> list[Problem]:
    problems = page_model.translation_problems(site.docs_dir, site.languages)
    problems += parity.compare_ui_strings(str(site.config_file), ui, site.languages)
    originals = {
        rel_path: page
        for rel_path, page in sorted(pages[site.default_language].items())
        if not page.is_draft
    }
    pairs = [(original, None, site.languages) for original in originals.values()]
    pairs += [
        (original, pages[lang][rel_path], site.languages)
        for lang in site.translations
        for rel_path, original in originals.items()
        if rel_path in pages[lang] and not pages[lang][rel_path].is_draft
    ]
    for found in map_items(compare_pair, pairs, PARALLEL_FROM, chunksize=CHUNK):
        problems += found
    return problems


def status_table(site, pages) -> str:
    rows = [["page", *site.translations]]
    for rel_path, original in sorted(pages[site.default_language].items()):
        rows.append(
            [rel_path]
            + [
                parity.translation_status(original, pages[lang].get(rel_path))
                for lang in site.translations
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(lines)


def translations_to_accept(site, path: Path) -> list[tuple[str, str]]:
    """(language, page path) pairs named by a path given to --accept."""
    try:
        lang, *rest = path.resolve().relative_to(site.docs_dir.resolve()).parts
    except ValueError:
        raise SystemExit(f"{path}: not a page of {site.docs_dir}") from None
    rel_path = "/".join(rest)
    if lang not in site.languages or not rel_path.endswith(".md"):
        raise SystemExit(f"{path}: not a page of a language folder in {site.docs_dir}")
    if lang == site.default_language:
        return [(other, rel_path) for other in site.translations]
    return [(lang, rel_path)]


def accept(site, pages, paths) -> int:
    status = 0
    for path in paths:
        for lang, rel_path in translations_to_accept(site, Path(path)):
            original = pages[site.default_language].get(rel_path)
            translation = pages[lang].get(rel_path)
            if original is None or translation is None:
                missing = page_model.display_path(
                    site.docs_dir, lang if original else site.default_language, rel_path
                )
                print(f"{missing}: missing, so there is nothing to accept")
                status = 1
                continue
            write_translation_record(site.docs_dir / lang / rel_path, parity.source_hash(original))
            print(f"{translation.source}: marked as reviewed against {original.source}")
    return status


def write_translation_record(path: Path, value: str) -> None:
    """Set `translation: VALUE` in a page's front matter, leaving every other line as it is."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    closing = next(
        i
        for i, line in enumerate(lines[1:], start=1)
        if line.rstrip() in front_matter.FRONT_MATTER_ENDS
    )
    record = f"{parity.TRANSLATION_KEY}: {value}\n"
    for index in range(1, closing):
        if lines[index].startswith(f"{parity.TRANSLATION_KEY}:"):
            lines[index] = record
            break
    else:
        lines.insert(closing, record)
    path.write_text("".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    args = parse_args(argv)
    site, ui = site_config.load(args.config)
    pages, problems = load_all(site)
    if args.accept:
        if problems:
            for problem in problems:
                print(problem)
            return 1
        return accept(site, pages, args.accept)
    problems += check(site, ui, pages)
    if args.report:
        print(status_table(site, pages))
    count, languages = sum(len(by_path) for by_path in pages.values()), len(site.languages)
    return report(
        "check_parity",
        problems,
        f"in {count} pages, {languages} languages",
        f"{count} pages in {languages} languages are up to date",
    )


if __name__ == "__main__":
    sys.exit(main())
