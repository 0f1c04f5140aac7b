"""The engine: a loaded model folder that turns (text, voice, mode) into a stream of events.

One `Engine` owns one loaded model. It is not thread-safe by itself: one thread at a time may
call `synthesize` (the `EngineWorker` gives that guarantee to multi-threaded callers).

Streaming follows the official CosyVoice 2/3 schedule: the first chunk waits for
25 + pad tokens (pad = tokens that align the prompt to a 25-token chunk boundary) plus 3
look-ahead tokens, each later chunk for twice the previous hop up to 100; the last chunk is
a non-streaming pass over all tokens. Unlike the official code, the hop restarts at 25 for
every request and nothing about a request is kept on the engine.
"""

from __future__ import annotations

import dataclasses
import math
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from studio.engine.build import build_flow, build_hift, build_lm
from studio.engine.cpu_linear import use_onednn_linears
from studio.engine.cuda_graphs import GraphedEstimator, graphs_enabled
from studio.engine.errors import RequestError, TextInputError
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
from studio.engine.flow.cfm import NOISE_FRAMES, SolveInterrupted
from studio.engine.flow.model import FlowStreamState
from studio.engine.frontend.audio import (
    LoadedAudio,
    check_prompt,
    kaldi_fbank,
    load_audio,
    prompt_mel,
    to_rate,
    whisper_log_mel,
)
from studio.engine.frontend.onnx import SpeakerEncoder, SpeechTokenizer
from studio.engine.frontend.text import Lexicon, TextNormalizer, check_language
from studio.engine.frontend.tokenizer import ENDOFPROMPT, PRONUNCIATION_UNITS, Tokenizer
from studio.engine.lm import RasSampler, Sampler, length_limits
from studio.engine.model_dir import ModelSpec, read_model_folder
from studio.engine.presets import Preset, apply_flow_preset, apply_lm_preset, resolve_preset
from studio.engine.voice import Voice

MODES = ("zero_shot", "cross_lingual", "instruct", "vc")
# fp32 reproduces the official numerics; fp16/bf16 run the LM and flow in half precision (the
# vocoder and f0 predictor stay in fp32/fp64), faster on GPUs, not bit-comparable.
PRECISIONS = {"fp32": torch.float32, "fp16": torch.float16, "bf16": torch.bfloat16}
SYSTEM_PROMPT = "You are a helpful assistant."  # the CosyVoice 3 system prompt of the official examples
MAX_PROMPT_TOKENS = 200  # text tokens the models were trained with at most (yaml filter token_max_length)
_UNIT_RE = re.compile(r"\[[^\[\]\s]{1,20}\]")
_CMU_LIKE = re.compile(r"[A-Z]{1,3}[0-9]?")
_PINYIN_LIKE = re.compile(r"[a-zü\u0100-\u01dc]{1,6}")
_SPECIAL_RE = re.compile(r"<\|[^|]*\|>|\[[^\[\]\s]{1,20}\]|</?[a-z]+>")


def _strip_specials(text: str) -> str:
    return _SPECIAL_RE.sub("", text)


MAX_TEXT_CHARS = 50_000
FIRST_HOP = 25  # tokens; must match the flow's training chunk size (hard-coded upstream)
MAX_HOP = 100
HIFT_MEL_CACHE = 8  # mel frames of overlap between streamed HiFT chunks


@dataclass
class ModelInput:
    """What one segment feeds the LM and flow (the official `model_input` dict)."""

    text_ids: torch.Tensor  # (1, n) ids of the text to speak
    prompt_text_ids: torch.Tensor  # (1, p) transcript / instruction ids (may be empty)
    llm_prompt_tokens: torch.Tensor  # (1, k) prompt speech tokens for the LM (may be empty)
    flow_prompt_tokens: torch.Tensor  # (1, P)
    prompt_mel: torch.Tensor  # (1, M, 80)
    embedding: torch.Tensor  # (1, 192)
    source_tokens: torch.Tensor | None = None  # voice conversion: replaces the LM


