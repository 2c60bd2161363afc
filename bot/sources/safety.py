"""Which URLs and network addresses the bot may fetch from.

Only http(s) URLs, and only to public addresses: private, loopback, link-local, carrier-grade NAT,
multicast, reserved and unspecified addresses are refused, including IPv4 addresses hidden inside
IPv6 ones (mapped, 6to4, Teredo, NAT64). The check runs on every address a host name resolves to,
at connection time, so redirects and DNS rebinding cannot sneak past it.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from bot.errors import UserFacingError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = frozenset({"http", "https"})
_CARRIER_GRADE_NAT = ipaddress.IPv4Network("100.64.0.0/10")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class RefusedUrl(UserFacingError):
    """A URL or address the bot will not fetch; the reason is safe to show."""


def check_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with a host, else RefusedUrl."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as err:
        raise RefusedUrl(f"That is not a valid URL: {err}.") from err
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise RefusedUrl("Only http and https links can be fetched.")
    if not parts.hostname:
        raise RefusedUrl("The link has no host name.")
    if parts.username or parts.password:
        raise RefusedUrl("Links with a user name or password are not fetched.")
    if port == 0:
        raise RefusedUrl("The link names port 0.")
    return url.strip()


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_forbidden_address(address: IPAddress | str) -> bool:
    """True for every address that is not a plain public unicast address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return True
        inner = _embedded_ipv4(ip)
        if inner is not None and is_forbidden_address(inner):
            return True
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CARRIER_GRADE_NAT:
        return True
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_addresses(host: str, addresses: list[str], *, allow_private: bool) -> None:
    """Refuse the host when any address it resolved to is forbidden (or it resolved to none)."""
    if allow_private:
        return
    for address in addresses:
        if is_forbidden_address(address.split("%", 1)[0]) or "%" in address:
            raise RefusedUrl(
                f"The host {host} points to a private or local network address; such links are not fetched."
            )
