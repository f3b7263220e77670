"""Build-time rendering: examples run in the package's engine through Node (``bin/sessionlab.mjs
render --json``), one process per docs build, so the wasm compiles once."""

from __future__ import annotations

import atexit
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

#: Where the built web assets live inside the installed package.
ASSETS = Path(__file__).parent / "assets"
#: The render command, shipped with the assets (it imports ``../web/lab.js``).
RENDER_SCRIPT = ASSETS / "bin" / "sessionlab.mjs"
#: The oldest Node that runs the engine (``web/lab.js`` needs Node ≥ 20).
MIN_NODE = 20


class AssetsMissing(RuntimeError):
    """The package was built without the web assets (a plain source checkout)."""


def assets_dir() -> Path:
    """The directory holding ``web/`` and ``index.html``; raises when the package lacks them."""
    if not (ASSETS / "web" / "element.js").is_file():
        raise AssetsMissing(
            f"sessionlab's web assets are missing from {ASSETS}: install the wheel that "
            "`npm run build` writes to dist/python/ (a source checkout has no built engine)"
        )
    return ASSETS


@dataclass
class Failure:
    """One strategy of an example that raised during the build."""

    name: str
    type: str
    message: str
    line: int | None
    phase: str  # "setup" or "strategy"


@dataclass
class Rendered:
    """An example's static HTML and what raised."""

    html: str
    failures: list[Failure] = field(default_factory=list)


def find_node(configured: str | None = None) -> tuple[str | None, str]:
    """The Node executable to use and, when there is none usable, why."""
    node = configured or os.environ.get("SESSIONLAB_NODE") or shutil.which("node")
    if not node:
        return None, "no `node` on PATH"
    try:
        out = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30)
    except OSError as err:
        return None, f"`{node}` cannot run ({err})"
    match = re.match(r"v(\d+)\.", out.stdout.strip())
    if out.returncode != 0 or not match:
        return None, f"`{node} --version` gave no version"
    if int(match.group(1)) < MIN_NODE:
        return None, f"Node {out.stdout.strip()} is older than {MIN_NODE}"
    return node, ""


class Renderer:
    """A running ``sessionlab render --json``: one workspace in, one static block out."""

    def __init__(self, node: str):
        script = assets_dir() / "bin" / "sessionlab.mjs"
        self._proc = subprocess.Popen(
            [node, str(script), "render", "--json"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        atexit.register(self.close)

    def render(self, setup: str | None, strategies: list[tuple[str, str]], rows: int) -> Rendered:
        """Runs each strategy after the setup and returns the example's static HTML."""
        request = {
            "setup": setup,
            "strategies": [{"name": n, "source": s} for n, s in strategies],
            "rows": rows,
        }
        proc = self._proc
        if proc.poll() is not None or proc.stdin is None or proc.stdout is None:
            raise RuntimeError("the sessionlab render process has stopped")
        proc.stdin.write(json.dumps(request) + "\n")
        proc.stdin.flush()
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the sessionlab render process stopped without answering")
        answer = json.loads(line)
        if answer.get("error"):
            raise RuntimeError(f"sessionlab render: {answer['error']}")
        return Rendered(
            html=answer["html"],
            failures=[Failure(**f) for f in answer.get("failures", [])],
        )

    def close(self) -> None:
        """Ends the Node process (it exits when its input closes)."""
        proc = self._proc
        if proc.poll() is None:
            if proc.stdin:
                proc.stdin.close()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if proc.stdout:
            proc.stdout.close()
