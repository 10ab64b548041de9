"""The CLI in a real subprocess: errors, exit codes and nothing half-written. (The happy path with the
real model is in test_e2e.py.)"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import main, make_parser


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True, cwd=cwd)


def test_help_lists_the_build_options() -> None:
    out = cli("build", "--help")
    assert out.returncode == 0
    for option in ("--output", "--format", "--as-of", "--max-points", "--model", "--show-single-source"):
        assert option in out.stdout


def test_both_commands_take_a_reference_date() -> None:
    parse = make_parser().parse_args
    for command in ("build", "timeline"):
        assert parse([command, "x", "--as-of", "2025-03-14"]).as_of == dt.date(2025, 3, 14)
        assert parse([command, "x"]).as_of is None


def test_help_does_not_import_torch() -> None:
    code = "import sys; from digest.cli import main\ntry:\n main(['--help'])\nexcept SystemExit: pass\n"
    code += "print('torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().endswith("False False")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"caf\xe9 cr\xe8me", "not valid UTF-8"),
        (b"Tags:\n- a\n- b\n#x #y", "no usable sentences"),
    ],
)
def test_bad_input_one_line_error_and_no_output_file(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "briefing.md"
    result = cli("build", str(bad), "-o", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("digest: error: ")
    assert str(bad) in lines[0] and problem in lines[0]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]  # no temporary file left either


@pytest.mark.parametrize("command", ["build", "timeline"])
def test_documents_a_folder_holds_that_digest_cannot_read_are_named(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "story.txt").write_text("", encoding="utf-8")  # an error after the warning: no model is loaded
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04\x00\x00")
    (folder / "sub" / "scan.PDF").write_bytes(b"%PDF-1.4\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")  # not a document: not named
    done = cli(command, str(folder))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines[0] == (
        f"digest: warning: left out 3 files digest cannot read (.docx, .pdf): {folder / 'notes.docx'}, "
        f"{folder / 'report.pdf'}, {folder / 'sub' / 'scan.PDF'}; save them as text or HTML to include them"
    )
    assert lines[-1] == f"digest: error: {folder / 'story.txt'}: file is empty"


def test_missing_file_and_bad_date(tmp_path: Path) -> None:
    result = cli("build", str(tmp_path / "nope.txt"))
    assert result.returncode == 2 and "nope.txt: no such file or directory" in result.stderr
    result = cli("build", str(tmp_path), "--as-of", "last tuesday")
    assert result.returncode == 3 and "is not a date in YYYY-MM-DD form" in result.stderr
    result = cli("build", str(tmp_path), "--as-of", "2025-02-30")
    assert result.returncode == 3 and "'2025-02-30' is no date: day is out of range for month" in result.stderr


@pytest.mark.parametrize("option", [["--max-points", "0"], ["--bogus"], ["-o", "briefing.pdf"]])
def test_a_bad_option_exits_3_before_any_work(tmp_path: Path, option: list[str]) -> None:
    # 2 is for bad input: a script can tell the two apart. The input here is empty: an error
    # reading it (2) would show that the work began.
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    args = [a if a != "briefing.pdf" else str(tmp_path / a) for a in option]
    result = cli("build", str(tmp_path / "empty.txt"), *args)
    assert result.returncode == 3, result.stderr
    assert "error: " in result.stderr and not (tmp_path / "briefing.pdf").exists()
    if "-o" in option:
        assert "digest writes Markdown (.md), JSON (.json) or HTML (.html), not .pdf" in result.stderr


def test_write_atomic(tmp_path: Path) -> None:
    from digest.cli import write_atomic
    from digest.errors import DigestError

    with pytest.raises(DigestError, match=r"output folder .* does not exist"):
        write_atomic(str(tmp_path / "no" / "b.md"), "x")
    target = tmp_path / "b.md"
    target.write_text("old", encoding="utf-8")
    write_atomic(str(target), "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["b.md"]


def test_write_atomic_keeps_links_modes_and_special_files(tmp_path: Path) -> None:
    import os
    import stat

    from digest.cli import write_atomic
    from digest.errors import OutputError

    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(str(link), "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"  # the link's target is written
    assert stat.S_IMODE(real.stat().st_mode) == 0o640  # and keeps its permissions
    old_mask = os.umask(0o022)
    try:
        write_atomic(str(tmp_path / "fresh.md"), "x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "fresh.md").stat().st_mode) == 0o644  # not mkstemp's 0600
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    write_atomic(str(fifo), "through the pipe\n")  # written into, never replaced by a regular file
    assert os.read(reader, 100) == b"through the pipe\n" and stat.S_ISFIFO(fifo.stat().st_mode)
    os.close(reader)
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(str(tmp_path), "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.md", "link.md", "pipe.md", "real.md"]


def test_the_output_is_checked_before_any_work(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: A\n---\nThe troops left the region on Monday.\n", encoding="utf-8")
    result = cli("build", str(tmp_path), "-o", str(article))
    assert result.returncode == 5 and "is one of the input files" in result.stderr
    assert article.read_text(encoding="utf-8").startswith("---\ntitle: A")
    result = cli("timeline", str(tmp_path), "-o", str(tmp_path / "no" / "t.md"))
    assert result.returncode == 5 and "output folder" in result.stderr and "does not exist" in result.stderr


def test_a_reader_that_leaves_is_no_crash(tmp_path: Path) -> None:
    # "digest ... | head": stdout closes early; no traceback, the shell's broken-pipe status
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    code = (
        "import sys; from digest import cli\n"
        "def fail(args): raise BrokenPipeError\n"
        "cli.cmd_build = fail\n"
        "sys.exit(cli.main(['build', 'x']))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 141 and "Traceback" not in result.stderr


def test_a_damaged_cache_is_an_error_naming_it(tmp_path: Path) -> None:
    import sqlite3

    from digest.cache import CachedTimexes
    from digest.errors import CacheError

    path = tmp_path / "c.sqlite"
    with CachedTimexes(str(path)) as tagger:
        tagger.find_many([(f"On Monday {i} people met.", None) for i in range(300)])
    con = sqlite3.connect(path)
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    size = len(data) // pages
    for page in range(pages // 2, pages):  # the schema's pages stay: the file opens, its rows are damaged
        data[page * size : page * size + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    with (
        pytest.raises(CacheError, match=r"c\.sqlite: is damaged .*; delete the cache file"),
        CachedTimexes(str(path)) as tagger,
    ):
        tagger.find_many([(f"On Monday {i} people met.", None) for i in range(300)])


def test_format_from_extension() -> None:
    from digest.cli import _format_for

    parse = make_parser().parse_args
    assert _format_for(parse(["build", "x", "-o", "b.json"])) == "json"
    assert _format_for(parse(["build", "x", "-o", "b.htm"])) == "html"
    assert _format_for(parse(["build", "x", "-o", "b.txt"])) == "md"
    assert _format_for(parse(["build", "x", "-o", "b.md", "--format", "json"])) == "json"
    assert _format_for(parse(["build", "x"])) == "md"


def test_main_returns_exit_codes_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["build", str(empty)]) == 2
    assert "e.txt: file is empty" in capsys.readouterr().err


def test_progress_draws_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from digest.cli import _Progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    _Progress(True)("embedding", 5, 10)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    bar = _Progress(True)
    bar("embedding", 5, 10)
    bar("embedding", 10, 10)
    err = capsys.readouterr().err
    assert "embedding" in err and "5/10" in err and err.endswith("\n")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _Progress(False)("embedding", 1, 2)  # --no-progress
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_timeline_command_with_cache(tmp_path: Path) -> None:
    """`digest timeline` end to end with the real model: dated articles in, cited dated events out;
    the second run is served from the cache and gives the same bytes."""
    import json
    import sqlite3

    articles = [
        {
            "id": "a1",
            "published": "2010-01-13",
            "text": "A powerful earthquake struck Haiti on Tuesday. "
            "Thousands of people are feared dead in Port-au-Prince, officials said.",
        },
        {
            "id": "a2",
            "published": "2010-01-14",
            "text": "The earthquake that hit Haiti on Tuesday destroyed "
            "the presidential palace. Rescue teams from many countries arrived on Wednesday.",
        },
        {
            "id": "a3",
            "published": "2010-01-20",
            "text": "A strong aftershock shook Haiti on Wednesday morning. "
            "Aid deliveries increased on Monday as the airport reopened to relief flights.",
        },
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    cache = tmp_path / "cache.sqlite"
    out1, out2 = tmp_path / "t1.json", tmp_path / "t2.json"
    args = ["timeline", str(feed), "--max-dates", "3", "--per-date", "1", "--cache", str(cache)]
    first = cli(*args, "-o", str(out1))
    assert first.returncode == 0, first.stderr
    second = cli("-v", *args, "-o", str(out2))
    assert second.returncode == 0, second.stderr
    assert out1.read_bytes() == out2.read_bytes()
    with sqlite3.connect(cache) as db:  # one cleaned text and one list of sentence offsets an article
        for table in ("cleaned", "segments"):
            assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == len(articles)
    assert "embedding cache: 0 reused" not in second.stderr
    assert "tagging cache: 0 reused" not in second.stderr
    assert "text cache: 0 articles cleaned, 3 reused; 0 segmented, 3 reused" in second.stderr
    data = json.loads(out1.read_text(encoding="utf-8"))
    assert data["kind"] == "timeline" and data["key_points"] == []
    assert 1 <= len(data["timeline"]) <= 3
    days = len({e["date"] for e in data["timeline"]})
    assert ("of the 3 dates asked for" in first.stderr) == (days < 3)
    more = cli("timeline", str(feed), "--max-dates", "9", "--per-date", "1", "--cache", str(cache))
    assert more.returncode == 0, more.stderr
    found = re.search(r"warning: (\d+) of the 9 dates asked for \((\d+) days, (\d+) coarser periods\)", more.stderr)
    assert found and days <= int(found[1]) < 9 and int(found[1]) == int(found[2]) + int(found[3]), more.stderr
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for event in data["timeline"]:
        assert event["date"].startswith("2010-01-1")
        for d in event["evidence"]:
            if d["origin"] == "text":
                assert texts[d["article_id"]][d["start"] : d["end"]] == d["text"]


@pytest.mark.slow
def test_unusable_documents_stop_the_run_or_are_left_out_and_named(tmp_path: Path, example_dir: Path) -> None:
    """A document with no usable sentences among good ones: an error naming it and the option
    by default; with --skip-unusable a warning, and the output says what was left out."""
    import json
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(example_dir, folder, ignore=shutil.ignore_patterns("briefing.*"))
    junk = folder / "junk.txt"
    junk.write_text("Tags:\n- a\n- b\n#x #y\n", encoding="utf-8")
    out = tmp_path / "b.md"
    strict = cli("build", str(folder), "-o", str(out))
    assert strict.returncode == 2 and not out.exists()
    assert f"{junk}: no usable sentences after cleaning" in strict.stderr and "--skip-unusable" in strict.stderr

    lenient = cli("build", str(folder), "--skip-unusable", "-o", str(out))
    assert lenient.returncode == 0, lenient.stderr
    assert f"warning: left out {junk}: no usable sentences after cleaning" in lenient.stderr
    md = out.read_text(encoding="utf-8")
    assert "*5 articles from 5 sources (3 independent); 1 left out (see Sources);" in md
    assert md.rstrip().endswith(f"Left out:\n\n- `{junk}`: no usable sentences after cleaning")
    assert "`junk`" not in md  # not listed as a source

    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "a1", "published": "2010-01-13", "text": "A powerful earthquake struck Haiti on Tuesday, they said."},
        {"id": "menu", "published": "2010-01-13", "text": "Home | World | Sport"},
        {"id": "a2", "published": "2010-01-14", "text": "Rescue teams from many nations reached Haiti on Wednesday."},
        {"id": "empty", "published": "2010-01-14", "text": ""},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    args = ["timeline", str(feed), "--max-dates", "2", "--format", "json"]
    strict = cli(*args)
    assert strict.returncode == 2 and strict.stdout == ""
    assert f"{feed} (record menu): no usable sentences after cleaning" in strict.stderr
    lenient = cli(*args, "--skip-unusable")
    assert lenient.returncode == 0, lenient.stderr
    data = json.loads(lenient.stdout)
    problem = "no usable sentences after cleaning"
    assert data["skipped"] == [
        {"article_id": "menu", "path": str(feed), "problem": problem},
        {"article_id": "empty", "path": str(feed), "problem": problem},
    ]
    assert [s["id"] for s in data["sources"]] == ["a1", "a2"]


@pytest.mark.slow
def test_a_page_of_links_is_left_out_and_a_collection_without_statements_still_has_a_title(tmp_path: Path) -> None:
    links = tmp_path / "links.html"
    links.write_text("<html><body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>", "utf-8")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Troops withdrew from Kursk.\n", encoding="utf-8")
    result = cli("build", str(tmp_path), "--skip-unusable")
    assert result.returncode == 0, result.stderr
    # one line on stderr: digest's warning, none from the HTML extractor's logging
    warning = f"digest: warning: left out {links}: no usable sentences after cleaning"
    assert result.stderr.strip().splitlines() == [warning]
    assert "\n# Troops withdrew from Kursk\n" in result.stdout  # too short for statements: the first sentence


def test_the_warning_for_fewer_dates_says_why() -> None:
    import datetime as dt

    from digest.cli import _fewer_dates
    from digest.config import Config
    from digest.types import Article, Briefing, Citation, Event, ReferenceDate

    def timeline(n_articles: int, labels: list[tuple[str, str]]) -> Briefing:
        arts = tuple(Article(f"a{i}", "Text.", f"s{i}") for i in range(n_articles))
        cite = Citation("a0", 0, 0, 5)
        events = tuple(
            Event("2024", prec, label, dt.date(2024, 1, 1), "Text.", (cite,), (), cite)  # type: ignore[arg-type]
            for label, prec in labels
        )
        return Briefing("T", arts, (), (), (), events, ReferenceDate(None, "none"), kind="timeline")

    # keywords no sentence has: no date at all, and the keywords are named
    none = _fewer_dates(timeline(5, []), Config(keywords=("zebra",)), 0)
    assert none == (
        "none of the 10 dates asked for: the articles name no date with a usable sentence"
        " that has one of the keywords (zebra)"
    )
    some = timeline(1, [("27 December 2024", "day"), ("August 2024", "month")])
    assert _fewer_dates(some, Config(), 2) == (
        "2 of the 10 dates asked for (1 day, 1 coarser period): the article names no other date with a usable sentence"
    )
    window = Config(start=dt.date(2024, 1, 1))
    assert "no other date in the window with a usable sentence" in _fewer_dates(some, window, 2)


def test_a_publication_date_after_today_is_warned_of() -> None:
    import datetime as dt

    from digest.cli import _future_dates
    from digest.types import Article, Briefing, ReferenceDate

    arts = (
        Article("a", "Text.", "s", published=dt.date(2031, 5, 1), path="in/typo.md"),
        Article("b", "Text.", "s", published=dt.date(2025, 1, 31), path="in/ok.md"),
        Article("c", "Text.", "s"),
    )
    briefing = Briefing("T", arts, (), (), (), (), ReferenceDate(None, "none"))
    assert _future_dates(briefing, dt.date(2026, 11, 24)) == (
        "warning: 1 article published after today, 2026-11-24: in/typo.md (2031-05-01);"
        " relative dates resolve against the date given"
    )
    assert _future_dates(briefing, dt.date(2031, 5, 1)) is None  # published today is no warning
