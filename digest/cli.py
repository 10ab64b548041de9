"""The command line: the only place that writes files, configures logging and draws progress."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from digest.errors import DigestError

log = logging.getLogger("digest")
FORMATS = ("md", "json", "html")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Turn several news articles about one story into a cited briefing.",
    )
    parser.add_argument("--version", action="version", version="digest 0.1.0")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a briefing: key points, timeline, sources")
    b.add_argument("paths", nargs="+", help="article files, directories or glob patterns")
    b.add_argument("-o", "--output", help="write here instead of standard output (written whole or not at all)")
    b.add_argument("--format", choices=FORMATS, help="output format (default: from -o's extension, else md)")
    b.add_argument("--as-of", type=_date, metavar="DATE", help="reference date for relative dates (YYYY-MM-DD)")
    b.add_argument("--max-points", type=_positive, metavar="N", help="number of key points (default 8)")
    b.add_argument("--model", metavar="NAME_OR_PATH", help="sentence-transformers model (default: packaged MiniLM)")
    b.add_argument(
        "--show-single-source", action="store_true", help="list statements only one independent source makes"
    )
    b.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    return parser


def _format_for(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        return (
            {"markdown": "md", "htm": "html"}.get(suffix, suffix) if suffix in (*FORMATS, "markdown", "htm") else "md"
        )
    return "md"


class _Progress:
    """A one-line progress display on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / total) if total else width
        elapsed = time.monotonic() - self.started
        sys.stderr.write(f"\r{stage:<12} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} {elapsed:5.1f}s")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def write_atomic(path: str, text: str) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise DigestError(f"{path}: output folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DigestError(f"{path}: cannot write output ({exc.strerror or exc})") from None


def cmd_build(args: argparse.Namespace) -> int:
    import digest
    from digest.config import Config

    fmt = _format_for(args)
    config = Config().with_options(
        as_of=args.as_of,
        max_points=args.max_points,
        model=args.model,
        show_single_source=args.show_single_source or None,
    )
    progress = _Progress(not args.no_progress)
    started = time.monotonic()
    briefing = digest.build(args.paths, config, progress=progress)
    text = {"md": briefing.to_markdown, "json": briefing.to_json, "html": briefing.to_html}[fmt]()
    log.info("built briefing from %d articles in %.1fs", len(briefing.articles), time.monotonic() - started)
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="digest: %(message)s", stream=sys.stderr)
    try:
        return cmd_build(args)
    except DigestError as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("digest: interrupted; nothing was written", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
