"""Publishing a built site: one build at a time, and site/ always a complete site.

- A build holds an exclusive lock, `.site.lock` next to site/ (flock: the system
  releases it when the build ends, however it ends, so a killed build never leaves a
  stale lock). A second build waits for the first, and says so.
- Each build writes into a fresh staging folder of its own, `.site-staging-<random>`
  next to site/ (so on the same file system).
- The staging folder and site/ are then exchanged in one atomic rename
  (renameat2(RENAME_EXCHANGE) on Linux, renamex_np(RENAME_SWAP) on macOS): at every
  instant site/ is the complete old site or the complete new one, and stays a real
  folder, so it can be copied or served as before. The old site, now in the staging
  folder, is then deleted. Where the system cannot exchange folders, site/ is renamed
  aside and the new site renamed in: site/ is briefly missing, never partial.
- Staging folders left by a build that was killed are deleted by the next build.

Tests stop a build at known steps with SITE_PUBLISH_TEST_PAUSE_AT=<step>[,<step>...]: the
process stops itself with SIGSTOP at each of them (`staged`: built, not yet published;
`swapped`: published, the old site not yet deleted; `removing`: the old site partly
deleted), to be resumed with SIGCONT or killed there.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import secrets
import shutil
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

PAUSE_VARIABLE = "SITE_PUBLISH_TEST_PAUSE_AT"
AT_FDCWD = -100
RENAME_EXCHANGE = 2  # linux/fs.h
RENAME_SWAP = 2  # macOS stdio.h
# The errors by which a system says it cannot exchange two folders.
NOT_SUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def lock_path(site_dir: Path) -> Path:
    return site_dir.parent / f".{site_dir.name}.lock"


def staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-staging"


@contextlib.contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold the site's build lock; wait (saying so) while another build holds it."""
    path = lock_path(site_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip()  # empty until the holder has written its pid
            print(
                f"{site_dir}: another build{f' ({holder})' if holder else ''} is publishing "
                f"it; waiting for it to finish (lock: {path})",
                flush=True,
            )
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        lock.truncate()
        lock.write(f"pid {os.getpid()}\n")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)
            fcntl.flock(lock, fcntl.LOCK_UN)


def remove(path: Path) -> None:
    """Delete a folder, a file or a symbolic link (never what a link points to)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Delete the staging folders of builds that were killed; call with the lock held."""
    leftovers = sorted(site_dir.parent.glob(staging_prefix(site_dir) + "*"))
    for path in leftovers:
        remove(path)
    return leftovers


def new_staging(site_dir: Path) -> Path:
    """A fresh, empty staging folder for one build, next to site_dir, with the permissions
    of any new folder (the umask's, as site/ had: not tempfile's owner-only ones)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = site_dir.parent / f"{staging_prefix(site_dir)}-{secrets.token_hex(6)}"
    staging.mkdir()
    return staging


def _exchange_function():
    """libc's call that swaps two paths atomically, as f(first, second) -> 0 or -1, or None."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    if hasattr(libc, "renameat2"):  # Linux (glibc 2.28, musl 1.2.2)
        renameat2 = libc.renameat2
        path, number = ctypes.c_char_p, ctypes.c_int
        renameat2.argtypes = [number, path, number, path, ctypes.c_uint]
        return lambda first, second: renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE)
    if hasattr(libc, "renamex_np"):  # macOS
        renamex_np = libc.renamex_np
        renamex_np.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_uint]
        return lambda first, second: renamex_np(first, second, RENAME_SWAP)
    return None


def exchange(first: Path, second: Path) -> None:
    """Swap two existing paths in one atomic step; OSError when the system cannot."""
    function = _exchange_function()
    if function is None:
        raise OSError(errno.ENOSYS, "no atomic exchange of paths in this C library")
    if function(os.fsencode(first), os.fsencode(second)) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(first), None, str(second))


def pause_at(step: str) -> None:
    """Stop this process here when a test asks for it (see the module's docstring)."""
    if step in os.environ.get(PAUSE_VARIABLE, "").split(","):
        os.kill(os.getpid(), signal.SIGSTOP)


def publish(staging: Path, site_dir: Path) -> None:
    """Make the complete site in staging the site_dir, atomically; delete the old site."""
    pause_at("staged")
    if not (site_dir.exists() or site_dir.is_symlink()):
        os.rename(staging, site_dir)  # atomic: nothing was published yet
        pause_at("swapped")
        return
    try:
        exchange(staging, site_dir)
    except OSError as error:
        if error.errno not in NOT_SUPPORTED:
            raise
        print(
            f"{site_dir}: this system cannot exchange two folders atomically ({error.strerror}); "
            "publishing by two renames, site/ is missing for an instant",
            file=sys.stderr,
        )
        old = staging.with_name(staging.name + "-old")
        os.rename(site_dir, old)
        os.rename(staging, site_dir)
        staging = old
    pause_at("swapped")
    remove_old(staging)


def remove_old(old: Path) -> None:
    """Delete the old site, once it is no longer site/."""
    if old.is_dir() and not old.is_symlink():
        for number, child in enumerate(sorted(old.iterdir())):
            remove(child)
            if number == 0:
                pause_at("removing")
    remove(old)
