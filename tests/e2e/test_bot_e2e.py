"""End to end: the real application, over HTTP, against the fake Bot API server."""

from __future__ import annotations

import asyncio
import re

import pytest

from bot.config import Settings
from flows.questions import QUESTIONS_BY_ID
from testing.fake_telegram import FakeTelegram, SentMessage
from testing.paths import HEADLINES, NO_RED_FLAGS, PATHS, TO_DURATION
from tests.conftest import Chat, RunningBot

USER = 501


def first_line(message: SentMessage) -> str:
    """What the user reads first."""
    return message.visible.split("\n", 1)[0]


@pytest.mark.parametrize("row", ["R1", "R3", "R5", "R9"])
async def test_full_assessment_reaches_its_referral(
    running_bot: RunningBot, chat: type[Chat], row: str
) -> None:
    user = chat(USER)
    async with running_bot():
        welcome, first = await user.send("/start", expect=2)
        assert "guidance, not a diagnosis" in welcome.text
        assert "emergency" in welcome.text
        assert first.text.startswith("<b>Question 1 of 16</b>")
        assert first.button_labels == ["Yes", "No", "Not sure", "Why?"]  # no Back on the first

        result = await user.answer_all(PATHS[row])
        notice, (more,) = await user.tap("More about this", result)

    assert first_line(result).startswith(HEADLINES[row])
    assert "guidance, not a diagnosis" in result.text
    # "Go now" needs no list of when to go; every other result has one.
    warning = "Go to the emergency department at once, or call emergency services, if"
    assert (warning in result.visible) == (row != "R1")
    follow_up = ["Remind me in 42 days if it's not better"] if row == "R3" else []
    assert result.button_labels == [
        *follow_up,
        "More about this",
        "Summary for my doctor",
        "Start a new assessment",
    ]
    assert notice is None and more.visible.startswith("More about this result")
    assert result.edits == 0  # the result stays as it was
    # Every answered question was edited to show the answer, its keyboard removed.
    answered = [m for m in user.received if "Your answer:" in m.text]
    assert len(answered) == len(PATHS[row])
    assert all(m.buttons == [] for m in answered)


