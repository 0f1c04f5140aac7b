"""Voice Studio's inference engine: official CosyVoice model folders -> typed event streams.

Pure PyTorch; never imports Qt.

    from studio.engine import load_model
    engine = load_model(model_dir)
    voice = engine.prepare_voice("me.wav", transcript="what I said")
    for event in engine.synthesize("Hello there.", voice, stream=True):
        ...
"""

from studio.engine.engine import MODES, Engine, load_model
from studio.engine.errors import (
    AudioInputError,
    EngineError,
    ModelFolderError,
    RequestError,
    TextInputError,
    UnsupportedModelError,
)
from studio.engine.events import (
    AudioChunk,
    Cancelled,
    Event,
    Finished,
    MelFrames,
    Segment,
    SpeechTokens,
    TextWarning,
)
from studio.engine.frontend.text import LANGUAGES, Lexicon, LexiconError
from studio.engine.voice import Voice

__all__ = [
    "LANGUAGES",
    "MODES",
    "AudioChunk",
    "AudioInputError",
    "Cancelled",
    "Engine",
    "EngineError",
    "Event",
    "Finished",
    "Lexicon",
    "LexiconError",
    "MelFrames",
    "ModelFolderError",
    "RequestError",
    "Segment",
    "SpeechTokens",
    "TextInputError",
    "TextWarning",
    "UnsupportedModelError",
    "Voice",
    "load_model",
]
