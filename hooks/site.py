"""The site's only MkDocs hook: every event the site uses, in the order MkDocs runs them.

Each handler is a few lines that hand MkDocs' objects to the plain modules of sitekit/,
which never import MkDocs: moving to another generator means rewriting this file.

How a build runs (`mkdocs build`, and each rebuild of `mkdocs serve`):

1. on_startup: build (publish) or serve (preview, drafts shown); the i18n plugin's
   per-language configuration notes are left out of the log (sitekit/core/build_log.py).
2. on_config, for each language: MkDocs' link warnings are located at path:line;
   the theme's sitemap is left out (ours replaces it).
3. on_pre_build of the default language: sitekit.build.site_build.start reads and checks
   the configuration, every page of every language, redirects.yml, the abbreviations
   and the search words, once. One line per mistake, and nothing is built.
4. For each language (mkdocs-static-i18n builds the other languages inside the
   default language's post-build): on_files (drafts out, each page's text from the
   page model), on_page_markdown, on_page_content and on_page_context for each page,
   then on_post_build (redirect pages, 404 page, feeds, sitemaps).
5. on_post_build of the default language, last to end: each language's search files,
   then the files static hosts read (_redirects, _headers, _nginx.conf).

The build's state is one SiteBuild (sitekit/build/site_build.py), made at step 3 and
kept on MkDocs' configuration object, which mkdocs-static-i18n hands to every
language's build and `mkdocs serve` makes anew at each rebuild: a build's state lives
exactly as long as the build. The one value kept by this module is whether MkDocs was
started to publish or to preview (on_startup, the only event without a configuration).

Several events run at two or three priorities around mkdocs-static-i18n's own
handlers (CombinedEvent): each part says why.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from sitekit.build import (
    breadcrumbs,
    category_listing,
    escaping,
    head_metadata,
    help_lines,
    host_files,
    not_found,
    page_footer,
    partner_page,
    phone_links,
    search_files,
    section_links,
    site_build,
    sitemaps,
    table_labels,
)
from sitekit.build.feeds import write_feeds
from sitekit.build.redirects import write_redirect_pages
from sitekit.build.search_index import with_site_worker
from sitekit.build.typography import transform_text, typeset_rules, typeset_text
from sitekit.core import mkdocs_env
from sitekit.core.build_log import quiet_config_notes
from sitekit.core.parallel import map_items
from sitekit.core.source_lines import LinkWarnings
from sitekit.core.urls import SITEMAP, page_path, relative_url, site_root_path

NOT_FOUND = "404.html"
CONTACTS = "contacts/"  # the Contacts page, in each language's folder
MKDOCS_PAGES_LOGGER = "mkdocs.structure.pages"
PARALLEL_FROM_ENTRIES = 4000  # search entries of all languages: about 300 questions each

_publishing = True  # False under `mkdocs serve`
BUILD_KEY = "site_build"  # where the SiteBuild is kept on MkDocs' configuration


def build(config) -> site_build.SiteBuild:
    current = config.get(BUILD_KEY)
    if current is None:
        raise PluginError("the site's build has not started: hooks/site.py missed on_pre_build")
    return current


def lang_of(config) -> str:
    return mkdocs_env.build_language(config)


def model_of(page, config):
    """The page model of a MkDocs page, or None for a page that has none."""
    return build(config).pages[lang_of(config)].get(page.file.norm_src_uri)


# 1. Start


def on_startup(command, dirty):
    global _publishing
    _publishing = command != "serve"
    quiet_config_notes()  # before the i18n plugin's on_config, which notes its first language


def on_config(config):
    # The theme's sitemap dates every page with the build; ours (sitemaps) replaces it.
    config.theme.static_templates.discard(SITEMAP)
    logger = logging.getLogger(MKDOCS_PAGES_LOGGER)
    for old in [each for each in logger.filters if isinstance(each, LinkWarnings)]:
        logger.removeFilter(old)  # the filter of a previous `mkdocs serve` rebuild
    logger.addFilter(LinkWarnings(Path(config.docs_dir)))
    return config


def settings(config) -> site_build.SiteSettings:
    languages = mkdocs_env.languages(config)
    entries = config.plugins["i18n"].config.languages
    return site_build.SiteSettings(
        config_file=Path(config.config_file_path),
        docs_dir=Path(config.docs_dir),
        theme_dir=Path(config.theme.custom_dir) if config.theme.custom_dir else None,
        languages=languages,
        ui={entry.locale: dict((entry.extra or {}).get("ui") or {}) for entry in entries},
        og_locales={
            entry.locale: (entry.extra or {}).get("og_locale", entry.locale) for entry in entries
        },
        publishing=_publishing,
    )


def on_pre_build(config):
    lang = lang_of(config)
    if lang == mkdocs_env.default_language(config):
        try:
            config[BUILD_KEY] = site_build.start(settings(config), dt.date.today())
        except site_build.BuildProblems as problems:
            raise PluginError(str(problems)) from None
    build(config).open_languages.append(lang)


# 2. Files and pages


@event_priority(0)  # before mkdocs-static-i18n (-100) sorts the files by language
def files_without_theme_sitemap(files, config):
    # No longer a template, the theme's sitemap would be copied as it is.
    for file in [file for file in files if file.src_uri == SITEMAP]:
        files.remove(file)
    return files


@event_priority(-110)  # after mkdocs-static-i18n (-100) has picked this language's files
def files_from_page_model(files, config):
    lang = lang_of(config)
    current = build(config)
    current.files[lang] = files
    pages, drafts = current.pages[lang], current.drafts.get(lang, ())
    for file in files.documentation_pages():
        if file.norm_src_uri in drafts:
            files.remove(file)
            continue
        model = pages.get(file.norm_src_uri)
        if model is not None:
            # The body alone: MkDocs then finds no front matter to parse. It starts
            # with a blank line so that no "Word: text" first line is taken for
            # MultiMarkdown metadata.
            file.content_string = "\n" + model.body
    return files


on_files = CombinedEvent(files_without_theme_sitemap, files_from_page_model)


@event_priority(100)  # before any other hook or plugin reads the front matter
def meta_from_page_model(markdown, page, config, files):
    model = model_of(page, config)
    if model is not None:
        page.meta = dict(model.meta)  # a copy: the title is typeset below
    return markdown


@event_priority(0)
def markdown_of_our_pages(markdown, page, config, files):
    lang = lang_of(config)
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = typeset_text(page.meta["title"], lang)
    current, path = build(config), page.file.norm_src_uri
    markdown = category_listing.with_heading(markdown, path, current.ui(lang))
    if path == partner_page.PAGE:
        markdown = partner_page.filled(markdown, config.site_url, lang, current)
    return markdown


@event_priority(-100)  # after every other handler has read the values as text
def meta_as_text(markdown, page, config, files):
    # The theme writes titles and descriptions unescaped (sitekit/build/escaping.py).
    for key in escaping.TEXT_KEYS:
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escaping.html_text(page.meta[key])
    return markdown


on_page_markdown = CombinedEvent(meta_from_page_model, markdown_of_our_pages, meta_as_text)


@event_priority(10)  # before the typography below: the list's titles are typeset with the page
def content_with_category_list(page_html, page, config, files):
    current = build(config)
    return page_html + category_listing.list_html(
        page.file.norm_src_uri, current.pages[lang_of(config)]
    )


@event_priority(0)
def content_in_its_language(page_html, page, config, files):
    lang = lang_of(config)
    typeset_toc(page.toc, lang)
    mark = build(config).markers[lang]
    typeset = typeset_rules(lang)
    # Typography first: the abbreviations' titles are attributes, which it must not touch.
    page_html = transform_text(page_html, lambda text: mark(typeset(text)))
    page_html = section_links.label_section_links(page_html, build(config).ui(lang)["section_link"])
    page_html = with_help_box(page_html, page, config)
    return table_labels.with_table_labels(phone_links.with_phone_links(page_html))


def with_help_box(page_html, page, config):
    model, current, lang = model_of(page, config), build(config), lang_of(config)
    if model is None:
        return page_html
    contacts = relative_url(page_path(model.rel_path), CONTACTS)
    page_html, unknown = help_lines.with_help_lines(
        page_html, current.help_lines, lang, current.ui(lang), contacts
    )
    if unknown:
        raise PluginError(
            f"{model.source}: help line '{unknown[0]}' is not in includes/"
            f"{help_lines.HELP_FILE}; use one of {', '.join(current.help_lines)}"
        )
    if not model.meta.get(help_lines.HELP_KEY):
        return page_html
    box = help_lines.help_box(
        model.meta[help_lines.HELP_KEY],
        current.help_lines,
        lang,
        current.ui(lang),
        contacts,
        "site-deadline" in page_html,
    )
    return help_lines.with_help_box(page_html, box)


on_page_content = CombinedEvent(content_with_category_list, content_in_its_language)


def typeset_toc(items, lang: str) -> None:
    """The table of contents is built from the Markdown, apart from the content."""
    for item in items:
        item.title = typeset_text(item.title, lang)
        typeset_toc(item.children, lang)


# 3. Templates


def on_env(env, config, files):
    env.bytecode_cache = build(config).templates
    env.filters["without_language_alternates"] = head_metadata.without_language_alternates
    env.filters["with_site_worker"] = with_site_worker
    env.filters["as_text"] = escaping.as_text
    return env


def with_search_base(context, config):
    lang, current = lang_of(config), build(config)
    context["search_base"] = search_files.search_base(context["base_url"], lang, current.languages)
    context["search_root"] = current.prefix(lang)
    return context


@event_priority(0)
def page_data(context, page, config, nav):
    lang, model = lang_of(config), model_of(page, config)
    if model is not None and "updated" in model.meta:
        context["page_footer"] = page_footer.footer_data(model, lang, build(config))
    if model is not None:
        current = build(config)
        context["breadcrumbs"] = breadcrumbs.visible_trail(
            model, current.pages[lang], current.ui(lang)
        )
    return with_search_base(context, config)


@event_priority(-10)  # after mkdocs-static-i18n (50) has pointed the switcher at this page
def page_head(context, page, config, nav):
    model = model_of(page, config)
    if model is not None:
        context["head_metadata"] = head_metadata.page_head(
            config.site_url, config.site_name, lang_of(config), model, build(config), page.content
        )
    return context


on_page_context = CombinedEvent(page_data, page_head)


def on_template_context(context, template_name, config):
    if template_name == NOT_FOUND:
        context.update(not_found.not_found_data(config.site_url, lang_of(config), build(config)))
    return with_search_base(context, config)


# 4. After each language


@event_priority(0)
def language_files(config):
    lang, current = lang_of(config), build(config)
    site_dir = Path(config.site_dir)
    write_redirect_pages(site_dir, config.site_url, lang, current)
    move_not_found_page(site_dir, lang, current)
    write_feeds(site_dir, config.site_url, config.site_name, lang, current)
    sitemaps.write_sitemap(site_dir, config.site_url, lang, current)


def move_not_found_page(site_dir: Path, lang: str, current) -> None:
    """One 404 page per language: each language's build writes the theme's 404.html at
    the root, so the default language's page is kept aside, and each other language's
    is moved into its folder."""
    root_page = site_dir / NOT_FOUND
    if lang == current.default_language:
        current.default_not_found = root_page.read_bytes()
        return
    language_page = site_dir / lang / NOT_FOUND
    language_page.parent.mkdir(parents=True, exist_ok=True)
    root_page.replace(language_page)
    root_page.write_bytes(current.default_not_found)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has merged every language's entries
def search_files_of_every_language(config):
    current = build(config)
    ending = current.open_languages.pop() if current.open_languages else None
    if ending != current.default_language:
        return
    site_dir = Path(config.site_dir)
    # The theme's merged index, which search_files.write_language replaces by a stub.
    merged = json.loads((site_dir / search_files.STUB).read_text(encoding="utf-8"))
    jobs = search_files.language_jobs(site_dir, merged, current)
    # MkDocs builds on one core; on a large site the languages' search files are made
    # side by side on the others (starting processes costs more than it saves below).
    parallel_from = 1 if len(merged["docs"]) >= PARALLEL_FROM_ENTRIES else len(jobs) + 1
    map_items(search_files.write_language, jobs, parallel_from, chunksize=1)


@event_priority(-120)  # after the search files: the last files of the whole site
def files_for_hosts(config):
    current = build(config)
    if current.open_languages:  # a language's build has not ended yet
        return
    site_dir = Path(config.site_dir)
    host_files.write_host_files(
        site_dir,
        site_root_path(config.site_url),
        [current.prefix(lang) for lang in current.languages],
        [(redirect.source, page_path(redirect.target)) for redirect in current.redirects],
    )


on_post_build = CombinedEvent(language_files, search_files_of_every_language, files_for_hosts)
