"""HTML output: the Markdown rendered by markdown-it-py with raw HTML disabled,
so nothing from a source can inject markup."""

from __future__ import annotations

import html

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
    body = md.render(render_markdown(briefing).removeprefix(MARKER + "\n"))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="digest">\n'
        f"<title>{html.escape(briefing.title)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
