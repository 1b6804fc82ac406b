"""`python -m workshop`: the same as the `workshop` command."""

from workshop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
