"""Package data, not code: installed as ``governance._templates`` (see pyproject.toml).

The ``__init__`` makes it a regular package so editable installs resolve it too.
"""
