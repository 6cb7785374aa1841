"""
The reader's own address, as the rate limits, reports and login lockout must see it.

Behind a load balancer every request comes from the balancer's address; the reader's
is in ``X-Forwarded-For``, which anyone can also write. So the header is read only
through proxies the settings trust (``TRUSTED_PROXIES``: how many proxies stand in
front of the app servers, or the proxies' networks).
Walking the chain from the right, each hop a trusted proxy added is skipped; the
first address no trusted proxy vouches for is the reader's. With neither setting,
the header is ignored and the connection's own address is the reader's.
"""

import ipaddress

from django.conf import settings

IPV4_NETWORK_PREFIX = 24
IPV6_NETWORK_PREFIX = 64


def parse_address(value):
    """An address as written in a header or REMOTE_ADDR, or None when it is not one."""
    value = (value or "").strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address, hops_from_right):
    if hops_from_right < settings.TRUSTED_PROXY_COUNT:
        return True
    return any(address in network for network in _networks())


def _networks():
    return [ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXY_NETWORKS]


def client_ip(request):
    """The reader's address as a string, or None when the request carries none."""
    remote = parse_address(request.META.get("REMOTE_ADDR"))
    if remote is None:
        return None
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part for part in forwarded.split(",") if part.strip()]
    address, hops = remote, 0
    while chain and _trusted(address, hops):
        previous = parse_address(chain.pop())
        if previous is None:
            # What a trusted proxy passed on is not an address: believe the proxy no further.
            break
        address, hops = previous, hops + 1
    return str(address)


def network_of(ip):
    """The network an address belongs to (IPv4 /24, IPv6 /64): one household, one office."""
    address = parse_address(ip)
    if address is None:
        return None
    prefix = IPV4_NETWORK_PREFIX if address.version == 4 else IPV6_NETWORK_PREFIX
    return ipaddress.ip_network(f"{address}/{prefix}", strict=False)
