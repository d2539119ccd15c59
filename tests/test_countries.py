import pytest

from coursekit import load_table
from coursekit.countries import country_name


def test_current_codes_get_their_common_names():
    assert country_name("USA") == "United States"
    assert country_name("MKD") == "North Macedonia"


def test_dissolved_states_are_named_from_iso_3166_3():
    assert "USSR" in country_name("SUN")


def test_documented_historical_codes_are_used():
    historical = dict(load_table("historical_states")[["code", "name"]].itertuples(index=False))
    assert country_name("XAH", historical) == historical["XAH"]


def test_an_unknown_code_says_what_is_wrong():
    with pytest.raises(KeyError, match="neither an ISO 3166-1 alpha-3 code nor a documented historical code"):
        country_name("QQQ")
