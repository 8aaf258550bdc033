"""The shape of the code: rules in the domain, adapters that only parse, call and present.

Who may do what, what each audience sees and what is audited are decided by the domain's
services; an adapter that imported the rules could apply them its own way, so these tests read
every module's imports and fail on one that reaches past the services."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "itpo"
DOMAIN = (
    "registry",
    "matching",
    "appraisal",
    "accounts",
    "pipeline",
    "mail",
    "events",
    "practice",
    "diagnostic",
)
# The rules themselves: access decisions, the audit log's writer, and disclosure.
RULE_MODULES = frozenset({"itpo.accounts.access", "itpo.accounts.audit"})
DISCLOSURE = "itpo.registry.disclosure"
# What an adapter may read of disclosure: the stage a view reports, the label an answer
# carries for an owner it does not name, and the condition a service hands to storage.
DISCLOSURE_NAMES = frozenset({"Scope", "Stage", "UNDISCLOSED"})
RULE_NAMES = ("require_", "audience", "record")
FRAMEWORKS = frozenset(
    {
        "alembic", "click", "fastapi", "httpx", "jinja2", "openpyxl", "psycopg", "pydantic",
        "pydantic_settings", "reportlab", "rich", "sqlalchemy", "starlette", "uvicorn",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Use:
    module: str  # the module that imports
    imported: str  # the module imported from
    name: str | None  # the name imported, None for `import x`
    line: int


def module_name(path: Path) -> str:
    parts = path.with_suffix("").parts
    start = len(parts) - 1 - parts[::-1].index("itpo") if "itpo" in parts else len(parts) - 1
    named = parts[start:]
    return ".".join(named[:-1] if named[-1] == "__init__" else named)


def uses(folder: Path) -> Iterator[Use]:
    """Every import in every module under the folder, at any depth of the code."""
    for path in sorted(folder.rglob("*.py")):
        name = module_name(path)
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Use(name, alias.name, None, node.lineno)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    yield Use(name, node.module, alias.name, node.lineno)


def attribute_calls(folder: Path) -> Iterator[tuple[str, str, int]]:
    """`accounts.record(...)`-style calls: an imported itpo.accounts module's rule, by name."""
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        accounts_aliases = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module in ("itpo.accounts", "itpo")
            for alias in node.names
            if alias.name in ("services", "access", "audit", "accounts")
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in accounts_aliases
                and node.attr.startswith(RULE_NAMES)
            ):
                yield module_name(path), f"{node.value.id}.{node.attr}", node.lineno


def is_rule(use: Use) -> bool:
    if use.imported in RULE_MODULES:
        return True
    if use.imported == DISCLOSURE:
        return use.name not in DISCLOSURE_NAMES
    if use.imported.startswith("itpo.accounts") and use.name:
        return use.name.startswith(RULE_NAMES)
    return False


def test_no_adapter_imports_the_access_audit_or_disclosure_rules() -> None:
    found = [use for use in uses(SOURCE / "adapters") if is_rule(use)]
    assert found == [], "adapters must call a service, not the rules: " + ", ".join(
        f"{u.module}:{u.line} {u.imported}.{u.name}" for u in found
    )


def test_no_adapter_calls_a_rule_through_a_services_module() -> None:
    found = list(attribute_calls(SOURCE / "adapters"))
    assert found == [], f"adapters must leave audit and rules to the services: {found}"


@pytest.mark.parametrize(("one", "other"), [("web", "api"), ("api", "web")])
def test_the_api_and_the_pages_do_not_import_each_other(one: str, other: str) -> None:
    """What both need lives in `adapters.http`; only `adapters.app` puts them together."""
    found = [
        f"{u.module}:{u.line} {u.imported}"
        for u in uses(SOURCE / "adapters" / one)
        if u.imported.startswith(f"itpo.adapters.{other}")
    ]
    assert found == []


@pytest.mark.parametrize("package", DOMAIN)
def test_the_domain_imports_no_framework_and_no_adapter(package: str) -> None:
    found = [
        f"{u.module}:{u.line} {u.imported}"
        for u in uses(SOURCE / package)
        if u.imported.split(".")[0] in FRAMEWORKS
        or u.imported.startswith(("itpo.adapters", "itpo.bootstrap", "itpo.config"))
    ]
    assert found == []


def test_the_checks_would_see_a_rule_imported_by_an_adapter(tmp_path: Path) -> None:
    """The tests above read real imports: a module that imports a rule is caught."""
    module = tmp_path / "page.py"
    module.write_text(
        "from itpo.accounts.access import require_write\n"
        "from itpo.registry.disclosure import redact, UNDISCLOSED\n"
        "from itpo.accounts import services as accounts\n"
        "accounts.record(uow=None)\n"
    )
    caught = [(u.imported, u.name) for u in uses(tmp_path) if is_rule(u)]
    calls = [call for _, call, _ in attribute_calls(tmp_path)]
    assert caught == [
        ("itpo.accounts.access", "require_write"),
        ("itpo.registry.disclosure", "redact"),
    ]
    assert calls == ["accounts.record"]
