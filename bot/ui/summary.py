"""The summary of a finished assessment for a doctor: as a chat message and as a PDF.

Built on request from the stored assessment; nothing of it is stored. One A4 page a
clinician reads in half a minute: the referral, the warning signs, then each answer once.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from babel.dates import format_date

from bot.core.replies import Document, Message
from bot.ui import render, texts
from bot.ui.i18n import N_, _, current
from flows import machine
from flows.questions import NO, QUESTIONS_BY_ID, RED_FLAG_IDS, RED_FLAGS, Question
from flows.referral import REFERRALS_BY_ROW, REPORTED_EMERGENCY, Urgency
from storage.repository import StoredAssessment

if TYPE_CHECKING:
    from fpdf import FPDF

FONTS = Path(__file__).parent / "fonts"

TITLE = N_("BackPath summary for your doctor")
FROM_QUESTIONNAIRE = N_("Made from the answers to the BackPath questionnaire.")
NAME = N_("Name")
BIRTH_DATE = N_("Date of birth")
REFERRAL = N_("Suggested referral")
RED_FLAGS_HEADING = N_("Warning signs (red flags)")
NO_RED_FLAGS = N_("none")
OTHER_RED_FLAGS_NO = N_("Other warning signs: no")
RED_FLAGS_NOT_ASKED = N_("Other warning signs: not asked")
TYPED = N_("typed by the user")
ANSWERS = N_("Answers")
URGENCY = {
    Urgency.EMERGENCY: N_("Urgency: emergency, now"),
    Urgency.URGENT: N_("Urgency: today"),
    Urgency.SOON: N_("Urgency: soon"),
    Urgency.ROUTINE: N_("Urgency: routine"),
}

# Typed words are kept up to 200 characters; more than this crowds the page.
MAX_WORDS_SHOWN = 120


def you_wrote(words: str) -> str:
    return _("you wrote: {words}").format(words=words)


@dataclass(frozen=True, slots=True)
class Summary:
    """What the summary shows, already in the user's language."""

    assessment_id: int
    finished: datetime  # names the file
    date: str
    referral: str
    urgency: str
    red_flags: tuple[str, ...]
    answers: tuple[str, ...]  # "Finding: answer", in asked order


def build(assessment: StoredAssessment, emergency_number: str = "") -> Summary:
    """The summary of a finished assessment, in the current language."""
    assert assessment.referral is not None and assessment.finished_at is not None
    referral = REFERRALS_BY_ROW[assessment.referral]
    return Summary(
        assessment_id=assessment.id,
        finished=assessment.finished_at,
        date=format_date(assessment.finished_at, format="long", locale=current()),
        referral=_(referral.headline).format(call=texts.call_emergency(emergency_number)),
        urgency=_(URGENCY[referral.urgency]),
        red_flags=tuple(_red_flag_lines(assessment)),
        answers=tuple(_answer_lines(assessment)),
    )


def _shorten(words: str) -> str:
    """At most MAX_WORDS_SHOWN characters, "…" marking a cut."""
    if len(words) <= MAX_WORDS_SHOWN:
        return words
    cut = words[: MAX_WORDS_SHOWN - 1]
    # End on a whole word, unless that throws away much of it.
    space = cut.rfind(" ")
    if space > MAX_WORDS_SHOWN // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def _line(question: Question, answers: Mapping[str, str], said: str | None = None) -> str:
    """ "Finding: answer (you wrote: …)"; `said` replaces the answer's label."""
    if said is None:
        option = question.option(answers.get(question.id, ""))
        said = _(option.label) if option else ""
    words = answers.get(machine.note_key(question.id, machine.WORDS))
    if words:
        said = f"{said} ({you_wrote(_shorten(words))})"
    return f"{render.capital(_(question.finding))}: {said}"


def _red_flag_lines(assessment: StoredAssessment) -> list[str]:
    """Each warning sign found; those answered no share one line, unless they carry typed
    words or the questions stopped before the last sign."""
    answers = assessment.answers
    reported = answers.get(REPORTED_EMERGENCY)
    stopped_early = any(q.id != reported and q.id not in answers for q in RED_FLAGS)
    lines = []
    quiet_no = 0
    for question in RED_FLAGS:
        given = answers.get(question.id)
        typed = machine.note_key(question.id, machine.WORDS) in answers
        if question.id == reported:
            lines.append(_line(question, answers, _(TYPED)))
        elif given == NO and not typed and not stopped_early:
            quiet_no += 1
        elif given is not None:
            lines.append(_line(question, answers))
    if quiet_no:
        lines.append(_(OTHER_RED_FLAGS_NO) if lines else _(NO_RED_FLAGS))
    if stopped_early:
        lines.append(_(RED_FLAGS_NOT_ASKED))
    return lines


