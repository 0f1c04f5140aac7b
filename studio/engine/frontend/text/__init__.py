"""Text frontend: language routing, per-language number reading, protected spans, sentence splitting,
the pronunciation dictionary, and the official CosyVoice rules (`rules` mode, kept unchanged).

`TextNormalizer(mode, tokenize).normalize(text, split, language=, lexicon=, warnings=)` is the entry
point (see normalizer.py for the modes).
"""

from studio.engine.frontend.text.language import check_language
from studio.engine.frontend.text.lexicon import Lexicon, LexiconError
from studio.engine.frontend.text.normalizer import NORMALIZERS, TextNormalizer, split_sentences
from studio.engine.frontend.text.numbers import LANGUAGES
from studio.engine.frontend.text.rules import (
    EN_SENTENCE_END,
    ZH_SENTENCE_END,
    contains_chinese,
    is_only_punctuation,
    remove_bracket,
    replace_blank,
    replace_corner_mark,
    spell_out_number,
    split_paragraph,
)

__all__ = [
    "EN_SENTENCE_END",
    "LANGUAGES",
    "NORMALIZERS",
    "ZH_SENTENCE_END",
    "Lexicon",
    "LexiconError",
    "TextNormalizer",
    "check_language",
    "contains_chinese",
    "is_only_punctuation",
    "remove_bracket",
    "replace_blank",
    "replace_corner_mark",
    "spell_out_number",
    "split_paragraph",
    "split_sentences",
]
