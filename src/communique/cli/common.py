"""Options and output helpers shared by every command (``--db``, ``--format``)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes (STYLE.md): 0 all fine, 1 some inputs failed, 2 usage error.
EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


def db_option(func: F) -> F:
    """``--db FILE``: the SQLite database (default ./communique.db or $COMMUNIQUE_DB)."""
    return click.option(
        "--db",
        "db_path",
        default="communique.db",
        envvar="COMMUNIQUE_DB",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite database file.",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """``--format``: table on a terminal, or a machine format."""

    def deco(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(choices)),
            default=default,
            show_default=True,
            help="Output format.",
        )(func)

    return deco


def echo_err(message: str) -> None:
    """One line on stderr (logs and errors never go to stdout)."""
    click.echo(message, err=True)


def write_jsonl(rows: Iterable[dict[str, Any]]) -> None:
    """JSON Lines on stdout, UTF-8, one object a line."""
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """CSV with a header on stdout; nested values as JSON."""
    writer = csv.writer(sys.stdout)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [
                json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                for v in (row.get(c) for c in columns)
            ]
        )


def write_table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], max_width: int = 48
) -> None:
    """A plain aligned text table for people at a terminal."""

    def cell(v: Any) -> str:
        s = (
            ""
            if v is None
            else (", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v))
        )
        s = " ".join(s.split())
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def progress(iterable: Iterable[Any], label: str, total: int | None = None) -> Iterable[Any]:
    """A progress bar on stderr when stderr is a terminal; the bare iterable otherwise."""
    if not sys.stderr.isatty():
        return iterable
    from tqdm import tqdm

    bar: Iterable[Any] = tqdm(iterable, desc=label, total=total, unit="doc", file=sys.stderr)
    return bar


def _check_scheduler(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.startswith(("tcp://", "tls://")):
        raise click.BadParameter("give the scheduler as tcp://HOST:PORT")
    return value


def engine_options(func: F) -> F:
    """``--engine local|dask``, ``--scheduler tcp://HOST:PORT``, ``--workers N``
    (see :mod:`communique.runners`)."""
    func = click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=2,
        show_default=True,
        help="Dask: worker processes of the local cluster (one thread each).",
    )(func)
    func = click.option(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        callback=_check_scheduler,
        help="Dask: use this scheduler instead of a local cluster on 127.0.0.1.",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="Run the per-document stages here (local) or on Dask workers (dask).",
    )(func)
