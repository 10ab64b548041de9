"""The command line: the only place that writes files, configures logging and draws progress."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from digest.config import PRECISIONS
from digest.errors import ConfigError, DigestError, OutputError, named

if TYPE_CHECKING:
    from digest.cache import CachedCleaning, CachedSegments, CachedTimexes
    from digest.config import Config
    from digest.embed import Embedder
    from digest.types import Briefing

log = logging.getLogger("digest")
FORMATS = ("md", "json", "html")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", text):  # the form, but no such day: "2025-02-30"
            raise argparse.ArgumentTypeError(f"{text!r} is no date: {exc}") from None
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in YYYY-MM-DD form") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be at least 1")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse's parser, exiting with digest's code for a bad option (3), not argparse's 2, which
    digest gives bad input."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(ConfigError.exit_code, f"{self.prog}: error: {message}\n")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="digest",
        description="Turn several news articles about one story into a cited briefing.",
    )
    parser.add_argument("--version", action="version", version="digest 0.1.0")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a briefing: key points, disagreements, timeline, sources")
    _common_options(b)
    b.add_argument("--max-points", type=_positive, metavar="N", help="number of key points (default 8)")
    b.add_argument(
        "--show-single-source", action="store_true", help="list statements only one independent source makes"
    )
    b.add_argument(
        "--llm",
        metavar="MODEL_ID",
        help="rewrite the title, key points and timeline entries with this llm model (e.g. SmolLM2); "
        "only sentences that pass the grounding check are used",
    )
    b.add_argument("--prompts", metavar="DIR", help="prompt templates for --llm (default: the packaged prompts)")
    b.add_argument("--llm-cache", metavar="FILE", help="cache of LLM answers (SQLite): re-runs cost nothing")
    t = sub.add_parser(
        "timeline",
        help="timeline of a collection: the L most important days (for a few or undated articles, "
        "months and years fill what the days leave)",
    )
    _common_options(t)
    t.add_argument("--max-dates", type=_positive, metavar="L", help="number of dates (default 10)")
    t.add_argument("--per-date", type=_positive, metavar="K", help="sentences per date (default 1)")
    t.add_argument(
        "--start",
        type=_date,
        metavar="DATE",
        help="leave out articles published before DATE, and dates before it (undated articles are kept)",
    )
    t.add_argument(
        "--end",
        type=_date,
        metavar="DATE",
        help="leave out articles published after DATE, and dates after it (undated articles are kept)",
    )
    t.add_argument(
        "--keywords",
        nargs="+",
        metavar="W",
        help="keep only sentences containing one of these words (default: the words most articles use)",
    )
    return parser


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="article files, directories or glob patterns")
    p.add_argument("-o", "--output", help="write here instead of standard output (written whole or not at all)")
    p.add_argument(
        "--format", choices=FORMATS, help="output format (default: from -o's extension: .md, .json, .html; else md)"
    )
    p.add_argument("--model", metavar="NAME_OR_PATH", help="sentence-transformers model (default: packaged MiniLM)")
    p.add_argument(
        "--precision",
        choices=PRECISIONS,
        help="how the model computes (default: auto, bfloat16 where the CPU has it natively, else float32)",
    )
    p.add_argument("--cache", metavar="FILE", help="embedding cache (SQLite): re-runs embed only new sentences")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument(
        "--skip-unusable",
        action="store_true",
        help="leave out documents with no usable sentences (link lists, bare timestamps, pages not in English), "
        "named in a warning and in the output, instead of stopping",
    )
    p.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="reference date for relative dates (YYYY-MM-DD); default: publication dates, else inferred",
    )


# An output file's extension and the format it names; a name without one is Markdown.
_EXTENSIONS = {"": "md", "md": "md", "markdown": "md", "txt": "md", "json": "json", "html": "html", "htm": "html"}


def _format_for(args: argparse.Namespace) -> str:
    """The output format: ``--format``, else the one ``-o``'s extension names, else Markdown. An
    extension that names none ("-o briefing.pdf") is an error, before any work."""
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix not in _EXTENSIONS:
            raise ConfigError(
                f"{args.output}: digest writes Markdown (.md), JSON (.json) or HTML (.html), not .{suffix};"
                " name the file so, or give --format"
            )
        return _EXTENSIONS[suffix]
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


def _output_target(path: str) -> Path:
    """The file ``path`` names, through any symbolic link: not a folder, in a folder that exists."""
    target = Path(os.path.realpath(path))
    if target.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    if not target.parent.is_dir():
        raise OutputError(f"{path}: output folder {Path(path).parent} does not exist")
    return target


def check_output(path: str, inputs: Sequence[str]) -> None:
    """Before any work: the output's folder exists, and the output is none of the inputs."""
    target = _output_target(path)
    from digest.ingest import expand_paths

    try:
        files = expand_paths(inputs)
    except DigestError:  # bad inputs are reported by the reader, naming them
        return
    if any(os.path.realpath(p) == str(target) for p in files) and not _is_a_briefing(target):
        raise OutputError(f"{path}: is one of the input files; write the briefing elsewhere")


