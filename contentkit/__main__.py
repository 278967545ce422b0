"""`python -m contentkit`: the same CLI as the `contentkit` command."""

from contentkit.cli.main import cli

if __name__ == "__main__":  # pragma: no cover - run as a program
    cli(prog_name="contentkit")
