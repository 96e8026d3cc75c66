"""Every sentence the bot itself says (question and referral wording live in flows/).

Texts use Telegram's HTML subset (<b>, <i>); the console strips the tags.
"""

from __future__ import annotations

from flows.questions import Block

WELCOME = (
    "<b>Hi, I'm BackPath.</b> I help you work out which kind of clinician to see about "
    "lower back or hip pain, and how soon.\n\n"
    "I will first ask about a few warning signs, then about your pain and the care you "
    "have had. It takes two or three minutes.\n\n"
    "<i>This is guidance, not a diagnosis. If you feel it is an emergency, call your "
    "local emergency number now.</i>"
)

HELP = (
    "<b>How BackPath works</b>\n"
    "I ask up to 13 short questions, warning signs first, and then suggest which kind of "
    "clinician to see and how soon. Answer with the buttons; you can leave at any time and "
    "carry on later where you stopped.\n\n"
    "/start - begin, or carry on with an unfinished assessment\n"
    "/restart - throw away the unfinished assessment and begin again\n"
    "/cancel - stop and delete the unfinished answers\n"
    "/delete - erase everything I have stored about you\n"
    "/privacy - what I store and for how long\n"
    "/summary - your last result, for your doctor (also as a PDF)\n"
    "/reminders - see or cancel your follow-up reminders\n"
    "/help - this message\n\n"
    "<i>This is guidance, not a diagnosis. In an emergency call your local emergency "
    "number.</i>"
)


def privacy(retention_days: int) -> str:
    return (
        "<b>What BackPath stores</b>\n"
        "• Your Telegram user id, so your assessment can be continued later.\n"
        "• Each assessment: your answers to the questions, when you gave them, and the "
        "referral you got.\n"
        "• The ids of your recent messages, for two days, so none is handled twice.\n\n"
        "I don't store your name, your typed messages or anything else from your chat.\n\n"
        "<b>How long</b>\n"
        f"An unfinished assessment nobody touches for {retention_days} days is deleted "
        "automatically. Finished assessments stay until you delete them.\n\n"
        "<b>Deleting</b>\n"
        "/cancel deletes the unfinished assessment; /delete erases everything about you."
    )


# Telegram's command menu, in this order.
COMMANDS = (
    ("start", "Begin, or carry on with an unfinished assessment"),
    ("summary", "Your last result, for your doctor"),
    ("restart", "Start a new assessment"),
    ("reminders", "See or cancel your follow-up reminders"),
    ("privacy", "What is stored and for how long"),
    ("delete", "Erase everything stored about you"),
    ("help", "How BackPath works"),
)

BLOCK_TITLES = {
    Block.RED_FLAGS: "Warning signs",
    Block.PAIN: "About your pain",
    Block.CARE: "Care so far",
}


def progress_line(number: int, total: int, block: Block) -> str:
    return f"<b>Question {number} of {total}</b> · {BLOCK_TITLES[block]}"


BACK_BUTTON = "◀ Back"
WHY_BUTTON = "Why?"
WENT_BACK = "↩ <i>You went back to the previous question.</i>"


def earlier_answer(label: str) -> str:
    return f"<i>Your earlier answer: {label}. Tap it again to keep it.</i>"


def your_answer(label: str) -> str:
    return f"✅ <b>Your answer:</b> {label}"


def unfinished_offer(started: str) -> str:
    return (
        f"You have an unfinished assessment from {started}. "
        "Would you like to carry on where you stopped, or start over?"
    )


RESUME = "Resume"
START_OVER = "Start over"
RESUMING = "Carrying on where you stopped."
STARTING_OVER = "Starting a new assessment."
NEW_ASSESSMENT = "Start a new assessment"
SUMMARY_BUTTON = "Summary for my doctor"


def remind_button(days: int) -> str:
    return f"Remind me in {days} days if it's not better"


def reminder_set(when: str) -> str:
    return (
        f"Done. On {when} I'll ask you whether your pain is better. If it isn't, we'll look "
        "at which specialist fits. /reminders shows or cancels it."
    )


REMINDER_EXISTS = "A reminder for this assessment is already set. /reminders shows it."
REMINDER_NOT_POSSIBLE = "A reminder only fits a result for recent pain; this one is closed."
NO_REMINDERS = "You have no reminders set."
REMINDERS_TITLE = "Your reminders (tap one to cancel it):"


def cancel_reminder_button(when: str) -> str:
    return f"Cancel the reminder of {when}"


