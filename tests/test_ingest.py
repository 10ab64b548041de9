from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest import ingest
from digest.errors import InputError


def write(path: Path, content: str | bytes, *, mkdir: bool = False) -> Path:
    if mkdir:
        path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_txt_article_id_and_source_from_file(tmp_path: Path) -> None:
    write(tmp_path / "story-1.txt", "Headline here\nThe first sentence of the article is here.\n")
    [article] = ingest.read_articles([tmp_path / "story-1.txt"])
    assert article.id == "story-1"
    assert article.source == "story-1"
    assert article.path == str(tmp_path / "story-1.txt")


def test_markdown_front_matter(tmp_path: Path) -> None:
    write(
        tmp_path / "a.md",
        "---\ntitle: Troops leave\nsource: BBC\nurl: https://example.org/a\npublished: 2025-02-01\n---\n"
        "Body sentence one is here. Body sentence two is here.\n",
    )
    [a] = ingest.read_articles([tmp_path / "a.md"])
    assert (a.title, a.source, a.url, a.published) == (
        "Troops leave",
        "BBC",
        "https://example.org/a",
        dt.date(2025, 2, 1),
    )
    assert a.text.startswith("Body sentence one")


def test_text_file_front_matter(tmp_path: Path) -> None:
    # A .txt file with front matter: its date and source are read, not taken for the story's text.
    write(
        tmp_path / "a.txt",
        "---\npublished: 2011-02-11\nsource: CNN\n---\nMubarak stepped down on Friday. Crowds cheered in Cairo.\n",
    )
    [a] = ingest.read_articles([tmp_path / "a.txt"])
    assert (a.source, a.published) == ("CNN", dt.date(2011, 2, 11))
    assert a.text.startswith("Mubarak stepped down")
    # Unclosed, or a rule line not followed by "key:", it is text, with no error.
    write(tmp_path / "b.txt", "---\nNote: this story was updated.\nMubarak stepped down on Friday.\n")
    write(tmp_path / "c.txt", "---\n\nMubarak stepped down on Friday.\n---\nCrowds cheered.\n")
    b, c = ingest.read_articles([tmp_path / "b.txt", tmp_path / "c.txt"])
    assert b.text.startswith("---\nNote: this story") and b.published is None
    assert c.text.startswith("---\n\nMubarak") and c.published is None
    # Closed front matter in a text file is checked as in Markdown.
    write(tmp_path / "d.txt", "---\npublished: 2010-02-30\n---\nA sentence here.\n")
    with pytest.raises(InputError, match=r"d\.txt: front matter holds a date that does not exist"):
        ingest.read_articles([tmp_path / "d.txt"])


def test_bad_front_matter_names_file(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "---\ntitle: [unclosed\n---\nBody text here.\n")
    with pytest.raises(InputError, match=r"a\.md: front matter is not valid YAML"):
        ingest.read_articles([tmp_path / "a.md"])


def test_json_and_jsonl_records(tmp_path: Path) -> None:
    write(tmp_path / "a.json", json.dumps([{"id": "x1", "text": "One article text here.", "source": "Reuters"}]))
    write(
        tmp_path / "b.jsonl",
        json.dumps({"text": "Second article text.", "published": "2024-08-06"})
        + "\n\n"
        + json.dumps({"id": "y", "text": "Third."})
        + "\n",
    )
    arts = ingest.read_articles([tmp_path / "a.json", tmp_path / "b.jsonl"])
    assert [a.id for a in arts] == ["x1", "b-1", "y"]
    assert arts[0].source == "Reuters"
    assert arts[1].published == dt.date(2024, 8, 6)


def test_json_record_without_text(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"body": "no text key"}\n')
    with pytest.raises(InputError, match=r'a\.jsonl \(line 1\): each record must be an object with a "text"'):
        ingest.read_articles([tmp_path / "a.jsonl"])


