"""The data package validates, obeys the course's logic, and rejects damaged copies clearly."""
import csv

import pandas as pd
import pytest

from coursekit.data import DataValidationError, load_table, load_tables, schema_problems
from coursekit.checks import logic_problems


def rewrite(path, row_index, field, value):
    """Set one cell of a CSV (row_index counts data rows from 0)."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
        header = list(rows[0].keys())
    rows[row_index][field] = value
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


def find_row(path, **match):
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if all(row[k] == v for k, v in match.items()):
                return i
    raise LookupError(match)


def test_the_data_package_validates_against_its_schema():
    assert schema_problems() == []


def test_the_tables_obey_the_course_logic():
    assert logic_problems(load_tables()) == []


@pytest.mark.parametrize("table", ["alliances", "alliance_members", "historical_states"])
def test_every_row_names_a_source_a_reader_can_follow(table):
    frame = load_table(table)
    assert frame["source"].notna().all()
    assert frame["source_url"].str.match(r"https?://").all()


def test_types_come_through_to_pandas():
    members = load_table("alliance_members")
    assert pd.api.types.is_datetime64_any_dtype(members["joined"])
    assert str(members["joined_year"].dtype) == "Int64"


def test_nato_membership_matches_the_record():
    members = load_table("alliance_members").query("alliance_id == 'nato'")
    assert len(members) == 32
    assert (members["joined_year"] == 1949).sum() == 12
    assert members["left_year"].isna().all()
    sweden = members.set_index("country_code").loc["SWE", "joined"]
    assert sweden == pd.Timestamp("2024-03-07")


def test_every_alliance_named_in_chapter_one_is_present():
    ids = set(load_table("alliances")["alliance_id"])
    assert {"nato", "warsaw_pact", "seato", "cento", "brussels_treaty", "rio_treaty", "anzus",
            "us_japan_1951", "us_japan_1960", "us_philippines", "us_rok"} <= ids


def test_a_malformed_date_is_rejected_naming_file_row_and_field(data_copy):
    path = data_copy / "alliance_members.csv"
    row = find_row(path, alliance_id="nato", country_code="FRA")
    rewrite(path, row, "joined", "1949-02-30")
    with pytest.raises(DataValidationError) as caught:
        load_table("alliance_members", data_copy)
    message = str(caught.value)
    assert f"data/alliance_members.csv, row {row + 1} (line {row + 2}), field 'joined'" in message
    assert "'1949-02-30' is not a valid date" in message


def test_a_missing_required_value_is_rejected(data_copy):
    path = data_copy / "alliances.csv"
    rewrite(path, 0, "source", "")
    with pytest.raises(DataValidationError, match=r"alliances.csv, row 1 \(line 2\), field 'source': a required value is missing"):
        load_table("alliances", data_copy)


def test_an_unknown_alliance_id_is_rejected(data_copy):
    path = data_copy / "alliance_members.csv"
    rewrite(path, 3, "alliance_id", "natoo")
    with pytest.raises(DataValidationError, match=r"alliance_members.csv, row 4 \(line 5\), field 'alliance_id'.*natoo"):
        load_table("alliance_members", data_copy)


def test_a_member_cannot_leave_before_it_joins(data_copy):
    path = data_copy / "alliance_members.csv"
    row = find_row(path, alliance_id="warsaw_pact", country_code="ALB")
    rewrite(path, row, "left", "1950-01-01")
    rewrite(path, row, "left_year", "1950")
    with pytest.raises(DataValidationError) as caught:
        load_table("alliance_members", data_copy)
    assert f"row {row + 1} (line {row + 2}), field 'left': 1950-01-01 is before joined" in str(caught.value)


def test_an_alliance_cannot_end_before_it_begins(data_copy):
    path = data_copy / "alliances.csv"
    row = find_row(path, alliance_id="seato")
    rewrite(path, row, "end_year", "1950")
    rewrite(path, row, "ended", "1950-06-30")
    with pytest.raises(DataValidationError, match=r"alliances.csv, row \d+ \(line \d+\), field 'ended': 1950-06-30 is before signed"):
        load_table("alliances", data_copy)


def test_a_member_cannot_outlast_its_alliance(data_copy):
    path = data_copy / "alliance_members.csv"
    row = find_row(path, alliance_id="warsaw_pact", country_code="POL")
    rewrite(path, row, "left", "")
    rewrite(path, row, "left_year", "")
    with pytest.raises(DataValidationError, match="POL is still a member of warsaw_pact, which ended in 1991"):
        load_table("alliance_members", data_copy)


def test_an_unreal_country_code_is_rejected(data_copy):
    path = data_copy / "alliance_members.csv"
    rewrite(path, 0, "country_code", "XYZ")
    with pytest.raises(DataValidationError, match=r"row 1 \(line 2\), field 'country_code': XYZ is not an ISO 3166-1"):
        load_table("alliance_members", data_copy)


def test_a_historical_code_must_really_be_historical(data_copy):
    path = data_copy / "historical_states.csv"
    row = find_row(path, code="SUN")
    rewrite(path, row, "code", "RUS")
    with pytest.raises(DataValidationError, match="RUS is a current ISO 3166-1 code"):
        load_table("historical_states", data_copy)


def test_asking_for_a_dataset_that_does_not_exist_lists_the_real_ones():
    names = sorted(load_tables())
    with pytest.raises(KeyError) as caught:
        load_table("alliance")
    assert f"The datasets are: {', '.join(names)}." in str(caught.value)


def test_numbers_and_booleans_arrive_as_numbers_and_booleans(tmp_path):
    import json

    (tmp_path / "things.csv").write_text("name,share,flag,count\na,1.25,true,3\nb,,false,\n", encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "t", "licenses": [{"name": "CC0", "title": "CC0"}],
        "resources": [{"name": "things", "path": "things.csv", "schema": {"fields": [
            {"name": "name", "type": "string"}, {"name": "share", "type": "number"},
            {"name": "flag", "type": "boolean"}, {"name": "count", "type": "integer"}]}}]}), encoding="utf-8")
    frame = load_table("things", tmp_path)
    assert str(frame["share"].dtype) == "Float64" and frame["share"].iloc[0] == 1.25 and pd.isna(frame["share"].iloc[1])
    assert str(frame["flag"].dtype) == "boolean" and frame["flag"].tolist() == [True, False]
    assert str(frame["count"].dtype) == "Int64" and pd.isna(frame["count"].iloc[1])