def _is_a_briefing(path: Path) -> bool:
    """Whether a file is a briefing digest wrote (replacing it is what re-running is for)."""
    from digest.ingest import is_briefing

    try:
        return is_briefing(path, path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def write_atomic(path: str, text: str) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename. A
    symbolic link's target is written, not the link replaced; a file keeps its permissions (a new
    one gets the umask's); a target that is not a regular file (a FIFO, /dev/stdout) is written
    directly, never replaced."""
    target = _output_target(path)
    data = text.encode("utf-8")
    if target.exists() and not target.is_file():
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write output ({exc.strerror or exc})") from None
        return
    tmp: str | None = None
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except (OSError, UnicodeError) as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"{path!r}: cannot write output ({detail})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def cmd_build(args: argparse.Namespace) -> int:
    import digest
    from digest.config import Config
    from digest.pipeline import Components

    config = Config().with_options(
        as_of=args.as_of,
        max_points=args.max_points,
        model=args.model,
        precision=args.precision,
        show_single_source=args.show_single_source or None,
        cache_path=args.cache,
        skip_unusable=args.skip_unusable or None,
    )
    if args.prompts and not args.llm:
        raise ConfigError("--prompts needs --llm MODEL_ID")
    _format_for(args)  # an output name digest cannot write: an error before any work
    if args.output:
        check_output(args.output, args.paths)
    _warn_left_out(args.paths)
    asker = None
    if args.llm:  # an unknown model or a bad prompt template: an error before any work
        from digest.llm import load_prompts, model_asker

        load_prompts(args.prompts)
        asker = model_asker(args.llm)
    progress = _Progress(not args.no_progress)
    with _embedder(config) as embedder, _tagger(config) as tagger:
        parts = Components(embedder=embedder, resolver=tagger)
        briefing = digest.build(args.paths, config, components=parts, progress=progress)
        if args.llm:
            from digest.llm import apply_llm

            briefing = apply_llm(
                briefing,
                model_id=args.llm,
                embedder=embedder,
                prompts_dir=args.prompts,
                cache_path=args.llm_cache,
                progress=progress,
                ask=asker,
            )
    return _emit(args, briefing)


def cmd_timeline(args: argparse.Namespace) -> int:
    from digest.config import Config
    from digest.ingest import read_articles
    from digest.tls import build_timeline

    config = Config().with_options(
        max_dates=args.max_dates,
        per_date=args.per_date,
        start=args.start,
        end=args.end,
        as_of=args.as_of,
        keywords=tuple(args.keywords) if args.keywords else None,
        model=args.model,
        precision=args.precision,
        cache_path=args.cache,
        skip_unusable=args.skip_unusable or None,
    )
    _format_for(args)  # an output name digest cannot write: an error before any work
    if args.output:
        check_output(args.output, args.paths)
    _warn_left_out(args.paths)
    articles = read_articles(args.paths)
    with _embedder(config) as embedder, _tagger(config) as tagger, _text_caches(config) as (cleaner, segmenter):
        briefing = build_timeline(
            articles,
            config,
            embedder=embedder,
            find=tagger,
            clean=cleaner or True,
            segment=segmenter,
            progress=_Progress(not args.no_progress),
        )
    dates = len({e.label for e in briefing.events})
    if dates < config.max_dates:
        log.warning("warning: %s", _fewer_dates(briefing, config, dates))
    return _emit(args, briefing)


def _fewer_dates(briefing: Briefing, config: Config, dates: int) -> str:
    """Why a timeline has fewer dates than asked for: "5 of the 10 dates asked for (1 day, 4 coarser
    periods): the articles name no other date with a usable sentence"."""
    if dates:
        days = len({e.label for e in briefing.events if e.precision == "day"})
        periods = dates - days
        found = f"{dates} of the {config.max_dates} dates asked for ({days} day{'' if days == 1 else 's'}, "
        found += f"{periods} coarser period{'' if periods == 1 else 's'})"
    else:
        found = f"none of the {config.max_dates} dates asked for"
    who = "the article names" if len(briefing.articles) == 1 else "the articles name"
    why = f"{found}: {who} no {'other ' if dates else ''}date"
    if config.start or config.end:
        why += " in the window"
    why += " with a usable sentence"
    if config.keywords:
        why += f" that has one of the keywords ({', '.join(config.keywords)})"
    return why


