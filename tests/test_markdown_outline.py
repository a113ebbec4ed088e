"""The Markdown outline reader: headings outside fenced code, sections and list items."""

from __future__ import annotations

import textwrap

import pytest

from hinges.markdown import Heading, ListItem, parse_outline


def outline_of(text: str) -> list[tuple[int, str, int]]:
    return [(h.level, h.text, h.line) for h in parse_outline(textwrap.dedent(text)).headings]


def test_atx_headings_with_levels_and_lines() -> None:
    text = """\
        # Title

        ## Context
        text
        ### Detail
        ###### Six
        ####### Seven is a paragraph
        """
    assert outline_of(text) == [(1, "Title", 1), (2, "Context", 3), (3, "Detail", 5), (6, "Six", 6)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Title #", [(1, "Title", 1)]),
        ("## Title ##   ", [(2, "Title", 1)]),
        ("# Title#", [(1, "Title#", 1)]),  # no space before the run: it is text
        ("# Use C#", [(1, "Use C#", 1)]),
        ("### ###", [(3, "", 1)]),
        ("#", [(1, "", 1)]),
        ("#\tTabbed", [(1, "Tabbed", 1)]),
        ("   # Three spaces", [(1, "Three spaces", 1)]),
        ("    # Four spaces is code", []),
        ("#hashtag", []),
        ("#5 bolt", []),
        ("\\# escaped", []),
    ],
)
def test_heading_forms(line: str, expected: list[tuple[int, str, int]]) -> None:
    headings = parse_outline(line).headings
    assert [(h.level, h.text, h.line) for h in headings] == expected


def test_headings_inside_backtick_and_tilde_fences_are_code() -> None:
    text = """\
        # Title
        ```yaml
        # a YAML comment
        ```
        ~~~
        # a shell comment
        ~~~
        ## After
        """
    outline = parse_outline(textwrap.dedent(text))
    assert [(h.text, h.line) for h in outline.headings] == [("Title", 1), ("After", 8)]
    assert outline.code_lines == frozenset({2, 3, 4, 5, 6, 7})


def test_a_fence_closes_only_with_the_same_character_and_at_least_its_length() -> None:
    text = """\
        ````markdown
        ```
        # still code
        ~~~~
        # still code
        ````
        # Heading
        """
    assert outline_of(text) == [(1, "Heading", 7)]


def test_a_closing_fence_has_no_info_string() -> None:
    text = """\
        ```
        ```python
        # still code
        ```
        # Heading
        """
    assert outline_of(text) == [(1, "Heading", 5)]


def test_a_backtick_info_string_with_a_backtick_is_not_a_fence() -> None:
    text = """\
        ``` not `a` fence
        # Heading
        """
    assert outline_of(text) == [(1, "Heading", 2)]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    assert outline_of("# Title\n~~~\n## Not a heading\n") == [(1, "Title", 1)]


def test_setext_headings_are_not_recognised() -> None:
    # Documented limitation: records use ATX headings.
    assert outline_of("Title\n=====\n\nSection\n-------\n") == []


def test_section_runs_to_the_next_heading_of_the_same_or_higher_level() -> None:
    text = """\
        # Title
        ## Options considered
        intro
        ### One
        #### Pros
        ### Two
        ## Decision
        text
        """
    outline = parse_outline(textwrap.dedent(text))
    options = outline.section(outline.headings[1])
    assert options.end_line == 6
    assert [h.text for h in options.subheadings] == ["One", "Pros", "Two"]
    assert [h.text for h in options.children] == ["One", "Two"]
    assert options.intro_end_line == 3
    assert outline.section_lines(options) == ("intro", "### One", "#### Pros", "### Two")
    decision = outline.section(outline.headings[-1])
    assert decision.end_line == 8
    assert outline.section_lines(decision) == ("text",)
    assert [s.heading.text for s in outline.sections(2)] == ["Options considered", "Decision"]
    assert outline.first(1) == Heading(1, "Title", 1)
    assert outline.first(5) is None


def test_list_items_skip_code_and_thematic_breaks_and_find_the_outer_list() -> None:
    text = """\
        - Kafka
          - replayable
        * * *
        2. Polling
        ```
        - not an item
        ```
        -not an item either
        """
    outline = parse_outline(textwrap.dedent(text))
    assert outline.list_items(1, 8) == [
        ListItem(1, 0, "Kafka"),
        ListItem(2, 2, "replayable"),
        ListItem(4, 0, "Polling"),
    ]
    assert [item.text for item in outline.top_level_items(1, 8)] == ["Kafka", "Polling"]
    assert outline.top_level_items(5, 8) == []


def test_indented_code_is_not_a_list_unless_a_list_is_open() -> None:
    assert parse_outline("    - code\n").list_items(1, 1) == []


def test_crlf_text_has_the_same_outline() -> None:
    assert outline_of("# Title\r\n\r\n## Context\r\n") == [(1, "Title", 1), (2, "Context", 3)]


def test_empty_text_has_an_empty_outline() -> None:
    outline = parse_outline("")
    assert (outline.lines, outline.headings, outline.code_lines) == ((), (), frozenset())


def test_unclosed_fence_marks_every_remaining_line_as_code() -> None:
    outline = parse_outline("# Title\n\n~~~\nprose\n# code\n")
    assert outline.code_lines == frozenset({3, 4, 5})
    assert outline.lines == ("# Title", "", "~~~", "prose", "# code")


def test_a_heading_from_another_outline_has_no_section() -> None:
    with pytest.raises(ValueError, match="is not a heading of this outline"):
        parse_outline("# A\n").section(Heading(1, "B", 1))


# Under a second in linear time, on a loaded machine too; quadratic would take minutes.
@pytest.mark.timeout(30)
def test_many_headings_are_read_in_linear_time() -> None:
    # 40,000 headings: reading sections in quadratic time would take minutes.
    text = "# Options\n" + "## Option\n- a\n- b\n" * 40_000
    outline = parse_outline(text)
    sections = list(outline.sections())
    assert len(sections) == 40_001
    assert len(sections[0].children) == 40_000
    assert sections[-1].end_line == outline.line_count == 120_001
