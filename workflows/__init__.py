"""Package data, not code: installed as ``governance._workflows`` (see pyproject.toml).

The ``__init__`` makes it a regular package so editable installs resolve it too.
The workflows themselves are the ``*.yml`` files beside it.
"""
