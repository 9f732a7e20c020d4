"""The installed distribution owns one import name, so it lives beside any other package.

PyPI has distributions with top-level `cli`, `search` and `index` packages; a stand-in
for them is installed into the same fresh venv as the wheel built from this tree.
Dependencies are borrowed from the test venv (a .pth line), so nothing is downloaded.
"""
from __future__ import annotations

import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support import REPO

STAND_IN_PACKAGES = ("cli", "search", "index")


def _run(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)


def _copy_of_tree(target: Path) -> Path:
    """Setuptools builds in the source folder; a copy keeps build/ out of the checkout."""
    skip = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "papers-data", "work", "__pycache__")
    shutil.copytree(REPO, target, ignore=skip)
    return target


def _wheel(source: Path, out: Path, name: str) -> Path:
    done = _run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, source)
    assert done.returncode == 0, done.stderr
    return next(out.glob(f"{name}-*.whl"))


def _stand_in(tmp: Path) -> Path:
    source = tmp / "stand-in"
    for name in STAND_IN_PACKAGES:
        (source / name).mkdir(parents=True)
        (source / name / "__init__.py").write_text(f'"""Another distribution\'s top-level {name}."""\n')
    (source / "setup.py").write_text(
        "from setuptools import setup\n"
        f"setup(name='stand-in', version='1.0', packages={list(STAND_IN_PACKAGES)!r})\n"
    )
    return _wheel(source, tmp / "wheels", "stand_in")


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("install")
    return _wheel(_copy_of_tree(tmp / "tree"), tmp / "wheels", "panel_papers"), _stand_in(tmp), tmp


def test_the_wheel_installs_one_top_level_name(wheels):
    ours, _, _ = wheels
    with zipfile.ZipFile(ours) as wheel:
        top_level = next(n for n in wheel.namelist() if n.endswith("top_level.txt"))
        assert wheel.read(top_level).decode().split() == ["panel_papers"]
        roots = {name.split("/")[0] for name in wheel.namelist()}
    assert roots == {"panel_papers", ours.name.split("-py")[0] + ".dist-info"}


@pytest.mark.parametrize("order", ["stand-in first", "papers first"])
def test_papers_survives_another_distribution_beside_it(wheels, order):
    ours, theirs, tmp = wheels
    venv = tmp / order.replace(" ", "-")
    assert _run(sys.executable, "-m", "venv", venv).returncode == 0
    python, papers = venv / "bin" / "python", venv / "bin" / "papers"
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip()
    Path(purelib, "borrowed-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    first, second = (theirs, ours) if order == "stand-in first" else (ours, theirs)
    for wheel in (first, second):
        done = _run(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel)
        assert done.returncode == 0, done.stderr

    assert _run(papers, "--help", cwd=tmp).returncode == 0
    assert _run(python, "-c", "import cli, search, index", cwd=tmp).returncode == 0  # theirs still work too
    assert _run(python, "-m", "pip", "uninstall", "-y", "-q", "stand-in").returncode == 0
    after = _run(papers, "--help", cwd=tmp)
    assert after.returncode == 0, after.stderr
    assert "ingest" in after.stdout
    assert _run(python, "-m", "panel_papers", "--version", cwd=tmp).stdout.startswith("papers, version")
