"""Record values made safe to show in a terminal or a CI log, and cut to a sensible width.

Records and file names come from pull requests nobody has reviewed yet. A title holding
``ESC ]0;...BEL`` retitles the reader's terminal window, ``ESC [2J`` clears it, a carriage
return or backspace overwrites what was printed before, U+009B is a one-character CSI on
terminals that honour C1 controls, and a bidi override (U+202E) shows text in an order
other than the bytes' (the "Trojan Source" trick). None of these may reach a terminal.

* :func:`visible` is for a single-line value (a title, an owner, a path, a message): every
  control and bidi character becomes an escape (``\\x1b``, ``\\u202e``), line breaks and
  tabs included, and a backslash becomes ``\\\\``, so the output says exactly what the
  value holds and never how a terminal would have drawn it.
* :func:`terminal_text` is for text that is shown as text (a record's body, a whole report
  already made of visible values): the same characters are escaped, but line breaks, tabs,
  CRLF line ends and backslashes are kept. It is the last guard before a terminal.
* :func:`shorten` and :func:`quoted` cut a value for a message, at a character boundary
  that never splits an escape, a combining sequence or a flag, and end it with an ellipsis.
* :func:`json_text` escapes what JSON encoders leave raw (DEL, C1, bidi controls, line
  separators, lone surrogates) in an already encoded JSON document: the decoded values are
  exactly the record's, and printing the document is safe.

Findings keep the exact characters (JSON and SARIF carry them); the reporters and the
command line make them visible where they print (decisions/0019).
"""

from __future__ import annotations

ELLIPSIS = "…"
MESSAGE_WIDTH = 80
"""The widest a record value quoted in a message may be, in characters as shown."""

# Bidi embeddings, overrides and isolates, the marks and the Arabic letter mark: each can
# reorder what a reader sees. U+2028/U+2029 break lines in editors, browsers and some logs.
_BIDI = [0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_CONTROLS = [*range(0x00, 0x20), *range(0x7F, 0xA0)]


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Lone surrogates are what the OS layer makes of a file name that is not valid UTF-8
# (surrogateescape): printed, their bytes reach the terminal raw, and 0x9B is a CSI.
_SURROGATES = range(0xD800, 0xE000)


_TABLES: dict[str, dict[int, str]] = {}


def _table(name: str) -> dict[int, str]:
    """The ``str.translate`` table (code point -> escape) ``name``, built on first use.

    Most runs never escape anything, and building 2,000 entries would cost every start-up
    of ``hinges`` a millisecond or two.
    """
    if not _TABLES:
        escaped = {code: _escape(code) for code in (*_CONTROLS, *_BIDI, *_SURROGATES)}
        _TABLES["visible"] = {**escaped, ord("\\"): "\\\\"}
        _TABLES["text"] = {code: text for code, text in escaped.items() if code not in (9, 10)}
        _TABLES["json"] = {
            code: f"\\u{code:04x}" for code in (*range(0x7F, 0xA0), *_BIDI, *_SURROGATES)
        }
    return _TABLES[name]


def _plain(text: str) -> bool:
    """True when no character of ``text`` needs an escape (the common case, checked in C).

    ``isprintable`` is false for every control, format (bidi) and separator character and
    for surrogates, so a printable text holds none of them; it is also false for a few
    harmless ones (a no-break space), which then simply take the slow path.
    """
    return text.isprintable()


def visible(text: str) -> str:
    """``text`` on one line with every control, bidi character and backslash escaped."""
    if _plain(text) and "\\" not in text:
        return text
    return text.translate(_table("visible"))


def terminal_text(text: str) -> str:
    """``text`` with its controls and bidi characters escaped; lines, tabs, ``\\`` kept.

    A carriage return is kept only as part of a CRLF line end: alone it returns the cursor
    to the start of the line, and what follows overwrites what the reader saw.
    """
    if _plain(text.replace("\n", "").replace("\t", "")):
        return text
    return "\r\n".join(part.translate(_table("text")) for part in text.split("\r\n"))


def json_text(document: str) -> str:
    """A JSON document with DEL, C1, bidi, separators and lone surrogates as ``\\u`` escapes.

    ``json.dumps(..., ensure_ascii=False)`` leaves these raw. Outside strings JSON holds
    only ASCII, so each one is inside a string, where the escape decodes to itself.
    """
    if document.isascii() and "\x7f" not in document:
        return document
    return document.translate(_table("json"))


def _shown_width(char: str) -> int:
    escape = _table("visible").get(ord(char))
    return 1 if escape is None else len(escape)


def shorten(text: str, width: int = MESSAGE_WIDTH) -> str:
    """``text`` if it shows in ``width`` characters or fewer, else its start and ``…``.

    Width counts characters as :func:`visible` shows them (``ESC`` takes four), so a value
    made of controls is cut as short as a plain one. The cut falls between characters,
    never inside an escape; it moves back over combining marks, joiners and variation
    selectors so that no accent or emoji sequence loses a part, and never splits a flag
    (a pair of regional indicators) or a surrogate pair. Spaces before the cut are dropped.
    """
    if len(text) <= width and _plain(text) and "\\" not in text:
        return text
    shown = 0
    cut = None
    for index, char in enumerate(text):
        shown += _shown_width(char)
        if shown > width - 1 and cut is None:
            cut = index  # the first character that does not fit beside the ellipsis
        if shown > width:
            break
    else:
        return text  # it all fits
    assert cut is not None
    # A cut at a word gap would show a space before the ellipsis: 'we must …'.
    return _backed_off(text, cut).rstrip(" ") + ELLIPSIS


def _backed_off(text: str, cut: int) -> str:
    """``text[:cut]``, moved back so that no character sequence is split at ``cut``."""
    import unicodedata  # only when a value is actually cut

    while cut > 0 and (
        unicodedata.combining(text[cut])
        or text[cut] in "\u200d\u034f"
        or 0xFE00 <= ord(text[cut]) <= 0xFE0F
        or 0xE0100 <= ord(text[cut]) <= 0xE01EF
        or text[cut - 1] == "\u200d"
        or (0xDC00 <= ord(text[cut]) <= 0xDFFF and 0xD800 <= ord(text[cut - 1]) <= 0xDBFF)
    ):
        cut -= 1
    flags = 0
    while cut - flags > 0 and 0x1F1E6 <= ord(text[cut - flags - 1]) <= 0x1F1FF:
        flags += 1
    if flags % 2 and cut < len(text) and 0x1F1E6 <= ord(text[cut]) <= 0x1F1FF:
        cut -= 1  # the cut would part the two letters of a flag
    return text[:cut]


def quoted(value: str, width: int = MESSAGE_WIDTH) -> str:
    """``value`` cut to ``width`` and put in single quotes, for a finding's message."""
    return f"'{shorten(value, width)}'"