def _answer_lines(assessment: StoredAssessment) -> list[str]:
    """The answers after the warning signs, in asked order; an answer the current
    questions no longer know (an older question set) is left out."""
    asked = (QUESTIONS_BY_ID.get(q) for q in assessment.history if q not in RED_FLAG_IDS)
    return [
        _line(q, assessment.answers)
        for q in asked
        if q is not None and q.option(assessment.answers.get(q.id, "")) is not None
    ]


def _sections(summary: Summary) -> list[tuple[str, list[str]]]:
    """The bulleted sections, under the referral."""
    sections = [(_(RED_FLAGS_HEADING), list(summary.red_flags) or [_(NO_RED_FLAGS)])]
    if summary.answers:
        sections.append((_(ANSWERS), list(summary.answers)))
    return sections


def _subtitle() -> str:
    return f"{_(FROM_QUESTIONNAIRE)} {_(texts.NOT_A_DIAGNOSIS)}"


def as_message(summary: Summary) -> Message:
    parts = [
        f"<b>{_(TITLE)}</b>\n{html.escape(summary.date)}\n<i>{html.escape(_subtitle())}</i>",
        f"<b>{_(REFERRAL)}</b>\n{html.escape(summary.referral)}\n{html.escape(summary.urgency)}",
    ]
    for heading, lines in _sections(summary):
        body = "\n".join(f"• {html.escape(line)}" for line in lines)
        parts.append(f"<b>{heading}</b>\n{body}")
    return Message("\n\n".join(parts))


def in_progress_note(summary: Summary) -> Message:
    """Said before the summary while a newer assessment is unfinished."""
    return render.note(
        _(
            "You have an assessment in progress. This summary is of your last finished one, "
            "from {date}."
        ).format(date=render.date(summary.finished))
    )


def as_pdf(summary: Summary) -> Document:
    """The summary as a PDF file, drawn later (`Document.draw`) in the current language."""
    filename = f"backpath-summary-{summary.finished:%Y-%m-%d}-{summary.assessment_id}.pdf"
    return Document(
        filename,
        caption=_(texts.SUMMARY_CAPTION),
        draw=partial(_draw_pdf, summary),
        key=(summary.assessment_id, summary.finished, current()),
    )


# Body text sizes in points, tried in order until the summary fits one page.
SIZES = (11, 10, 9, 8)


def _draw_pdf(summary: Summary) -> bytes:
    for size in SIZES:
        pdf = _draw(summary, size)
        if pdf.page_no() == 1:
            break
    return bytes(pdf.output())


def _draw(summary: Summary, size: float) -> FPDF:
    # Imported on the first summary drawn (in its thread), not at start-up: fpdf and
    # fontTools are a sixth of the bot's imports and about 20 MB.
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16)
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(_(TITLE))
    pdf.set_creator("BackPath")
    # DejaVu covers Latin, Cyrillic and more, so every language prints.
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    line = size * 0.5  # mm: a little over the font's own height
    _text(pdf, _(TITLE), size + 6, line + 3, bold=True)
    _text(pdf, summary.date, size, line)
    _text(pdf, _subtitle(), size - 1.5, line, grey=True)
    pdf.ln(line)
    for label in (_(NAME), _(BIRTH_DATE)):
        _blank(pdf, label, size, line * 2)
    pdf.ln(line * 0.8)
    _text(pdf, _(REFERRAL), size + 1, line + 1, bold=True)
    _text(pdf, summary.referral, size, line, bold=True)
    _text(pdf, summary.urgency, size, line)
    for heading, lines in _sections(summary):
        pdf.ln(line * 0.8)
        _text(pdf, heading, size + 1, line + 1, bold=True)
        for text in lines:
            _bullet(pdf, text, size, line)
    return pdf


def _text(
    pdf: FPDF, text: str, size: float, height: float, bold: bool = False, grey: bool = False
) -> None:
    pdf.set_font("DejaVu", "B" if bold else "", size)
    pdf.set_text_color(90 if grey else 0)
    pdf.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _bullet(pdf: FPDF, text: str, size: float, height: float) -> None:
    """A bulleted line whose wrapped lines stay clear of the bullet."""
    pdf.set_font("DejaVu", "", size)
    pdf.set_text_color(0)
    pdf.set_x(pdf.l_margin + 1)
    pdf.cell(size * 0.4, height, "•", new_x="RIGHT", new_y="TOP")
    pdf.multi_cell(0, height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _blank(pdf: FPDF, label: str, size: float, height: float) -> None:
    """A label and a rule to write on by hand."""
    pdf.set_font("DejaVu", "", size)
    pdf.set_text_color(0)
    text = f"{label}:"
    pdf.cell(pdf.get_string_width(text) + 2, height, text, new_x="RIGHT", new_y="TOP")
    y = pdf.get_y() + height * 0.75
    pdf.line(pdf.get_x(), y, pdf.l_margin + 120, y)
    pdf.ln(height)
