"""Country codes: ISO 3166-1 alpha-3 (checked with pycountry) plus the course's documented historical codes."""
from __future__ import annotations

import pycountry


def iso_country(code: str):
    """The current ISO 3166-1 country with this alpha-3 code, or None."""
    return pycountry.countries.get(alpha_3=code)


def iso_former_country(code: str):
    """The ISO 3166-3 (formerly used) country with this alpha-3 code, or None."""
    return pycountry.historic_countries.get(alpha_3=code)


def country_name(code: str, historical: dict[str, str] | None = None) -> str:
    """A readable name for a code: ISO first, then the course's historical-state table."""
    country = iso_country(code)
    if country is not None:
        return getattr(country, "common_name", None) or country.name
    if historical and code in historical:
        return historical[code]
    former = iso_former_country(code)
    if former is not None:
        return former.name
    raise KeyError(f"{code!r} is neither an ISO 3166-1 alpha-3 code nor a documented historical code.")
