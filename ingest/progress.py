"""Progress on a terminal (a bar), or nothing but messages when piped."""
from __future__ import annotations

import sys
import time

from tqdm import tqdm

from .pipeline import Progress


class BarProgress(Progress):
    def __init__(self):
        self.bar: tqdm | None = None
        self.pages = 0
        self.started = time.perf_counter()

    def start(self, files: int) -> None:
        self.started = time.perf_counter()
        if files:
            self.bar = tqdm(total=files, unit="file", file=sys.stderr, dynamic_ncols=True)

    def advance(self, pages: int) -> None:
        self.pages += pages
        if self.bar:
            rate = self.pages / max(time.perf_counter() - self.started, 1e-6)
            self.bar.set_postfix_str(f"{self.pages} pages, {rate:.0f} pages/s", refresh=False)
            self.bar.update(1)

    def message(self, text: str) -> None:
        (self.bar.write if self.bar else print)(text, file=sys.stderr)

    def close(self) -> None:
        if self.bar:
            self.bar.close()
            self.bar = None


class PlainProgress(Progress):
    def message(self, text: str) -> None:
        print(text, file=sys.stderr)


def make_progress(quiet: bool) -> Progress:
    return BarProgress() if sys.stderr.isatty() and not quiet else PlainProgress()
