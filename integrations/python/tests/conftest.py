"""Shared fixtures: the built wheel installed into this venv, and copies of the sample sites.

Run through `node scripts/test.mjs --only docs` (after `npm run build`), which uses the venv that
`node scripts/setup.mjs --tests` makes in target/docs-venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SITES = REPO / "tests" / "docs-sites"


@pytest.fixture(scope="session", autouse=True)
def installed_wheel():
    """Installs dist/python's wheel (what users get) over any earlier one."""
    wheels = sorted((REPO / "dist" / "python").glob("sessionlab-*.whl"))
    if not wheels:
        pytest.fail("no wheel in dist/python: run `npm run build` first")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", "--disable-pip-version-check", str(wheels[-1])],
        check=True,
    )
    return wheels[-1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Builds a sample site once per module; built(name, build) returns what build returned."""
    done = {}

    def get(name, build):
        if name not in done:
            dest = tmp_path_factory.mktemp("built") / name
            shutil.copytree(SITES / name, dest)
            done[name] = build(dest)
        return done[name]

    return get


@pytest.fixture
def site(tmp_path):
    """A fresh copy of a sample site: site("sphinx") or site("mkdocs")."""

    def copy(name: str, copy_name: str | None = None) -> Path:
        dest = tmp_path / (copy_name or name)
        shutil.copytree(SITES / name, dest)
        return dest

    return copy


def run(args, cwd=None):
    """Runs a docs build with this venv's Python; returns (exit code, stdout + stderr)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's banner is noise here
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    return done.returncode, done.stdout + done.stderr
