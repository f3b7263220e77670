"""Writes crate/src/script/stdlib_names.txt: CPython 3.11's standard-library module names and the
public names of the modules SessionLab provides, so that a module or name SessionLab lacks is
`NotImplementedError` by name, not a `ModuleNotFoundError`/`AttributeError` that reads as a typo
in the script. Run with CPython 3.11:

    python3.11 scripts/record_stdlib_names.py
"""
import importlib
import pathlib
import sys

# The modules SessionLab provides (crate/src/script/modules.rs); their missing names are listed.
PROVIDED = """abc collections collections.abc contextlib copy dataclasses datetime decimal enum
functools itertools json logging math operator pprint random statistics string sys textwrap time
timeit typing unittest uuid warnings""".split()


def public(mod):
    """The names `from mod import name` finds, without the modules it imported for itself."""
    out = []
    for name in sorted(dir(mod)):
        if name.startswith("_"):
            continue
        obj = getattr(mod, name)
        if type(obj).__name__ == "module" and not obj.__name__.startswith(mod.__name__ + "."):
            continue
        out.append(name)
    return out


assert sys.version_info[:2] == (3, 11), "record with CPython 3.11"
lines = [f"# CPython {sys.version.split()[0]}: module: public names (scripts/record_stdlib_names.py)"]
lines.append("*: " + " ".join(sorted(n for n in sys.stdlib_module_names if not n.startswith("_"))))
for m in PROVIDED:
    lines.append(f"{m}: {' '.join(public(importlib.import_module(m)))}")
out = pathlib.Path(__file__).resolve().parent.parent / "crate/src/script/stdlib_names.txt"
out.write_text("\n".join(lines) + "\n")
print(f"wrote {out} ({out.stat().st_size} bytes)")
