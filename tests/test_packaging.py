"""Packaging: an SPDX license expression (PEP 639) and the license text, shipped."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_is_an_spdx_expression_with_its_file() -> None:
    project = PROJECT["project"]
    assert project["license"] == "MIT"  # not the deprecated {text = ...} table
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    assert not any(c.startswith("License ::") for c in project.get("classifiers", []))


def test_the_build_backend_understands_license_expressions() -> None:
    # setuptools reads PEP 639's license and license-files from version 77 on
    (requirement,) = PROJECT["build-system"]["requires"]
    match = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", requirement)
    assert match and int(match[1]) >= 77
