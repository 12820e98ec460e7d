"""Check that every page stays in plain language, in every language.

Fails when more than 5% of a language's sentences have more than 25 words (each of
them is then listed), when an English page is above grade 8 on the Flesch-Kincaid
scale, or when a French page is below 60 on the Kandel-Moles scale. Prose only: see
sitekit/check/readability.py for what is measured and why these limits.

Usage:
    python -m scripts.check_readability [--config mkdocs.yml]
    python -m scripts.check_readability --report   # every page's numbers and long sentences
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

if not __package__:  # run as a file (python scripts/x.py): sitekit is in the folder above
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from sitekit.check import readability, site_config
from sitekit.core import page_model
from sitekit.core.reporting import Problem, report


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument(
        "--report",
        action="store_true",
        help="print each page's score, words per sentence and share of long sentences",
    )
    return parser.parse_args(argv)


def measure_language(site, lang):
    """(page, its sentences) of every readable page of one language, and the pages
    whose front matter cannot be read (the same problems as the build reports)."""
    pages, problems = page_model.load_language(site.docs_dir, lang)
    measured = [
        (page, readability.page_sentences(page.body, lang, page.body_line))
        for _, page in sorted(pages.items())
    ]
    return measured, problems


def check_language(site, lang, measured) -> list[Problem]:
    problems = []
    for page, sentences in measured:
        found = readability.score_problem(page.source, lang, readability.measure(sentences))
        if found:
            problems.append(found)
    language = readability.total(readability.measure(sentences) for _, sentences in measured)
    share = readability.long_share_problem(language_folder(site, lang), language)
    if share:
        problems += [
            readability.long_sentence_problem(page.source, sentence)
            for page, sentences in measured
            for sentence in sentences
            if readability.is_long(sentence)
        ]
        problems.append(share)
    return problems


def language_folder(site, lang) -> str:
    return page_model.display_folder(str(site.docs_dir), lang, os.getcwd())


def format_score(lang, measure) -> str:
    scale = readability.scale_of(lang)
    score = measure.score(scale) if scale else None
    if score is None:
        return "-"
    mark = "" if scale.passes(score) else " (over)"
    return f"{scale.name} {score:.1f}{mark}"


def format_long(measure) -> str:
    return f"{measure.long_sentences}/{measure.sentences} ({measure.long_share:.1%})"


def report_table(site, measured_by_language) -> str:
    rows = [["page", "score", "words/sentence", f"over {readability.MAX_SENTENCE_WORDS} words"]]
    totals = []
    for lang in site.languages:
        measured = measured_by_language[lang]
        for page, sentences in measured:
            measure = readability.measure(sentences)
            rows.append(
                [
                    page.source,
                    format_score(lang, measure),
                    f"{measure.words_per_sentence:.1f}",
                    format_long(measure),
                ]
            )
        language = readability.total(readability.measure(sentences) for _, sentences in measured)
        totals.append(
            f"{lang}: {language.sentences} sentences, {language.words_per_sentence:.1f} words "
            f"per sentence, {format_long(language)} over {readability.MAX_SENTENCE_WORDS} words "
            f"(limit {readability.MAX_LONG_SHARE:.0%}); "
            f"whole language: {format_score(lang, language)}"
        )
        totals += [
            f"  {page.source}:{sentence.line}: {sentence.words} words: "
            f'"{readability.first_words(sentence.text)}"'
            for page, sentences in measured
            for sentence in sentences
            if readability.is_long(sentence)
        ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(lines + totals)


def main(argv=None) -> int:
    args = parse_args(argv)
    site, _ui = site_config.load(args.config)
    measured_by_language, problems = {}, []
    for lang in site.languages:
        measured_by_language[lang], unreadable = measure_language(site, lang)
        problems += unreadable
    for lang in site.languages:
        problems += check_language(site, lang, measured_by_language[lang])
    if args.report:
        print(report_table(site, measured_by_language))
    count = sum(len(measured) for measured in measured_by_language.values())
    languages = len(site.languages)
    return report(
        "check_readability",
        problems,
        f"in {count} pages, {languages} languages",
        f"{count} pages in {languages} languages are in plain language",
    )


if __name__ == "__main__":
    sys.exit(main())
