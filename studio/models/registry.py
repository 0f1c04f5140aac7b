"""The models the studio knows how to download: repo ids on each hub, the files the engine needs, sizes.

Sizes are approximate (from the release layout) and only used before the hub has answered; once the
hub's file listing is in, the real sizes (and SHA-256 digests where the hub gives them) are used.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.models.errors import ModelsError

MB = 1_000_000
GB = 1_000_000_000

HUGGINGFACE = "huggingface"
MODELSCOPE = "modelscope"
HUBS = (HUGGINGFACE, MODELSCOPE)

# The BlankEN Qwen2 weights: our engine reads the same tensors from llm.pt, the official code needs them.
QWEN_WEIGHTS = "CosyVoice-BlankEN/model.safetensors"


@dataclass(frozen=True)
class ModelFile:
    """One file of a release: its path in the repo, its approximate size, whether the engine needs it."""

    path: str
    approx_size: int
    required: bool = True
    note: str = ""


@dataclass(frozen=True)
class KnownModel:
    name: str  # also the folder name under the models folder
    title: str
    family: str  # "cosyvoice2" | "cosyvoice3"
    repos: dict[str, str]  # hub -> repo id
    files: tuple[ModelFile, ...]
    description: str = ""
    default: bool = False
    kind: str = "tts"  # "tts" (a CosyVoice folder) or "asr" (a speech recognizer, studio/transcribe/)
    revision: dict[str, str] = field(default_factory=lambda: {HUGGINGFACE: "main", MODELSCOPE: "master"})

    def repo(self, hub: str) -> str:
        return self.repos[hub]

    def wanted(self, include_optional: bool = True, include_qwen_weights: bool = False) -> list[ModelFile]:
        """The files to download with these options (accelerator exports are never listed at all)."""
        out = []
        for f in self.files:
            if f.path == QWEN_WEIGHTS:
                if include_qwen_weights:
                    out.append(f)
            elif f.required or include_optional:
                out.append(f)
        return out

    def approx_size(self, include_optional: bool = True, include_qwen_weights: bool = False) -> int:
        return sum(f.approx_size for f in self.wanted(include_optional, include_qwen_weights))


def _tokenizer_files() -> tuple[ModelFile, ...]:
    return (
        ModelFile("CosyVoice-BlankEN/config.json", 1_000),
        ModelFile("CosyVoice-BlankEN/generation_config.json", 1_000, required=False),
        ModelFile("CosyVoice-BlankEN/tokenizer_config.json", 2_000),
        ModelFile("CosyVoice-BlankEN/vocab.json", int(2.8 * MB)),
        ModelFile("CosyVoice-BlankEN/merges.txt", int(1.7 * MB)),
        ModelFile(
            QWEN_WEIGHTS,
            int(0.99 * GB),
            required=False,
            note="Qwen2 weights; Voice Studio reads them from llm.pt, the official CosyVoice code needs this file",
        ),
    )


COSYVOICE3 = KnownModel(
    name="Fun-CosyVoice3-0.5B-2512",
    title="Fun-CosyVoice 3 0.5B (2512)",
    family="cosyvoice3",
    repos={
        HUGGINGFACE: "FunAudioLLM/Fun-CosyVoice3-0.5B-2512",
        MODELSCOPE: "FunAudioLLM/Fun-CosyVoice3-0.5B-2512",
    },
    files=(
        ModelFile("cosyvoice3.yaml", 8_000),
        ModelFile("llm.pt", 2 * GB),
        ModelFile("llm.rl.pt", 2 * GB, required=False, note="RL-tuned language model"),
        ModelFile("flow.pt", 450 * MB),
        ModelFile("hift.pt", 80 * MB),
        ModelFile("campplus.onnx", 28 * MB),
        ModelFile("speech_tokenizer_v3.onnx", 500 * MB),
        ModelFile("spk2info.pt", 1 * MB, required=False),
        *_tokenizer_files(),
    ),
    description="Recommended: the newest release, better in Chinese, English and more languages.",
    default=True,
)

COSYVOICE2 = KnownModel(
    name="CosyVoice2-0.5B",
    title="CosyVoice 2 0.5B",
    family="cosyvoice2",
    repos={HUGGINGFACE: "FunAudioLLM/CosyVoice2-0.5B", MODELSCOPE: "iic/CosyVoice2-0.5B"},
    files=(
        ModelFile("cosyvoice2.yaml", 8_000),
        ModelFile("llm.pt", 2 * GB),
        ModelFile("flow.pt", 450 * MB),
        ModelFile("hift.pt", 80 * MB),
        ModelFile("campplus.onnx", 28 * MB),
        ModelFile("speech_tokenizer_v2.onnx", 500 * MB),
        ModelFile("spk2info.pt", 1 * MB, required=False),
        *_tokenizer_files(),
    ),
    description="The previous release; streaming, Chinese and English.",
)

KNOWN_MODELS: tuple[KnownModel, ...] = (COSYVOICE3, COSYVOICE2)
DEFAULT_MODEL = COSYVOICE3


def _whisper_files(weights: int) -> tuple[ModelFile, ...]:
    return (
        ModelFile("config.json", 2_000),
        ModelFile("generation_config.json", 4_000),
        ModelFile("model.safetensors", weights),
        ModelFile("tokenizer.json", int(2.5 * MB)),
        ModelFile("tokenizer_config.json", 300_000),
        ModelFile("preprocessor_config.json", 400, required=False),
        ModelFile("processor_config.json", 400, required=False),
        ModelFile("vocab.json", 1 * MB, required=False),
        ModelFile("merges.txt", 500_000, required=False),
        ModelFile("normalizer.json", 50_000, required=False),
        ModelFile("added_tokens.json", 35_000, required=False),
        ModelFile("special_tokens_map.json", 3_000, required=False),
    )


def _sherpa_files(weights: int) -> tuple[ModelFile, ...]:
    return (ModelFile("model.int8.onnx", weights), ModelFile("tokens.txt", 300_000))


# Speech recognizers (studio/transcribe/): transcripts of reference clips and ingested recordings.
# ModelScope: OpenAI's Whisper releases are mirrored under openai-mirror/ (the same files); the sherpa-onnx
# exports of SenseVoice and Paraformer are published on Hugging Face only.
KNOWN_RECOGNIZERS: tuple[KnownModel, ...] = (
    KnownModel(
        name="whisper-large-v3-turbo",
        title="Whisper large-v3-turbo",
        family="whisper",
        repos={
            HUGGINGFACE: "openai/whisper-large-v3-turbo",
            MODELSCOPE: "openai-mirror/whisper-large-v3-turbo",
        },
        files=_whisper_files(int(1.62 * GB)),
        description="Speech recognizer, ~100 languages; best quality, for GPUs.",
        kind="asr",
    ),
    KnownModel(
        name="whisper-small",
        title="Whisper small",
        family="whisper",
        repos={HUGGINGFACE: "openai/whisper-small", MODELSCOPE: "openai-mirror/whisper-small"},
        files=_whisper_files(967 * MB),
        description="Speech recognizer, ~100 languages; runs on CPUs.",
        kind="asr",
    ),
    KnownModel(
        name="sensevoice-small",
        title="SenseVoice-Small (sherpa-onnx)",
        family="sensevoice",
        repos={HUGGINGFACE: "csukuangfj/sherpa-onnx-sense-voice-zh-en-ja-ko-yue-2024-07-17"},
        files=_sherpa_files(239 * MB),
        description="Speech recognizer for Chinese, Cantonese, English, Japanese, Korean (needs sherpa-onnx).",
        kind="asr",
    ),
    KnownModel(
        name="paraformer-zh",
        title="Paraformer Mandarin (sherpa-onnx)",
        family="paraformer",
        repos={HUGGINGFACE: "csukuangfj/sherpa-onnx-paraformer-zh-2024-03-09"},
        files=_sherpa_files(227 * MB),
        description="Speech recognizer for Mandarin (needs sherpa-onnx).",
        kind="asr",
    ),
)
ASR_FAMILIES = frozenset(m.family for m in KNOWN_RECOGNIZERS)


def known_model(name: str) -> KnownModel:
    """The known model called `name` (folder name or either hub's repo id, case-insensitive)."""
    wanted = name.strip().casefold()
    for model in (*KNOWN_MODELS, *KNOWN_RECOGNIZERS):
        names = {model.name.casefold(), *(r.casefold() for r in model.repos.values())}
        if wanted in names:
            return model
    choices = ", ".join(m.name for m in (*KNOWN_MODELS, *KNOWN_RECOGNIZERS))
    raise ModelsError(f"There is no known model called {name!r}; choose one of {choices}.")


def human_size(n: int | float | None, approx: bool = False) -> str:
    if n is None:
        return "?"
    prefix = "~" if approx else ""
    for unit, scale in (("GB", GB), ("MB", MB), ("kB", 1000)):
        if n >= scale:
            return f"{prefix}{n / scale:.1f} {unit}"
    return f"{prefix}{int(n)} B"
