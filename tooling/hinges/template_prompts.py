"""The prompts hinges' templates write into new records, for the author to replace.

One place for this text, shared by the templates that write it
(:mod:`hinges.authoring.templates`) and by the rule that finds it left in a record
(HG803 template-text, :mod:`hinges.rules._templates`), so the two cannot drift apart. A
leaf module: plain constants, cheap to import on the ``hinges new`` path.

Section names (the keys of the guidance tables) are structure a real record keeps; every
prompt, the option template (heading included) and the example front-matter values are
placeholders.
"""

from __future__ import annotations

ONE_WAY_GUIDANCE = {
    "Context": (
        "What forces us to decide now? What do we know, what do we not know, and which\n"
        "tenets pull in different directions here?"
    ),
    "Options considered": (
        "This is a one-way door: weigh at least two real options, including the one you\n"
        "expect to reject, and what each would cost to undo."
    ),
    "Decision": "Which option we chose, and why it wins over the others.",
    "Consequences": "What becomes easier, what becomes harder, and what we must now do.",
    "Exit path": (
        "How we would back out if this proves wrong, and what it would cost: time, data to\n"
        "migrate, contracts to renegotiate. A one-way door's exit path is honest about its\n"
        "cost. Put a one-line summary in `exit_path` in the front matter."
    ),
}
TWO_WAY_GUIDANCE = {
    "Context": "What problem does this solve, and why now?",
    "Decision": "What we chose, in a sentence or two.",
    "Consequences": (
        "What changes for the team. This is a two-way door: say in `exit_path` how we would\n"
        "walk back through it."
    ),
}
REQUIRED_SECTION_PROMPT = "Required by this registry: fill it in."
"""The text under a section the registry requires and the door's template does not have."""
OPTION_TEMPLATE = (
    "### Option {n}: name it\n\n"
    "What it is; what it makes easier and harder; what undoing it would cost."
)
"""One option to weigh; ``{n}`` is its number. All of it, heading included, is a placeholder."""

TENET_STATEMENT = "State the tenet in one or two sentences: what wins over what."
TENET_RATIONALE = "Why we hold this tenet, and what we give up by holding it."
TENET_TENSION = "Which recurring disagreement this settles in advance, and in whose favour."

EXAMPLE_DECIDERS = ("@alice", "@bob")
"""The deciders the template shows in a commented-out line: examples, not people."""
EXIT_PATH_PROMPT = "How we would back out, and what it would cost."
"""The exit path the template shows in a commented-out line."""
