"""Prompt audio: loading, checks, resampling and the three feature extractors CosyVoice uses.

- `whisper_log_mel`: 128-bin Whisper log-mel of 16 kHz audio (input of the speech tokenizer)
- `kaldi_fbank`: 80-bin Kaldi fbank of 16 kHz audio, mean-normalised (input of campplus)
- `prompt_mel`: 80-bin mel of 24 kHz audio (Matcha-TTS `mel_spectrogram`, the flow's prompt)

Each follows the official numerics (window, padding, filter bank, log floor) so that the same
file gives the same features to within float32 rounding.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import soundfile as sf
import torch
import torchaudio.compliance.kaldi as kaldi
import torchaudio.transforms as AT

from studio.engine.errors import AudioInputError

MIN_SAMPLE_RATE = 8000  # narrow-band (8-16 kHz: telephone, old tape) is accepted and resampled
WIDE_BAND_RATE = 16000  # below this the clone sounds muffled (the quality report says so)
PROMPT_MIN_SECONDS = 0.5
PROMPT_MAX_SECONDS = 30.0
# Refuse to even decode absurdly long files (a 1-hour clip given as a prompt).
MAX_DECODE_SECONDS = 15 * 60
SILENCE_PEAK = 1e-3  # -60 dBFS: nothing audible in the clip


@dataclass(frozen=True)
class LoadedAudio:
    samples: np.ndarray  # float32 mono, original rate
    sample_rate: int
    source: str  # file name or "<array>"

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.sample_rate


def load_audio(
    audio: str | Path | np.ndarray, sample_rate: int | None = None, *, what: str = "audio"
) -> LoadedAudio:
    """Read a file (any format soundfile reads) or take a 1-D/2-D float array, mix to mono.

    Mono mixing is the channel mean in float32, as the official `load_wav` does.
    """
    if isinstance(audio, str | Path):
        path = Path(audio)
        if not path.exists():
            raise AudioInputError(f"The {what} file {path} does not exist.")
        if path.is_dir():
            raise AudioInputError(f"The {what} path {path} is a folder, not an audio file.")
        try:
            info = sf.info(str(path))
        except Exception as exc:  # soundfile raises its own LibsndfileError / RuntimeError
            raise AudioInputError(
                f"The {what} file {path.name} cannot be read as audio ({_short(exc)}); "
                "it may be corrupt or in a format soundfile does not support."
            ) from exc
        if info.frames == 0:
            raise AudioInputError(f"The {what} file {path.name} contains no audio.")
        if info.samplerate > 0 and info.frames / info.samplerate > MAX_DECODE_SECONDS:
            raise AudioInputError(
                f"The {what} file {path.name} is {info.frames / info.samplerate / 60:.0f} minutes long; "
                f"use a clip under {PROMPT_MAX_SECONDS:.0f} seconds."
            )
        try:
            data, sr = sf.read(str(path), dtype="float32", always_2d=True)
        except Exception as exc:
            raise AudioInputError(f"The {what} file {path.name} is damaged ({_short(exc)}).") from exc
        samples = data.T  # (channels, frames)
        source = path.name
    else:
        if sample_rate is None:
            raise AudioInputError(f"The {what} was given as an array, so its sample_rate must be given too.")
        arr = np.asarray(audio)
        if arr.ndim == 1:
            arr = arr[None, :]
        elif arr.ndim == 2:
            # Accept (frames, channels) as soundfile returns it, or (channels, frames).
            if arr.shape[0] > arr.shape[1]:
                arr = arr.T
        else:
            raise AudioInputError(f"The {what} array must be 1-D (mono) or 2-D, not {arr.ndim}-D.")
        if not np.issubdtype(arr.dtype, np.floating):
            if np.issubdtype(arr.dtype, np.integer):
                arr = arr.astype(np.float32) / float(np.iinfo(arr.dtype).max + 1)
            else:
                raise AudioInputError(
                    f"The {what} array has dtype {arr.dtype}; give float samples in [-1, 1]."
                )
        samples = arr.astype(np.float32, copy=False)
        sr = int(sample_rate)
        source = "<array>"
    if samples.shape[-1] == 0:
        raise AudioInputError(f"The {what} contains no samples.")
    if not np.all(np.isfinite(samples)):
        raise AudioInputError(f"The {what} contains NaN or infinite samples; it cannot be used.")
    if sr < MIN_SAMPLE_RATE:
        raise AudioInputError(
            f"The {what} is sampled at {sr} Hz; CosyVoice needs at least {MIN_SAMPLE_RATE} Hz "
            "(8-16 kHz works but sounds muffled; record or export it at 16 kHz or more)."
        )
    mono = torch.from_numpy(np.ascontiguousarray(samples)).mean(dim=0).numpy()
    return LoadedAudio(mono.astype(np.float32, copy=False), int(sr), source)


def check_prompt(audio: LoadedAudio, what: str = "prompt audio") -> None:
    """The rules a voice prompt must meet (length, not silent)."""
    if audio.seconds < PROMPT_MIN_SECONDS:
        raise AudioInputError(
            f"The {what} is {audio.seconds:.2f} s long; it must be at least {PROMPT_MIN_SECONDS} s "
            "(3 to 10 s of clear speech works best)."
        )
    if audio.seconds > PROMPT_MAX_SECONDS:
        raise AudioInputError(
            f"The {what} is {audio.seconds:.1f} s long; it must be at most {PROMPT_MAX_SECONDS:.0f} s. "
            "Trim it to the best 3 to 10 seconds."
        )
    if float(np.max(np.abs(audio.samples))) < SILENCE_PEAK:
        raise AudioInputError(f"The {what} is silent (peak below -60 dBFS); record or import speech.")


@lru_cache(maxsize=16)
def _resampler(orig_sr: int, new_sr: int) -> AT.Resample:
    # The transform builds its sinc kernel in float64 and rounds it once to float32, which is
    # what the official `load_wav` uses; `torchaudio.functional.resample` builds it in float32.
    return AT.Resample(orig_freq=orig_sr, new_freq=new_sr)


def resample(samples: torch.Tensor, orig_sr: int, new_sr: int) -> torch.Tensor:
    """Band-limited resampling with `torchaudio.transforms.Resample` defaults (as the official code)."""
    if orig_sr == new_sr:
        return samples
    return _resampler(orig_sr, new_sr)(samples)


def to_rate(audio: LoadedAudio, sample_rate: int) -> torch.Tensor:
    """(1, n) float32 tensor at `sample_rate`."""
    wav = torch.from_numpy(audio.samples).unsqueeze(0)
    return resample(wav, audio.sample_rate, sample_rate)


# --- mel filter banks (librosa's algorithm: Slaney mel scale, Slaney area normalisation) ---


def _hz_to_mel(freq: np.ndarray) -> np.ndarray:
    freq = np.asanyarray(freq, dtype=np.float64)
    f_sp = 200.0 / 3
    mels = freq / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    log_t = freq >= min_log_hz
    mels = np.where(log_t, min_log_mel + np.log(np.maximum(freq, 1e-10) / min_log_hz) / logstep, mels)
    return mels


def _mel_to_hz(mels: np.ndarray) -> np.ndarray:
    mels = np.asanyarray(mels, dtype=np.float64)
    f_sp = 200.0 / 3
    freqs = f_sp * mels
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    log_t = mels >= min_log_mel
    return np.where(log_t, min_log_hz * np.exp(logstep * (mels - min_log_mel)), freqs)


@lru_cache(maxsize=8)
def mel_filterbank(
    sample_rate: int, n_fft: int, n_mels: int, fmin: float = 0.0, fmax: float | None = None
) -> torch.Tensor:
    """(n_mels, n_fft//2+1) float32, identical in construction to `librosa.filters.mel`."""
    fmax = sample_rate / 2.0 if fmax is None else float(fmax)
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sample_rate)
    mel_f = _mel_to_hz(np.linspace(_hz_to_mel(fmin), _hz_to_mel(fmax), n_mels + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((n_mels, 1 + n_fft // 2), dtype=np.float32)
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    enorm = 2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels])
    weights *= enorm[:, np.newaxis]
    return torch.from_numpy(weights)


@lru_cache(maxsize=8)
def _hann(n: int) -> torch.Tensor:
    # Periodic Hann, computed in float64 then rounded (scipy.signal.get_window / torch agree).
    k = np.arange(n, dtype=np.float64)
    return torch.from_numpy((0.5 - 0.5 * np.cos(2.0 * np.pi * k / n)).astype(np.float32))


def whisper_log_mel(audio_16k: torch.Tensor, n_mels: int = 128) -> torch.Tensor:
    """Whisper's `log_mel_spectrogram`: (1, n_mels, frames) for (1, samples) 16 kHz audio."""
    window = torch.hann_window(400)
    stft = torch.stft(audio_16k, 400, 160, window=window, return_complex=True)
    magnitudes = stft[..., :-1].abs() ** 2
    mel_spec = mel_filterbank(16000, 400, n_mels) @ magnitudes
    log_spec = torch.clamp(mel_spec, min=1e-10).log10()
    log_spec = torch.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def kaldi_fbank(audio_16k: torch.Tensor, with_log_energy: bool = False):
    """(frames, 80) Kaldi fbank without dither, minus its time mean (campplus input).

    With `with_log_energy` also returns the fbank before mean normalisation (log mel energies).
    """
    feat = kaldi.fbank(audio_16k, num_mel_bins=80, dither=0, sample_frequency=16000)
    normalized = feat - feat.mean(dim=0, keepdim=True)
    return (normalized, feat) if with_log_energy else normalized


@dataclass(frozen=True)
class MelConfig:
    """The yaml's `feat_extractor` (Matcha `mel_spectrogram`) parameters."""

    n_fft: int = 1920
    num_mels: int = 80
    sampling_rate: int = 24000
    hop_size: int = 480
    win_size: int = 1920
    fmin: float = 0.0
    fmax: float | None = 8000.0


def prompt_mel(audio: torch.Tensor, cfg: MelConfig) -> torch.Tensor:
    """Matcha-TTS `mel_spectrogram` (center=False, reflect pad): (1, num_mels, frames)."""
    pad = int((cfg.n_fft - cfg.hop_size) / 2)
    y = torch.nn.functional.pad(audio.unsqueeze(1), (pad, pad), mode="reflect").squeeze(1)
    spec = torch.view_as_real(
        torch.stft(
            y,
            cfg.n_fft,
            hop_length=cfg.hop_size,
            win_length=cfg.win_size,
            window=torch.hann_window(cfg.win_size),
            center=False,
            pad_mode="reflect",
            normalized=False,
            onesided=True,
            return_complex=True,
        )
    )
    spec = torch.sqrt(spec.pow(2).sum(-1) + 1e-9)
    basis = mel_filterbank(cfg.sampling_rate, cfg.n_fft, cfg.num_mels, cfg.fmin, cfg.fmax)
    spec = torch.matmul(basis, spec)
    return torch.log(torch.clamp(spec, min=1e-5))


def hann_window_periodic(n: int) -> torch.Tensor:
    return _hann(n)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def seconds_to_str(seconds: float) -> str:
    return f"{math.floor(seconds / 60):d}:{seconds % 60:04.1f}"
