"""The ``shopify`` code provider: one unique discount code per reward, created through the
Shopify Admin REST API under the tier's price rule.

The code string is chosen before the call and kept in the reward's claim, so a retry after
a lost answer asks for the same code again: Shopify refuses the duplicate (422, the code
must be unique), and the lookup endpoint tells us whether it is ours to adopt.
The access token (``SHOPIFY_TOKEN``) is handed in by the edge and never logged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp

from governance.rewards.codes import Allocation, CodesUnavailable

API_VERSION = "2024-01"
TOKEN_HEADER = "X-Shopify-Access-Token"
_LOOKUP_TARGET = re.compile(r"/price_rules/(\d+)/discount_codes/(\d+)\.json")


@dataclass
class ShopifyCodes:
    session: aiohttp.ClientSession
    shop: str  # e.g. "acme-merch.myshopify.com"
    token: str
    price_rules: Mapping[str, int]  # tier name -> price rule id
    api_version: str = API_VERSION
    base_url: str = ""  # tests: the loopback fake; default https://<shop>

    def __repr__(self) -> str:  # never show the token
        return f"ShopifyCodes({self.shop}, api {self.api_version})"

    @property
    def _api(self) -> str:
        base = self.base_url or f"https://{self.shop}"
        return f"{base.rstrip('/')}/admin/api/{self.api_version}"

    @property
    def _headers(self) -> dict[str, str]:
        return {TOKEN_HEADER: self.token, "Accept": "application/json"}

    async def allocate(self, key: str, tier: str, planned: str) -> Allocation:
        rule = self.price_rules.get(tier)
        if rule is None:
            raise CodesUnavailable(f"no Shopify price rule is configured for tier {tier}")
        if not planned:
            raise CodesUnavailable("no code was planned for this reward")
        url = f"{self._api}/price_rules/{rule}/discount_codes.json"
        body = {"discount_code": {"code": planned}}
        status, data = await self._call("POST", url, json=body)
        if status == 201:
            return Allocation(str(data["discount_code"]["code"]))
        if status == 422 and await self._belongs_to(planned, rule):
            return Allocation(planned)  # created by an earlier attempt whose answer we lost
        raise CodesUnavailable(f"Shopify answered {status} creating a discount code "
                               f"for price rule {rule}: {shopify_errors(data, planned)}")

    async def _belongs_to(self, code: str, rule: int) -> bool:
        """Does ``code`` already exist under ``rule``? (lookup answers 303 to the code)"""
        url = f"{self._api}/discount_codes/lookup.json"
        try:
            async with self.session.get(url, params={"code": code}, headers=self._headers,
                                        allow_redirects=False) as response:
                status, location = response.status, response.headers.get("Location", "")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise CodesUnavailable(f"Shopify unreachable: {type(exc).__name__}") from exc
        if status == 404:
            return False
        if status != 303:
            raise CodesUnavailable(f"Shopify answered {status} to a code lookup")
        found = _LOOKUP_TARGET.search(location)
        return found is not None and int(found.group(1)) == rule

    async def _call(self, method: str, url: str, **kwargs: Any) -> tuple[int, Any]:
        try:
            async with self.session.request(method, url, headers=self._headers,
                                            **kwargs) as response:
                data = await response.json(content_type=None) if response.content_length \
                    != 0 else None
                return response.status, data
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise CodesUnavailable(f"Shopify unreachable: {type(exc).__name__}") from exc


def shopify_errors(data: Any, code: str) -> str:
    """Shopify's error text for a log line and the sweep's output: never the code itself,
    should Shopify echo it back."""
    if not (isinstance(data, dict) and "errors" in data):
        return "no details"
    text = str(data["errors"])
    if code:
        text = re.sub(re.escape(code), "<code>", text, flags=re.IGNORECASE)
    return text[:200]
