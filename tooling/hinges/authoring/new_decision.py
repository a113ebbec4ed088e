"""Create a decision: validate what was asked for, write the file, update what it supersedes.

Nothing here prompts or prints; the command gathers the answers (from options or from the
user) and calls :func:`create_decision`. Creating a record reads no other decision: the
next number comes from file names. Only ``--supersedes`` reads the records it names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from hinges.authoring.create import create_next, record_folder
from hinges.authoring.naming import record_id, slugify
from hinges.authoring.templates import DecisionDraft, add_months, decision_text
from hinges.config import Config
from hinges.errors import HingesError
from hinges.visible import shorten

CREATABLE_STATUSES = ("proposed", "accepted")


class DecisionRequest(NamedTuple):
    """What the user asked for, already cleaned (title, handles and tenet ids validated)."""

    title: str
    door: str
    owner: str
    status: str = "proposed"
    deciders: Sequence[str] = ()
    tenets: Sequence[str] = ()
    supersedes: Sequence[str] = ()
    exit_path: str | None = None
    sections: Sequence[tuple[str, str]] = ()
    """Body text written for sections (heading, Markdown) instead of the template's prompts."""
    applies_to: Sequence[str] = ()


class NewDecision(NamedTuple):
    path: Path
    id: str
    superseded: Sequence[Path] = ()


def normalise_decision_id(text: str, prefix: str) -> str:
    """``ADR-0003`` from ``ADR-0003``, ``adr-3`` or ``3``; raises HingesError otherwise."""
    cleaned = text.strip()
    head, hyphen, digits = cleaned.rpartition("-")
    # The prefix is letters and digits (hinges.config.is_id_prefix), so it holds no hyphen.
    if (hyphen and not (head.isascii() and head.upper() == prefix.upper())) or not (
        digits.isdigit() and digits.isascii()
    ):
        raise HingesError(f"{shorten(cleaned)!r} is not a decision id such as {prefix}-0003")
    # Padded as a string: int() refuses digit runs over 4,300 long, and no file has one.
    return f"{prefix}-{digits.lstrip('0').rjust(4, '0')}"


class Gap(NamedTuple):
    """Something an accepted record would lack; ``plural`` when it is several things."""

    text: str
    plural: bool = False


def acceptance_gaps(request: DecisionRequest, config: Config) -> list[Gap]:
    """What an accepted record would lack, the way the door rules of ``hinges check`` see it."""
    gaps = []
    if not request.exit_path:
        gaps.append(Gap("an exit path (--exit-path)"))
    needed = config.one_way_min_deciders
    if request.door == "one-way" and len(request.deciders) < needed:
        deciders = "decider" if needed == 1 else "deciders"
        gaps.append(
            Gap(
                f"at least {needed} {deciders} (--decider, given {len(request.deciders)})",
                plural=needed > 1,
            )
        )
    return gaps


def refuse_unready(request: DecisionRequest, config: Config) -> None:
    """Raise if the front matter asked for lacks what an accepted decision needs."""
    gaps = acceptance_gaps(request, config)
    if gaps:
        wanted = "them" if len(gaps) > 1 or gaps[0].plural else "one"
        raise HingesError(
            f"an accepted {request.door} door needs {' and '.join(g.text for g in gaps)}; "
            f"create it as proposed and accept it with 'hinges status' once it has {wanted}"
        )


def draft_for(request: DecisionRequest, number: int, config: Config, today: dt.date) -> str:
    review_by = None
    if request.door == "one-way":
        review_by = add_months(today, config.review_interval_months)
    draft = DecisionDraft(
        id=record_id("decision", number, config.id_prefix),
        title=request.title,
        status=request.status,
        date=today,
        door=request.door,
        owner=request.owner,
        deciders=request.deciders,
        tenets=request.tenets,
        exit_path=request.exit_path,
        review_by=review_by,
        supersedes=request.supersedes,
        required_sections=config.required_sections,
        sections=request.sections,
        applies_to=request.applies_to,
    )
    return decision_text(draft)


def create_decision(
    root: Path, config: Config, request: DecisionRequest, today: dt.date
) -> NewDecision:
    """Write the next decision; mark the ones it supersedes. Raises HingesError on refusal."""
    if request.status not in CREATABLE_STATUSES:
        raise HingesError(
            f"a new decision starts as proposed or accepted, not {request.status!r}; "
            "change it later with 'hinges status'"
        )
    if request.status == "accepted":
        refuse_unready(request, config)
        raise HingesError(
            "a new decision's body is the template's prompts until someone writes it, so it "
            "cannot start as accepted; add --edit to write it now and accept it when the "
            "editor closes, or create it as proposed and accept it with 'hinges status' "
            "once it is written"
        )
    directory = record_folder(root, config.decisions_dir, "decision")
    old_paths: list[Path] = []
    if request.supersedes:
        from hinges.authoring.relations import check_supersedable
        from hinges.source_config import split_qualified

        # Another registry's decision is checked by the caller and never edited from here.
        local = [i for i in request.supersedes if split_qualified(i) is None]
        old_paths = check_supersedable(root, config, local) if local else []
    created = create_next(
        directory,
        "decision",
        slugify(request.title),
        lambda number: draft_for(request, number, config, today),
    )
    new_id = record_id("decision", created.number, config.id_prefix)
    if old_paths:
        _supersede(old_paths, created.path, new_id, today)
    return NewDecision(created.path, new_id, old_paths)


def _supersede(old_paths: list[Path], new_path: Path, new_id: str, today: dt.date) -> None:
    """Mark every old record; on any failure put them back as they were and drop the new one."""
    from hinges.atomic import write_bytes
    from hinges.authoring.relations import mark_superseded

    originals = {path: path.read_bytes() for path in old_paths}
    done: list[Path] = []
    try:
        for path in old_paths:
            mark_superseded(path, new_id, today)
            done.append(path)
    except Exception as error:
        for path in done:
            write_bytes(path, originals[path])
        new_path.unlink(missing_ok=True)
        reason = error.format() if isinstance(error, HingesError) else repr(error)
        raise HingesError(
            f"could not mark the superseded records ({reason}); nothing was changed"
        ) from error