class TextFrontend:
    """The text path of a take: dictionary, normalization, splitting and checks, no weights.

    `Engine` is one; `TextFrontend(family, tokenizer, text_normalizer)` alone is what
    `voice-studio normalize` runs, so it prints exactly what a take would speak.
    """

    def __init__(self, family: str, tokenizer: Tokenizer, text_normalizer: str = "wetext"):
        self.family = family
        self.tokenizer = tokenizer
        self.normalizer = TextNormalizer(text_normalizer, tokenizer.encode)
        # Defaults for every take (a take's own `language=` / `lexicon=` replace them): the language of
        # the script (ISO 639; None = detect) and the pronunciation dictionary applied before normalizing.
        self.language: str | None = None
        self.lexicon: Lexicon | None = None

    def split_text(
        self,
        text: str,
        mode: str = "zero_shot",
        language: str | None = None,
        lexicon: Lexicon | None = None,
        warnings: list[TextWarning] | None = None,
    ) -> list[str]:
        """The segments (sentences or sentence groups) `synthesize` speaks one after another.

        `language` (ISO 639 code; None = the engine's default, else detected) and `lexicon` (applied
        before normalizing) as in `synthesize`; spans the normalizer had to keep as written are
        appended to `warnings`. For CosyVoice 3 cross-lingual each segment carries the system prompt
        the model needs (`You are a helpful assistant.<|endofprompt|>`), unless the text already has an
        explicit `<|endofprompt|>`, in which case it is spoken exactly as written.
        """
        segments = self._normalize(text, language, lexicon, warnings)
        return self._with_system_prompt(text, segments, mode)

    def _with_system_prompt(self, text: str, segments: list[str], mode: str) -> list[str]:
        if self.family == "cosyvoice3" and mode == "cross_lingual" and ENDOFPROMPT not in text:
            return [SYSTEM_PROMPT + ENDOFPROMPT + s for s in segments]
        return segments

    def _normalize(self, text, language, lexicon, warnings) -> list[str]:
        try:
            language = check_language(language if language is not None else self.language)
        except ValueError as exc:
            raise RequestError(str(exc)) from None
        lexicon = lexicon if lexicon is not None else self.lexicon
        return list(
            self.normalizer.normalize(text, split=True, language=language, lexicon=lexicon, warnings=warnings)
        )

    def spoken_segments(
        self,
        text: str,
        mode: str = "zero_shot",
        language: str | None = None,
        lexicon: Lexicon | None = None,
    ) -> tuple[list[str], list[TextWarning]]:
        """What `synthesize` would say, segment by segment, and the warnings it would report.

        Raises TextInputError for text that is empty, too long, has unknown units or normalizes to
        nothing (the same checks and messages as `synthesize`). This is the `voice-studio normalize`
        output and the window's preview.
        """
        warnings: list[TextWarning] = []
        return self._check_text(text, mode, language, lexicon, warnings), warnings

    def _check_text(self, text, mode, language=None, lexicon=None, warnings=None) -> list[str]:
        if text is None or not str(text).strip():
            raise TextInputError("The text to speak is empty.")
        if len(text) > MAX_TEXT_CHARS:
            raise TextInputError(
                f"The text is {len(text):,} characters; split it into parts of at most {MAX_TEXT_CHARS:,}."
            )
        lexicon = lexicon if lexicon is not None else self.lexicon
        if lexicon and self.normalizer.mode != "none":
            text = lexicon.apply(text)  # its units are checked like typed ones
        self._check_units(text)
        # Pieces with no letter or digit (" ! ?") have nothing to say; the official code would
        # still send them to the LM.
        segments = [
            s
            for s in self._with_system_prompt(
                text, self._normalize(text, language, Lexicon(), warnings), mode
            )
            if any(c.isalnum() for c in _strip_specials(s))
        ]
        if not segments:
            raise TextInputError("The text normalizes to nothing speakable (only punctuation or symbols?).")
        return segments

    def _check_segments(self, segments, mode) -> list[str]:
        """Segments given as they are to be spoken (edited in a preview): units checked, nothing normalized."""
        if isinstance(segments, str) or not all(isinstance(s, str) for s in segments):
            raise RequestError("segments must be a list of strings (the text of each segment).")
        kept = [s for s in segments if any(c.isalnum() for c in _strip_specials(s))]
        if not kept:
            raise TextInputError("The segments have nothing speakable (only punctuation or symbols?).")
        total = sum(len(s) for s in kept)
        if total > MAX_TEXT_CHARS:
            raise TextInputError(
                f"The text is {total:,} characters; split it into parts of at most {MAX_TEXT_CHARS:,}."
            )
        for s in kept:
            self._check_units(s)
        if self.family == "cosyvoice3" and mode == "cross_lingual":
            kept = [s if ENDOFPROMPT in s else SYSTEM_PROMPT + ENDOFPROMPT + s for s in kept]
        return kept

    def _check_units(self, text: str) -> None:
        """Bracketed tags and pronunciation units must be ones the tokenizer knows."""
        for unit in _UNIT_RE.findall(text):
            if unit in self.tokenizer.specials:
                continue
            inner = unit[1:-1]
            if _CMU_LIKE.fullmatch(inner) or _PINYIN_LIKE.fullmatch(inner):
                if self.family != "cosyvoice3" and (unit in PRONUNCIATION_UNITS):
                    raise TextInputError(
                        f"{unit} is a pronunciation unit; pronunciation control needs a Fun-CosyVoice3 model."
                    )
                raise TextInputError(
                    f"{unit} is not a known tag or pronunciation unit. Tags: [breath], [laughter], [noise], "
                    "[cough], [sigh], ...; CMU phones look like [AA1] [K] [T]; pinyin units like [j][ǐ] [h][ǎo]."
                )