def test_invalid_jsonl_line(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"text": "ok"}\n{broken\n')
    with pytest.raises(InputError, match=r"a\.jsonl:2: not valid JSON \(Expecting property name .* at column 2\)"):
        ingest.read_articles([tmp_path / "a.jsonl"])


def test_html_through_trafilatura(tmp_path: Path) -> None:
    body = " ".join(f"Sentence number {i} says that the troops have left the front line." for i in range(12))
    write(
        tmp_path / "page.html",
        "<html><head><title>Troops leave front | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2025-02-01"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>Troops leave front</h1><p>{body}</p>"
        "<script>alert('x')</script></article><footer>Subscribe now</footer></body></html>",
    )
    [a] = ingest.read_articles([tmp_path / "page.html"])
    assert "Sentence number 3 says" in a.text
    assert "alert" not in a.text and "Home | World" not in a.text
    assert a.source == "Example News"
    assert a.published == dt.date(2025, 2, 1)


def test_left_out_documents_are_the_unread_formats_below_folders(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", "Troops left the front.", mkdir=True)
    write(tmp_path / "d" / "b.pdf", "%PDF")
    write(tmp_path / "d" / ".hidden" / "c.docx", "PK", mkdir=True)
    write(tmp_path / "d" / "e" / "f.RTF", "{\\rtf1}", mkdir=True)
    write(tmp_path / "g.pdf", "%PDF")
    # Named directly, a file is read (and a PDF rejected as binary or not text), not left out.
    assert ingest.left_out_documents([tmp_path / "d", tmp_path / "g.pdf"]) == [
        tmp_path / "d" / "b.pdf",
        tmp_path / "d" / "e" / "f.RTF",
    ]
    assert ingest.left_out_documents([tmp_path / "d" / "a.txt"]) == []


HTML_BODY = "".join(f"<p>Paragraph {i} says that the troops have left the front line in Kursk.</p>" for i in range(8))


@pytest.mark.parametrize(
    ("head", "above", "story", "footer", "published"),
    [
        # Guesses are no publication date: a copyright line's year (it gave 2025-01-01), a date the story names.
        ("", "", "", "<footer>Copyright 2025 Example News</footer>", None),
        ("", "", "", "<footer>(c) 2024-2025 Example News</footer>", None),
        ("", "", "<p>The offensive began on 6 August 2024.</p>", "<footer>&copy; 2025</footer>", None),
        ("", "", "<p>Elections are due on 3 March 2026, officials said.</p>", "", None),
        # A date the page shows above the story, without markup, is its date.
        ("", "<p>Friday 31 January 2025 10.40 GMT</p>", "", "<footer>Copyright 2025</footer>", dt.date(2025, 1, 31)),
        # Declared dates: a meta tag, structured data, a time element, a dated byline.
        ('<meta property="article:published_time" content="2025-01-31T10:00:00Z">', "", "", "", dt.date(2025, 1, 31)),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-28"}</script>',
            "",
            "<p>The offensive began on 6 August 2024.</p>",
            "<footer>Copyright 2025</footer>",
            dt.date(2025, 1, 28),
        ),
        (
            "",
            '<time datetime="2025-01-30">30 January 2025</time>',
            "",
            "<footer>Copyright 2025</footer>",
            dt.date(2025, 1, 30),
        ),
        ("", '<p class="byline">Published 29 January 2025</p>', "", "", dt.date(2025, 1, 29)),
    ],
)
def test_an_html_pages_publication_date_is_what_it_declares_or_shows_never_a_guess(
    tmp_path: Path, head: str, above: str, story: str, footer: str, published: dt.date | None
) -> None:
    write(
        tmp_path / "page.html",
        f"<html><head><title>Troops leave front</title>{head}</head><body>{above}"
        f"<article><h1>Troops leave front</h1>{HTML_BODY}{story}</article>{footer}</body></html>",
    )
    [a] = ingest.read_articles([tmp_path / "page.html"])
    assert "Paragraph 3 says" in a.text
    assert a.published == published


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", "", "file is empty"),
        ("blank.txt", "  \n\n ", "file is empty"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file"),
        ("latin1.txt", "Caf\xe9 au lait is here.".encode("latin-1"), "not valid UTF-8 (bad byte 0xe9 at offset 3)"),
    ],
)
def test_bad_files_name_file_and_problem(tmp_path: Path, name: str, content: str | bytes, problem: str) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as info:
        ingest.read_articles([path])
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "big.txt", "word " * 100)
    with pytest.raises(InputError, match=r"big\.txt: file is 500 bytes; the limit is 100 bytes per file"):
        ingest.read_articles([path])


def test_huge_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 100)
    path = write(tmp_path / "long.txt", "word " * 30)  # 150 characters, under the file limit
    with pytest.raises(InputError, match=r"long\.txt: article text is 150 characters; the limit is 100 per article"):
        ingest.read_articles([path])
    records = write(tmp_path / "feed.jsonl", '{"id": "a", "text": "Short."}\n{"id": "b", "text": "%s"}\n' % ("w " * 60))
    with pytest.raises(InputError, match=r"feed\.jsonl.*: article text is 120 characters"):
        ingest.read_articles([records])


