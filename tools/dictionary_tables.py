"""Make the compact dictionaries (`dictionaries.py`) from the installed simplemma:

    python -m tools.dictionary_tables           # write flows/understanding/tables/
    python -m tools.dictionary_tables --check   # exit 1 if the tables differ

Run it after upgrading simplemma (the tables are used only with the version they were made
from). It needs the `dawg2` package (the dev extra), which writes DAWGs; the bot only reads
them. Every form of the library's dictionary is looked up again in the new table before it
is written, and must give the library's lemma.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import dawg
import simplemma
from simplemma.strategies import DefaultDictionaryFactory

from flows.understanding.dictionaries import LANGUAGES, STAMP, TABLES, Edit, edit_of, table_path


def build(folder: Path) -> None:
    """Write every language's table and the stamp into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    languages: dict[str, object] = {}
    for language in LANGUAGES:
        library = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(language)
        entries = sorted(library.items())
        edits: dict[Edit, int] = {}
        numbered = [
            (form, edits.setdefault(edit_of(form, lemma), len(edits))) for form, lemma in entries
        ]
        table = dawg.IntDAWG(numbered)
        listed = list(edits)
        for form, lemma in entries:  # the table must give the library's lemma for each form
            drop, add = listed[table[form]]
            if form[: len(form) - drop] + add != lemma:
                raise RuntimeError(f"{language}: the table does not give a form's lemma")
        table.save(str(table_path(folder, language)))
        languages[language] = {"forms": len(entries), "edits": [list(e) for e in listed]}
    made = {"simplemma": simplemma.__version__, "languages": languages}
    text = json.dumps(made, ensure_ascii=False, separators=(",", ":")) + "\n"
    (folder / STAMP).write_text(text, encoding="utf-8")


def differences(committed: Path) -> list[str]:
    """The files in `committed` that differ from what `build` makes now."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch)
        build(fresh)
        names = [STAMP, *(table_path(fresh, lang).name for lang in LANGUAGES)]
        return [
            name
            for name in names
            if not (committed / name).is_file()
            or (committed / name).read_bytes() != (fresh / name).read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences(TABLES)
        for name in stale:
            print(f"{TABLES / name} differs from what simplemma {simplemma.__version__} makes")
        return 1 if stale else 0
    build(TABLES)
    print(f"wrote {TABLES} from simplemma {simplemma.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
