"""SessionLab for documentation sites: runnable SQLAlchemy examples in Sphinx and MkDocs pages.

``extensions = ["sessionlab.sphinx"]`` in a Sphinx ``conf.py``; ``plugins: [sessionlab]`` in
``mkdocs.yml``. The package carries the built engine and the ``<session-lab>`` element.
"""

try:
    from ._version import __version__
except ImportError:  # a source checkout: `npm run build` writes _version.py into the package
    __version__ = "0+unknown"
