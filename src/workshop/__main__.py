"""`python -m workshop`: the same as the `workshop` command."""

from workshop.cli import run

if __name__ == "__main__":
    run()
