"""The gettext catalogues: complete, compiled, and faithful to the placeholders."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.ui.i18n import DOMAIN, LANGUAGES, LOCALES
from testing.catalogue import marked_strings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [code for code in LANGUAGES if code != "en"]


MARKED = marked_strings()


def test_the_code_marks_the_texts_users_see() -> None:
    assert len(MARKED) > 150
    assert "Question {number} of {total}" in MARKED
    assert "Emergency: go to the emergency department now, or {call}." in MARKED


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_marked_string_is_translated(code: str) -> None:
    with (LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalogue = read_po(po)
    translated = {m.id: m.string for m in catalogue if m.id and m.string and not m.fuzzy}
    missing = sorted(MARKED - translated.keys())
    assert not missing, f"{code}: {len(missing)} strings without a translation: {missing[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_placeholders_and_tags(code: str) -> None:
    with (LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalogue = read_po(po)
    for message in catalogue:
        if not message.id:
            continue
        for pattern in (r"\{\w+\}", r"</?[a-z]+>", r"/[a-z]+\b"):
            assert sorted(re.findall(pattern, message.id)) == sorted(
                re.findall(pattern, message.string)
            ), (code, message.id)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(code: str) -> None:
    with (LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as po:
        catalogue = read_po(po)
    compiled = gettext.translation(DOMAIN, LOCALES, languages=[code])
    stale = [m.id for m in catalogue if m.id and compiled.gettext(m.id) != m.string]
    assert not stale, f"run: pybabel compile -d bot/locales -D {DOMAIN} ({len(stale)} stale)"
