"""The normalization corpus (tests/engine/text_corpus/*.tsv): what a native reader says, per language."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "text_corpus"


def _cases():
    for path in sorted(CORPUS.glob("*.tsv")):
        language = path.stem
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            source, expected = line.split("\t")
            yield pytest.param(language, source, expected, id=f"{language}:{number}")


@pytest.fixture(scope="module")
def normalizer():
    from studio.engine.frontend.text import TextNormalizer
    from studio.engine.frontend.tokenizer import Tokenizer
    from tests.conftest import CV3_MODEL

    tokenizer = Tokenizer(CV3_MODEL / "CosyVoice-BlankEN", "cosyvoice3")
    return TextNormalizer("wetext", tokenizer.encode)


def test_the_corpus_covers_every_language_with_200_cases():
    cases = list(_cases())
    assert len(cases) >= 200
    assert {c.values[0] for c in cases} == {"zh", "en", "ja", "ko", "yue", "de", "es", "fr", "it", "ru"}


@pytest.mark.parametrize("language,source,expected", list(_cases()))
def test_corpus(normalizer, language, source, expected):
    warnings = []
    assert normalizer.normalize(source, split=False, language=language, warnings=warnings) == expected
    assert warnings == []
