"""Fetching web pages and feeds safely with httpx.

Every connection goes through `GuardedBackend`, which resolves the host itself, refuses it when any of
its addresses is private or local (unless private URLs are allowed), and then connects to an address
it checked; redirects are followed by hand so each hop's URL is checked too. Bodies are read in
chunks and decompressed here with a budget, so neither a large body nor a compression bomb gets past
the size cap; the whole fetch, redirects included, runs under one total timeout.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import zlib
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin

import httpcore
import httpx

from bot.sources.safety import RefusedUrl, check_addresses, check_url

log = logging.getLogger(__name__)

Resolver = Callable[[str, int], Awaitable[list[str]]]

DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT = 15.0
USER_AGENT = "briefbot/0.1 (news briefings; +https://github.com/briefbot)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "text/plain",
        "application/octet-stream",
    }
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


class FetchError(RefusedUrl):
    """Fetching failed in a way the user should hear about (timeout, HTTP error, too large...)."""


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = 5
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str
    final_url: str
    status: int
    media_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


async def system_resolver(host: str, port: int) -> list[str]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, and connects only to checked addresses."""

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        exempt: frozenset[str] = frozenset(),
    ) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private
        self._resolve = resolver
        self._exempt = exempt  # addresses let through even when private (tests use 127.0.0.1)

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await self._resolve(host.strip("[]"), port)
        if not addresses:
            raise FetchError(f"The host {host} could not be resolved.")
        checked = [a for a in addresses if a not in self._exempt]
        check_addresses(host, checked, allow_private=self._allow_private)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                error = err
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise RefusedUrl("Unix sockets are not fetched.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool built on the GuardedBackend (and no proxies)."""

    def __init__(self, backend: GuardedBackend) -> None:
        super().__init__(trust_env=False, retries=0)
        ssl_context = httpx.create_ssl_context()
        self._pool = httpcore.AsyncConnectionPool(ssl_context=ssl_context, network_backend=backend)


class _Decoder:
    """Content-Encoding decoding with an output budget (gzip, deflate or none)."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        self._zlib: zlib._Decompress | None = None
        self._deflate = encoding == "deflate"
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self._deflate:
            self._zlib = zlib.decompressobj()
        elif encoding not in ("", "identity"):
            raise FetchError(f"The site sent an encoding I cannot read ({encoding}).")
        self._started = False

    def feed(self, chunk: bytes, budget: int) -> bytes:
        if self._zlib is None:
            return chunk
        if self._deflate and not self._started and chunk and chunk[0] & 0x0F != 8:
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
        self._started = True
        try:
            out = self._zlib.decompress(chunk, budget + 1)
        except zlib.error as err:
            raise FetchError("The site sent a corrupt compressed body.") from err
        if self._zlib.unconsumed_tail:
            return out + b"\0" * (budget + 1)  # more than the budget is waiting: too large
        return out


def media_type(content_type: str) -> tuple[str, str | None]:
    kind, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return kind.strip().lower(), charset


class Fetcher:
    """One httpx client for many fetches; close it with `aclose()`."""

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        resolver: Resolver = system_resolver,
        exempt: frozenset[str] = frozenset(),
    ) -> None:
        self.limits = limits or FetchLimits()
        backend = GuardedBackend(allow_private=self.limits.allow_private, resolver=resolver, exempt=exempt)
        self._client = httpx.AsyncClient(
            transport=GuardedTransport(backend),
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self, url: str, *, accept: frozenset[str] = HTML_TYPES, headers: dict[str, str] | None = None
    ) -> Fetched:
        """GET the URL (following checked redirects) within the limits, or raise a RefusedUrl."""
        check_url(url)
        try:
            async with asyncio.timeout(self.limits.timeout):
                return await self._follow(url, accept, headers or {})
        except TimeoutError as err:
            raise FetchError(f"The site did not answer within {self.limits.timeout:g} s.") from err
        except httpx.TimeoutException as err:
            raise FetchError(f"The site did not answer within {self.limits.timeout:g} s.") from err
        except httpx.HTTPError as err:
            log.info("fetching %s failed: %s", url, err)
            raise FetchError(f"Could not fetch the link ({type(err).__name__}).") from err

    async def _follow(self, url: str, accept: frozenset[str], headers: dict[str, str]) -> Fetched:
        current = url
        for _ in range(self.limits.max_redirects + 1):
            async with self._client.stream("GET", current, headers=headers) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    current = check_url(urljoin(current, response.headers["location"]))
                    continue
                return await self._read(url, current, response, accept)
        raise FetchError(f"The link redirects more than {self.limits.max_redirects} times.")

    async def _read(self, url: str, final: str, response: httpx.Response, accept: frozenset[str]) -> Fetched:
        kind, charset = media_type(response.headers.get("content-type", ""))
        meta = {"etag": response.headers.get("etag"), "last_modified": response.headers.get("last-modified")}
        if response.status_code == 304:
            return Fetched(url, final, 304, kind, charset, b"", **meta)
        if response.status_code >= 400:
            raise FetchError(f"The site answered {response.status_code} {response.reason_phrase}.")
        if kind and kind not in accept:
            raise FetchError(f"The link serves {kind}, which I cannot read.")
        limit = self.limits.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not response.headers.get("content-encoding"):
            raise FetchError(f"The page is too large (over {limit:,} bytes).")
        decoder = _Decoder(response.headers.get("content-encoding", ""))
        parts: list[bytes] = []
        size = 0
        async for chunk in response.aiter_raw():
            data = decoder.feed(chunk, limit - size)
            size += len(data)
            if size > limit:
                raise FetchError(f"The page is too large (over {limit:,} bytes).")
            parts.append(data)
        return Fetched(url, final, response.status_code, kind, charset, b"".join(parts), **meta)
