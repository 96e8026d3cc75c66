"""`backpath stats`: the clinic's numbers after real conversations through the service,
on SQLite and PostgreSQL, with nothing about anyone in them."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.core import stats
from bot.core.replies import Reply
from bot.core.service import Sender, TriageService
from storage.models import utcnow
from storage.repository import StateRepository
from storage.stats import Numbers, clinic_numbers
from testing.paths import PATHS


def button(reply: Reply, label: str) -> str:
    return next(
        b.data for m in reply.messages for row in m.buttons for b in row if b.label == label
    )


def first_button(reply: Reply) -> str:
    return next(m.buttons[0][0].data for m in reply.messages if m.buttons)


async def finish(service: TriageService, who: Sender, labels: list[str]) -> Reply:
    reply = await service.command("start", who)
    for label in labels:
        reply = await service.press(who, button(reply, label))
    return reply


async def numbers_now(repository: StateRepository, since: date | None = None) -> Numbers:
    # Every unfinished assessment counts as stopped, however recently it was touched.
    return await clinic_numbers(repository.engine, since, utcnow() + timedelta(days=1))


def cells(report: list[stats.Line], section: str, key: str) -> dict[str, object]:
    return dict(next(x for x in report if (x.section, x.key) == (section, key)).cells)


async def test_the_numbers_count_assessments_referrals_typing_and_confirmations(
    repository: StateRepository,
) -> None:
    service = TriageService(repository)
    english = [Sender(user, language_code="en") for user in range(1, 7)]
    for who in english[:5]:
        await finish(service, who, PATHS["R3"])
    spanish = Sender(20, language_code="es")
    await service.command("start", spanish)
    await service.press(spanish, first_button(await service.pending_question(spanish)))  # Sí
    # Typed words that may report an emergency: asked, and confirmed with a tap.
    typist = english[5]
    await service.command("start", typist)
    confirm = await service.text(typist, "my bum has gone numb i think")
    await service.press(typist, button(confirm, "Yes, this is happening"))
    # Russian speakers who stop: one at the first question, one after a typed answer.
    for user in (30, 31):
        await service.command("start", Sender(user, language_code="ru"))
    await service.text(Sender(31, language_code="ru"), "нет")
    # A user who erases everything leaves the finished numbers (not the started count).
    gone = Sender(40, language_code="en")
    await finish(service, gone, PATHS["R3"])
    deleted = await service.command("delete", gone)
    await service.press(gone, button(deleted, "Yes, delete everything"))

    report = stats.lines(await numbers_now(repository), exact=True)
    assert cells(report, "assessments", "started") == {
        "en": 7, "es": 1, "ru": 2, "total": 10
    }  # fmt: skip
    assert cells(report, "assessments", "finished") == {"en": 6, "es": 1, "ru": 0, "total": 7}
    assert cells(report, "referrals", "R3")["en"] == 5
    assert cells(report, "referrals", "R1") == {"en": 1, "es": 1, "ru": 0, "total": 2}
    assert cells(report, "urgency", "emergency")["total"] == 2
    assert cells(report, "urgency", "routine")["total"] == 5
    # The confirmed emergency was given with a tap; the Russian "нет" was typed.
    assert cells(report, "answers", "typed") == {"en": 0, "es": 0, "ru": 1, "total": 1}
    given = 5 * len(PATHS["R3"]) + 1 + 1 + 1
    assert cells(report, "answers", "given")["total"] == given
    assert cells(report, "answers", "typed_share")["total"] == round(1 / given, 3)
    assert cells(report, "emergency_confirmations", "asked") == {
        "en": 1, "es": 0, "ru": 0, "total": 1
    }  # fmt: skip
    assert cells(report, "emergency_confirmations", "confirmed")["total"] == 1
    assert cells(report, "stopped_at", "total")["ru"] == 2
    stopped = {x.key: x.cells["ru"] for x in report if x.section == "stopped_at"}
    assert stopped == {"total": 2, "bowel_bladder": 1, "leg_weakness": 1}

    # As shown by default: small counts hidden, and no share that would give one away.
    shown = stats.lines(await numbers_now(repository))
    assert cells(shown, "assessments", "started") == {
        "en": 7, "es": "<5", "ru": "<5", "total": 10
    }  # fmt: skip
    assert cells(shown, "answers", "typed_share")["total"] is None
    text = stats.as_text(shown, None, exact=False)
    assert "counts 1-4 are shown as <5" in text
    for private in ("gone numb", "нет", "bum"):  # nobody's words, in no form
        assert private not in text
        assert private not in stats.as_json(report, None, exact=True)

    assert cells(stats.lines(await numbers_now(repository, date.today() + timedelta(days=2))),
                 "assessments", "started")["total"] == 0  # fmt: skip


def run_stats(monkeypatch: pytest.MonkeyPatch, database: Path, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    monkeypatch.chdir(database.parent)  # no .env of the developer's
    return main(["stats", *args])


@pytest.mark.sqlite_only
@pytest.mark.usefixtures("logging_restored")
def test_backpath_stats_prints_a_table_or_json_and_refuses_a_bad_date(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "backpath.db"
    assert run_stats(monkeypatch, database) == 1  # no database yet: none is made
    assert "there is no database file" in capsys.readouterr().err
    assert not database.exists()
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    assert main(["migrate"]) == 0
    capsys.readouterr()

    assert run_stats(monkeypatch, database, "--since", "2026-01-31") == 0
    table = capsys.readouterr().out
    assert table.startswith("BackPath numbers, since 2026-01-31 (UTC)")
    assert "Assessments started" in table and "en" in table and "total" in table

    assert run_stats(monkeypatch, database, "--json") == 0
    found = json.loads(capsys.readouterr().out)
    assert found["assessments"]["started"] == {"en": 0, "es": 0, "ru": 0, "total": 0}

    assert run_stats(monkeypatch, database, "--since", "last tuesday") == 2
    err = capsys.readouterr().err
    assert err == "backpath: --since wants a day as YYYY-MM-DD, e.g. --since 2026-01-31\n"