class Engine(TextFrontend):
    def __init__(
        self,
        spec: ModelSpec,
        device: torch.device,
        text_normalizer: str = "wetext",
        progress: Callable[[str, float], None] | None = None,
        precision: str = "fp32",
        preset: str = "exact",
        flow_steps: int | None = None,
    ):
        if precision not in PRECISIONS:
            raise RequestError(f"Precision must be one of {', '.join(PRECISIONS)}, not {precision!r}.")
        if precision == "fp16" and device.type != "cuda":
            raise RequestError(
                "fp16 needs a CUDA GPU; on the CPU use fp32 (exact) or bf16 (faster, approximate)."
            )
        report = progress or (lambda stage, fraction: None)
        # The preset (studio/engine/presets.py): "exact" is the model folder as released; "fast"
        # changes the flow's step count (through the spec, so every solver and streaming state
        # sees it), the LM's linear layers (int8 on CPUs) or the precision (CUDA).
        self.preset: Preset = resolve_preset(preset, spec.cfm.n_timesteps, device, flow_steps, precision)
        if self.preset.flow_steps != spec.cfm.n_timesteps:
            spec = dataclasses.replace(
                spec, cfm=dataclasses.replace(spec.cfm, n_timesteps=self.preset.flow_steps)
            )
        if self.preset.dtype_override:
            precision = self.preset.dtype_override
        self.spec = spec
        self.family = spec.family
        self.sample_rate = spec.sample_rate
        self.device = device
        report("tokenizer", 0.02)
        TextFrontend.__init__(self, spec.family, Tokenizer(spec.qwen_dir, spec.family), text_normalizer)
        self.normalizer.warm_up()  # inflect / WeText FSTs load here, not in the first take
        report("speech tokenizer and speaker encoder", 0.08)
        self.speech_tokenizer = SpeechTokenizer(spec.path(spec.speech_tokenizer), device)
        self.speaker_encoder = SpeakerEncoder(spec.path("campplus.onnx"), device)
        report("language model", 0.15)
        self.precision = precision
        dtype = PRECISIONS[precision]
        # int8 reads each fp32 layer once while converting it: no need to fault every page in first.
        lm = build_lm(spec, prefault_pages=self.preset.lm_quantization is None)
        self.lm = apply_lm_preset(lm.to(device=device, dtype=dtype), self.preset)
        report("flow", 0.75)
        self.flow = apply_flow_preset(build_flow(spec).to(device=device, dtype=dtype), self.preset)
        if device.type == "cpu":
            # fp32 linears through oneDNN: 2x the LM's decode speed on AMD CPUs, where MKL's
            # one-row products are slow (studio/engine/cpu_linear.py has the figures).
            use_onednn_linears(self.lm)
            use_onednn_linears(self.flow)
        if graphs_enabled(device):
            # One CUDA graph per estimator input shape (see studio.engine.cuda_graphs).
            self.flow.decoder.estimator = GraphedEstimator(self.flow.decoder.estimator)
        report("vocoder", 0.92)
        self.hift = build_hift(spec).to(device)
        report("ready", 1.0)
        self.samples_per_frame = spec.hift.upsample_scale
        self._spk2info: dict[str, Voice] | None = None
        # Optional observer of internal stages (the parity harness records flow/HiFT calls).
        self.trace: Callable[[str, dict], None] | None = None
        # Memory the streaming flow may keep per segment to avoid re-solving earlier frames
        # (about 1.2 MB per mel frame for CosyVoice2-0.5B, 1.8 MB for Fun-CosyVoice3); past it, chunks
        # re-solve the prefix as the official code always does. 600 MB keeps a 10 s streamed take of
        # either full-size model under 4.5 GB resident.
        self.flow_cache_budget = 600 << 20
        # The last voice's prompt-only streaming prefix (see _start_from_voice_prefix).
        self._voice_prefix: tuple[str, FlowStreamState] | None = None

    # -- voices ------------------------------------------------------------------------------

    def prepare_voice(
        self, audio: str | Path | np.ndarray, sample_rate: int | None = None, transcript: str | None = None
    ) -> Voice:
        """Compute a voice's prompt features from a reference clip (0.5 - 30 s of speech)."""
        loaded = load_audio(audio, sample_rate, what="reference audio")
        check_prompt(loaded, "reference audio")
        tokens, mel, embedding = self._prompt_features(loaded)
        return Voice(
            family=self.family,
            speech_tokens=tokens,
            prompt_mel=mel,
            embedding=embedding,
            transcript=transcript.strip() if transcript and transcript.strip() else None,
            sample_rate=loaded.sample_rate,
            seconds=loaded.seconds,
            source=loaded.source,
        )

    def _prompt_features(self, loaded: LoadedAudio) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        wav16 = to_rate(loaded, 16000)
        tokens = self.speech_tokenizer(whisper_log_mel(wav16, n_mels=128))
        embedding = self.speaker_encoder(kaldi_fbank(wav16)).reshape(-1)
        wav24 = to_rate(loaded, self.spec.mel.sampling_rate)
        mel = prompt_mel(wav24, self.spec.mel).squeeze(0).transpose(0, 1).contiguous()
        return tokens, mel, embedding

    def source_tokens(self, audio: str | Path | np.ndarray, sample_rate: int | None = None) -> torch.Tensor:
        """Speech tokens of the speech to convert (voice conversion)."""
        loaded = load_audio(audio, sample_rate, what="source audio")
        check_prompt(loaded, "source audio")
        return self.speech_tokenizer(whisper_log_mel(to_rate(loaded, 16000), n_mels=128))

    def builtin_voices(self) -> dict[str, Voice]:
        """Speakers stored in the folder's spk2info.pt (official `add_zero_shot_spk` output)."""
        if self._spk2info is None:
            self._spk2info = {}
            path = self.spec.path("spk2info.pt")
            if path.is_file():
                data = torch.load(str(path), map_location="cpu", weights_only=True)
                for name, info in data.items():
                    if "prompt_speech_feat" not in info:
                        continue  # SFT speakers (embedding only) need an SFT model
                    self._spk2info[name] = Voice(
                        family=self.family,
                        speech_tokens=info["flow_prompt_speech_token"].reshape(-1).to(torch.int32),
                        prompt_mel=info["prompt_speech_feat"]
                        .reshape(-1, info["prompt_speech_feat"].shape[-1])
                        .float(),
                        embedding=info["flow_embedding"].reshape(-1).float(),
                        transcript_ids=info["prompt_text"].reshape(-1).tolist(),
                        truncated=True,
                        source=f"spk2info.pt:{name}",
                    )
        return self._spk2info

    # -- text (split_text, spoken_segments: TextFrontend) -------------------------------------

    def _ids(self, text: str) -> torch.Tensor:
        return torch.tensor([self.tokenizer.encode(text)], dtype=torch.int32)

    def _instruction(self, instruction: str | None) -> str:
        """The instruction as the model expects it, written for the user where they left it out.

        CosyVoice 2: `<|endofprompt|>` appended. CosyVoice 3: `You are a helpful assistant. ...`
        prefixed and `<|endofprompt|>` appended. An instruction that already contains
        `<|endofprompt|>` is taken as the user's explicit prompt and not changed.
        """
        if instruction is None or not instruction.strip():
            raise RequestError("Instruct mode needs an instruction (for example: 用四川话说这句话).")
        instruction = instruction.strip()
        if ENDOFPROMPT not in instruction:
            if self.family == "cosyvoice3" and not instruction.startswith(SYSTEM_PROMPT):
                instruction = f"{SYSTEM_PROMPT} {instruction}"
            instruction += ENDOFPROMPT
        count = len(self.tokenizer.encode(instruction))
        if count > MAX_PROMPT_TOKENS:
            raise TextInputError(
                f"The instruction is {count} tokens long; keep it under {MAX_PROMPT_TOKENS} (a sentence or two)."
            )
        return instruction

    def _transcript(self, voice: Voice) -> torch.Tensor:
        if voice.transcript_ids is not None:
            return torch.tensor([voice.transcript_ids], dtype=torch.int32)
        text = voice.transcript
        if self.family == "cosyvoice3" and ENDOFPROMPT not in text:
            text = SYSTEM_PROMPT + ENDOFPROMPT + text
        ids = self._ids(str(self.normalizer.normalize(text, split=False)))
        if ids.shape[1] > MAX_PROMPT_TOKENS:
            raise TextInputError(
                f"The reference transcript is {ids.shape[1]} tokens long; a 3-30 s clip should have at most "
                f"{MAX_PROMPT_TOKENS}. Check that the transcript belongs to the clip."
            )
        return ids

    def _model_input(self, segment: str, voice: Voice, mode: str, instruction: str | None) -> ModelInput:
        tokens, mel = voice.zero_shot_prompt(self.spec.token_mel_ratio)
        empty = torch.zeros(1, 0, dtype=torch.int32)
        if mode == "zero_shot":
            if voice.transcript_ids is None and not voice.transcript:
                raise RequestError(
                    "Zero-shot cloning needs the transcript of the reference clip; add it, or use cross-lingual mode."
                )
            prompt_ids, llm_tokens = self._transcript(voice), tokens.view(1, -1)
        elif mode == "cross_lingual":
            prompt_ids, llm_tokens = empty, empty
        elif mode == "instruct":
            prompt_ids, llm_tokens = self._ids(instruction), empty
        else:
            raise RequestError(f"Unknown mode {mode!r}; use one of {', '.join(MODES)}.")
        text_ids = self._ids(segment)
        end = self.tokenizer.endofprompt_id
        if self.family == "cosyvoice3" and end not in prompt_ids[0].tolist() + text_ids[0].tolist():
            # The v3 LM is conditioned on a system prompt ending in <|endofprompt|> (upstream asserts it).
            raise TextInputError("CosyVoice 3 needs <|endofprompt|> after a system prompt; none was found.")
        return ModelInput(
            text_ids=text_ids,
            prompt_text_ids=prompt_ids,
            llm_prompt_tokens=llm_tokens,
            flow_prompt_tokens=tokens.view(1, -1),
            prompt_mel=mel.unsqueeze(0),
            embedding=voice.embedding.view(1, -1),
        )

    # -- synthesis ---------------------------------------------------------------------------

    def synthesize(
        self,
        text: str | None,
        voice: Voice,
        mode: str = "zero_shot",
        instruction: str | None = None,
        source=None,
        stream: bool = False,
        speed: float = 1.0,
        seed: int | None = None,
        sampler: Sampler | None = None,
        cancel: threading.Event | None = None,
        language: str | None = None,
        lexicon: Lexicon | None = None,
        segments: list[str] | None = None,
    ) -> Iterator[Event]:
        """Generate a take. Yields TextWarning events (parts of the text spoken as written), then
        Segment, SpeechTokens, MelFrames, AudioChunk events, then Finished (or Cancelled). Errors in the
        request are raised before the first event.

        `language`: ISO 639 code of the text (zh, en, ja, ko, yue, de, es, fr, it, ru; None = the
        engine's `language`, else detected). `lexicon`: pronunciation dictionary applied before
        normalization (None = the engine's `lexicon`). `segments`: the text already normalized and
        split (for example edited in a preview); it is spoken as given and `text` is ignored.
        """
        if mode not in MODES:
            raise RequestError(f"Unknown mode {mode!r}; use one of {', '.join(MODES)}.")
        if voice.family != self.family:
            raise RequestError(
                f"This voice was prepared for {voice.family}, but the loaded model is {self.family}; "
                "prepare the voice again with this model."
            )
        if not (0.25 <= float(speed) <= 4.0):
            raise RequestError(f"Speed {speed} is out of range; use 0.25 to 4.")
        if stream and speed != 1.0:
            raise RequestError("Speed changes need non-streaming synthesis (turn streaming off).")
        if mode == "instruct":
            instruction = self._instruction(instruction)
        if mode == "vc":
            if source is None:
                raise RequestError("Voice conversion needs the source speech to convert.")
            src = source if isinstance(source, torch.Tensor) else self.source_tokens(*_audio_args(source))
            # Upstream's frontend_vc skips the 2-frames-per-token alignment of the prompt (a CosyVoice 1
            # leftover), which shifts the prompt mel against its tokens; we align it as in TTS.
            tokens, mel = voice.zero_shot_prompt(self.spec.token_mel_ratio)
            empty = torch.zeros(1, 0, dtype=torch.int32)
            vc_input = ModelInput(
                empty,
                empty,
                empty,
                tokens.view(1, -1),
                mel.unsqueeze(0),
                voice.embedding.view(1, -1),
                src.view(1, -1),
            )
            inputs = [("", vc_input)]
        else:
            warnings: list[TextWarning] = []
            if segments is not None:
                segments = self._check_segments(segments, mode)
            else:
                segments = self._check_text(text, mode, language, lexicon, warnings)
            if mode == "zero_shot" and voice.transcript is None and voice.transcript_ids is None:
                raise RequestError(
                    "Zero-shot cloning needs the transcript of the reference clip; "
                    "add it, or use cross-lingual mode."
                )
            inputs = [(s, None) for s in segments]
        if seed is None:
            seed = random.SystemRandom().randrange(2**31)
        notes = warnings if mode != "vc" else []
        return self._run(
            inputs, voice, mode, instruction, stream, float(speed), int(seed), sampler, cancel, notes
        )

    def _run(
        self, inputs, voice, mode, instruction, stream, speed, seed, sampler, cancel, warnings=()
    ) -> Iterator[Event]:
        yield from warnings
        start = time.perf_counter()
        generator = torch.Generator().manual_seed(seed)
        if sampler is None:
            c = self.spec.lm
            sampler = RasSampler(generator, c.top_p, c.top_k, c.win_size, c.tau_r)
        stats = _Stats(start)
        offsets = [0, 0, 0]  # tokens, frames, samples so far in the take
        for index, (segment, model_input) in enumerate(inputs):
            if model_input is None:
                model_input = self._model_input(segment, voice, mode, instruction)
            yield Segment(index, segment, *offsets)
            try:
                yield from self._segment(
                    model_input, stream, speed, generator, sampler, cancel, stats, offsets
                )
            except _CancelledError:
                yield Cancelled()
                return
        yield Finished(
            sample_rate=self.sample_rate,
            num_samples=offsets[2],
            token_count=stats.tokens,
            segments=len(inputs),
            seed=seed,
            first_audio_latency=stats.first_audio
            if stats.first_audio is not None
            else time.perf_counter() - start,
            total_seconds=time.perf_counter() - start,
            lm_seconds=stats.lm,
            flow_seconds=stats.flow,
            vocoder_seconds=stats.vocoder,
            preset=self.preset.name,
            flow_steps=self.preset.flow_steps,
        )

    def _lm_tokens(self, mi: ModelInput, sampler, cancel, stats) -> Iterator[int]:
        if mi.source_tokens is not None:
            yield from (int(t) for t in mi.source_tokens.view(-1).tolist())
            return
        lm = self.lm
        text = torch.cat([mi.prompt_text_ids, mi.text_ids], dim=1).to(self.device)
        min_len, max_len = length_limits(lm.cfg, mi.text_ids.shape[1])
        # Keep prompt + generated mel inside the flow's fixed noise buffer (the official code
        # would crash past it).
        max_len = min(max_len, (NOISE_FRAMES - mi.prompt_mel.shape[1]) // self.spec.token_mel_ratio - 8)
        t0 = time.perf_counter()
        with torch.inference_mode():
            prefix = lm.prefix(text, mi.llm_prompt_tokens.to(self.device))
            for token in lm.generate(prefix, min_len, max_len, sampler, cancel):
                stats.lm += time.perf_counter() - t0
                yield token
                t0 = time.perf_counter()
        stats.lm += time.perf_counter() - t0
        if cancel is not None and cancel.is_set():
            raise _CancelledError

    def _segment(
        self, mi: ModelInput, stream, speed, generator, sampler, cancel, stats, offsets
    ) -> Iterator[Event]:
        silent = self.lm.cfg.silent_tokens
        max_silent_run = 5
        flow_tokens: list[int] = []
        silent_run = 0
        token_offset = 0
        hop = FIRST_HOP
        prompt_len = mi.flow_prompt_tokens.shape[1]
        pad = math.ceil(prompt_len / FIRST_HOP) * FIRST_HOP - prompt_len
        lookahead = self.flow.pre_lookahead_len
        vocoder_state = _VocoderState(self.spec.cfm.n_timesteps, self.flow_cache_budget if stream else 0)
        if vocoder_state.flow is not None:
            vocoder_state.flow.prompt_frames = mi.prompt_mel.shape[1]
            vocoder_state.prompt_key = self._prompt_key(mi.flow_prompt_tokens, mi.prompt_mel, mi.embedding)
        lm_count = 0

        def next_hop() -> int:
            return hop + pad if token_offset == 0 else hop

        for token in self._lm_tokens(mi, sampler, cancel, stats):
            yield SpeechTokens((token,), offsets[0] + lm_count)
            lm_count += 1
            stats.tokens += 1
            # Long runs of silence tokens are not voiced (CosyVoice 3); the LM still saw them.
            if token in silent:
                silent_run += 1
                if silent_run > max_silent_run:
                    continue
            else:
                silent_run = 0
            flow_tokens.append(token)
            while stream and len(flow_tokens) - token_offset >= next_hop() + lookahead:
                this_hop = next_hop()
                end = token_offset + this_hop + lookahead
                yield from self._token2wav(
                    mi,
                    flow_tokens[:end],
                    token_offset,
                    False,
                    1.0,
                    generator,
                    vocoder_state,
                    stats,
                    offsets,
                    cancel,
                )
                token_offset += this_hop
                hop = min(MAX_HOP, hop * 2)
        if cancel is not None and cancel.is_set():
            raise _CancelledError
        offsets[0] += lm_count
        if not flow_tokens:
            return
        yield from self._token2wav(
            mi, flow_tokens, token_offset, True, speed, generator, vocoder_state, stats, offsets, cancel
        )

    # -- the voice's prompt-only flow prefix -------------------------------------------------------

    def _prompt_key(self, flow_prompt_tokens, prompt_mel, embedding) -> str:
        import hashlib

        h = hashlib.sha1()
        for t in (flow_prompt_tokens, prompt_mel, embedding):
            h.update(t.detach().cpu().contiguous().numpy().tobytes())
        return h.hexdigest()

    def _prompt_prefix_frames(self, prompt_tokens: int) -> int:
        """Mel frames of whole streaming chunks that depend on the prompt alone.

        Chunk-causal attention plus a look-ahead of `pre_lookahead_len` tokens: the frames of a
        chunk see tokens up to its end + look-ahead, so chunks ending at least the look-ahead
        before the first generated token never see generated tokens. The chunk is the flow's
        `commit_frames` (0: full attention, nothing depends on the prompt alone).
        """
        commit = self.flow.commit_frames
        if commit <= 0:
            return 0
        prompt_only = max(0, prompt_tokens - self.flow.pre_lookahead_len) * self.spec.token_mel_ratio
        return prompt_only // commit * commit

    def _start_from_voice_prefix(self, state: _VocoderState) -> None:
        """Streaming's first chunk: start from the voice's prompt-only prefix if it was warmed.

        A cold take solves its first chunk in one pass (splitting it costs more than it saves);
        `warm_stream_prefix` computes the prefix ahead of time, when the worker is idle.
        """
        cached = self._voice_prefix
        if state.flow is None or state.flow.frames != 0 or cached is None or cached[0] != state.prompt_key:
            return
        state.flow = cached[1].snapshot()

    def warm_stream_prefix(self, voice: Voice) -> int:
        """Solve and keep the flow state of `voice`'s prompt-only streaming prefix.

        Chunks that end more than the look-ahead before the first generated token see the prompt
        alone, so they are the same for every streamed take with this voice: with them kept, the
        next streamed take's first chunk solves only its own frames (first audio comes sooner).
        One voice is kept (the last warmed). Returns the prefix length in mel frames (0: the
        prompt is shorter than one chunk, nothing to keep).
        """
        if voice.family != self.family:
            raise RequestError(
                f"This voice was prepared for {voice.family}; the loaded model is {self.family}."
            )
        tokens, mel = voice.zero_shot_prompt(self.spec.token_mel_ratio)
        dev = self.device
        prompt = (tokens.view(1, -1).to(dev), mel.unsqueeze(0).to(dev), voice.embedding.view(1, -1).to(dev))
        prefix = self._prompt_prefix_frames(tokens.numel())
        if prefix == 0:
            return 0
        key = self._prompt_key(*prompt)
        if self._voice_prefix is not None and self._voice_prefix[0] == key:
            return self._voice_prefix[1].frames
        state = FlowStreamState(self.spec.cfm.n_timesteps)
        state.prompt_frames = prompt[1].shape[1]
        # The prefix frames never see generated tokens; any stand-ins past the prompt will do.
        stand_in = torch.zeros(1, self.flow.pre_lookahead_len + 1, dtype=torch.int32, device=dev)
        with torch.inference_mode():
            self.flow.stream_chunk(stand_in, *prompt, state, stop_frame=prefix)
        self._voice_prefix = (key, state)
        return state.frames

    def _token2wav(
        self,
        mi: ModelInput,
        tokens: list[int],
        token_offset: int,
        finalize: bool,
        speed: float,
        generator,
        state: _VocoderState,
        stats: _Stats,
        offsets: list[int],
        cancel,
    ) -> Iterator[Event]:
        if cancel is not None and cancel.is_set():
            raise _CancelledError
        dev = self.device
        t0 = time.perf_counter()
        streaming = not finalize  # the final chunk is always a full-attention pass
        if self.trace:
            self.trace("flow", {"tokens": list(tokens), "streaming": streaming, "finalize": finalize})
        token_tensor = torch.tensor([tokens], dtype=torch.int32, device=dev)
        prompt = (mi.flow_prompt_tokens.to(dev), mi.prompt_mel.to(dev), mi.embedding.to(dev))
        first_frame = token_offset * self.spec.token_mel_ratio
        # A full-size solve takes seconds: a cancelled take stops at the next Euler step.
        interrupt = cancel.is_set if cancel is not None else None
        with torch.inference_mode():
            try:
                if streaming and state.flow_cache_usable(self, token_offset, len(tokens)):
                    # Chunk-causal attention: solve only the new frames, from the cached prefix state.
                    if token_offset == 0:
                        self._start_from_voice_prefix(state)
                    emit_from = state.flow.prompt_frames + first_frame
                    mel = self.flow.stream_chunk(
                        token_tensor, *prompt, state.flow, emit_from=emit_from, interrupt=interrupt
                    )
                else:
                    state.drop_flow_cache()
                    # Past the cache budget the full re-solve needs the memory more than the next
                    # take's warm start does: let the voice's retained prefix go too.
                    self._voice_prefix = None
                    mel = self.flow.inference(
                        token_tensor, *prompt, streaming=streaming, finalize=finalize, interrupt=interrupt
                    )
                    mel = mel[:, :, first_frame:]
            except SolveInterrupted:
                state.drop_flow_cache()  # its Euler steps' caches were left half advanced
                raise _CancelledError from None
        if self.trace:
            self.trace("flow_mel", {"mel": mel, "from_frame": first_frame})
        stats.flow += time.perf_counter() - t0
        yield MelFrames(mel[0].float().cpu().numpy(), offsets[1])
        offsets[1] += mel.shape[2]
        if cancel is not None and cancel.is_set():
            raise _CancelledError
        t0 = time.perf_counter()
        speech = state.vocode(self, mel, finalize, speed, generator)
        stats.vocoder += time.perf_counter() - t0
        samples = speech.reshape(-1).float().cpu().numpy()
        if stats.first_audio is None and samples.size:
            stats.first_audio = time.perf_counter() - stats.start
        yield AudioChunk(samples, self.sample_rate, offsets[2])
        offsets[2] += samples.size


class _CancelledError(Exception):
    pass


@dataclass
class _Stats:
    start: float
    lm: float = 0.0
    flow: float = 0.0
    vocoder: float = 0.0
    tokens: int = 0
    first_audio: float | None = None


class _VocoderState:
    """Streaming state of one segment: the flow's prefix cache and HiFT's overlap caches."""

    def __init__(self, flow_steps: int, flow_cache_budget: int):
        self.cache: tuple[torch.Tensor, torch.Tensor, torch.Tensor] | None = None
        self.flow: FlowStreamState | None = FlowStreamState(flow_steps) if flow_cache_budget > 0 else None
        self.flow_cache_budget = flow_cache_budget
        self.prompt_key = ""
        self.mel_history: torch.Tensor | None = None  # causal HiFT: every mel frame so far
        self.samples_out = 0

    def flow_cache_usable(self, engine: Engine, token_offset: int, num_tokens: int) -> bool:
        """Whether the next chunk can extend the cached prefix within the memory budget."""
        flow = self.flow
        if flow is None:
            return False
        chunk_start = flow.prompt_frames + engine.spec.token_mel_ratio * token_offset
        if flow.frames > chunk_start:
            return False  # the cache holds frames this chunk must return (cannot happen)
        frames_after = (
            engine.spec.token_mel_ratio * (num_tokens - engine.flow.pre_lookahead_len) + flow.prompt_frames
        )
        if flow.frames:
            projected = flow.nbytes() / flow.frames * frames_after
            if projected > self.flow_cache_budget:
                return False
        return True

    def drop_flow_cache(self) -> None:
        self.flow = None

    def _vocode_causal(self, engine: Engine, mel: torch.Tensor, finalize: bool, speed: float) -> torch.Tensor:
        """CosyVoice 3: the vocoder sees all the mel so far and yields only samples not yet yielded."""
        self.mel_history = mel if self.mel_history is None else torch.cat([self.mel_history, mel], dim=2)
        full = self.mel_history
        if finalize and speed != 1.0:
            full = F.interpolate(full, size=int(full.shape[2] / speed), mode="linear")
        if engine.trace:
            engine.trace("hift", {"mel": full, "rng_state": None, "finalize": finalize})
        speech, _ = engine.hift.inference(full, finalize=finalize, from_sample=self.samples_out)
        self.samples_out += speech.shape[1]
        return speech

    def vocode(
        self, engine: Engine, mel: torch.Tensor, finalize: bool, speed: float, generator
    ) -> torch.Tensor:
        if engine.spec.hift_kind == "causal":
            return self._vocode_causal(engine, mel, finalize, speed)
        hift = engine.hift
        source_cache_len = HIFT_MEL_CACHE * engine.samples_per_frame
        cache_source = None
        if self.cache is not None:
            cache_mel, cache_source, _ = self.cache
            mel = torch.cat([cache_mel, mel], dim=2)
        if finalize and speed != 1.0:
            mel = F.interpolate(mel, size=int(mel.shape[2] / speed), mode="linear")
        if engine.trace:
            engine.trace(
                "hift", {"mel": mel, "rng_state": generator.get_state(), "cache_source": cache_source}
            )
        speech, source = hift.inference(mel, cache_source=cache_source, generator=generator)
        if self.cache is not None:
            speech = _fade_in_out(speech, self.cache[2], source_cache_len)
        if finalize:
            return speech
        self.cache = (
            mel[:, :, -HIFT_MEL_CACHE:],
            source[:, :, -source_cache_len:],
            speech[:, -source_cache_len:],
        )
        return speech[:, :-source_cache_len]


def _fade_in_out(speech: torch.Tensor, previous: torch.Tensor, overlap: int) -> torch.Tensor:
    """Cross-fade the start of `speech` with the held-back tail of the previous chunk (Hamming)."""
    window = torch.from_numpy(np.hamming(2 * overlap)).to(speech.device)
    speech = speech.clone()
    # float64 arithmetic then one rounding, as numpy-window * float32-tensor does upstream
    speech[..., :overlap] = (
        speech[..., :overlap].double() * window[:overlap]
        + previous[..., -overlap:].double() * window[overlap:]
    ).to(speech.dtype)
    return speech


def _audio_args(source) -> tuple:
    if isinstance(source, tuple):
        return source
    return (source, None)


def resolve_device(device: str | torch.device | None) -> torch.device:
    if device is None:
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


def load_model(
    model_dir: str | Path,
    device: str | torch.device | None = None,
    text_normalizer: str = "wetext",
    progress: Callable[[str, float], None] | None = None,
    precision: str = "fp32",
    language: str | None = None,
    lexicon: Lexicon | None = None,
    preset: str = "exact",
    flow_steps: int | None = None,
) -> Engine:
    """Load an official CosyVoice model folder onto `device` (None: CUDA if available, else CPU).

    `text_normalizer`: "wetext" (default, language-aware), "rules" (the official code without
    ttsfrd/wetext) or "none" (text is spoken as written). `progress(stage, fraction)` reports loading
    steps. `precision`: "fp32" (default, official numerics), "fp16" (CUDA) or "bf16" for the LM and
    flow. `language` (ISO 639 code, None = detect) and `lexicon` (pronunciation dictionary) are the
    defaults of every take (`engine.language`, `engine.lexicon`; a take's own arguments win).
    `preset`: "exact" (default; bit-for-bit what the parity harness checks) or "fast" (fewer flow
    Euler steps, `flow_steps`, default `presets.FAST_FLOW_STEPS`; bf16/fp16 on CUDA); see
    `studio.engine.presets`. Raises RequestError for an unknown preset or step count.
    """
    try:
        language = check_language(language)
    except ValueError as exc:
        raise RequestError(str(exc)) from None
    spec = read_model_folder(model_dir)
    engine = Engine(spec, resolve_device(device), text_normalizer, progress, precision, preset, flow_steps)
    engine.language, engine.lexicon = language, lexicon
    return engine
