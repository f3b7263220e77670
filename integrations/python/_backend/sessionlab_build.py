"""The package's build backend (PEP 517) and the staging step ``npm run build`` calls.

Standard library only, so building needs no download:

    python3 _backend/sessionlab_build.py stage REPO OUT_DIR   # stage, then wheel + sdist

Staging copies the package into ``target/python-package/``, puts the built site's ``web/``,
``index.html`` and the render command into ``sessionlab/assets/`` and writes the crate's version
into ``sessionlab/_version.py``; the wheel and the sdist are then built from that tree (the
sdist carries the assets, so it builds a wheel without Node or Rust).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

NAME = "sessionlab"
#: Files dated for reproducible archives (zip cannot go before 1980).
EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))


def _project(root: Path) -> dict:
    try:
        import tomllib
    except ImportError as err:  # Python < 3.11
        raise RuntimeError("building the sessionlab package needs Python ≥ 3.11 (tomllib)") from err
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _version(root: Path) -> str:
    text = (root / "src" / NAME / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if not match:
        raise RuntimeError("src/sessionlab/_version.py has no __version__ (stage the package first)")
    return match.group(1)


def _metadata(root: Path) -> str:
    project = _project(root)
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {_version(root)}",
        f"Summary: {project['description']}",
        f"License: {project['license']}",
        f"Requires-Python: {project['requires-python']}",
    ]
    for extra, requirements in project.get("optional-dependencies", {}).items():
        lines.append(f"Provides-Extra: {extra}")
        lines += [f'Requires-Dist: {r}; extra == "{extra}"' for r in requirements]
    lines.append("Description-Content-Type: text/markdown")
    readme = (root / project["readme"]).read_text(encoding="utf-8")
    return "\n".join(lines) + "\n\n" + readme


def _entry_points(root: Path) -> str:
    out = []
    for group, entries in _project(root).get("entry-points", {}).items():
        out.append(f"[{group}]")
        out += [f"{k} = {v}" for k, v in entries.items()]
        out.append("")
    return "\n".join(out)


def _package_files(root: Path):
    """(path in the archive, file) for every file of the package, sorted."""
    src = root / "src"
    for path in sorted((src / NAME).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            yield path.relative_to(src).as_posix(), path


def _zipinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _digest(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _wheel_name(root: Path) -> str:
    return f"{NAME}-{_version(root)}-py3-none-any.whl"


# ── PEP 517 hooks ──────────────────────────────────────────────────────────────────────────


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    root = Path.cwd()
    info = Path(metadata_directory) / f"{NAME}-{_version(root)}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata(root), encoding="utf-8")
    (info / "entry_points.txt").write_text(_entry_points(root), encoding="utf-8")
    return info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    root = Path.cwd()
    if not (root / "src" / NAME / "assets" / "web" / "element.js").is_file():
        raise RuntimeError("the package has no web assets: build it with `npm run build`")
    dist_info = f"{NAME}-{_version(root)}.dist-info"
    records = []
    target = Path(wheel_directory) / _wheel_name(root)
    with zipfile.ZipFile(target, "w") as wheel:

        def add(name: str, data: bytes) -> None:
            wheel.writestr(_zipinfo(name), data)
            records.append(f"{name},{_digest(data)},{len(data)}")

        for name, path in _package_files(root):
            add(name, path.read_bytes())
        add(f"{dist_info}/METADATA", _metadata(root).encode())
        add(f"{dist_info}/entry_points.txt", _entry_points(root).encode())
        add(f"{dist_info}/licenses/LICENSE", (root / "LICENSE").read_bytes())
        wheel_meta = "Wheel-Version: 1.0\nGenerator: sessionlab_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        add(f"{dist_info}/WHEEL", wheel_meta.encode())
        records.append(f"{dist_info}/RECORD,,")
        wheel.writestr(_zipinfo(f"{dist_info}/RECORD"), "\n".join(records) + "\n")
    return target.name


def build_sdist(sdist_directory, config_settings=None):
    root = Path.cwd()
    base = f"{NAME}-{_version(root)}"
    target = Path(sdist_directory) / f"{base}.tar.gz"
    files = [("pyproject.toml", root / "pyproject.toml"), ("README.md", root / "README.md")]
    files += [("LICENSE", root / "LICENSE"), ("_backend/sessionlab_build.py", root / "_backend" / "sessionlab_build.py")]
    files += [(f"src/{name}", path) for name, path in _package_files(root)]
    with tarfile.open(target, "w:gz", format=tarfile.PAX_FORMAT) as tar:

        def add(name: str, data: bytes) -> None:
            info = tarfile.TarInfo(f"{base}/{name}")
            info.size, info.mtime, info.mode = len(data), EPOCH, 0o644
            tar.addfile(info, io.BytesIO(data))

        for name, path in files:
            add(name, path.read_bytes())
        add("PKG-INFO", _metadata(root).encode())
    return target.name


# ── staging (npm run build) ────────────────────────────────────────────────────────────────


def _crate_version(repo: Path) -> str:
    text = (repo / "crate" / "Cargo.toml").read_text(encoding="utf-8")
    match = re.search(r'^\[package\][^\[]*?^version = "([^"]+)"', text, re.M | re.S)
    if not match:
        raise RuntimeError("crate/Cargo.toml has no [package] version")
    return match.group(1)


def stage(repo: Path, out: Path) -> list[str]:
    """Stages the package with the built site's assets and builds the wheel and sdist into out."""
    site = repo / "dist"
    if not (site / "web" / "pkg").is_dir():
        raise RuntimeError(f"{site} has no built engine (web/pkg): build the site first")
    source = repo / "integrations" / "python"
    staged = repo / "target" / "python-package"
    shutil.rmtree(staged, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "assets", "_version.py", "tests")
    shutil.copytree(source, staged, ignore=ignore)
    shutil.copy2(repo / "LICENSE", staged / "LICENSE")
    package = staged / "src" / NAME
    assets = package / "assets"
    shutil.copytree(site / "web", assets / "web", ignore=shutil.ignore_patterns("demo.html"))
    shutil.copy2(site / "index.html", assets / "index.html")
    (assets / "bin").mkdir()
    shutil.copy2(repo / "bin" / "sessionlab.mjs", assets / "bin" / "sessionlab.mjs")
    # The web modules are ES modules; Node reads `.js` as CommonJS without this.
    (assets / "package.json").write_text(json.dumps({"type": "module", "private": True}) + "\n")
    version = _crate_version(repo)
    (package / "_version.py").write_text(f'"""The crate\'s version."""\n\n__version__ = "{version}"\n')
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob(f"{NAME}-*"):
        old.unlink()
    cwd = Path.cwd()
    os.chdir(staged)
    try:
        return [build_wheel(str(out)), build_sdist(str(out))]
    finally:
        os.chdir(cwd)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "stage":
        sys.exit("usage: sessionlab_build.py stage REPO OUT_DIR")
    try:
        built = stage(Path(sys.argv[2]).resolve(), Path(sys.argv[3]).resolve())
    except RuntimeError as err:
        sys.exit(f"sessionlab_build: {err}")
    print("\n".join(built))
