"""Compiled templates kept in memory, shared by the languages of one build.

mkdocs-static-i18n builds each language with a new Jinja environment, so each would
compile the theme's templates again. Jinja's bytecode-cache interface lets them share
the compiled code (one cache per SiteBuild); Jinja checks it against a checksum of the
template's source, so an edited template is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
