"""Build hook: the languages of a build share compiled templates (sitekit/template_cache.py)."""

from __future__ import annotations

import project_root  # noqa: F401  (before sitekit: see hooks/project_root.py)

from sitekit.template_cache import SHARED


def on_env(env, config, files):
    env.bytecode_cache = SHARED
    return env
