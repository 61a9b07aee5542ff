"""Size of the default install: a fresh venv, ``pip install <this checkout>``, site-packages.

    python benchmarks/install_size.py [--keep DIR]

Prints the total size of the new venv's site-packages (what the default install brings,
without pip/setuptools, which every venv has) and its largest distributions. The training
extra (torch) is never part of it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ("pip", "setuptools", "_distutils_hack", "distutils-precedence.pth", "pkg_resources")


def tree_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def measure(target: Path) -> int:
    venv.EnvBuilder(with_pip=True).create(target)
    python = target / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir",
                    str(ROOT)], check=True)
    site = next((target / "lib").glob("python3*/site-packages"))
    entries = {p.name: tree_bytes(p) for p in site.iterdir()
               if not p.name.startswith(BASELINE) and p.name != "__pycache__"}
    packages = {name: size for name, size in entries.items() if not name.endswith(
        (".dist-info", ".pth"))}
    total = sum(entries.values())
    print(f"default install, site-packages without pip/setuptools: {total / 2**20:.1f} MiB "
          f"({len(packages)} top-level entries)")
    largest = sorted(packages.items(), key=lambda kv: -kv[1])[:8]
    print("  largest: " + ", ".join(f"{k} {v / 2**20:.1f}" for k, v in largest) + " MiB")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build the venv here and keep it")
    args = parser.parse_args()
    if args.keep:
        measure(args.keep)
        return 0
    with tempfile.TemporaryDirectory(prefix="governance-install-") as tmp:
        measure(Path(tmp) / "venv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
