# A small Sphinx site using sessionlab (built by integrations/python/tests/test_sphinx.py).
project = "SessionLab sample"
extensions = ["sessionlab.sphinx"]
html_theme = "furo"
# Code blocks with `:class: sessionlab` are runnable in place.
sessionlab_code_blocks = "class"
exclude_patterns = ["_build"]
