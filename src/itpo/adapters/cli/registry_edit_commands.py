"""`itpo organisations create|update` and `itpo opportunities create|update`: a record's fields
from options, from a JSON file, or both (an option wins over the file).

The options are declared as data, each with the help of the field it sets, and every value is
handed to the registry as typed: the registry parses it and names every bad field at once."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from itpo.adapters.cli.context import CliState, clean_errors, pass_state
from itpo.adapters.cli.output import console, print_json
from itpo.adapters.cli.registry_commands import json_option, opportunities, organisations
from itpo.registry.fields import OPPORTUNITY_FIELDS, ORGANISATION_FIELDS, FieldSpec

if TYPE_CHECKING:
    from itpo.bootstrap import Platform

# The groups, with these commands added to them.
__all__ = ["opportunities", "organisations"]

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class FieldOption:
    """`--flag` sets `field`; `many` options repeat, each time one more value."""

    flag: str
    field: str
    many: bool = False


ORGANISATION_OPTIONS = (
    FieldOption("name", "name"),
    FieldOption("kind", "kind"),
    FieldOption("country", "country"),
    FieldOption("city", "city"),
    FieldOption("website", "website"),
    FieldOption("size", "size"),
    FieldOption("isic", "isic_classes", many=True),
    FieldOption("description", "description"),
    FieldOption("language", "languages", many=True),
    FieldOption("external-id", "external_id"),
)
# No --status: a profile goes live through the office's review; a file may still say it,
# and the registry decides.
OPPORTUNITY_OPTIONS = (
    FieldOption("kind", "kind"),
    FieldOption("title", "title"),
    FieldOption("teaser", "teaser"),
    FieldOption("details", "details"),
    FieldOption("language", "language"),
    FieldOption("isic", "isic_classes", many=True),
    FieldOption("area", "technology_areas", many=True),
    FieldOption("sdg", "sdgs", many=True),
    FieldOption("country", "countries", many=True),
    FieldOption("trl", "trl"),
    FieldOption("min-trl", "min_trl"),
    FieldOption("cooperation", "cooperation_types", many=True),
    FieldOption("amount-min", "amount_min"),
    FieldOption("amount-max", "amount_max"),
    FieldOption("currency", "currency"),
    FieldOption("condition", "hard_conditions", many=True),
    FieldOption("energy", "energy_mwh_per_year"),
    FieldOption("co2", "co2_tonnes_per_year"),
    FieldOption("disclosure", "disclosure"),
    FieldOption("valid-until", "valid_until"),
    FieldOption("external-id", "external_id"),
)
from_option = click.option(
    "--from",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A JSON object of the record's fields, as `itpo export` writes them; options given "
    "beside it win.",
)
# The owner is named by --organisation, or by its external_id in the file.
OWNER_FLAGS = {"organisation_id": "organisation", "organisation": "organisation"}
organisation_option = click.option(
    "--organisation",
    "organisation_id",
    type=int,
    help="Id of the organisation that owns the opportunity (or `organisation`, its "
    "external_id, in the file).",
)


def field_options(options: Sequence[FieldOption], specs: Sequence[FieldSpec]) -> Callable[[F], F]:
    """The click options of a record's fields, with each field's own help."""
    helps = {spec.name: spec.help for spec in specs}

    def decorate(command: F) -> F:
        for option in reversed(options):
            help_text = helps[option.field] + (" Repeat for more." if option.many else "")
            command = click.option(
                f"--{option.flag}", f"field_{option.field}", multiple=option.many, help=help_text
            )(command)
        return command

    return decorate


def given(options: Sequence[FieldOption], values: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the options set: those given, by field name."""
    found: dict[str, Any] = {}
    for option in options:
        value = values.get(f"field_{option.field}")
        if option.many and value:
            found[option.field] = list(value)
        elif not option.many and value is not None:
            found[option.field] = value
    return found


@contextmanager
def named_options(
    options: Sequence[FieldOption], others: Mapping[str, str] | None = None
) -> Iterator[None]:
    """A refusal names each field with the option that sets it: `sdgs (--sdg): ...`."""
    from itpo.registry.errors import FieldError, ValidationError

    flags = {option.field: option.flag for option in options} | dict(others or {})
    try:
        yield
    except ValidationError as invalid:
        raise ValidationError(
            [
                FieldError(f"{e.field} (--{flags[e.field]})", e.message) if e.field in flags else e
                for e in invalid.errors
            ]
        ) from invalid


def read_fields(source: Path | None) -> dict[str, Any]:
    """The record's fields from a JSON file: one object."""
    from itpo.registry.errors import FieldError, ValidationError

    if source is None:
        return {}
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ValidationError([FieldError("--from", f"is not a JSON file: {error}")]) from error
    if not isinstance(data, dict):
        raise ValidationError([FieldError("--from", "must hold one JSON object of fields")])
    return data


def record_fields(
    source: Path | None, options: Sequence[FieldOption], values: Mapping[str, Any]
) -> dict[str, Any]:
    return {**read_fields(source), **given(options, values)}


