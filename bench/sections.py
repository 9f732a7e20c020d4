"""BENCHMARKS.md is written by several scripts: each owns one section between its markers."""
from __future__ import annotations

from pathlib import Path


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}: bench/{name.replace('-', '_')}.py writes this section -->", f"<!-- /{name} -->"


def write_section(path: Path, name: str, lines: list[str]) -> None:
    start, end = markers(name)
    text = path.read_text() if path.exists() else ""
    block = "\n".join([start, *lines, end])
    if start in text:
        before, _, rest = text.partition(start)
        text = before + block + rest.partition(end)[2]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
