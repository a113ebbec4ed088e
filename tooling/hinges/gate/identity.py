"""Whether two records at different paths are the same record: the evidence a rename needs.

A file name is not an identity: two teams that each add "the next" decision give two
different records one number and one id. Moving a record keeps what it says, so two
records are taken to be the same when their titles are alike *and* their bodies are alike,
by difflib's ratio (whitespace and case aside; git's rename detection measures whole files
the same way):

* titles by character, at least :data:`TITLE_THRESHOLD`: "Use Postgres" and "Use
  PostgreSQL" are alike, "Use Kafka for events" and "Use NATS for orders" are not;
* bodies by word, headings left out (every record has the same section headings), at
  least :data:`BODY_THRESHOLD`.

Both are needed: records written from the same template have near-identical bodies until
they are filled in, and two records may share a title ("Adopt feature flags") and differ
in all they say. A renamed record whose title was lightly edited is still the same record.

Only a few candidates are ever compared (those sharing an id, a number or a body), and the
cheap upper bounds of the ratio are tried first.
"""

from __future__ import annotations

from collections.abc import Sequence

from hinges.records import Record

TITLE_THRESHOLD = 0.7
"""The least ratio of two titles' characters for the records to be the same."""
BODY_THRESHOLD = 0.6
"""The least ratio of two bodies' words (headings aside) for the records to be the same."""


def _title(record: Record) -> str:
    return " ".join((record.title or "").split()).casefold()


def _body(record: Record) -> list[str]:
    # Words, not characters: as telling for prose, and far cheaper on long bodies.
    lines = record.body.casefold().splitlines()
    return [word for line in lines if not line.lstrip().startswith("#") for word in line.split()]


def alike(one: Sequence[str], other: Sequence[str], threshold: float) -> bool:
    """Whether difflib's ratio of ``one`` and ``other`` reaches ``threshold``."""
    if one == other:
        return True
    from difflib import SequenceMatcher  # only when records are compared: not at start-up

    matcher = SequenceMatcher(None, one, other, autojunk=False)
    return (
        matcher.real_quick_ratio() >= threshold
        and matcher.quick_ratio() >= threshold
        and matcher.ratio() >= threshold
    )


def same_record(one: Record, other: Record) -> bool:
    """Whether ``one`` and ``other`` say the same thing: alike titles and alike bodies."""
    if one.kind != other.kind:
        return False
    return alike(_title(one), _title(other), TITLE_THRESHOLD) and alike(
        _body(one), _body(other), BODY_THRESHOLD
    )
