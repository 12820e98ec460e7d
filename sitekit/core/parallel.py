"""Apply a function to many independent items, on every core once there are enough.

Starting worker processes costs about a tenth of a second, so small sites are checked
in one process; so is any site on a machine with one core.
"""

from __future__ import annotations

import os


def map_items(function, items: list, parallel_from: int, chunksize: int) -> list:
    """[function(item) for item in items], spread over the cores from parallel_from items."""
    if len(items) < parallel_from or (os.cpu_count() or 1) < 2:
        return [function(item) for item in items]
    # Imported here: the import alone costs small sites a noticeable part of their check.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor() as pool:
        return list(pool.map(function, items, chunksize=chunksize))
