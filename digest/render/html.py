"""HTML output: the Markdown rendered by markdown-it-py with raw HTML disabled,
so nothing from a source can inject markup."""

from __future__ import annotations

import html
import re

from digest.types import Briefing

_STYLE = (
    "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}"
    "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}"
    "li{margin:.4rem 0}code{font-size:.85em;color:#555}"
)


def render_html(briefing: Briefing) -> str:
    from markdown_it import MarkdownIt

    from digest.render.markdown import MARKER, render_markdown

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    body = md.render(render_markdown(briefing, marked_citations=True).removeprefix(MARKER + "\n"))
    body = _source_anchors(_linked_citations(body))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="digest">\n'
        f"<title>{html.escape(briefing.title)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _linked_citations(body: str) -> str:
    """Each number of a citation mark a link to its source in the list: "[<a href="#source-1">1</a>, ...]"."""
    from digest.render.markdown import CITE_CLOSE, CITE_OPEN

    def link(m: re.Match[str]) -> str:
        parts = [f'<a href="#source-{p}">{p}</a>' if p.isdigit() else p for p in m.group(1).split(", ")]
        return "[" + ", ".join(parts) + "]"

    body = re.sub(re.escape(CITE_OPEN) + r"\[([^\]]*)\]" + re.escape(CITE_CLOSE), link, body)
    return body.replace(CITE_OPEN, "").replace(CITE_CLOSE, "")


def _source_anchors(body: str) -> str:
    """The Sources list's items, the targets of the citation links: ``<li id="source-3">``."""
    head = "<h2>Sources</h2>\n"
    at = body.find(head)
    if at < 0:
        return body
    opened = re.compile(r'<ol(?: start="(\d+)")?>\n').match(body, at + len(head))
    if opened is None:
        return body
    end = body.find("</ol>", opened.end())
    number = int(opened.group(1) or 1)
    items = []
    for chunk in body[opened.end() : end].split("<li>")[1:]:
        items.append(f'<li id="source-{number}">{chunk}')
        number += 1
    return body[: opened.end()] + "".join(items) + body[end:]
