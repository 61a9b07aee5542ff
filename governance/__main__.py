"""Entry point: ``python -m governance`` and the ``governance`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    from governance.cli import main as cli_main

    sys.exit(cli_main())


if __name__ == "__main__":
    main()
