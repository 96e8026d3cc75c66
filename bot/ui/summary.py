"""The summary of a finished assessment for a doctor: as a chat message and as a PDF.

Built on request from the stored assessment; nothing of it is stored.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from babel.dates import format_datetime
from fpdf import FPDF

from bot.core.replies import Document, Message
from bot.ui import texts
from bot.ui.i18n import _, current
from bot.ui.render import reasons
from flows import machine
from flows.questions import QUESTIONS_BY_ID, RED_FLAGS, UNSURE, YES
from flows.referral import REFERRALS_BY_ROW, REPORTED_EMERGENCY
from storage.repository import StoredAssessment

FONTS = Path(__file__).parent / "fonts"


@dataclass(frozen=True, slots=True)
class Summary:
    assessment_id: int
    finished: datetime
    flow_version: str
    answers: tuple[tuple[str, str], ...]  # (what was asked, the answer), in asked order
    red_flags: tuple[str, ...]
    referral: str
    reasons: tuple[str, ...]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def build(assessment: StoredAssessment) -> Summary:
    assert assessment.referral is not None and assessment.finished_at is not None
    answers = []
    for question_id in assessment.history:
        question = QUESTIONS_BY_ID.get(question_id)
        option = question.option(assessment.answers.get(question_id, "")) if question else None
        if question is not None and option is not None:
            label = _(option.label)
            words = assessment.answers.get(machine.note_key(question_id, machine.WORDS))
            if words:  # "6 weeks or more (you wrote: about 3 months)"
                label = f"{label} ({texts.you_wrote(words)})"
            answers.append((_capital(_(question.finding)), label))
    flags = [
        f"{_capital(_(q.finding))} ({_(q.option(assessment.answers[q.id]).label)})"  # type: ignore[union-attr]
        for q in RED_FLAGS
        if assessment.answers.get(q.id) in (YES, UNSURE)
    ]
    reported = QUESTIONS_BY_ID.get(assessment.answers.get(REPORTED_EMERGENCY, ""))
    if reported is not None:
        flags.append(f"{_capital(_(reported.finding))} ({_(texts.SUMMARY_TYPED)})")
    referral = REFERRALS_BY_ROW[assessment.referral]
    return Summary(
        assessment_id=assessment.id,
        finished=assessment.finished_at,
        flow_version=assessment.flow_version,
        answers=tuple(answers),
        red_flags=tuple(flags),
        referral=_(referral.headline),
        reasons=tuple(reasons(referral, assessment.answers)),
    )


def _sections(summary: Summary) -> list[tuple[str, list[str]]]:
    return [
        (_(texts.SUMMARY_DATE), [format_datetime(summary.finished, "long", locale=current())]),
        (_(texts.SUMMARY_REFERRAL), [summary.referral]),
        (_(texts.SUMMARY_REASONS), list(summary.reasons)),
        (_(texts.SUMMARY_RED_FLAGS), list(summary.red_flags) or [_(texts.SUMMARY_NO_RED_FLAGS)]),
        (_(texts.SUMMARY_ANSWERS), [f"{asked}: {answer}" for asked, answer in summary.answers]),
        (_(texts.SUMMARY_FLOW), [summary.flow_version]),
    ]


def as_message(summary: Summary) -> Message:
    parts = [f"<b>{_(texts.SUMMARY_TITLE)}</b>"]
    for heading, lines in _sections(summary):
        body = "\n".join(f"• {html.escape(line)}" for line in lines)
        parts.append(f"<b>{heading}</b>\n{body}")
    parts.append(f"<i>{_(texts.NOT_A_DIAGNOSIS)}</i>")
    return Message("\n\n".join(parts))


def as_pdf(summary: Summary) -> Document:
    """The summary as a PDF file, drawn later (`Document.draw`) in the current language."""
    filename = f"backpath-summary-{summary.finished:%Y-%m-%d}-{summary.assessment_id}.pdf"
    return Document(
        filename,
        caption=_(texts.SUMMARY_CAPTION),
        draw=partial(_draw_pdf, summary),
        key=(summary.assessment_id, summary.finished, current()),
    )


def _draw_pdf(summary: Summary) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(_(texts.SUMMARY_TITLE))
    pdf.set_creator("BackPath")
    # DejaVu covers Latin, Cyrillic and more, so every language prints.
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 9, _(texts.SUMMARY_TITLE), new_x="LMARGIN", new_y="NEXT")
    for heading, lines in _sections(summary):
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12)
        pdf.multi_cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 11)
        for line in lines:
            pdf.multi_cell(0, 6, f"• {line}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 5, f"{_(texts.NOT_A_DIAGNOSIS)} {_(texts.REFERRAL_NOTE)}")
    return bytes(pdf.output())
