"""The lazy packages (``chalicelib.services``, ``chalicelib.schemas``) name every module of theirs for type
checkers, which never run the PEP 562 ``__getattr__`` that loads them at run time."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

PACKAGES = ("chalicelib.services", "chalicelib.schemas")


def _type_checking_imports(init: Path) -> list[str]:
    """Modules the ``if TYPE_CHECKING:`` block of a package's ``__init__.py`` imports, in order."""
    names: list[str] = []
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom), ast.unparse(statement)
                for alias in statement.names:
                    # ``x as x`` marks an explicit re-export for type checkers.
                    assert alias.asname == alias.name, ast.unparse(statement)
                    names.append(alias.name)
    return names


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_is_listed_for_type_checkers(package: str) -> None:
    path = Path(importlib.import_module(package).__path__[0])
    modules = sorted(module.name for module in pkgutil.iter_modules([str(path)]))
    listed = _type_checking_imports(path / "__init__.py")
    missing = sorted(set(modules) - set(listed))
    assert not missing, f"add to the TYPE_CHECKING imports of {package}/__init__.py: {', '.join(missing)}"
    assert sorted(set(listed) - set(modules)) == [], "listed modules that no longer exist"
    assert listed == modules, "one module a line, in alphabetical order"


@pytest.mark.parametrize("package", PACKAGES)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    with pytest.raises(AttributeError, match="no_such_module"):
        getattr(importlib.import_module(package), "no_such_module")  # noqa: B009