async def test_answered_question_is_edited_and_the_next_one_follows(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        notice, (second,) = await user.tap("No", question)

    assert notice is None
    assert question.edits == 1
    assert question.text.endswith("<b>Your answer:</b> No")
    assert "bladder" in question.text
    assert second.text.startswith("<b>Question 2 of 16</b>")
    assert "legs" in second.text


async def test_resume_after_restart_asks_exactly_the_pending_question(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No", "Not sure"])  # three red flags answered

    async with running_bot():
        (offer,) = await user.send("hi")
        assert "You have an unfinished assessment from" in offer.text
        assert offer.button_labels == ["Resume", "Start over"]
        _, (pending,) = await user.tap("Resume", offer)

    assert offer.text == "Carrying on where you stopped."
    # "Not sure" on an emergency sign means an urgent result after the warning signs.
    assert pending.text.startswith("<b>Question 4 of 8</b>")
    assert "fever" in pending.text


async def test_start_offers_resume_and_start_over_discards(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No"])
        (offer,) = await user.send("/start")
        assert offer.button_labels == ["Resume", "Start over"]
        _, (first,) = await user.tap("Start over", offer)
        assert first.text.startswith("<b>Question 1 of 16</b>")


async def test_presses_made_while_the_bot_was_down_are_applied(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
    question = user.last_with_buttons()
    await telegram.press(USER, question, question.data_of("No"))  # the bot is down

    async with running_bot():
        messages = await telegram.wait_for_messages(USER, 3)

    assert "Your answer:" in question.text
    assert messages[-1].text.startswith("<b>Question 2 of 16</b>")


async def test_stale_button_gets_a_notice_and_changes_nothing(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        # Typing instead of tapping shows the question again: two live copies of it.
        _, copy = await user.send("hmm", expect=2)
        await user.tap("No", copy)
        count = len(user.received)

        notice, _ = await user.tap("Yes", first, expect=0)

        assert notice == "You already answered this one. Please answer the latest question."
        assert len(user.received) == count
        # The pending question is still question 2, and answering it works.
        _, (third,) = await user.tap("No")
        assert third.text.startswith("<b>Question 3 of 16</b>")


async def test_button_of_an_earlier_assessment_is_refused(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        _, old_first = await user.send("/start", expect=2)
        await user.send("/restart", expect=2)
        notice, _ = await user.tap("Yes", old_first, expect=0)
        assert notice == "This button belongs to an assessment that is closed."
        assert user.last.text.startswith("<b>Question 1 of 16</b>")


async def test_malformed_callback_data_gets_a_notice(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        count = len(user.received)
        for data in ["garbage", "a:1:nonexistent:yes", "a:999999:bowel_bladder:maybe", "\x00\xff"]:
            query = await telegram.press(USER, first, data)
            assert await telegram.wait_for_answer(query) is not None
        await telegram.wait_until_confirmed()
        assert len(user.received) == count


async def test_typed_text_instead_of_a_button_gets_a_hint_and_the_question_again(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        hint, again = await user.send("my back hurts a lot", expect=2)

    assert "Please pick one of the answers under the question" in hint.text
    assert again.text == first.text
    assert again.button_labels == ["Yes", "No", "Not sure", "Why?"]


async def test_typed_duration_is_understood(running_bot: RunningBot, chat: type[Chat]) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(TO_DURATION)
        understood, location = await user.send("about 3 weeks", expect=2)
        assert understood.text == (
            'You wrote "about 3 weeks": I noted <b>2 to 4 weeks</b>. Choose ◀ Back to change it.'
        )
        assert "Where is the pain?" in location.text
        # Acute pain skips the care questions: 11 questions in all.
        assert location.text.startswith("<b>Question 12 of 13</b>")


@pytest.mark.parametrize(
    "text", ["I can't control my bladder anymore", "my legs gave way this morning"]
)
async def test_typed_emergency_escalates_at_any_point(
    running_bot: RunningBot, chat: type[Chat], text: str
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all([*TO_DURATION, "6 weeks or more"])
        (result,) = await user.send(text)
        assert first_line(result).startswith("Emergency: go to the emergency department")
        assert "You told me about " in result.text
        # The assessment is over: the next message starts nothing by itself.
        (after,) = await user.send("hello")
        assert after.button_labels == ["Start the assessment"]


async def test_cancel_deletes_the_unfinished_assessment(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.tap("No")
        (stopped,) = await user.send("/cancel")
        assert "deleted the answers" in stopped.text
        (nothing,) = await user.send("/cancel")
        assert "no assessment in progress" in nothing.text
        welcome, _ = await user.send("/start", expect=2)
        assert "I'm BackPath" in welcome.text


async def test_delete_asks_first_then_erases(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(PATHS["R3"])
        (confirm,) = await user.send("/delete")
        await user.tap("No, keep it", confirm, expect=0)
        await telegram.wait_for(lambda: confirm.edits)
        assert confirm.text == "Nothing was deleted."
        (confirm,) = await user.send("/delete")
        await user.tap("Yes, delete everything", confirm, expect=0)
        await telegram.wait_for(lambda: confirm.edits)
        assert confirm.text == "Done: everything I stored about you is erased."
        # Nothing is left to resume or to show.
        welcome, _ = await user.send("/start", expect=2)
        assert "I'm BackPath" in welcome.text


async def test_help_and_group_chats(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        (help_text,) = await user.send("/help")
        assert "/restart" in help_text.text
        await telegram.send_text(USER, "/start", chat_type="group")
        group_reply = await telegram.wait_for(
            lambda: [m for m in telegram.messages.values() if m.chat_id < 0]
        )
        assert "private chats" in group_reply[0].text


async def test_redelivered_update_is_applied_once(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        await user.tap("No", first)
        count = len(user.received)
        await telegram.redeliver(telegram.updates[-1]["update_id"])
        await telegram.wait_until_confirmed()
        await telegram.send_text(USER, "/help")
        await telegram.wait_for_messages(USER, count + 1)
        assert len(user.received) == count + 1
        assert user.last_with_buttons().text.startswith("<b>Question 2 of 16</b>")


async def test_many_users_at_once_each_get_their_own_referral(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    rows = list(PATHS) * 3

    async def walk(user_id: int, row: str) -> str:
        user = chat(user_id)
        await user.send("/start", expect=2)
        return first_line(await user.answer_all(PATHS[row]))

    async with running_bot():
        results = await asyncio.gather(*(walk(1000 + i, row) for i, row in enumerate(rows)))

    for row, result in zip(rows, results, strict=True):
        assert result.startswith(HEADLINES[row]), (row, result)


async def test_twenty_taps_on_one_button_record_one_answer(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        data = first.data_of("No")
        queries = [await telegram.press(USER, first, data) for _ in range(20)]
        notices = [await telegram.wait_for_answer(q) for q in queries]
        await telegram.wait_until_confirmed()
        _, (third,) = await user.tap("No")

    assert notices.count(None) == 1
    assert notices.count("You already answered this one. Please answer the latest question.") == 19
    # Welcome, question 1, then exactly one question 2 and, after the next tap, question 3.
    assert len(user.received) == 4
    assert first.edits == 1
    assert third.visible.startswith("Question 3 of 16")


async def test_stickers_and_edited_messages_get_a_clear_answer(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    message = {"message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"},
               "from": {"id": USER, "is_bot": False, "first_name": "U"}}  # fmt: skip
    async with running_bot():
        await user.send("/start", expect=2)
        await telegram._push({"message": {**message, "sticker": {
            "file_id": "s", "file_unique_id": "s", "type": "regular",
            "width": 1, "height": 1, "is_animated": False, "is_video": False}}})  # fmt: skip
        (sticker_reply,) = (await telegram.wait_for_messages(USER, 3))[2:]
        await telegram._push({"edited_message": {**message, "text": "yes", "edit_date": 1}})
        (edit_reply,) = (await telegram.wait_for_messages(USER, 4))[3:]

    assert "I can only read text and button presses" in sticker_reply.text
    assert "I don't read edited messages" in edit_reply.text


async def test_a_sticker_after_choosing_a_language_is_answered_in_that_language(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)  # the app is in English; the user picks Spanish
    sender = {"id": USER, "is_bot": False, "first_name": "U", "language_code": "en"}
    message = {"message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"}, "from": sender}
    async with running_bot():
        (menu,) = await user.send("/language")
        await user.tap("Español", menu, expect=0)
        before = len(user.received)
        await telegram._push({"message": {**message, "sticker": {
            "file_id": "s", "file_unique_id": "s", "type": "regular",
            "width": 1, "height": 1, "is_animated": False, "is_video": False}}})  # fmt: skip
        (sticker_reply,) = (await telegram.wait_for_messages(USER, before + 1))[before:]

    assert sticker_reply.visible.startswith("Solo puedo leer texto")


async def test_a_failing_handler_still_answers_the_user(
    running_bot: RunningBot,
    chat: type[Chat],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.core.service import COMMANDS

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(COMMANDS, "help", broken)  # /help now fails inside its handler
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        (sorry,) = await user.send("/help")
        # The assessment is intact: the pending question can still be answered.
        _, (second,) = await user.tap("No", first)

    assert "something went wrong" in sorry.text
    assert "answers so far are kept" in sorry.text
    assert second.visible.startswith("Question 2 of 16")
    assert any("failed: RuntimeError" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("fast_retries")
async def test_sending_is_retried_after_flood_control_and_server_errors(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        telegram.fail_next("sendMessage", (429, {"retry_after": 1}), (500, None), (502, None))
        telegram.fail_next("answerCallbackQuery", (500, None))
        welcome, first = await user.send("/start", expect=2)
        _, (second,) = await user.tap("No", first)

    assert welcome.visible.startswith("Hi, I'm BackPath")
    assert second.visible.startswith("Question 2 of 16")
    assert len(user.received) == 3  # nothing shown twice
    assert telegram.calls.count("sendMessage") == 3 + 3  # three failed tries, three sent


@pytest.mark.usefixtures("fast_retries")
async def test_when_sending_fails_for_good_the_answer_is_kept(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        telegram.fail_next("sendMessage", *[(500, None)] * 8)  # the next question, the apology
        query = await telegram.press(USER, first, first.data_of("No"))
        await telegram.wait_for_answer(query)
        await telegram.wait_for(lambda: not telegram._failures["sendMessage"])
        # The user writes again and is shown the question that is pending now.
        hint, pending = await user.send("hello?", expect=2)

    assert first.text.endswith("<b>Your answer:</b> No")
    assert "Please pick one of the answers under the question" in hint.text
    assert pending.visible.startswith("Question 2 of 16")


@pytest.mark.sqlite_only
async def test_a_locked_database_gets_a_polite_retry_later_and_recovers(
    running_bot: RunningBot, chat: type[Chat], settings: Settings, database_url: str
) -> None:
    import sqlite3

    settings.database_busy_timeout_ms = 100
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        locker = sqlite3.connect(database_url.split("///", 1)[1], isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
        try:
            notice, (busy,) = await user.tap("No", first)
        finally:
            locker.rollback()
            locker.close()
        # The lock is gone: the same button now works, and nothing was lost or doubled.
        _, (second,) = await user.tap("No", first)

    assert notice is None  # the button still stops spinning
    assert "can't reach my records right now" in busy.text
    assert "try again in a minute" in busy.text
    assert second.visible.startswith("Question 2 of 16")
    assert len(user.received) == 4


async def test_privacy_says_what_is_kept_for_how_long(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    async with running_bot():
        (privacy,) = await chat(USER).send("/privacy")
    assert "What BackPath stores" in privacy.visible
    assert "90 days" in privacy.visible
    assert "/delete" in privacy.visible
    # Everything stored is named: tapped or typed per answer, and the counts /delete keeps.
    assert "tapped or typed" in privacy.visible
    assert "daily counts" in privacy.visible and "stay after /delete" in privacy.visible


async def test_stale_unfinished_assessments_are_purged_by_the_housekeeping_job(
    running_bot: RunningBot, database_url: str
) -> None:
    from datetime import timedelta

    from storage.database import create_engine, create_schema
    from storage.models import utcnow
    from storage.repository import StateRepository

    engine = create_engine(database_url)
    await create_schema(engine)
    repository = StateRepository(engine)
    long_ago = StateRepository(engine, lambda: utcnow() - timedelta(days=91))
    async with long_ago.transaction() as tx:
        await tx.start_assessment(USER, "1", "bowel_bladder")
    async with repository.transaction() as tx:
        await tx.start_assessment(USER + 1, "1", "bowel_bladder")

    async def active(user: int) -> bool:
        async with repository.transaction() as tx:
            return await tx.active_assessment(user) is not None

    async with running_bot():
        for _ in range(100):
            if not await active(USER):
                break
            await asyncio.sleep(0.05)
    assert not await active(USER)
    assert await active(USER + 1)
    await engine.dispose()


async def test_logs_hold_no_answers_and_no_message_text(
    running_bot: RunningBot, chat: type[Chat], caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.INFO)
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.send("my private story about my back", expect=2)
        await user.answer_all(PATHS["R5"])
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "finished" in logged  # the log is not simply empty
    for secret in ["private story", "mechanical", "Movement-related", ":no", "R5", "persistent"]:
        assert secret not in logged


async def test_going_back_after_a_restart_and_changing_a_red_flag_answer(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No"])
    third = user.last_with_buttons()
    assert third.button_labels[-2:] == ["◀ Back", "Why?"]

    async with running_bot():  # Back works from the stored history after a restart
        _, (second_again,) = await user.tap("◀ Back", third)
        await telegram.wait_for(lambda: third.edits)
        assert "You went back" in third.visible
        assert second_again.visible.startswith("Question 2 of 16")
        assert "Your earlier answer: No" in second_again.visible
        _, (result,) = await user.tap("Yes", second_again)

    assert first_line(result).startswith("Emergency: go to the emergency department now")


async def test_a_changed_answer_only_reasks_where_the_path_changes(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        care = await user.answer_all([*TO_DURATION, "6 weeks or more", "Lower back", "Nerve-type"])
        assert care.visible.startswith("Question 14 of 16")
        _, (pain_type,) = await user.tap("◀ Back", care)
        _, (location,) = await user.tap("◀ Back", pain_type)
        assert location.visible.startswith("Question 12 of 16")
        # A new location does not change the path: the kind of pain is not asked again.
        _, (next_question,) = await user.tap("Both", location)
        assert next_question.visible.startswith("Question 14 of 16")
        # Back to the duration: "less than 6 weeks" ends the path with the answers kept.
        for _ in range(3):
            _, (earlier,) = await user.tap("◀ Back")
        assert earlier.visible.startswith("Question 11 of 16")
        _, (result,) = await user.tap("4 to 6 weeks", earlier)

    assert first_line(result).startswith("See your primary care doctor")
    assert "where it hurts: Both" not in result.visible  # R3 explains with the duration
    assert "Your pain has lasted 4 to 6 weeks." in result.visible


async def test_why_explains_the_question_in_an_alert(
    running_bot: RunningBot, chat: type[Chat]
) -> None:
    user = chat(USER)
    async with running_bot():
        _, first = await user.send("/start", expect=2)
        count = len(user.received)
        why, _ = await user.tap("Why?", first, expect=0)
        assert len(user.received) == count
        assert first.edits == 0
    assert why is not None and "nerves at the base of the spine" in why


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def finding(question_id: str) -> str:
    """A question's finding as the summary starts a line with it."""
    text = QUESTIONS_BY_ID[question_id].finding
    return text[:1].upper() + text[1:]


async def test_summary_for_the_doctor_as_text_and_pdf(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        (nothing,) = await user.send("/summary")
        assert "no finished assessment" in nothing.text
        await user.send("/start", expect=2)
        await user.answer_all(TO_DURATION)
        await user.send("about 3 months", expect=2)  # typed: "6 weeks or more"
        result = await user.answer_all(PATHS["R5"][len(TO_DURATION) + 1 :])
        assert result.button_labels[-2:] == ["Summary for my doctor", "Start a new assessment"]
        _, (summary,) = await user.tap("Summary for my doctor", result)
        await telegram.wait_for(lambda: telegram.documents)
        (again,) = await user.send("/summary")
        await telegram.wait_for(lambda: len(telegram.documents) == 2)
        # With a new assessment under way, /summary says whose summary it shows.
        await user.send("/start", expect=2)
        note, while_busy = await user.send("/summary", expect=2)
        await telegram.wait_for(lambda: len(telegram.documents) == 3)

    assert again.text == summary.text == while_busy.text
    assert note.visible.startswith("You have an assessment in progress.")
    text = summary.visible
    assert text.startswith("BackPath summary for your doctor\n")
    assert "guidance, not a diagnosis" in text
    assert "See a physical therapist" in text
    assert "Urgency: routine" in text
    assert f"{finding('duration')}: 6 weeks or more (you wrote: about 3 months)" in text
    assert f"{finding('location')}: Both" in text
    assert f"{finding('pain_type')}: Movement-related" in text
    assert "(red flags)\n• none\n" in text
    assert "Question set version" not in text
    assert "UTC" not in text and not re.search(r"\d:\d\d", text)  # a date, no time of day
    assert "Name" not in text  # the lines to fill in by hand are the PDF's
    chat_id, filename, data = telegram.documents[0]
    assert (
        chat_id == USER and filename.startswith("backpath-summary-") and filename.endswith(".pdf")
    )
    printed = pdf_text(data)
    for expected in ["BackPath summary for your doctor", "Name:", "Date of birth:",
                     "See a physical therapist", "Urgency: routine", "you wrote: about 3 months",
                     f"{finding('location')}: Both",
                     f"{finding('pain_type')}: Movement-related"]:  # fmt: skip
        assert expected in printed
    assert "Question set version" not in printed
    assert not re.search(r"\d:\d\d", printed)


async def test_summary_lists_the_red_flags_found(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "Not sure", "No", "Yes", "No", "No", "No", "No"])
        (summary,) = await user.send("/summary")
        await telegram.wait_for(lambda: telegram.documents)

    text = summary.visible
    assert "Urgent: see a doctor today" in text
    assert "Urgency: today" in text
    assert f"{finding('leg_weakness')}: Not sure" in text
    assert f"{finding('fever')}: Yes" in text
    assert "Other warning signs: no" in text
    # Each answer once: the red flags are not repeated as reasons or among the answers.
    assert text.count(finding("fever")) == 1
    assert f"{finding('fever')}: Yes" in pdf_text(telegram.documents[0][2])


async def test_the_command_menu_is_set_at_start(
    running_bot: RunningBot, telegram: FakeTelegram
) -> None:
    async with running_bot():
        pass
    names = ["start", "summary", "restart", "reminders", "language", "privacy", "cancel",
             "delete", "help"]  # fmt: skip
    assert telegram.commands == {"": names, "es": names, "ru": names}


async def test_six_week_follow_up_is_sent_once_after_a_restart_and_leads_on(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, settings: Settings
) -> None:
    from datetime import timedelta

    from storage.models import utcnow

    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        result = await user.answer_all(PATHS["R3"])  # "Under 2 weeks", movement-related
        _, (confirmation,) = await user.tap("Remind me in 42 days if it's not better", result)
        assert "I'll ask you whether your pain is better" in confirmation.text
        (listed,) = await user.send("/reminders")
        assert len(listed.button_labels) == 1

    settings.reminder_check_seconds = 0.1
    six_weeks_later = lambda: utcnow() + timedelta(days=42, minutes=1)  # noqa: E731
    async with running_bot(clock=six_weeks_later):
        (question,) = await telegram.wait_for(
            lambda: [m for m in user.received if "Is your pain better?" in m.visible]
        )
        await asyncio.sleep(0.5)  # several more checks run: none may send it again
        assert len([m for m in user.received if "Is your pain better?" in m.visible]) == 1
        _, (intro, first) = await user.tap("No, not better", question, expect=2)
        assert "Your answer:" in question.text and "No, not better" in question.visible
        assert "the warning signs again" in intro.text
        assert first.visible.startswith("Question 1 of 16")
        # Red flags and risk factors again, then straight to the care questions: the pain is
        # persistent now, and the age band, where it is and what kind it is carry over.
        care = await user.answer_all([*NO_RED_FLAGS, "No"])
        assert care.visible.startswith("Question 14 of 16")
        result = await user.answer_all(["No, not yet"])
        (none_left,) = await user.send("/reminders")

    assert first_line(result).startswith("See a physical therapist")
    assert none_left.text == "You have no reminders set."


async def test_a_follow_up_answered_better_closes_it_and_reminders_can_be_cancelled(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, settings: Settings
) -> None:
    from datetime import timedelta

    from storage.models import utcnow

    user = chat(USER)
    settings.reminder_check_seconds = 0.1
    async with running_bot(clock=lambda: utcnow() + timedelta(days=3)):
        await user.send("/start", expect=2)
        result = await user.answer_all([*TO_DURATION, "4 to 6 weeks", "Both", "Nerve-type"])
        # Pain of 4 to 6 weeks has lasted at least 28 days: six weeks for certain in 14.
        await user.tap("Remind me in 14 days if it's not better", result)
        (listed,) = await user.send("/reminders")
        assert listed.button_labels[0].startswith("Cancel the reminder of")
        notice, _ = await user.tap(listed.button_labels[0], listed, expect=0)
        assert notice == "Reminder cancelled."
        await telegram.wait_for(lambda: listed.edits)
        assert listed.text == "You have no reminders set."
        # Set again from the same result: it was cancelled, so this is refused politely.
        again, _ = await user.tap("Remind me in 14 days if it's not better", result, expect=0)
        assert again is not None and "already set" in again


async def test_a_spanish_speaking_user_gets_spanish_questions_and_result(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    telegram.app_languages[USER] = "es-MX"
    user = chat(USER)
    async with running_bot():
        welcome, first = await user.send("/start", expect=2)
        assert welcome.visible.startswith("Hola, soy BackPath.")
        assert first.visible.startswith("Pregunta 1 de 16 · Señales de alarma")
        assert first.button_labels == ["Sí", "No", "No lo sé", "¿Por qué?"]
        result = await user.answer_all(
            [
                *["No"] * len(NO_RED_FLAGS),
                "De 18 a 49",
                "No",
                "6 semanas o más",
                "Espalda baja",
                "Por el movimiento",
                "No, todavía no",
            ]
        )
        (summary,) = await user.send("/summary")
        await telegram.wait_for(lambda: telegram.documents)

    assert first_line(result).startswith("Consulta con un fisioterapeuta, o con un quiropráctico")
    assert "quiropráctico" in result.visible
    assert "Esto es una orientación, no un diagnóstico." in result.visible
    assert "Resumen de BackPath para tu médico" in summary.visible
    assert re.search(r"\n\d{1,2} de \w+ de \d{4}\n", summary.visible)  # the date, in Spanish
    printed = pdf_text(telegram.documents[0][2])
    assert "Consulta con un fisioterapeuta" in printed
    assert "Espalda baja" in printed and "Question set version" not in printed


async def test_switching_language_mid_assessment(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No"])
        (menu,) = await user.send("/language")
        assert menu.button_labels == ["English", "Español", "Русский"]
        _, (pending,) = await user.tap("Русский", menu)
        assert menu.visible == "Теперь я буду писать по-русски."
        assert pending.visible.startswith("Вопрос 3 из 16 · Тревожные признаки")
        result = await user.answer_all(
            ["Нет"] * (len(NO_RED_FLAGS) - 2)
            + ["От 18 до 49", "Нет", "Меньше 2 недель", "Поясница", "Нервного типа"]
        )
        # The choice outlives the assessment, whatever the app's language says.
        (help_text,) = await user.send("/help")

    assert first_line(result).startswith("Обратитесь к терапевту")
    assert "Напомнить через 42 дн., если не станет лучше" in result.button_labels
    assert help_text.visible.startswith("Как работает BackPath")