@contextlib.contextmanager
def _embedder(config: Config) -> Iterator[Embedder]:
    """The configured embedder, behind the persistent cache when ``config.cache_path`` is set."""
    from digest.embed import SentenceTransformerEmbedder

    inner = SentenceTransformerEmbedder.from_config(config)
    if not config.cache_path:
        yield inner
        return
    from digest.cache import CachedEmbedder

    cached = CachedEmbedder(inner, config.cache_path)
    try:
        yield cached
    finally:
        cached.close()
        log.info("embedding cache: %d reused, %d computed", cached.hits, cached.misses)


@contextlib.contextmanager
def _tagger(config: Config) -> Iterator[CachedTimexes | None]:
    """The date tagger's results kept in ``config.cache_path`` beside the vectors; None without it."""
    if not config.cache_path:
        yield None
        return
    from digest.cache import CachedTimexes

    tagger = CachedTimexes(config.cache_path)
    try:
        yield tagger
    finally:
        tagger.close()
        log.info("tagging cache: %d reused, %d computed", tagger.hits, tagger.misses)


@contextlib.contextmanager
def _text_caches(config: Config) -> Iterator[tuple[CachedCleaning | None, CachedSegments | None]]:
    """Each article's cleaned text and sentence offsets kept in ``config.cache_path``; Nones without it."""
    if not config.cache_path:
        yield None, None
        return
    from digest.cache import CachedCleaning, CachedSegments

    with CachedCleaning(config.cache_path) as cleaner, CachedSegments(config.cache_path) as segmenter:
        yield cleaner, segmenter
        log.info(
            "text cache: %d articles cleaned, %d reused; %d segmented, %d reused",
            cleaner.misses,
            cleaner.hits,
            segmenter.misses,
            segmenter.hits,
        )


def _warn_left_out(paths: Sequence[str]) -> None:
    """Name the documents in the input folders that digest cannot read (PDF, Word, ...)."""
    from digest.ingest import left_out_documents

    found = left_out_documents(paths)
    if found:
        kinds = ", ".join(sorted({p.suffix.lower() for p in found}))
        log.warning(
            "warning: left out %d file%s digest cannot read (%s): %s; save them as text or HTML to include them",
            len(found),
            "" if len(found) == 1 else "s",
            kinds,
            named([str(p) for p in found]),
        )


def _future_dates(briefing: Briefing, today: dt.date) -> str | None:
    """A warning for publication dates after ``today`` (a typo's year dates "in August" years ahead),
    or ``None``."""
    late = sorted((a.published, a.path or a.id) for a in briefing.articles if a.published and a.published > today)
    if not late:
        return None
    which = named([f"{where} ({day})" for day, where in late])
    n = len(late)
    return (
        f"warning: {n} article{'' if n == 1 else 's'} published after today, {today}: {which}; "
        "relative dates resolve against the date given"
    )


def _emit(args: argparse.Namespace, briefing: Briefing) -> int:
    fmt = _format_for(args)
    for skipped in briefing.skipped:
        log.warning("warning: left out %s: %s", skipped.label, skipped.problem)
    if warning := _future_dates(briefing, dt.date.today()):  # the CLI's clock: the core never reads one
        log.warning("%s", warning)
    if briefing.stories:
        sizes = ", ".join(f"{len(s.article_ids):,}" for s in briefing.stories)
        log.warning(
            "warning: the articles tell %d separate stories (%s articles); the briefing mixes them: "
            "give each story a run of its own (see the briefing's first paragraph)",
            len(briefing.stories),
            sizes,
        )
    text = {"md": briefing.to_markdown, "json": briefing.to_json, "html": briefing.to_html}[fmt]()
    if args.output:
        write_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    log.info("wrote %s from %d articles", fmt, len(briefing.articles))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return {"build": cmd_build, "timeline": cmd_timeline}[args.command](args)
    except DigestError as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("digest: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "digest build ... | head": the reader left; not an error of digest's
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit must not fail again
        return 141


def _configure_logging(verbose: int) -> None:
    """digest's own messages on stderr; other libraries' (trafilatura's "discarding data: None")
    only with -vv."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("digest: %(message)s"))
    log.handlers[:] = [handler]  # once, however often main() runs in one process
    log.setLevel(logging.WARNING - 10 * min(verbose, 2))
    log.propagate = False
    if verbose >= 2:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s", stream=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