def changes_of(
    source: Path | None, options: Sequence[FieldOption], values: Mapping[str, Any]
) -> dict[str, Any]:
    changes = record_fields(source, options, values)
    if not changes:
        raise click.UsageError("nothing to change: give a field's option or --from FILE.json")
    return changes


def show_organisation(
    state: CliState, platform: Platform, organisation_id: int | None, done: str, as_json: bool
) -> None:
    from itpo.registry import reading

    assert organisation_id is not None  # stored records have one
    profile = reading.organisation_profile(
        uow=platform.uow(), by=state.operator, organisation_id=organisation_id
    )
    if as_json:
        print_json(profile)
        return
    console.print(f"{done} organisation {organisation_id}: {profile['name']}", markup=False)


def show_opportunity(
    state: CliState, platform: Platform, opportunity_id: int | None, done: str, as_json: bool
) -> None:
    from itpo.registry import reading

    assert opportunity_id is not None  # stored records have one
    view = reading.view_opportunity(
        uow=platform.uow(),
        by=state.operator,
        opportunity_id=opportunity_id,
        home=platform.settings.home_country,
        now=platform.clock,
    )
    if as_json:
        print_json(dict(view.values))
        return
    shown = f"{done} opportunity {opportunity_id} ({view.values['status']}): {view.values['title']}"
    console.print(shown, markup=False)


@organisations.command("create")
@field_options(ORGANISATION_OPTIONS, ORGANISATION_FIELDS)
@from_option
@json_option
@pass_state
@clean_errors
def create_organisation(
    state: CliState, /, source: Path | None, as_json: bool, **values: Any
) -> None:
    """Create an organisation from its fields (name, kind and country at least)."""
    from itpo.registry import services

    data = record_fields(source, ORGANISATION_OPTIONS, values)
    platform = state.platform()
    with named_options(ORGANISATION_OPTIONS):
        created = services.create_organisation(
            uow=platform.uow(), by=state.operator, data=data, now=platform.clock
        )
    show_organisation(state, platform, created.id, "Created", as_json)


@organisations.command("update")
@click.argument("organisation_id", type=int)
@field_options(ORGANISATION_OPTIONS, ORGANISATION_FIELDS)
@from_option
@json_option
@pass_state
@clean_errors
def update_organisation(
    state: CliState, /, organisation_id: int, source: Path | None, as_json: bool, **values: Any
) -> None:
    """Change the fields given; the whole record is checked again."""
    from itpo.registry import services

    changes = changes_of(source, ORGANISATION_OPTIONS, values)
    platform = state.platform()
    with named_options(ORGANISATION_OPTIONS):
        services.update_organisation(
            uow=platform.uow(),
            by=state.operator,
            organisation_id=organisation_id,
            changes=changes,
            now=platform.clock,
        )
    show_organisation(state, platform, organisation_id, "Updated", as_json)


@opportunities.command("create")
@organisation_option
@field_options(OPPORTUNITY_OPTIONS, OPPORTUNITY_FIELDS)
@from_option
@json_option
@pass_state
@clean_errors
def create_opportunity(
    state: CliState,
    /,
    organisation_id: int | None,
    source: Path | None,
    as_json: bool,
    **values: Any,
) -> None:
    """Create an opportunity, a draft unless the file says otherwise (kind, organisation,
    title, teaser and language at least)."""
    from itpo.registry import services

    data = record_fields(source, OPPORTUNITY_OPTIONS, values)
    if organisation_id is not None:
        data = {k: v for k, v in data.items() if k != "organisation"}
        data["organisation_id"] = organisation_id
    platform = state.platform()
    with named_options(OPPORTUNITY_OPTIONS, OWNER_FLAGS):
        created = services.create_opportunity(
            uow=platform.uow(), by=state.operator, data=data, now=platform.clock
        )
    show_opportunity(state, platform, created.id, "Created", as_json)


@opportunities.command("update")
@click.argument("opportunity_id", type=int)
@organisation_option
@field_options(OPPORTUNITY_OPTIONS, OPPORTUNITY_FIELDS)
@from_option
@json_option
@pass_state
@clean_errors
def update_opportunity(
    state: CliState,
    /,
    opportunity_id: int,
    organisation_id: int | None,
    source: Path | None,
    as_json: bool,
    **values: Any,
) -> None:
    """Change the fields given (`--organisation` gives it to another organisation); the whole
    record is checked again."""
    from itpo.registry import services

    changes = record_fields(source, OPPORTUNITY_OPTIONS, values)
    if organisation_id is not None:
        changes = {k: v for k, v in changes.items() if k != "organisation"}
        changes["organisation_id"] = organisation_id
    if not changes:
        raise click.UsageError("nothing to change: give a field's option or --from FILE.json")
    platform = state.platform()
    with named_options(OPPORTUNITY_OPTIONS, OWNER_FLAGS):
        services.update_opportunity(
            uow=platform.uow(),
            by=state.operator,
            opportunity_id=opportunity_id,
            changes=changes,
            now=platform.clock,
        )
    show_opportunity(state, platform, opportunity_id, "Updated", as_json)
