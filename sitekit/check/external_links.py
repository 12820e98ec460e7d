"""Ask each external URL over HTTP whether it still answers, politely and with a cache.

Requests run concurrently, at most `per_host_interval` seconds apart for one host, with
a timeout and retries for failures that may pass (timeouts, connection errors, 429 and
5xx). Permanent redirects (301, 308) are reported with their new address; temporary
ones are followed. Definitive answers are cached in a JSON file so a second run only
asks what it has not asked recently.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

PERMANENT_REDIRECTS = {301, 308}
TEMPORARY_REDIRECTS = {302, 303, 307}
RETRYABLE = {429, 500, 502, 503, 504}
MAX_REDIRECTS = 5
USER_AGENT = "calhealthhelp-link-checker/1 (+link check of a static site)"


@dataclass(frozen=True)
class Answer:
    url: str
    status: int | None  # None: no HTTP answer (timeout, connection error)
    location: str = ""  # for permanent redirects: the new address
    error: str = ""
    checked: float = 0.0

    @property
    def problem(self) -> str | None:
        """What is wrong with the link, or None when it is fine."""
        if self.status is None:
            return f"no answer ({self.error})"
        if self.status in PERMANENT_REDIRECTS:
            return f"moved permanently ({self.status}) to {self.location}; update the link"
        if self.status in (404, 410) or self.status >= 500:
            return f"answered {self.status}; fix or remove the link"
        return None


class HostPacer:
    """Keeps requests to one host at least `interval` seconds apart."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.lock = threading.Lock()
        self.next_time: dict[str, float] = {}

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next_time.get(host, now))
            self.next_time[host] = start + self.interval
        if start > now:
            time.sleep(start - now)


def request_once(url: str, method: str, timeout: float) -> tuple[int, str]:
    """One HTTP request; (status, Location header)."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parts.netloc, timeout=timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        connection.request(method, path, headers={"User-Agent": USER_AGENT})
        response = connection.getresponse()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


def ask(url: str, pacer: HostPacer, timeout: float, retries: int) -> Answer:
    """Follow temporary redirects; stop at the first permanent one or a final answer."""
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        status, location, error = ask_with_retries(current, pacer, timeout, retries)
        if status in TEMPORARY_REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if status in PERMANENT_REDIRECTS:
            return Answer(url, status, urljoin(current, location), checked=time.time())
        return Answer(url, status, error=error, checked=time.time())
    return Answer(url, None, error=f"more than {MAX_REDIRECTS} redirects", checked=time.time())


def ask_with_retries(url: str, pacer: HostPacer, timeout: float, retries: int):
    status, location, error = None, "", ""
    host = urlsplit(url).netloc
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(min(2**attempt * 0.1, 2.0))
        pacer.wait(host)
        try:
            status, location = request_once(url, "HEAD", timeout)
            if status in (405, 501):  # HEAD not allowed: ask with GET
                pacer.wait(host)
                status, location = request_once(url, "GET", timeout)
            error = ""
        except TimeoutError:
            status, error = None, f"timed out after {timeout:g} s"
        except (OSError, http.client.HTTPException) as exc:
            status, error = None, f"{type(exc).__name__}: {exc}"
        if status is not None and status not in RETRYABLE:
            break
    return status, location, error


def load_cache(path: Path | None, max_age: float) -> dict[str, Answer]:
    if path is None or not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {
        url: Answer(**entry)
        for url, entry in raw.items()
        if isinstance(entry, dict) and now - entry.get("checked", 0) <= max_age
    }


def save_cache(path: Path | None, answers: dict[str, Answer]) -> None:
    if path is None:
        return
    definitive = {
        url: asdict(answer) for url, answer in answers.items() if answer.status is not None
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(definitive, indent=1, sort_keys=True), encoding="utf-8")


def check_urls(
    urls,
    *,
    cache_file: Path | None = None,
    cache_max_age: float = 86400.0,
    concurrency: int = 8,
    timeout: float = 10.0,
    retries: int = 2,
    per_host_interval: float = 0.5,
) -> dict[str, Answer]:
    """An answer for every URL, from the cache when it is fresh, else over HTTP."""
    cached = load_cache(cache_file, cache_max_age)
    answers = {url: cached[url] for url in urls if url in cached}
    to_ask = sorted(set(urls) - set(answers))
    pacer = HostPacer(per_host_interval)
    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        for answer in pool.map(lambda url: ask(url, pacer, timeout, retries), to_ask):
            answers[answer.url] = answer
    save_cache(cache_file, {**cached, **answers})
    return answers