REMINDER_CANCELLED = "Reminder cancelled."
REMINDER_GONE = "That reminder is no longer pending."
FOLLOW_UP_QUESTION = (
    "Hi, it's BackPath. When you last checked in, your pain was recent. It has now lasted "
    "about six weeks. <b>Is your pain better?</b>"
)
FOLLOW_UP_BETTER = "Yes, it's better"
FOLLOW_UP_NOT_BETTER = "No, not better"
GLAD_BETTER = "Good to hear. Keep active, and come back with /start if the pain returns or changes."
FOLLOW_UP_START = (
    "Pain that has not settled after six weeks is usually worth a specialist's look. First "
    "the warning signs again, then a few questions about the care you have had."
)
FOLLOW_UP_ANSWERED = "You already answered this check-in."
NO_SUMMARY = "There is no finished assessment to summarise yet. Send /start to do one."
SUMMARY_TITLE = "BackPath summary for your doctor"
SUMMARY_DATE = "Date"
SUMMARY_ANSWERS = "Answers"
SUMMARY_RED_FLAGS = "Warning signs reported"
SUMMARY_NO_RED_FLAGS = "none"
SUMMARY_REFERRAL = "Suggested referral"
SUMMARY_REASONS = "Because of"
SUMMARY_FLOW = "Question set version"
SUMMARY_TYPED = "typed by the user"
SUMMARY_CAPTION = "The same summary as a PDF, to print or forward."
START_ASSESSMENT = "Start the assessment"

NO_ASSESSMENT = (
    "Hi! I'm BackPath. I can help you decide which clinician to see about lower back or "
    "hip pain. Tap the button or send /start to begin."
)
ALREADY_ANSWERED = "You already answered this one. Please answer the latest question."
OLD_ASSESSMENT = "This button belongs to an assessment that is closed."
UNKNOWN_BUTTON = "Sorry, I don't recognise that button. Please use the latest message."
OFFER_OUTDATED = "This offer is out of date; nothing was changed."


def use_the_buttons(hint: str = "") -> str:
    extra = f" {hint}" if hint else ""
    return f"Please answer with one of the buttons under the question.{extra}"


DURATION_NOT_UNDERSTOOD = (
    "I couldn't read a length of time from that. Tap a button, or type something like "
    '"10 days", "3 weeks" or "2 months".'
)


def typed_answer_understood(label: str) -> str:
    return f"Got it: <b>{label}</b>."


CANCELLED = (
    "Stopped. I deleted the answers of the unfinished assessment. Send /start whenever "
    "you want to begin again."
)
NOTHING_TO_CANCEL = "There is no assessment in progress. Send /start to begin one."
FLOW_CHANGED = (
    "My questions have changed since you started your last assessment, and none of your "
    "answers fit the new ones, so I can't carry it on. Send /start to begin again; it only "
    "takes a few minutes."
)
FLOW_UPDATED = (
    "My questions have changed a little since you started. I kept every answer that still "
    "applies, so you only get the questions that are new or changed."
)

DELETE_CONFIRM = (
    "This erases everything I have stored about you: every assessment, every answer and "
    "the record of your messages. It cannot be undone. Delete it all?"
)
DELETE_YES = "Yes, delete everything"
DELETE_NO = "No, keep it"
DELETED = "Done: everything I stored about you is erased."
DELETE_KEPT = "Nothing was deleted."

PRIVATE_ONLY = (
    "I only talk in private chats, because health answers should stay private. "
    "Open a chat with me directly to use BackPath."
)
EDITS_IGNORED = (
    "I don't read edited messages, so nothing changed. Please send a new message instead."
)
ONLY_TEXT = "I can only read text and button presses. Please answer with the buttons."
SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side. Your answers so far are kept: "
    "send any message in a moment to carry on."
)
DATABASE_BUSY = (
    "Sorry, I can't reach my records right now. Your earlier answers are safe; please try "
    "again in a minute."
)

# Result message headings.
WHY = "Why"
WHAT_THEY_DO = "What happens there"
MEANWHILE = "Meanwhile"
SEEK_HELP_AT_ONCE = "Go to the emergency department at once if"
REFERRAL_NOTE = "Your primary care doctor is usually the one who writes a referral to a specialist."
NOT_A_DIAGNOSIS = "This is guidance, not a diagnosis."
YOU_TYPED = "you told me"
UNSURE_EMERGENCY_NOTE = "You weren't sure about this sign, so watch for the signs listed below."
