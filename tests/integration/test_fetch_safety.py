"""Only http(s) to public addresses; every resolved address and every redirect hop is checked."""

from __future__ import annotations

import pytest
from news_site import NewsSite

from bot.sources.fetch import Fetcher, FetchError, FetchLimits
from bot.sources.safety import RefusedUrl, check_url, is_forbidden_address

pytestmark = pytest.mark.asyncio

FORBIDDEN = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "100.64.0.1",  # carrier-grade NAT
    "100.127.255.254",
    "169.254.169.254",  # link-local (cloud metadata)
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:10.0.0.1",  # IPv4-mapped
    "::ffff:127.0.0.1",
    "2002:0a00:0001::1",  # 6to4 around 10.0.0.1
    "64:ff9b::a00:1",  # NAT64 around 10.0.0.1
    "ff02::1",
]
PUBLIC = ["93.184.216.34", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "100.128.0.1", "172.32.0.1"]


@pytest.mark.parametrize("address", FORBIDDEN)
async def test_private_loopback_link_local_and_cgnat_addresses_are_forbidden(address: str) -> None:
    assert is_forbidden_address(address)


@pytest.mark.parametrize("address", PUBLIC)
async def test_public_addresses_are_allowed(address: str) -> None:
    assert not is_forbidden_address(address)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://x",
        "javascript:alert(1)",
        "http://",
        "https://u:p@x.org/",
    ],
)
async def test_only_plain_http_and_https_urls(url: str) -> None:
    with pytest.raises(RefusedUrl):
        check_url(url)


async def test_loopback_is_refused_by_default(site: NewsSite) -> None:
    fetcher = Fetcher()
    before = site.hits["/articles/port-strike.html"]
    try:
        with pytest.raises(RefusedUrl, match="private or local"):
            await fetcher.fetch(site.url("/articles/port-strike.html"))
        assert site.hits["/articles/port-strike.html"] == before  # refused before connecting
    finally:
        await fetcher.aclose()


async def test_a_name_is_refused_when_any_of_its_addresses_is_private() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.7"]  # never connected to: the check comes first

    fetcher = Fetcher(resolver=resolver)
    try:
        with pytest.raises(RefusedUrl, match="private or local"):
            await fetcher.fetch("http://mixed.example/")
    finally:
        await fetcher.aclose()


async def test_a_redirect_to_a_private_address_is_refused(site: NewsSite) -> None:
    """127.0.0.1 is let through for the test's own server only; the hop to internal.example is checked."""

    async def resolver(host: str, port: int) -> list[str]:
        return {"127.0.0.1": ["127.0.0.1"], "internal.example": ["192.168.0.10"]}.get(host, [])

    fetcher = Fetcher(resolver=resolver, exempt=frozenset({"127.0.0.1"}))
    try:
        page = await fetcher.fetch(site.url("/redirect/2"))  # redirects within the site work
        assert page.final_url.endswith("/articles/port-strike.html")
        with pytest.raises(RefusedUrl, match="private or local"):
            await fetcher.fetch(site.url("/redirect/1?to=http://internal.example/admin"))
        with pytest.raises(RefusedUrl, match="Only http and https"):
            await fetcher.fetch(site.url("/redirect/1?to=file:///etc/passwd"))
    finally:
        await fetcher.aclose()


async def test_allow_private_urls_lets_intranet_feeds_through(site: NewsSite) -> None:
    fetcher = Fetcher(FetchLimits(allow_private=True))
    try:
        page = await fetcher.fetch(site.url("/articles/port-strike.html"))
        assert page.status == 200 and b"Hamburg" in page.body
    finally:
        await fetcher.aclose()


async def test_an_unresolvable_host_is_reported() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return []

    fetcher = Fetcher(resolver=resolver)
    try:
        with pytest.raises(FetchError, match="could not be resolved"):
            await fetcher.fetch("https://nowhere.example/")
    finally:
        await fetcher.aclose()
