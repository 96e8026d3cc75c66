"""Telegram's rules: the fake Bot API refuses what Telegram refuses, and the bot keeps them.

The first half calls the fake server directly and checks each HTTP 400 it gives (the
autouse check in conftest.py asserts that no other test provokes any). The second half
runs the bot through double taps and failed sends, where the rules are easy to break: an
edit that changes nothing, a second answer to one button press, a question sent twice.
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from testing.fake_telegram import (
    ANSWER_TOO_LONG,
    BUTTON_DATA_INVALID,
    CANT_PARSE,
    NOT_MODIFIED,
    QUERY_INVALID,
    TOO_LONG,
    FakeTelegram,
    SentMessage,
)
from tests.conftest import Chat, RunningBot

USER = 601


async def call(telegram: FakeTelegram, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
    """One Bot API call, as the bot makes it: a JSON body, nested values as JSON strings."""
    body = {k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in params.items()}
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{telegram.base_url}{telegram.token}/{method}", json=body) as response,
    ):
        return response.status, await response.json()


def keyboard(*data: str) -> dict[str, Any]:
    return {"inline_keyboard": [[{"text": f"button {i}", "callback_data": d}] for i, d in
                                enumerate(data)]}  # fmt: skip


async def send(telegram: FakeTelegram, text: str, **params: Any) -> tuple[int, dict[str, Any]]:
    return await call(telegram, "sendMessage", chat_id=USER, text=text, **params)


def refused(body: dict[str, Any], description: str) -> bool:
    return body == {"ok": False, "error_code": 400, "description": description}


# --- the fake refuses what Telegram refuses -------------------------------------------------


@pytest.mark.refused_calls
async def test_an_edit_that_changes_nothing_is_refused(telegram: FakeTelegram) -> None:
    status, body = await send(telegram, "<b>Hi</b> &amp; bye", parse_mode="HTML",
                              reply_markup=keyboard("x"))  # fmt: skip
    assert status == 200
    message_id = body["result"]["message_id"]

    async def edit(text: str, **params: Any) -> tuple[int, dict[str, Any]]:
        return await call(telegram, "editMessageText", chat_id=USER, message_id=message_id,
                          text=text, parse_mode="HTML", **params)  # fmt: skip

    # The same text and keyboard, also when written differently: Telegram compares what
    # the message shows, not the HTML.
    for same in ["<b>Hi</b> &amp; bye", "<strong>Hi</strong> &#38; bye\n"]:
        status, body = await edit(same, reply_markup=keyboard("x"))
        assert status == 400 and refused(body, NOT_MODIFIED)
    assert telegram.not_modified == 2
    # Any change is an edit: the keyboard, the formatting, the text.
    assert (await edit("<b>Hi</b> &amp; bye", reply_markup=keyboard("y")))[0] == 200
    assert (await edit("<i>Hi</i> &amp; bye", reply_markup=keyboard("y")))[0] == 200
    assert (await edit("<i>Hi</i> &amp; bye"))[0] == 200  # keyboard removed
    status, body = await edit("<i>Hi</i> &amp; bye")
    assert refused(body, NOT_MODIFIED)
    assert telegram.not_modified == 3
    assert [r.method for r in telegram.refused] == ["editMessageText"] * 3
    assert telegram.refused[-1] in FakeTelegram.every_refusal


@pytest.mark.refused_calls
async def test_a_callback_query_is_answered_once(telegram: FakeTelegram) -> None:
    _, body = await send(telegram, "Pick", reply_markup=keyboard("x"))
    message = telegram.messages[body["result"]["message_id"]]
    query = await telegram.press(USER, message, "x")

    assert (await call(telegram, "answerCallbackQuery", callback_query_id=query))[0] == 200
    status, body = await call(telegram, "answerCallbackQuery", callback_query_id=query, text="hi")
    assert status == 400 and refused(body, QUERY_INVALID)
    status, body = await call(telegram, "answerCallbackQuery", callback_query_id="never-issued")
    assert refused(body, QUERY_INVALID)
    assert telegram.answered_twice == 2
    assert telegram.callback_answers[query] is None  # the first answer stands


@pytest.mark.refused_calls
async def test_texts_are_limited_to_4096_characters_after_parsing(telegram: FakeTelegram) -> None:
    # Tags and character references do not count, nor does whitespace at either end.
    assert (await send(telegram, f"<b>{'x' * 4095}</b>&amp;\n\n", parse_mode="HTML"))[0] == 200
    assert (await send(telegram, "💥" * 4096))[0] == 200
    status, body = await send(telegram, "x" * 4097)
    assert status == 400 and refused(body, TOO_LONG)
    status, body = await send(telegram, f"<b>{'x' * 4096}</b>&amp;", parse_mode="HTML")
    assert refused(body, TOO_LONG)
    _, body = await send(telegram, "short")
    status, body = await call(telegram, "editMessageText", chat_id=USER,
                              message_id=body["result"]["message_id"], text="y" * 4097)  # fmt: skip
    assert refused(body, TOO_LONG)
    assert len(telegram.refused) == 3


@pytest.mark.refused_calls
async def test_callback_data_is_limited_to_64_bytes(telegram: FakeTelegram) -> None:
    assert (await send(telegram, "ok", reply_markup=keyboard("x" * 64, "é" * 32)))[0] == 200
    for data in ["x" * 65, "é" * 33]:
        status, body = await send(telegram, "too long", reply_markup=keyboard("a", data))
        assert status == 400 and refused(body, BUTTON_DATA_INVALID)
    assert len(telegram.refused) == 2


@pytest.mark.refused_calls
async def test_a_button_answer_is_limited_to_200_characters(telegram: FakeTelegram) -> None:
    _, body = await send(telegram, "Pick", reply_markup=keyboard("x"))
    message = telegram.messages[body["result"]["message_id"]]
    first, second = [await telegram.press(USER, message, "x") for _ in range(2)]
    status, body = await call(telegram, "answerCallbackQuery", callback_query_id=first,
                              text="é" * 201, show_alert=True)  # fmt: skip
    assert status == 400 and refused(body, ANSWER_TOO_LONG)
    # Refused, so not answered: it can still be answered, within the limit.
    assert (await call(telegram, "answerCallbackQuery", callback_query_id=first,
                       text="é" * 200))[0] == 200  # fmt: skip
    assert (await call(telegram, "answerCallbackQuery", callback_query_id=second))[0] == 200
    assert len(telegram.refused) == 1


@pytest.mark.refused_calls
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("line<br>break", 'Unsupported start tag "br" at byte offset 4'),
        ("<div>block</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("<p>para</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("é <b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("closed</b>", 'Unexpected end tag "b" at byte offset 6'),
        ("<b><i>crossed</b></i>", 'Unmatched end tag, expected "</i>", found "</b>"'),
        ("1 < 2", "Expected tag name at byte offset 2"),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler"'),
        ("<b", "Unclosed start tag at byte offset 0"),
    ],
)
async def test_html_outside_telegrams_subset_or_unbalanced_is_refused(
    telegram: FakeTelegram, text: str, reason: str
) -> None:
    status, body = await send(telegram, text, parse_mode="HTML")
    assert status == 400
    assert body["description"].startswith(CANT_PARSE)
    assert reason in body["description"]
    assert telegram.refused[0].description == body["description"]
    # The same characters without parse_mode are plain text.
    assert (await send(telegram, text))[0] == 200


async def test_telegrams_html_subset_is_accepted_and_parsed(telegram: FakeTelegram) -> None:
    text = (
        "<b>b</b><strong>strong</strong><i>i</i><em>em</em><u>u</u><ins>ins</ins><s>s</s>"
        '<strike>strike</strike><del>del</del><span class="tg-spoiler">spoiler</span>'
        '<tg-spoiler>tg</tg-spoiler><a href="https://example.org/?a=1&amp;b=2">link</a>'
        '<code>code</code><pre><code class="language-python">pre</code></pre>'
        '<blockquote>quote</blockquote><tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>'
        " <B>upper</B> 1 &lt; 2 &gt; 0 &quot;q&quot; &#128165; &foo; 💥<b>after</b>"
    )
    status, body = await send(telegram, text, parse_mode="HTML")
    assert status == 200
    shown = body["result"]
    assert shown["text"].startswith("bstrongiemuinssstrikedelspoilertglinkcodepre")
    assert shown["text"].endswith(' upper 1 < 2 > 0 "q" 💥 &foo; 💥after')
    types = [e["type"] for e in shown["entities"]]
    for kind in ["bold", "italic", "underline", "strikethrough", "spoiler", "text_link", "code",
                 "pre", "blockquote", "custom_emoji"]:  # fmt: skip
        assert kind in types
    link = next(e for e in shown["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://example.org/?a=1&b=2"
    # Offsets count UTF-16 units: each 💥 is two.
    after = shown["entities"][-1]
    assert (after["type"], after["length"]) == ("bold", 5)
    assert after["offset"] == len(shown["text"].encode("utf-16-le")) // 2 - 5


# --- the bot keeps the rules ----------------------------------------------------------------


async def double_tap(
    telegram: FakeTelegram, message: SentMessage, label: str, at_once: bool
) -> tuple[str, str]:
    """Press one button twice: at once (both presses carry the message as it was), or
    the second after the first was handled (it carries the message as edited by then)."""
    data = message.data_of(label)
    if at_once:
        updates = [telegram.press_update(USER, message, data) for _ in range(2)]
        for update in updates:
            await telegram.send_update(USER, update)
        first, second = (u["callback_query"]["id"] for u in updates)
        await telegram.wait_for_answer(first)
    else:
        first = await telegram.press(USER, message, data)
        await telegram.wait_for_answer(first)
        await telegram.wait_for(lambda: message.edits)
        second = await telegram.press(USER, message, data)
    await telegram.wait_for_answer(second)
    return first, second


async def settle(user: Chat) -> None:
    """Let anything still under way arrive: one more round trip through the bot."""
    (help_text,) = await user.send("/help")
    assert "/restart" in help_text.text


def count(user: Chat, text: str) -> int:
    return sum(1 for m in user.received if m.text == text)


both_ways = pytest.mark.parametrize("at_once", [False, True], ids=["one-after-other", "at-once"])


@both_ways
async def test_a_double_tap_on_resume_asks_the_pending_question_once(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, at_once: bool
) -> None:
    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        _, (second,) = await user.tap("No", question)
        (offer,) = await user.send("/start")
        assert offer.button_labels == ["Resume", "Start over"]
        first, repeat = await double_tap(telegram, offer, "Resume", at_once)
        await settle(user)

    assert offer.text == "Carrying on where you stopped."
    assert offer.edits == 1
    assert count(user, second.text) == 2  # once before the offer, once after Resume
    assert telegram.callback_answers[first] is None and telegram.callback_answers[repeat] is None
    assert telegram.not_modified == 0
    assert telegram.refused == []


@both_ways
async def test_a_double_tap_on_a_language_asks_the_pending_question_once(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, at_once: bool
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        await user.answer_all(["No", "No"])
        (menu,) = await user.send("/language")
        await double_tap(telegram, menu, "Español", at_once)
        await settle(user)

    assert menu.visible.startswith("A partir de ahora")
    assert menu.edits == 1
    pending = [m for m in user.received if m.visible.startswith("Pregunta 3 de 16")]
    assert len(pending) == 1
    assert telegram.not_modified == 0
    assert telegram.refused == []


@both_ways
@pytest.mark.parametrize("label", ["Yes, delete everything", "No, keep it"])
async def test_a_double_tap_on_a_delete_button_edits_once(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram, label: str, at_once: bool
) -> None:
    user = chat(USER)
    async with running_bot():
        await user.send("/start", expect=2)
        (confirm,) = await user.send("/delete")
        received = len(user.received)
        await double_tap(telegram, confirm, label, at_once)
        await settle(user)

    assert confirm.edits == 1
    assert confirm.button_labels == []
    assert len(user.received) == received + 1  # only the reply to /help
    assert telegram.not_modified == 0
    assert telegram.refused == []


@pytest.mark.usefixtures("fast_retries")
async def test_when_the_reply_cannot_be_sent_the_apology_comes_and_the_press_is_answered_once(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    from bot.telegram.retry import ATTEMPTS

    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        telegram.fail_next("sendMessage", *[(500, None)] * ATTEMPTS)  # the next question
        query = await telegram.press(USER, question, question.data_of("No"))
        (sorry,) = (await telegram.wait_for_messages(USER, 3))[2:]
        await settle(user)

    assert "something went wrong" in sorry.text
    assert "answers so far are kept" in sorry.text
    assert query in telegram.callback_answers
    assert telegram.calls.count("answerCallbackQuery") == 1
    assert question.text.endswith("<b>Your answer:</b> No")
    assert telegram.answered_twice == 0
    assert telegram.refused == []


async def test_a_press_whose_handling_fails_is_answered_once_with_the_apology(
    running_bot: RunningBot,
    chat: type[Chat],
    telegram: FakeTelegram,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.core.service import TriageService

    async def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        monkeypatch.setattr(TriageService, "press", broken)
        query = await telegram.press(USER, question, question.data_of("No"))
        (sorry,) = (await telegram.wait_for_messages(USER, 3))[2:]
        await telegram.wait_for_answer(query)

    assert "something went wrong" in sorry.text
    assert telegram.calls.count("answerCallbackQuery") == 1
    assert telegram.refused == []


async def test_one_users_replies_arrive_in_the_order_of_their_messages(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    # The next question is held up by flood control (one second); the reply to the
    # message typed meanwhile must not overtake it.
    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        before = len(user.received)
        telegram.fail_next("sendMessage", (429, {"retry_after": 1}))
        await telegram.press(USER, question, question.data_of("No"))
        await telegram.wait_for(lambda: telegram.calls.count("sendMessage") >= 3)
        await telegram.send_text(USER, "/help")
        received = await telegram.wait_for_messages(USER, before + 2)

    assert len(received) == before + 2
    next_question, help_text = received[-2:]
    assert next_question.visible.startswith("Question 2 of 16")
    assert "/restart" in help_text.text


async def test_a_button_is_answered_at_once_while_an_earlier_reply_is_held_up(
    running_bot: RunningBot, chat: type[Chat], telegram: FakeTelegram
) -> None:
    # The answer to a button is no message in the chat: it need not wait its turn.
    user = chat(USER)
    async with running_bot():
        _, question = await user.send("/start", expect=2)
        before = len(user.received)
        telegram.fail_next("sendMessage", (429, {"retry_after": 1}))
        await telegram.send_text(USER, "/help")  # its reply is held for a second
        await telegram.wait_for(lambda: telegram.calls.count("sendMessage") >= 3)
        why = await telegram.press(USER, question, question.data_of("Why?"))
        reason = await telegram.wait_for_answer(why)
        shown_meanwhile = len(user.received) - before
        (help_text,) = (await telegram.wait_for_messages(USER, before + 1))[before:]

    assert reason and shown_meanwhile == 0  # the reason came while /help's reply waited
    assert "/restart" in help_text.text
