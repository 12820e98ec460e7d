"""What a build prints: a clean build says a few lines, and every warning stays.

mkdocs-static-i18n reports at INFO, for each language, every configuration value it
sets for that language: the whole `extra` of UI strings (about 1,500 characters a
line) and the site name and description. Those notes repeat on every `mkdocs serve`
reload and hide the warnings an author needs to read, so they are dropped; anything
at WARNING or above always passes.
"""

from __future__ import annotations

import logging
import re

# The plugin's notes on the values it sets for a language (its reconfigure module).
I18N_CONFIG_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
CONFIG_NOTE = re.compile(r"^(?:mkdocs_static_i18n: )?(?:Updating|Overriding) '[^']*' config ")


class QuietConfigNotes(logging.Filter):
    """Drops the plugin's INFO notes on per-language configuration values."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return not CONFIG_NOTE.match(record.getMessage())


def quiet_config_notes() -> None:
    """Installs QuietConfigNotes once, also when `mkdocs serve` reloads the hooks (a
    reload brings a new class, so filters are recognised by name)."""
    logger = logging.getLogger(I18N_CONFIG_LOGGER)
    for old in [each for each in logger.filters if type(each).__name__ == "QuietConfigNotes"]:
        logger.removeFilter(old)
    logger.addFilter(QuietConfigNotes())
