"""HTTP for fetching releases: timeouts, a size limit, a pause between requests to one host, a
User-Agent naming the project, redirects followed and recorded, conditional requests, and retries
with backoff for network errors and 5xx answers only (a 4xx will not change on asking again)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import httpx

USER_AGENT = "retail-warehouse/0.1 (regional online-retail release reader)"


class FetchError(Exception):
    """A request that gave no usable answer; its message is one line naming the address and cause."""


@dataclass(frozen=True)
class Answer:
    url: str
    final_url: str
    status: int  # 200, or 304 when the copy kept is still current
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    redirects: list[str] = field(default_factory=list)  # the addresses redirected from, in order

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class HostPause:
    """At least `seconds` between the starts of two requests to one host, across threads."""

    seconds: float
    _next: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def wait(self, url: str) -> None:
        host = urlparse(url).netloc
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self.seconds
        time.sleep(start - now)


@dataclass
class Http:
    timeout: float = 20.0
    max_bytes: int = 10 * 2**20
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry, doubling after each
    pause: HostPause = field(default_factory=lambda: HostPause(1.0))

    def __post_init__(self) -> None:
        self.client = httpx.Client(
            timeout=self.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Answer:
        """The answer to a GET of url, conditional on the copy kept (its ETag and Last-Modified)."""
        headers = {"If-None-Match": etag} if etag else {}
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            self.pause.wait(url)
            try:
                answer = self._get(url, headers)
            except (httpx.TransportError, _ServerError) as error:
                if attempt == self.retries:
                    raise FetchError(f"{url}: {_cause(error)} (after {self.retries + 1} attempts)") from error
                time.sleep(self.backoff * 2**attempt)
                continue
            return answer
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get(self, url: str, headers: dict[str, str]) -> Answer:
        with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code >= 500:
                raise _ServerError(f"HTTP {response.status_code}")
            if response.status_code not in (200, 304):
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > self.max_bytes:
                raise FetchError(f"{url}: {_megabytes(declared)} declared, larger than a release can be")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    limit = _megabytes(self.max_bytes)
                    raise FetchError(f"{url}: more than {limit}, larger than a release can be")
            return Answer(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                body=bytes(body),
                content_type=response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                redirects=[str(r.url) for r in response.history],
            )


class _ServerError(Exception):
    """A 5xx answer: worth asking again."""


def _cause(error: Exception) -> str:
    if isinstance(error, httpx.TimeoutException):
        return "timed out"
    if isinstance(error, httpx.ConnectError):
        return f"cannot connect ({error})" if str(error) else "cannot connect"
    return str(error) or type(error).__name__


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MB"
