"""Every sentence the bot itself says (question and referral wording live in flows/).

Constants are marked with `N_` and translated where they are used, with `_()`; functions
translate themselves. Texts use Telegram's HTML subset (<b>, <i>); the console strips
the tags.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.ui.i18n import N_, _
from flows.questions import Block


def call_emergency(number: str) -> str:
    """ "call 112" when the operator set the local emergency number, else a general phrase."""
    if number:
        return _("call {number}").format(number=number)
    return _("call emergency services")


def welcome(number: str) -> str:
    return _(
        "<b>Hi, I'm BackPath.</b> I help you work out which kind of clinician to see about "
        "lower back or hip pain, and how soon.\n\n"
        "I will first ask about a few warning signs, then about your pain and the care you "
        "have had. It takes two or three minutes.\n\n"
        "<i>This is guidance, not a diagnosis. If you think it is an emergency, go to the "
        "emergency department or {call} now.</i>"
    ).format(call=call_emergency(number))


HELP_INTRO = N_(
    "<b>How BackPath works</b>\n"
    "I ask up to {questions} short questions, warning signs first, and then suggest which "
    "kind of clinician to see and how soon. Pick an answer under each question; you can "
    "leave at any time and carry on later where you stopped."
)


def help_text(commands: Sequence[tuple[str, str]], questions: int, number: str) -> str:
    """/help: the introduction, each command with its description, the note."""
    listed = "\n".join(f"/{name} - {_(description)}" for name, description in commands)
    note = _(
        "<i>This is guidance, not a diagnosis. In an emergency, go to the emergency "
        "department or {call}.</i>"
    ).format(call=call_emergency(number))
    return f"{_(HELP_INTRO).format(questions=questions)}\n\n{listed}\n\n{note}"


def privacy(retention_days: int, in_telegram: bool) -> str:
    account = (
        _("Your Telegram user id")
        if in_telegram
        else _("A number made from your user name on this computer")
    )
    return _(
        "<b>What BackPath stores</b>\n"
        "• {account} and the language you chose, so your assessment can be continued "
        "later.\n"
        "• Each assessment: its language, your answers to the questions (and whether you "
        "tapped or typed each), when you gave them, and the referral you got; follow-up "
        "reminders you asked for.\n"
        "• The ids of your recent messages, for two days, so none is handled twice.\n"
        "• When you type an answer instead of picking one, the words behind that answer "
        "are kept with it, so your summary can show them.\n\n"
        "I don't store your name, your other messages or anything else from your chat.\n\n"
        "For the clinic's statistics I also keep daily counts, such as how many assessments "
        "were started in each language. They hold nothing about who you are, so they stay "
        "after /delete.\n\n"
        "<b>How long</b>\n"
        "An unfinished assessment nobody touches for {days} days is deleted "
        "automatically. Finished assessments stay until you delete them.\n\n"
        "<b>Deleting</b>\n"
        "/cancel deletes the unfinished assessment; /delete erases everything about you."
    ).format(days=retention_days, account=account)


BLOCK_TITLES = {
    Block.RED_FLAGS: N_("Warning signs"),
    Block.ABOUT_YOU: N_("About you"),
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
        _("Your earlier answer: {label}. Pick it again to keep it.").format(label=label)
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


def reminder_set(when: str, in_telegram: bool) -> str:
    done = _(
        "Done. On {when} I'll ask you whether your pain is better. If it isn't, we'll look "
        "at which specialist fits. /reminders shows or cancels it."
    ).format(when=when)
    if in_telegram:
        return done
    return "{}\n\n{}".format(done, _("This reminder comes only in Telegram, not in this terminal."))


REMINDER_EXISTS = N_("A reminder for this assessment is already set. /reminders shows it.")
REMINDER_NOT_POSSIBLE = N_("A reminder only fits a result for recent pain; this one is closed.")
NO_REMINDERS = N_("You have no reminders set.")
REMINDERS_TITLE = N_("Your reminders (pick one to cancel it):")


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
NO_SUMMARY = N_("There is no finished assessment to summarize yet. Send /start to do one.")
SUMMARY_CAPTION = N_("The same summary as a PDF, to print or forward.")
START_ASSESSMENT = N_("Start the assessment")

NO_ASSESSMENT = N_(
    "Hi! I'm BackPath. I can help you decide which clinician to see about lower back or "
    "hip pain. Choose the button below or send /start to begin."
)
ALREADY_ANSWERED = N_("You already answered this one. Please answer the latest question.")
OLD_ASSESSMENT = N_("This button belongs to an assessment that is closed.")
UNKNOWN_BUTTON = N_("Sorry, I don't recognize that button. Please use the latest message.")
OFFER_OUTDATED = N_("This offer is out of date; nothing was changed.")


def emergency_reminder(number: str) -> str:
    """The one line every reply that did not understand a typed message repeats (v2)."""
    return _(
        "⚠️ If you can't control your bladder or bowels, can't pass urine, feel numb between "
        "the legs, your legs suddenly give way, or the pain began with a serious injury: go "
        "to the emergency department now or {call}."
    ).format(call=call_emergency(number))


def not_understood(number: str) -> str:
    return "{}\n\n{}".format(
        _("Sorry, I didn't understand that. Please pick one of the answers under the question."),
        emergency_reminder(number),
    )


QUESTION_TYPED = N_(
    "I can't answer typed questions, sorry. Tap Why? under the question to see why I ask "
    "it, then pick the answer that fits best."
)


def question_typed(number: str) -> str:
    """A question the user typed about a sign (v3): it is never read as a report."""
    return f"{_(QUESTION_TYPED)}\n\n{emergency_reminder(number)}"


def duration_not_sure(words: str, number: str) -> str:
    return "{}\n\n{}".format(
        _(
            'You wrote "{words}", and I can\'t tell for sure whether that is under or over six '
            "weeks. Please pick the closest answer."
        ).format(words=words),
        emergency_reminder(number),
    )


def duration_noted(words: str, label: str) -> str:
    return _('You wrote "{words}": I noted <b>{label}</b>. Choose ◀ Back to change it.').format(
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


def confirm_emergency(finding: str, number: str) -> str:
    return _(
        "Your message may mean: <b>{finding}</b>.\n\n"
        "<b>If this is happening now, it is an emergency: go to the emergency department "
        "now or {call}.</b>\n\nIs this happening to you now?"
    ).format(finding=finding, call=call_emergency(number))


# Contract v3: rows R7-R10 when the user gave a risk factor.
TELL_THE_DOCTOR = N_("Tell the doctor about your risk factor.")
CONFIRM_YES = N_("Yes, this is happening")
CONFIRM_NO = N_("No, I meant something else")
CONFIRMED_NOT = N_("Understood: no emergency was recorded. Let's carry on.")


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
ONLY_TEXT = N_("I can only read text and button presses. Please pick one of the answers.")
SOMETHING_WENT_WRONG = N_(
    "Sorry, something went wrong on my side. Your answers so far are kept: "
    "send any message in a moment to carry on."
)
DATABASE_BUSY = N_(
    "Sorry, I can't reach my records right now. Your earlier answers are safe; please try "
    "again in a minute."
)

# The result message.
NOT_A_DIAGNOSIS = N_("This is guidance, not a diagnosis.")
MORE_BUTTON = N_("More about this")
MORE_TITLE = N_("More about this result")


def warning_signs(number: str) -> str:
    """When to seek care at once: the emergency signs in plain words and nerve symptoms
    that get worse (contract section 5)."""
    return _(
        "⚠️ Go to the emergency department at once, or {call}, if you lose bladder or bowel "
        "control, can't pass urine, go numb between the legs, your legs suddenly go weak or "
        "can't hold you, or numbness or weakness gets worse."
    ).format(call=call_emergency(number))


SEVERAL_FLAGS = N_("You told me about several warning signs.")


def you_told_me(findings: str) -> str:
    return _("You told me about {findings}.").format(findings=findings)


def you_were_unsure(findings: str) -> str:
    return _("You were not sure about {findings}.").format(findings=findings)


# The terminal version (`backpath console`).
def console_intro(commands: Sequence[str]) -> str:
    return _(
        "BackPath in your terminal. Type the number of an answer, b to go back, ? to see "
        "why a question is asked, or write in your own words. Commands: {commands}"
    ).format(commands=" ".join(commands))


def console_saved(caption: str, path: str) -> str:
    return _("{caption} Saved to {path}").format(caption=caption, path=path)


CONSOLE_STOPPED = N_(
    "Stopped. Your answers are saved: run backpath console again to carry on where you left off."
)

LANGUAGE_PROMPT = N_("Choose your language:")
LANGUAGE_SET = N_("From now on I'll write in English.")
