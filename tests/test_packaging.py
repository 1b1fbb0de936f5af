"""The wheel ships every subpackage and data file: pyproject lists packages explicitly (DESIGN.md)."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_listed() -> None:
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "cleanfeed").rglob("__init__.py")}
    assert found == set(_setuptools()["packages"])


def test_every_data_file_is_shipped() -> None:
    patterns = _setuptools()["package-data"]
    for path in (ROOT / "cleanfeed").rglob("*"):
        if path.is_file() and (path.suffix in (".toml", ".txt", ".json", ".css") or path.name == "py.typed"):
            package = ".".join(path.parent.relative_to(ROOT).parts)
            while package not in patterns or not any(
                    path.relative_to(ROOT / package.replace(".", "/")).match(pat) for pat in patterns[package]):
                assert "." in package, f"{path} is not in [tool.setuptools.package-data]"
                package = package.rsplit(".", 1)[0]


def test_only_cleanfeed_is_importable() -> None:
    assert all(p.startswith("cleanfeed") for p in _setuptools()["packages"])
