"""`python -m panel_papers` is the `papers` command."""
from .cli import main

main()
