"""The generated documents in docs/ and the README match the code."""

from __future__ import annotations

from bot.ui.i18n import LANGUAGES
from flows.questions import QUESTIONS
from flows.referral import REFERRAL_TABLE
from tools import clinical_texts, diagram


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


def test_the_clinical_texts_document_is_up_to_date() -> None:
    assert clinical_texts.DOC.read_text(encoding="utf-8") == clinical_texts.clinical_texts(), (
        "run: python -m tools.clinical_texts"
    )


def test_the_clinical_texts_document_shows_every_question_and_row_in_every_language() -> None:
    document = clinical_texts.clinical_texts()
    for question in QUESTIONS:
        assert f"### `{question.id}`" in document
    for rule in REFERRAL_TABLE:
        assert f"### {rule.referral.row}: " in document
    header = "| | " + " | ".join(LANGUAGES.values()) + " |"
    assert document.count(header) == len(QUESTIONS) + len(REFERRAL_TABLE) + 1
    assert "Is there anything new with your bladder or bowels" in document
