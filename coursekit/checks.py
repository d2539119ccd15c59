"""Logical rules the schema cannot express: dates in the right order, real country codes."""
from __future__ import annotations

import pandas as pd

from .countries import iso_country, iso_former_country

USER_ASSIGNED_PREFIX = "X"  # ISO 3166-1 reserves XAA-XZZ for user-assigned codes


def _where(file: str, index: int, field: str) -> str:
    return f"data/{file}, row {index + 1} (line {index + 2}), field '{field}'"


def _date(value) -> str:
    return value.strftime("%Y-%m-%d")


def _year_matches_date(frame, file, year_col, date_col) -> list[str]:
    problems = []
    for i, row in frame.iterrows():
        if pd.notna(row[date_col]) and pd.notna(row[year_col]) and row[date_col].year != row[year_col]:
            problems.append(f"{_where(file, i, year_col)}: {row[year_col]} does not match "
                            f"{date_col} {_date(row[date_col])}")
    return problems


def _not_before(frame, file, later_col, earlier_col) -> list[str]:
    problems = []
    for i, row in frame.iterrows():
        later, earlier = row[later_col], row[earlier_col]
        if pd.notna(later) and pd.notna(earlier) and later < earlier:
            shown = (_date(later), _date(earlier)) if hasattr(later, "strftime") else (later, earlier)
            problems.append(f"{_where(file, i, later_col)}: {shown[0]} is before "
                            f"{earlier_col} {shown[1]}")
    return problems


def alliance_problems(alliances: pd.DataFrame) -> list[str]:
    f = "alliances.csv"
    problems = []
    problems += _year_matches_date(alliances, f, "start_year", "signed")
    problems += _year_matches_date(alliances, f, "end_year", "ended")
    problems += _not_before(alliances, f, "in_force", "signed")
    problems += _not_before(alliances, f, "ended", "signed")
    problems += _not_before(alliances, f, "ended", "in_force")
    problems += _not_before(alliances, f, "end_year", "start_year")
    for i, row in alliances.iterrows():
        if pd.notna(row["ended"]) and pd.isna(row["end_year"]):
            problems.append(f"{_where(f, i, 'end_year')}: missing although 'ended' is {_date(row['ended'])}")
    return problems


def membership_problems(members: pd.DataFrame, alliances: pd.DataFrame) -> list[str]:
    f = "alliance_members.csv"
    problems = []
    problems += _year_matches_date(members, f, "joined_year", "joined")
    problems += _year_matches_date(members, f, "left_year", "left")
    problems += _not_before(members, f, "left", "joined")
    problems += _not_before(members, f, "left_year", "joined_year")
    by_id = alliances.set_index("alliance_id")
    for i, row in members.iterrows():
        if row["alliance_id"] not in by_id.index:
            continue  # the schema's foreign key already reports it
        alliance = by_id.loc[row["alliance_id"]]
        if row["joined_year"] < alliance["start_year"]:
            problems.append(f"{_where(f, i, 'joined_year')}: {row['country_code']} joined "
                            f"{row['alliance_id']} in {row['joined_year']}, before it began in "
                            f"{alliance['start_year']}")
        if pd.notna(alliance["end_year"]):
            if pd.isna(row["left_year"]):
                problems.append(f"{_where(f, i, 'left_year')}: {row['country_code']} is still a member of "
                                f"{row['alliance_id']}, which ended in {alliance['end_year']}")
            elif row["left_year"] > alliance["end_year"]:
                problems.append(f"{_where(f, i, 'left_year')}: {row['country_code']} left "
                                f"{row['alliance_id']} in {row['left_year']}, after it ended in "
                                f"{alliance['end_year']}")
    return problems


def country_code_problems(members: pd.DataFrame, historical: pd.DataFrame) -> list[str]:
    problems = []
    documented = set(historical["code"])
    for i, row in historical.iterrows():
        where = _where("historical_states.csv", i, "code")
        code = row["code"]
        if iso_country(code) is not None:
            problems.append(f"{where}: {code} is a current ISO 3166-1 code, not a historical one")
        elif row["code_system"] == "ISO 3166-3" and iso_former_country(code) is None:
            problems.append(f"{where}: {code} is not in ISO 3166-3 (formerly used codes)")
        elif row["code_system"].startswith("user-assigned") and not code.startswith(USER_ASSIGNED_PREFIX):
            problems.append(f"{where}: user-assigned codes must lie in XAA-XZZ, not {code}")
    for i, row in members.iterrows():
        code = row["country_code"]
        if iso_country(code) is None and code not in documented:
            problems.append(f"{_where('alliance_members.csv', i, 'country_code')}: {code} is not an "
                            "ISO 3166-1 alpha-3 code and not documented in historical_states.csv")
    return problems


def logic_problems(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Every logical problem across the course's tables (an empty list when all is well)."""
    problems = []
    if "alliances" in tables:
        problems += alliance_problems(tables["alliances"])
        if "alliance_members" in tables:
            problems += membership_problems(tables["alliance_members"], tables["alliances"])
    if "alliance_members" in tables and "historical_states" in tables:
        problems += country_code_problems(tables["alliance_members"], tables["historical_states"])
    return problems
