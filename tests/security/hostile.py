"""A corpus of hostile text: every kind of string that could turn into structure,
a live link, a terminal command or a crash if it were not kept literal.

Each entry has a short token (``H01``...) so that it can be found in any output,
and ``visible``: a part that must appear, exactly, in what a person reads (the
screen, ``show``, the rendered export).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hostile:
    kind: str
    text: str
    visible: str  # must be readable, literally, wherever the text is shown


ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"

_RAW: list[tuple[str, str, str]] = [
    # (kind, text, visible part)
    ("rich-markup", "[bold red]LOUD[/bold red] [link=http://evil.example/]x[/link]",
     "[bold red]LOUD[/bold red]"),
    ("rich-markup-escape", "\\[not markup] [/] [@click=app.quit]quit[/]", "[@click=app.quit]"),
    ("textual-variable", "$accent $text [$warning]w[/] ${x}", "$accent $text"),
    ("ansi-colour", f"{ESC}[31mred{ESC}[0m plain", "plain"),
    ("csi-clear-screen", f"{ESC}[2J{ESC}[H{ESC}[3J wiped", "wiped"),
    ("csi-cursor-move", f"before{ESC}[10A{ESC}[5Cafter", "after"),
    ("osc8-hyperlink", f"{ESC}]8;;http://evil.example/{ST}click me{ESC}]8;;{ST}", "click me"),
    ("osc8-bel", f"{ESC}]8;;http://evil.example/{BEL}bel link{ESC}]8;;{BEL}", "bel link"),
    ("osc52-clipboard", f"{ESC}]52;c;ZXZpbA=={BEL}copied", "copied"),
    ("osc0-title", f"{ESC}]0;pwned title{BEL}title", "title"),
    ("dcs-sequence", f"{ESC}P+q544e{ST}dcs", "dcs"),
    ("c1-csi", "\x9b31mc1 csi\x9b0m", "c1 csi"),
    ("c1-controls", "\x85nel \x8dri \x90dcs \x9dosc", "nel"),
    ("nul-byte", "before\x00after", "after"),
    ("backspace-overstrike", "safe\x08\x08\x08\x08evil", "evil"),
    ("carriage-return", "shown\rhidden over", "hidden over"),
    ("bell-and-del", f"ding{BEL}\x7f del", "ding"),
    ("vertical-tab-formfeed", "a\x0bb\x0cc", "c"),
    ("bidi-override", "order \u202eesrever\u202c end", "end"),
    ("bidi-isolates", "\u2066isolate\u2069 \u2067rtl\u2069 \u2068first\u2069", "isolate"),
    ("bidi-unterminated", "start \u202eoverride never closed \u2067 nor this isolate",
     "start"),
    ("bidi-stray-closers", "\u202c\u2069\u2069 closers first \u202c", "closers first"),
    ("bidi-marks", "\u200fmark\u200e \u061cal", "mark"),
    ("zero-width", "zero\u200bwidth\u200c\u200d\u2060\ufeffjoin", "join"),
    ("line-paragraph-separators", "one\u2028two\u2029three", "three"),
    ("html-script", "<script>alert('x')</script>", "<script>alert('x')</script>"),
    ("html-img-onerror", '<img src=x onerror="alert(1)">', "<img src=x"),
    ("html-iframe-style", '<iframe src="http://evil.example/"></iframe><style>*{}</style>',
     "<iframe"),
    ("html-attribute-break", '" onmouseover="alert(1)" x="', "onmouseover"),
    ("html-entities", "&lt;b&gt; &amp;amp; &#x3C;script&#x3E; &nbsp;", "&lt;b&gt;"),
    ("html-comment-cdata", "<!-- c --> <![CDATA[x]]>", "<!-- c -->"),
    ("javascript-url", "javascript:alert(document.cookie)", "javascript:alert"),
    ("markdown-link", "[click here](http://evil.example/)", "[click here]"),
    ("markdown-image", "![pixel](http://evil.example/p.png)", "![pixel]"),
    ("markdown-reference-link", "[ref][1]\n\n[1]: http://evil.example/", "[ref][1]"),
    ("markdown-autolink", "<http://evil.example/> www.evil.example me@evil.example",
     "evil.example"),
    ("markdown-table-pipe", "see http://x|[click](http://evil.example/)|more", "[click]"),
    ("markdown-heading-rule", "# Heading\n---\n> quote\n- list\n1. one", "# Heading"),
    ("markdown-emphasis-code", "*em* _u_ **b** `code` ~~s~~ ```fence", "*em*"),
    ("markdown-html-block", "<div>\n<b>bold</b>\n</div>", "<b>bold</b>"),
    ("backslashes-quotes", "C:\\path\\to\\file \" ' \\n \\x1b", "C:\\path\\to\\file"),
    ("toml-breakers", 'a = "b"\n[table]\n"""triple"""', "[table]"),
    ("long-word", "w" * 5000, "w" * 200),
    ("longest-text", ("lorem ipsum " * 8334)[:100_000], "lorem ipsum"),
    ("one-megabyte", ("lorem ipsum " * 87382)[:1_048_576], "lorem ipsum"),
    ("odd-unicode", "\ufffe\uffff\U0010fffd\ue000 \U0001d54f", "\U0001d54f"),
    ("combining-zalgo", "Z\u0351\u0352\u0357\u0358a\u0300\u0301\u0302l" + "\u0303" * 50 + "go",
     "go"),
    ("emoji-zwj", "👩‍👩‍👧‍👦 🏳️‍🌈 🧑🏿‍🍼 🇬🇧", "🇬🇧"),
    ("rtl-names", "محمد أحمد و יעל כהן", "محمد"),
    ("cjk-wide", "王秀英 さくら 김민준", "王秀英"),
    ("format-strings", "{0} %s %(x)s {name!r} {{}}", "%s"),
    ("path-traversal", "../../../../etc/passwd CON NUL.txt", "../../"),
    ("spreadsheet-formula", "=HYPERLINK(\"http://evil.example\",\"x\") +1 @SUM", "=HYPERLINK"),
]

CORPUS: list[Hostile] = [Hostile(kind, text, visible) for kind, text, visible in _RAW]
KINDS = [h.kind for h in CORPUS]
assert len(set(KINDS)) == len(KINDS) >= 40


def short(text: str, limit: int) -> str:
    """``text`` cut to a field's limit (case references, names), still hostile."""
    return text[:limit]