def test_missing_path_and_empty_pattern(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file or directory"):
        ingest.read_articles([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="no file matches this pattern"):
        ingest.read_articles([str(tmp_path / "*.txt")])


def test_directory_and_glob_are_sorted_and_deduplicated(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        write(tmp_path / name, f"Article {name} has a sentence here.")
    write(tmp_path / "notes.csv", "ignored")
    arts = ingest.read_articles([tmp_path, str(tmp_path / "*.txt")])
    assert [a.id for a in arts] == ["a", "b", "c"]


def test_files_sharing_a_name_get_their_paths_as_ids(tmp_path: Path) -> None:
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "story.txt", f"A sentence from {folder} here.")
    write(tmp_path / "d1" / "story.md", "A sentence in Markdown here.")
    write(tmp_path / "d1" / "other.txt", "Another sentence here.")
    arts = ingest.read_articles([tmp_path])
    assert [(a.id, a.source) for a in arts] == [
        ("other", "other"),
        ("d1/story.md", "d1/story.md"),
        ("d1/story.txt", "d1/story.txt"),
        ("d2/story.txt", "d2/story.txt"),
    ]
    # records without ids in two feeds of one name: numbered below each path
    write(tmp_path / "a" / "feed.jsonl", '{"text": "One record here."}', mkdir=True)
    write(tmp_path / "b" / "feed.jsonl", '{"text": "Another record here."}', mkdir=True)
    assert [a.id for a in ingest.read_articles([tmp_path / "a", tmp_path / "b"])] == [
        "a/feed.jsonl-1",
        "b/feed.jsonl-1",
    ]


def test_ids_records_give_twice_are_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.jsonl", '{"id": "x", "text": "One sentence here."}')
    write(tmp_path / "b.jsonl", '{"id": "x", "text": "Another sentence here."}')
    with pytest.raises(InputError, match="article id 'x' is used twice"):
        ingest.read_articles([tmp_path])


def test_briefings_are_not_articles(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "One sentence here.")
    write(tmp_path / "briefing.md", "<!-- digest briefing: generated, do not edit -->\n\n# T\n")
    write(tmp_path / "briefing.json", '{"schema_version": "1", "key_points": []}')
    assert [a.id for a in ingest.read_articles([tmp_path])] == ["a"]
    with pytest.raises(InputError, match="is a briefing digest wrote"):
        ingest.read_articles([tmp_path / "briefing.md"])


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "feb30.md",
            "---\npublished: 2010-02-30\n---\nA sentence here.",
            "front matter holds a date that does not exist (day is out of range for month)",
        ),
        ("tag.md", '---\nn: !!int "abc"\n---\nA sentence here.', "front matter is not valid YAML (invalid literal"),
        ("deep.md", "---\nx: " + "[" * 2000 + "]" * 2000 + "\n---\nA sentence here.", "front matter is not valid"),
        ("list.md", "---\ntitle: [a, b]\n---\nA sentence here.", "'title' must be a single value, not a list"),
        ("unclosed.md", "---\ntitle: T\nA sentence here.", "front matter opened with '---'"),
        ("rel.md", "---\npublished: yesterday\n---\nA sentence here.", "publication date 'yesterday' is not a whole"),
        ("noyear.md", "---\npublished: March 5\n---\nA sentence here.", "'March 5' is not a whole, valid date"),
        ("big.json", '{"id": ' + "9" * 5000 + ', "text": "A sentence."}', "JSON digest cannot read (Exceeds"),
        ("deep.json", "[" * 100000 + "]" * 100000, "JSON digest cannot read (nested too deeply)"),
        ("sur.jsonl", '{"text": "A broken \\ud800 escape here."}', "(line 1): text holds an unpaired surrogate"),
        ("bad.jsonl", '{"text": "A.", "published": "2025-02-30"}', "(line 1): publication date '2025-02-30' is not"),
        ("utf16.txt", "A sentence here.".encode("utf-16"), "is UTF-16 text; convert it to UTF-8"),
        ("late_nul.txt", b"A sentence here. " * 1000 + b"\x00", "NUL byte at offset 17000"),
    ],
)
def test_bad_metadata_and_encodings_are_errors_naming_the_document(
    tmp_path: Path, name: str, content: str | bytes, problem: str
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(InputError) as err:
        ingest.read_articles([path])
    assert str(path) in str(err.value) and problem in str(err.value)
    assert "\n" not in str(err.value)


def test_publication_dates_do_not_depend_on_the_clock_or_the_time_zone(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "A sentence.", "published": 1700000000}\n')
    code = f"import sys; from digest.ingest import read_articles; print(read_articles([{str(path)!r}])[0].published)"
    dates = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "TZ": tz}, check=True
        ).stdout.strip()
        for tz in ("UTC", "Asia/Tokyo", "America/Los_Angeles")
    }
    assert dates == {"2023-11-14"}


def test_empty_front_matter_and_documents_without_text(tmp_path: Path) -> None:
    [a] = ingest.read_articles([write(tmp_path / "a.md", "---\n---\nA sentence here.")])
    assert a.text == "A sentence here."
    # a record with empty text, or a page with no article text, is a document without sentences:
    # digest.segment.usable names it or leaves it out (--skip-unusable)
    feed = write(tmp_path / "feed.jsonl", '{"id": "x", "text": "A sentence."}\n{"id": "y", "text": ""}\n')
    assert [(a.id, a.text) for a in ingest.read_articles([feed])] == [("x", "A sentence."), ("y", "")]
    page = write(tmp_path / "links.html", "<html><body><ul><li><a href='/a'>A</a></li></ul></body></html>")
    assert [a.text for a in ingest.read_articles([page])] == [""]


def test_symbolic_links_are_followed_once_and_loops_end(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "b.txt", "B sentence here.", mkdir=True)
    root = tmp_path / "root"
    write(root / "a.txt", "A sentence here.", mkdir=True)
    (root / "linked").symlink_to(tmp_path / "elsewhere")
    (root / "self").symlink_to(root)
    (root / "up").symlink_to(tmp_path / "root")
    assert [p.name for p in ingest.expand_paths([root])] == ["a.txt", "b.txt"]
    # Python's glob follows such loops without end
    assert [p.name for p in ingest.expand_paths([str(root / "**" / "*.txt")])] == ["a.txt", "b.txt"]
