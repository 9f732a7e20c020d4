"""`papers serve`: a read-only web page over the store for officers, on the same calls as the CLI."""
