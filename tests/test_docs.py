"""Docs that cannot drift: README transcripts and every example in README and `--help` run against the corpus.

A README block whose lines start with "$ papers" is a transcript: each command
runs in order (the first, `papers ingest corpus/`, into a fresh store) and its
output must be what follows it, but for the ingest timing; a line "..." stands
for any lines. Commands in ```sh blocks and under "Examples:" in `--help` must
answer (exit status 0). Examples that need other folders or write files are not run.
"""
from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

from panel_papers.cli import cli
from support import REPO

README = (REPO / "README.md").read_text()
SHARED = (REPO / "../shared/realcorpus").resolve()
_TIMING = re.compile(r"in [\d.]+s \([\d.]+ pages/s\)")
# BM25 scores move with every record added to the index; the hits and their order are what the docs promise.
_SCORE = re.compile(r"\(score [\d.]+\)")
_NOT_RUN = re.compile(r"(^|\s)(ingest|rebuild)\s|\sserve\b|~/|/mnt/|\s-o\s|\s>\s|--plot|^PAPERS_HOME=|^make\b")


def run(line: str, home) -> tuple[int, str]:
    """One `papers ...` command line as a user types it, with `| grep -v '^ '` or `| head -N` applied."""
    command, _, pipe = line.partition(" | ")
    args = shlex.split(command)
    assert args[0] == "papers", line
    result = CliRunner().invoke(cli, args[1:], env={"PAPERS_HOME": str(home)}, catch_exceptions=False)
    lines = result.output.rstrip("\n").split("\n")
    if pipe.startswith("grep -v '^ '"):
        lines = [x for x in lines if not x.startswith(" ")]
    elif pipe.startswith("head"):
        lines = lines[: int(re.search(r"\d+", pipe).group())]
    return result.exit_code, "\n".join(lines)


def fenced(text: str) -> list[tuple[str, str]]:
    """(language, content) of every fenced block."""
    blocks, language, lines = [], None, []
    for line in text.split("\n"):
        if line.startswith("```"):
            if language is None:
                language, lines = line[3:].strip(), []
            else:
                blocks.append((language, "\n".join(lines) + "\n"))
                language = None
        elif language is not None:
            lines.append(line)
    return blocks


def transcripts(text: str) -> list[list[tuple[str, str]]]:
    """README blocks of "$ papers ..." lines, each as (command, expected output) pairs."""
    found = []
    for language, block in fenced(text):
        if language or not block.startswith("$ papers"):
            continue
        steps = re.split(r"^\$ ", block, flags=re.M)[1:]
        found.append([(step.split("\n", 1)[0], step.split("\n", 1)[1].rstrip("\n")) for step in steps])
    return found


def example_commands(text: str) -> list[str]:
    """`papers ...` lines of sh blocks and of Examples: sections, comments dropped, && split."""
    lines = []
    blocks = [block for language, block in fenced(text) if language == "sh"]
    blocks += re.findall(r"(?:Examples?|Quick start):\n(.*?)(?:\n\n|$)", text, flags=re.S)
    for block in blocks:
        for raw in block.splitlines():
            line = _without_comment(raw.strip())
            lines += [part.strip() for part in line.split("&&")] if line else []
    return [line for line in lines if line.startswith("papers ") and _runnable(line)]


def _without_comment(line: str) -> str:
    """The command before a trailing # comment (a # inside quotes is kept)."""
    quoted = False
    for i, char in enumerate(line):
        if char in "'\"":
            quoted = not quoted
        elif char == "#" and not quoted and (i == 0 or line[i - 1] == " "):
            return line[:i].rstrip()
    return line


def _runnable(line: str) -> bool:
    if "../shared" in line and not SHARED.is_dir():
        return False
    return not _NOT_RUN.search(line)


def _normal(line: str) -> str:
    return _SCORE.sub("(score S)", _TIMING.sub("in T", line.rstrip()))


def _same(expected: str, actual: str) -> bool:
    """Line by line; "..." in expected matches any run of lines."""
    pattern = "\n".join(".*?" if line == "..." else re.escape(_normal(line)) for line in expected.split("\n"))
    actual = "\n".join(_normal(line) for line in actual.split("\n"))
    return re.fullmatch(pattern, actual, flags=re.S) is not None


@pytest.fixture(scope="module")
def home(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.chdir(REPO)  # examples name corpus/ as a user in the repository would
    return tmp_path_factory.mktemp("docs") / "home"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def ingested(home):
    if not (home / "papers.db").exists():
        assert run("papers ingest corpus/", home)[0] == 0
    return home


def test_readme_transcripts_are_what_the_commands_print(home, tmp_path_factory):
    blocks = transcripts(README)
    assert blocks and blocks[0][0][0] == "papers ingest corpus/"
    for block in blocks:
        store = home
        if block[0][0].startswith("papers ingest ../shared"):
            if not SHARED.is_dir():
                continue  # other bodies' papers, not shipped: run where ../shared is beside the clone
            store = tmp_path_factory.mktemp("realcorpus") / "home"
        for command, expected in block:
            _, actual = run(command, store)
            assert _same(expected, actual), f"$ {command}\n--- README says:\n{expected}\n--- it prints:\n{actual}"


def test_readme_examples_answer(ingested):
    commands = example_commands(README)
    assert len(commands) > 20
    failing = {c: run(c, ingested) for c in commands}
    assert not {c: r for c, r in failing.items() if r[0] != 0}


def test_help_examples_answer(ingested):
    helps = [cli.help or ""] + [command.help or "" for command in cli.commands.values()]
    commands = [c for text in helps for c in example_commands(text)]
    assert len(commands) > 30
    failing = {c: run(c, ingested) for c in commands}
    assert not {c: r for c, r in failing.items() if r[0] != 0}
