"""The built package: the wheel and sdist `npm run build` writes to dist/python."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile

from conftest import REPO


def crate_version():
    text = (REPO / "crate" / "Cargo.toml").read_text()
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def test_wheel_carries_the_built_assets_and_the_crate_version(installed_wheel):
    version = crate_version()
    assert installed_wheel.name == f"sessionlab-{version}-py3-none-any.whl"
    names = zipfile.ZipFile(installed_wheel).namelist()
    for wanted in (
        "sessionlab/sphinx.py",
        "sessionlab/mkdocs.py",
        "sessionlab/static/docs.js",
        "sessionlab/assets/web/element.js",
        "sessionlab/assets/web/worker.js",
        "sessionlab/assets/web/pkg/sessionlab_bg.wasm",
        "sessionlab/assets/web/bundle/editor.js",
        "sessionlab/assets/bin/sessionlab.mjs",
        "sessionlab/assets/index.html",
        f"sessionlab-{version}.dist-info/entry_points.txt",
    ):
        assert wanted in names, wanted
    entry_points = zipfile.ZipFile(installed_wheel).read(f"sessionlab-{version}.dist-info/entry_points.txt").decode()
    assert "sessionlab = sessionlab.mkdocs:SessionLabPlugin" in entry_points
    import sessionlab

    assert sessionlab.__version__ == version


def test_sdist_builds_the_same_wheel_without_node_or_network(tmp_path):
    sdist = next((REPO / "dist" / "python").glob("sessionlab-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        assert f"sessionlab-{crate_version()}/src/sessionlab/assets/web/pkg/sessionlab_bg.wasm" in tar.getnames()
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-index", "-w", str(tmp_path), str(sdist)],
        check=True,
    )
    built = next(tmp_path.glob("*.whl"))
    wheel = next((REPO / "dist" / "python").glob("sessionlab-*.whl"))
    assert sorted(zipfile.ZipFile(built).namelist()) == sorted(zipfile.ZipFile(wheel).namelist())
