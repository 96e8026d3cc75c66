"""The flow diagram in docs/ and the README matches the code."""

from __future__ import annotations

from tools import diagram


def test_docs_flow_md_is_up_to_date() -> None:
    current = diagram.FLOW_DOC.read_text(encoding="utf-8")
    assert current == diagram.flow_doc(), "run: python -m tools.diagram"


def test_readme_embeds_the_current_diagram() -> None:
    assert diagram.block() in diagram.README.read_text(encoding="utf-8"), (
        "run: python -m tools.diagram"
    )


def test_the_diagram_shows_every_state_and_the_conditions() -> None:
    source = diagram.mermaid()
    assert source.startswith("---\ntitle: BackPath dialogue")
    for state in ("bowel_bladder", "cancer_history", "debilitating", "done"):
        assert f'state "{state}" as {state}' in source
    assert "nerve_progressive --> done: next [urgent_flag_raised]" in source
    assert "[*] --> bowel_bladder" in source
