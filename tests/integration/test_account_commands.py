"""The account commands, `itpo init --admin-email`, `itpo users ...` and `itpo offices ...`, on
SQLite as the other command tests: what they print, what they store, and one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner, Result
from tests.actors import OPERATOR
from tests.records import organisation_data
from tests.unit.accounts.fakes import PASSWORD

from itpo.accounts import services
from itpo.accounts.errors import LoginRefused
from itpo.accounts.model import AuditQuery
from itpo.accounts.principal import Principal
from itpo.adapters.cli import cli
from itpo.bootstrap import bootstrap
from itpo.config import Settings
from itpo.registry import services as registry

MEMBER = "wanjiru@meru.example"


def run(url: str, *args: str, stdin: str | None = None, **env: str) -> Result:
    runner = CliRunner()
    return runner.invoke(cli, ["--db", url, *args], input=stdin, env=env, catch_exceptions=False)


@pytest.fixture
def ready(sqlite_url: str) -> str:
    assert run(sqlite_url, "init").exit_code == 0
    platform = bootstrap(Settings(database_url=sqlite_url))
    registry.create_organisation(by=OPERATOR, uow=platform.uow(), data=organisation_data())
    platform.close()
    return sqlite_url


def test_init_without_an_administrator_says_how_to_make_one(sqlite_url: str) -> None:
    result = run(sqlite_url, "init")
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "No administrator yet: `itpo init --admin-email EMAIL` creates the first."
    )


def test_init_creates_the_first_administrator_from_standard_input(ready: str) -> None:
    result = run(
        ready,
        "init",
        "--admin-email",
        "Chief@ITPO.example",
        "--admin-password-stdin",
        "--office",
        "ITPO Bahrain",
        "--office-country",
        "BHR",
        stdin=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Administrator chief@itpo.example created, of office 'ITPO Bahrain'" in result.output
    again = run(ready, "init", "--admin-email", "other@itpo.example", stdin=PASSWORD + "\n")
    assert "An administrator exists already" in again.output
    assert run(ready, "init").output.count("No administrator") == 0


def test_init_asks_for_the_password_twice(ready: str) -> None:
    result = run(
        ready, "init", "--admin-email", "chief@itpo.example", stdin=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert "of office 'ITPO China'" in result.output  # the home country's office by default


def test_init_takes_the_password_from_the_environment_for_unattended_installs(
    ready: str,
) -> None:
    result = run(ready, "init", "--admin-email", "chief@itpo.example", ITPO_ADMIN_PASSWORD=PASSWORD)
    assert result.exit_code == 0, result.output
    platform = bootstrap(Settings(database_url=ready))
    user = services.authenticate(
        uow=platform.uow(), email="chief@itpo.example", password=PASSWORD, ip=None
    )
    platform.close()
    assert user.role.value == "administrator"


def test_init_refuses_a_weak_administrator_password_in_one_line(ready: str) -> None:
    result = run(
        ready,
        "init",
        "--admin-email",
        "chief@itpo.example",
        "--admin-password-stdin",
        stdin="short\n",
    )
    assert result.exit_code == 1
    assert "password: must be at least 12 characters long" in result.output
    assert "No administrator yet" in run(ready, "init").output  # nothing half-made


def test_users_and_offices_are_created_listed_disabled_and_enabled(ready: str) -> None:
    assert (
        run(
            ready, "offices", "create", "ITPO Beijing", "--country", "CHN", "--city", "Beijing"
        ).exit_code
        == 0
    )
    created = run(
        ready,
        "users",
        "create",
        "li.wei@itpo.example",
        "--name",
        "Li Wei",
        "--role",
        "administrator",
        "--office",
        "1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert created.exit_code == 0, created.output
    member = run(
        ready,
        "users",
        "create",
        MEMBER,
        "--name",
        "Wanjiru",
        "--role",
        "member",
        "--organisation",
        "1",
        stdin=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert member.exit_code == 0, member.output
    listed = json.loads(run(ready, "users", "list", "--json").output)
    assert [(u["email"], u["role"]) for u in listed] == [
        ("li.wei@itpo.example", "administrator"),
        (MEMBER, "member"),
    ]
    assert all("password_hash" not in u for u in listed)
    assert "ITPO Beijing" in run(ready, "users", "list").output
    assert run(ready, "users", "disable", MEMBER).exit_code == 0
    disabled = json.loads(run(ready, "users", "list", "--disabled", "--json").output)
    assert [u["email"] for u in disabled] == [MEMBER]
    assert run(ready, "users", "enable", MEMBER).exit_code == 0
    assert json.loads(run(ready, "users", "list", "--disabled", "--json").output) == []
    offices = json.loads(run(ready, "offices", "list", "--json").output)
    assert [o["name"] for o in offices] == ["ITPO Beijing"]


def test_an_administrator_unlocks_a_user_and_hands_over_a_reset_from_the_command_line(
    ready: str,
) -> None:
    made = run(
        ready,
        "users",
        "create",
        MEMBER,
        "--name",
        "Wanjiru",
        "--role",
        "member",
        "--organisation",
        "1",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert made.exit_code == 0, made.output
    platform = bootstrap(Settings(database_url=ready))
    for _ in range(5):
        with pytest.raises(LoginRefused):
            services.authenticate(
                uow=platform.uow(), email=MEMBER, password="a guess", ip="198.51.100.66"
            )
    listed = run(ready, "users", "list")
    assert "locked" in listed.output
    unlocked = run(ready, "users", "unlock", MEMBER.upper())
    assert unlocked.exit_code == 0 and "unlocked" in unlocked.output
    assert (
        services.authenticate(
            uow=platform.uow(), email=MEMBER, password=PASSWORD, ip="198.51.100.66"
        ).email
        == MEMBER
    )
    page = services.list_audit(
        uow=platform.uow(), by=Principal.system(), query=AuditQuery(action="user.unlock")
    )
    [entry] = page.items
    assert entry.actor_label.endswith("(command line)")
    reset = run(ready, "users", "reset", MEMBER)
    assert reset.exit_code == 0 and "shown once" in reset.output
    token = reset.output.split("\n")[1].strip()
    services.finish_password_reset(uow=platform.uow(), token=token, password="cassava at dawn!")
    platform.close()
    missing = run(ready, "users", "unlock", "nobody@itpo.example")
    assert missing.exit_code == 1 and "not found" in missing.output


def test_user_commands_fail_in_one_line(ready: str) -> None:
    staff = run(
        ready,
        "users",
        "create",
        "li.wei@itpo.example",
        "--name",
        "Li Wei",
        "--role",
        "officer",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert staff.exit_code == 1 and "office_id: is required" in staff.output
    missing = run(ready, "users", "disable", "nobody@itpo.example")
    assert missing.exit_code == 1 and "user 'nobody@itpo.example' not found" in missing.output
    office = run(ready, "offices", "create", "ITPO Nowhere", "--country", "XXX")
    assert office.exit_code == 1 and "country: 'XXX' is not an ISO 3166" in office.output
    assert "Traceback" not in staff.output + missing.output + office.output
