"""Every sentence the bot itself says (question and referral wording live in flows/).

Constants are marked with `N_` and translated where they are used, with `_()`; functions
translate themselves. Texts use Telegram's HTML subset (<b>, <i>); the console strips
the tags.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.ui.i18n import N_, _
from flows.questions import Block

WELCOME = N_(
    "<b>Hi, I'm BackPath.</b> I help you work out which kind of clinician to see about "
    "lower back or hip pain, and how soon.\n\n"
    "I will first ask about a few warning signs, then about your pain and the care you "
    "have had. It takes two or three minutes.\n\n"
    "<i>This is guidance, not a diagnosis. If you feel it is an emergency, call your "
    "local emergency number now.</i>"
)

HELP_INTRO = N_(
    "<b>How BackPath works</b>\n"
    "I ask up to {questions} short questions, warning signs first, and then suggest which "
    "kind of clinician to see and how soon. Answer with the buttons; you can leave at any "
    "time and carry on later where you stopped."
)
HELP_NOTE = N_(
    "<i>This is guidance, not a diagnosis. In an emergency call your local emergency number.</i>"
)


def help_text(commands: Sequence[tuple[str, str]], questions: int) -> str:
    """/help: the introduction, each command with its description, the note."""
    listed = "\n".join(f"/{name} - {_(description)}" for name, description in commands)
    return f"{_(HELP_INTRO).format(questions=questions)}\n\n{listed}\n\n{_(HELP_NOTE)}"


def privacy(retention_days: int) -> str:
    return _(
        "<b>What BackPath stores</b>\n"
        "• Your Telegram user id and the language you chose, so your assessment can be "
        "continued later.\n"
        "• Each assessment: your answers to the questions, when you gave them, and the "
        "referral you got; follow-up reminders you asked for.\n"
        "• The ids of your recent messages, for two days, so none is handled twice.\n\n"
        "• When you type an answer instead of tapping a button, the words behind that answer "
        "are kept with it, so your summary can show them.\n\n"
        "I don't store your name, your other messages or anything else from your chat.\n\n"
        "<b>How long</b>\n"
        "An unfinished assessment nobody touches for {days} days is deleted "
        "automatically. Finished assessments stay until you delete them.\n\n"
        "<b>Deleting</b>\n"
        "/cancel deletes the unfinished assessment; /delete erases everything about you."
    ).format(days=retention_days)


BLOCK_TITLES = {
    Block.RED_FLAGS: N_("Warning signs"),
    Block.PAIN: N_("About your pain"),
    Block.CARE: N_("Care so far"),
}


def progress_line(number: int, total: int, block: Block) -> str:
    question = _("Question {number} of {total}").format(number=number, total=total)
    return f"<b>{question}</b> · {_(BLOCK_TITLES[block])}"


BACK_BUTTON = N_("◀ Back")
WHY_BUTTON = N_("Why?")
WENT_BACK = N_("↩ <i>You went back to the previous question.</i>")


def earlier_answer(label: str) -> str:
    return "<i>{}</i>".format(
        _("Your earlier answer: {label}. Tap it again to keep it.").format(label=label)
    )


def your_answer(label: str) -> str:
    return "✅ <b>{}</b> {}".format(_("Your answer:"), label)


def unfinished_offer(started: str) -> str:
    return _(
        "You have an unfinished assessment from {started}. "
        "Would you like to carry on where you stopped, or start over?"
    ).format(started=started)


RESUME = N_("Resume")
START_OVER = N_("Start over")
RESUMING = N_("Carrying on where you stopped.")
STARTING_OVER = N_("Starting a new assessment.")
NEW_ASSESSMENT = N_("Start a new assessment")
SUMMARY_BUTTON = N_("Summary for my doctor")


def remind_button(days: int) -> str:
    return _("Remind me in {days} days if it's not better").format(days=days)


def reminder_set(when: str) -> str:
    return _(
        "Done. On {when} I'll ask you whether your pain is better. If it isn't, we'll look "
        "at which specialist fits. /reminders shows or cancels it."
    ).format(when=when)


REMINDER_EXISTS = N_("A reminder for this assessment is already set. /reminders shows it.")
REMINDER_NOT_POSSIBLE = N_("A reminder only fits a result for recent pain; this one is closed.")
NO_REMINDERS = N_("You have no reminders set.")
REMINDERS_TITLE = N_("Your reminders (tap one to cancel it):")


def cancel_reminder_button(when: str) -> str:
    return _("Cancel the reminder of {when}").format(when=when)


REMINDER_CANCELLED = N_("Reminder cancelled.")
REMINDER_GONE = N_("That reminder is no longer pending.")
FOLLOW_UP_QUESTION = N_(
    "Hi, it's BackPath. When you last checked in, your pain was recent. By now it has "
    "lasted at least six weeks. <b>Is your pain better?</b>"
)
FOLLOW_UP_BETTER = N_("Yes, it's better")
FOLLOW_UP_NOT_BETTER = N_("No, not better")
GLAD_BETTER = N_(
    "Good to hear. Keep active, and come back with /start if the pain returns or changes."
)
FOLLOW_UP_START = N_(
    "Pain that has not settled after six weeks is usually worth a specialist's look. First "
    "the warning signs again, then a few questions about the care you have had."
)
FOLLOW_UP_ANSWERED = N_("You already answered this check-in.")
NO_SUMMARY = N_("There is no finished assessment to summarise yet. Send /start to do one.")
SUMMARY_TITLE = N_("BackPath summary for your doctor")
SUMMARY_DATE = N_("Date")
SUMMARY_ANSWERS = N_("Answers")
SUMMARY_RED_FLAGS = N_("Warning signs reported")
SUMMARY_NO_RED_FLAGS = N_("none")
SUMMARY_REFERRAL = N_("Suggested referral")
SUMMARY_REASONS = N_("Because of")
SUMMARY_FLOW = N_("Question set version")
SUMMARY_TYPED = N_("typed by the user")


def you_wrote(words: str) -> str:
    return _("you wrote: {words}").format(words=words)


SUMMARY_CAPTION = N_("The same summary as a PDF, to print or forward.")
START_ASSESSMENT = N_("Start the assessment")

NO_ASSESSMENT = N_(
    "Hi! I'm BackPath. I can help you decide which clinician to see about lower back or "
    "hip pain. Tap the button or send /start to begin."
)
ALREADY_ANSWERED = N_("You already answered this one. Please answer the latest question.")
OLD_ASSESSMENT = N_("This button belongs to an assessment that is closed.")
UNKNOWN_BUTTON = N_("Sorry, I don't recognise that button. Please use the latest message.")
OFFER_OUTDATED = N_("This offer is out of date; nothing was changed.")


# Every reply that did not understand a typed message repeats this line (contract v2).
EMERGENCY_REMINDER = N_(
    "⚠️ If you can't control your bladder or bowels, can't pass urine, feel numb around "
    "the groin or buttocks, your legs suddenly give way, or the pain began with a serious "
    "injury: go to the emergency department now."
)


def not_understood() -> str:
    return "{}\n\n{}".format(
        _("Sorry, I didn't understand that. Please answer with the buttons under the question."),
        _(EMERGENCY_REMINDER),
    )


def duration_not_sure(words: str) -> str:
    return "{}\n\n{}".format(
        _(
            'You wrote "{words}", and I can\'t tell for sure whether that is under or over six '
            "weeks. Please pick the closest answer."
        ).format(words=words),
        _(EMERGENCY_REMINDER),
    )


def duration_noted(words: str, label: str) -> str:
    return _('You wrote "{words}": I noted <b>{label}</b>. Tap ◀ Back to change it.').format(
        words=words, label=label
    )


def typed_answer_understood(label: str) -> str:
    return _("Got it: {label}.").format(label=f"<b>{label}</b>")


def red_flag_mentioned(finding: str) -> str:
    return _("You mentioned {finding}. That matters, so let me ask about it.").format(
        finding=f"<b>{finding}</b>"
    )


def red_flag_later(finding: str) -> str:
    return _("You mentioned {finding}. I will ask about it in a moment.").format(
        finding=f"<b>{finding}</b>"
    )


def confirm_emergency(finding: str) -> str:
    return _(
        "Your message may mean: <b>{finding}</b>.\n\n"
        "<b>If this is happening now, it is an emergency: go to the emergency department "
        "now or call emergency services.</b>\n\nIs this happening to you now?"
    ).format(finding=finding)


CONFIRM_YES = N_("Yes, this is happening")
CONFIRM_NO = N_("No, I meant something else")
CONFIRMED_NOT = N_("Understood: nothing was recorded. Let's carry on.")


CANCELLED = N_(
    "Stopped. I deleted the answers of the unfinished assessment. Send /start whenever "
    "you want to begin again."
)
NOTHING_TO_CANCEL = N_("There is no assessment in progress. Send /start to begin one.")
FLOW_CHANGED = N_(
    "My questions have changed since you started your last assessment, and none of your "
    "answers fit the new ones, so I can't carry it on. Send /start to begin again; it only "
    "takes a few minutes."
)
FLOW_UPDATED = N_(
    "My questions have changed a little since you started. I kept every answer that still "
    "applies, so you only get the questions that are new or changed."
)

DELETE_CONFIRM = N_(
    "This erases everything I have stored about you: every assessment, every answer and "
    "the record of your messages. It cannot be undone. Delete it all?"
)
DELETE_YES = N_("Yes, delete everything")
DELETE_NO = N_("No, keep it")
DELETED = N_("Done: everything I stored about you is erased.")
DELETE_KEPT = N_("Nothing was deleted.")

PRIVATE_ONLY = N_(
    "I only talk in private chats, because health answers should stay private. "
    "Open a chat with me directly to use BackPath."
)
EDITS_IGNORED = N_(
    "I don't read edited messages, so nothing changed. Please send a new message instead."
)
ONLY_TEXT = N_("I can only read text and button presses. Please answer with the buttons.")
SOMETHING_WENT_WRONG = N_(
    "Sorry, something went wrong on my side. Your answers so far are kept: "
    "send any message in a moment to carry on."
)
DATABASE_BUSY = N_(
    "Sorry, I can't reach my records right now. Your earlier answers are safe; please try "
    "again in a minute."
)

# Result message headings.
WHY = N_("Why")
WHAT_THEY_DO = N_("What happens there")
MEANWHILE = N_("Meanwhile")
SEEK_HELP_AT_ONCE = N_("Go to the emergency department at once if")
REFERRAL_NOTE = N_(
    "Your primary care doctor is usually the one who writes a referral to a specialist."
)
NOT_A_DIAGNOSIS = N_("This is guidance, not a diagnosis.")
YOU_TYPED = N_("you told me")
UNSURE_EMERGENCY_NOTE = N_("You weren't sure about this sign, so watch for the signs listed below.")

LANGUAGE_PROMPT = N_("Choose your language:")
LANGUAGE_SET = N_("From now on I'll write in English.")
