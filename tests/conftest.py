"""Fixtures shared by the test modules."""

import shutil

import pytest

from tests.common import REPO


@pytest.fixture
def register(tmp_path):
    """A copy of the example register, to change without touching the real one."""
    shutil.copy(REPO / "partreg.yaml", tmp_path)
    shutil.copytree(REPO / "register", tmp_path / "register")
    return tmp_path
