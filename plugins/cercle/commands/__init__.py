"""The `cercle` subcommands, one module each; `cercle.cli` gathers them into one click group."""
