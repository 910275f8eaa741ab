"""`python -m kroniek` is the `kroniek` command."""
from .cli import main

main()
