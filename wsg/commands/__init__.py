"""One module per command: a plain function that returns an exit code."""
