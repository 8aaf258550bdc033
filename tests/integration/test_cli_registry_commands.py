"""`itpo organisations create|update` and `itpo opportunities create|update`: fields from options
or a JSON file, the record printed for people or as JSON, and a bad value named with its field
and option, exit status 1 and nothing written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from tests.records import opportunity_data, organisation_data

from itpo.adapters.cli import cli

ORGANISATION = [
    "--name", "Nakuru Cold Chain Cooperative", "--kind", "company", "--country", "KEN",
    "--city", "Nakuru", "--website", "https://nakuru-cold.example", "--size", "small",
    "--isic", "5210", "--isic", "1030", "--language", "en", "--language", "sw",
    "--description", "Cold rooms for smallholders' produce.",
]  # fmt: skip
OPPORTUNITY = [
    "--organisation", "1", "--kind", "technology_need", "--title", "Solar cold room",
    "--teaser", "A cooperative needs a solar cold room for mangoes.", "--language", "en",
    "--country", "KEN", "--min-trl", "6", "--sdg", "2", "--sdg", "7",
    "--cooperation", "supply", "--amount-max", "80000", "--currency", "USD",
    "--area", "green.post_harvest", "--valid-until", "2027-06-30",
]  # fmt: skip


def run(url: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", url, *args], catch_exceptions=False)


def said(result: Result) -> str:
    """What the command printed, its lines joined (a long error wraps)."""
    return " ".join(result.output.split())


def listed(url: str, records: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(run(url, records, "list", "--json").stdout)
    return rows


@pytest.fixture
def ready(sqlite_url: str, tmp_path: Path) -> str:
    """A database with one organisation (id 1, `org-sh-1`) and its one offer (id 1)."""
    assert run(sqlite_url, "init").exit_code == 0
    document = {"organisations": [organisation_data()], "opportunities": [opportunity_data()]}
    (tmp_path / "base.json").write_text(json.dumps(document))
    assert run(sqlite_url, "import", str(tmp_path / "base.json")).exit_code == 0
    return sqlite_url


def written(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return str(path)


# --------------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------------


def test_an_organisation_is_created_from_options(ready: str) -> None:
    result = run(ready, "organisations", "create", *ORGANISATION)
    assert result.exit_code == 0, result.output
    assert said(result) == "Created organisation 2: Nakuru Cold Chain Cooperative"
    shown = json.loads(run(ready, "organisations", "show", "2", "--json").stdout)
    assert shown["isic_classes"] == ["5210", "1030"] and shown["languages"] == ["en", "sw"]
    assert shown["external_id"].startswith("itpo:")  # assigned, so exports import back


def test_creating_prints_the_record_as_json_for_scripts(ready: str) -> None:
    result = run(ready, "organisations", "create", *ORGANISATION, "--json")
    record = json.loads(result.stdout)
    assert record["id"] == 2 and record["country"] == "KEN" and record["size"] == "small"


def test_an_organisation_is_created_from_a_file_and_options_win(ready: str, tmp_path: Path) -> None:
    data = organisation_data(external_id="org-ke-9", name="From the file", city="Mombasa")
    path = written(tmp_path, "organisation.json", data)
    result = run(ready, "organisations", "create", "--from", path, "--city", "Kisumu", "--json")
    record = json.loads(result.stdout)
    assert record["name"] == "From the file" and record["external_id"] == "org-ke-9"
    assert record["city"] == "Kisumu"


def test_a_bad_organisation_names_every_field_with_its_option_and_writes_nothing(
    ready: str,
) -> None:
    result = run(
        ready, "organisations", "create", "--name", "", "--kind", "bank", "--country", "XX",
        "--website", "ftp://x.example", "--size", "huge", "--isic", "99", "--language", "english",
    )  # fmt: skip
    assert result.exit_code == 1
    text = said(result)
    for expected in (
        "name (--name): is required",
        "kind (--kind): 'bank' is not one of: company, investor",
        "country (--country): 'XX' is not an ISO 3166 country code",
        "website (--website): 'ftp://x.example' is not an http(s) address",
        "size (--size): 'huge' is not one of: micro, small, medium, large",
        "isic_classes (--isic): '99' is not an ISIC Rev.4 class",
        "languages (--language): 'english' is not an ISO 639-1 language code",
    ):
        assert expected in text, expected
    assert "Traceback" not in result.output
    assert len(listed(ready, "organisations")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "company", "--country", "KEN"], "name (--name): is required"),
        (["--name", "N" * 201, "--kind", "company", "--country", "KEN"],
         "name (--name): is 201 characters long; at most 200 allowed"),
        (["--name", "X", "--country", "KEN"], "kind (--kind): is required"),
        (["--name", "X", "--kind", "company"], "country (--country): is required"),
        (["--name", "X", "--kind", "company", "--country", "KEN", "--city", "C" * 101],
         "city (--city): is 101 characters long; at most 100 allowed"),
        (["--name", "X", "--kind", "company", "--country", "KEN", "--description", "D" * 5001],
         "description (--description): is 5001 characters long; at most 5000 allowed"),
        (["--name", "X", "--kind", "company", "--country", "KEN", "--external-id", "E" * 101],
         "external_id (--external-id): is 101 characters long; at most 100 allowed"),
        (["--name", "X", "--kind", "company", "--country", "KEN", "--external-id", "org-sh-1"],
         "external_id 'org-sh-1' is already taken"),
    ],
)  # fmt: skip
def test_each_bad_organisation_value_is_refused_by_name(
    ready: str, args: list[str], message: str
) -> None:
    result = run(ready, "organisations", "create", *args)
    assert result.exit_code == 1
    assert message in said(result)
    assert len(listed(ready, "organisations")) == 1


def test_an_update_changes_only_the_fields_given(ready: str) -> None:
    result = run(ready, "organisations", "update", "1", "--city", "Hangzhou", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["city"] == "Hangzhou"
    assert record["name"] == "Pudong Solar Agritech" and record["languages"] == ["zh", "en"]
    plain = run(ready, "organisations", "update", "1", "--size", "large")
    assert said(plain) == "Updated organisation 1: Pudong Solar Agritech"


def test_an_update_from_a_file(ready: str, tmp_path: Path) -> None:
    path = written(tmp_path, "changes.json", {"description": "Dryers and cold rooms."})
    record = json.loads(run(ready, "organisations", "update", "1", "--from", path, "--json").stdout)
    assert record["description"] == "Dryers and cold rooms." and record["city"] == "Shanghai"


def test_a_bad_update_changes_nothing(ready: str) -> None:
    before = listed(ready, "organisations")
    result = run(ready, "organisations", "update", "1", "--country", "XX", "--website", "nowhere")
    assert result.exit_code == 1
    assert "country (--country): 'XX' is not an ISO 3166 country code" in said(result)
    assert "website (--website): 'nowhere' is not an http(s) address" in said(result)
    assert listed(ready, "organisations") == before


def test_an_update_without_changes_or_of_a_missing_organisation_is_refused(ready: str) -> None:
    empty = run(ready, "organisations", "update", "1")
    assert empty.exit_code == 2 and "nothing to change" in said(empty)
    missing = run(ready, "organisations", "update", "99", "--city", "Nairobi")
    assert missing.exit_code == 1 and "organisation 99 not found" in said(missing)


# --------------------------------------------------------------------------------------------
# Opportunities
# --------------------------------------------------------------------------------------------


def test_an_opportunity_is_created_from_options_as_a_draft(ready: str) -> None:
    result = run(ready, "opportunities", "create", *OPPORTUNITY)
    assert result.exit_code == 0, result.output
    assert said(result) == "Created opportunity 2 (draft): Solar cold room"
    record = json.loads(run(ready, "opportunities", "show", "2", "--json").stdout)
    assert record["organisation_id"] == 1 and record["sdgs"] == [2, 7]
    assert record["min_trl"] == 6 and record["amount_max"] == 80000
    assert record["valid_until"] == "2027-06-30" and record["status"] == "draft"


def test_an_opportunity_from_a_file_names_its_organisation_by_external_id(
    ready: str, tmp_path: Path
) -> None:
    data = opportunity_data(external_id="opp-9", title="From the file", status="draft")
    path = written(tmp_path, "opportunity.json", data)
    result = run(ready, "opportunities", "create", "--from", path, "--trl", "7", "--json")
    record = json.loads(result.stdout)
    assert record["title"] == "From the file" and record["trl"] == 7
    assert record["organisation_id"] == 1 and record["external_id"] == "opp-9"


def test_a_bad_opportunity_names_every_field_and_writes_nothing(ready: str) -> None:
    result = run(
        ready, "opportunities", "create", "--organisation", "1", "--kind", "technology_need",
        "--title", "", "--teaser", "A need.", "--language", "english", "--trl", "12",
        "--sdg", "40", "--country", "KENYA", "--currency", "XYZ", "--amount-min", "-5",
        "--cooperation", "barter", "--condition", "colour", "--valid-until", "soon",
        "--area", "green.nothing", "--disclosure", "secret",
    )  # fmt: skip
    assert result.exit_code == 1
    text = said(result)
    for expected in (
        "title (--title): is required",
        "language (--language): 'english' is not an ISO 639-1 language code",
        "trl (--trl): 12 is outside 1-9",
        "sdgs (--sdg): 40 is outside 1-17",
        "countries (--country): 'KENYA' is not an ISO 3166 country code",
        "currency (--currency): 'XYZ' is not an ISO 4217 currency code",
        "amount_min (--amount-min): '-5' is negative",
        "cooperation_types (--cooperation): 'barter' is not one of",
        "hard_conditions (--condition): 'colour' is not one of",
        "valid_until (--valid-until): 'soon' is not a date",
        "technology_areas (--area): 'green.nothing' is not a technology area",
        "disclosure (--disclosure): 'secret' is not one of",
    ):
        assert expected in text, expected
    assert len(listed(ready, "opportunities")) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "technology_need", "--title", "T", "--teaser", "T", "--language", "en"],
         "organisation (--organisation): is required"),
        (["--organisation", "7", "--kind", "technology_need", "--title", "T", "--teaser", "T",
          "--language", "en"], "organisation_id (--organisation): no organisation 7"),
        (["--organisation", "1", "--title", "T", "--teaser", "T", "--language", "en"],
         "kind (--kind): is required"),
        (["--organisation", "1", "--kind", "technology_need", "--title", "T", "--language", "en"],
         "teaser (--teaser): is required"),
        (["--organisation", "1", "--kind", "technology_need", "--title", "T", "--teaser", "T"],
         "language (--language): is required"),
        ([*OPPORTUNITY, "--trl", "5"], "trl (--trl): applies to offers and projects"),
        ([*OPPORTUNITY, "--currency", ""], "currency (--currency): is required when an amount"),
        ([*OPPORTUNITY, "--amount-min", "90000"],
         "amount_min (--amount-min): 90000 is above amount_max 80000"),
        ([*OPPORTUNITY, "--energy", "lots"], "energy_mwh_per_year (--energy): 'lots' is not a number"),
        ([*OPPORTUNITY, "--co2", "1e20"], "co2_tonnes_per_year (--co2): '1e20' is implausibly large"),
        ([*OPPORTUNITY, "--min-trl", "0"], "min_trl (--min-trl): 0 is outside 1-9"),
        ([*OPPORTUNITY, "--isic", "99"], "isic_classes (--isic): '99' is not an ISIC Rev.4 class"),
        ([*OPPORTUNITY, "--details", "D" * 20001],
         "details (--details): is 20001 characters long; at most 20000 allowed"),
        (["--organisation", "1", "--kind", "technology_need", "--title", "T", "--teaser", "T",
          "--language", "en", "--condition", "markets"],
         "hard_conditions (--condition): markets needs at least one country"),
    ],
)  # fmt: skip
def test_each_bad_opportunity_value_is_refused_by_name(
    ready: str, args: list[str], message: str
) -> None:
    result = run(ready, "opportunities", "create", *args)
    assert result.exit_code == 1
    assert message in said(result)
    assert len(listed(ready, "opportunities")) == 1


def test_an_opportunity_update_changes_the_fields_given(ready: str) -> None:
    result = run(ready, "opportunities", "update", "1", "--title", "Solar dryer, 3 t/day")
    assert result.exit_code == 0, result.output
    assert said(result) == "Updated opportunity 1 (published): Solar dryer, 3 t/day"
    record = json.loads(run(ready, "opportunities", "update", "1", "--sdg", "13", "--json").stdout)
    assert record["title"] == "Solar dryer, 3 t/day" and record["sdgs"] == [13]
    assert record["countries"] == ["KEN", "TZA"]


def test_an_opportunity_moves_to_another_organisation(ready: str) -> None:
    created = run(ready, "organisations", "create", *ORGANISATION)
    assert created.exit_code == 0, created.output
    record = json.loads(
        run(ready, "opportunities", "update", "1", "--organisation", "2", "--json").stdout
    )
    assert record["organisation_id"] == 2
    missing = run(ready, "opportunities", "update", "1", "--organisation", "9")
    assert missing.exit_code == 1 and "no organisation 9" in said(missing)


def test_a_refused_opportunity_update_leaves_it_as_it_was(ready: str) -> None:
    before = listed(ready, "opportunities")
    result = run(ready, "opportunities", "update", "1", "--currency", "", "--trl", "10")
    assert result.exit_code == 1
    assert "trl (--trl): 10 is outside 1-9" in said(result)
    assert listed(ready, "opportunities") == before
    empty = run(ready, "opportunities", "update", "1")
    assert empty.exit_code == 2 and "nothing to change" in said(empty)
    missing = run(ready, "opportunities", "update", "42", "--title", "T")
    assert missing.exit_code == 1 and "opportunity 42 not found" in said(missing)


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "--from: is not a JSON file"),
        ("[1, 2]", "--from: must hold one JSON object of fields"),
        (json.dumps({"name": "X", "kind": "company", "country": "KEN", "colour": "red"}),
         "colour: unknown field"),
        (json.dumps({"name": 42, "kind": "company", "country": "KEN"}),
         "name (--name): must be text, got int"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", ["create", "update"])
def test_a_bad_file_is_named_and_writes_nothing(
    ready: str, tmp_path: Path, content: str, message: str, command: str
) -> None:
    before = listed(ready, "organisations")
    path = written(tmp_path, "bad.json", content)
    target = ["1"] if command == "update" else []
    result = run(ready, "organisations", command, *target, "--from", path)
    assert result.exit_code == 1
    assert message in said(result)
    assert listed(ready, "organisations") == before


def test_a_missing_file_is_refused_before_anything_runs(ready: str, tmp_path: Path) -> None:
    result = run(ready, "opportunities", "create", "--from", str(tmp_path / "none.json"))
    assert result.exit_code == 2 and "does not exist" in said(result)


def test_each_command_explains_its_options(ready: str) -> None:
    for records in ("organisations", "opportunities"):
        for command in ("create", "update"):
            text = said(run(ready, records, command, "--help"))
            assert "--from FILE" in text and "--json" in text, (records, command)
    assert "ISO 3166 alpha-3" in said(run(ready, "organisations", "create", "--help"))
    assert "Repeat for more" in said(run(ready, "opportunities", "update", "--help"))
