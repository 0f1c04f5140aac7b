"""HiFT vocoder (CosyVoice 2's HiFTGenerator): mel -> 24 kHz speech through a neural source filter.

f0 predictor -> harmonic sine source (NSF) -> STFT of the source, injected at every upsampling
stage of a HiFi-GAN generator -> magnitude/phase -> iSTFT (n_fft 16, hop 4).

Random draws (for seeded reproducibility, in the official order and shapes) come from the
`generator` passed to `inference`:
  1. rand(1, harmonics+1) initial phases (column 0 zeroed)
  2. randn(1, 480*T, harmonics+1) additive noise of the sine source
  3. randn(1, 480*T, 1) the source module's noise branch (unused, still drawn)

Weight norm is folded into plain weights when the checkpoint is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from studio.engine.frontend.audio import hann_window_periodic


@dataclass(frozen=True)
class HiFTConfig:
    in_channels: int = 80
    base_channels: int = 512
    nb_harmonics: int = 8
    sampling_rate: int = 24000
    nsf_alpha: float = 0.1
    nsf_sigma: float = 0.003
    nsf_voiced_threshold: float = 10.0
    upsample_rates: tuple[int, ...] = (8, 5, 3)
    upsample_kernel_sizes: tuple[int, ...] = (16, 11, 7)
    n_fft: int = 16
    hop_len: int = 4
    resblock_kernel_sizes: tuple[int, ...] = (3, 7, 11)
    resblock_dilation_sizes: tuple[tuple[int, ...], ...] = ((1, 3, 5), (1, 3, 5), (1, 3, 5))
    source_resblock_kernel_sizes: tuple[int, ...] = (7, 7, 11)
    source_resblock_dilation_sizes: tuple[tuple[int, ...], ...] = ((1, 3, 5), (1, 3, 5), (1, 3, 5))
    lrelu_slope: float = 0.1
    audio_limit: float = 0.99
    f0_cond_channels: int = 512
    extra: dict = field(default_factory=dict)

    @property
    def upsample_scale(self) -> int:
        return int(np.prod(self.upsample_rates)) * self.hop_len  # samples per mel frame (480)


def get_padding(kernel_size: int, dilation: int = 1) -> int:
    return int((kernel_size * dilation - dilation) / 2)


class Snake(nn.Module):
    """x + 1/alpha * sin^2(alpha * x), per channel (linear-scale alpha)."""

    def __init__(self, channels: int):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(channels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        alpha = self.alpha.unsqueeze(0).unsqueeze(-1)
        return x + (1.0 / (alpha + 1e-9)) * torch.pow(torch.sin(x * alpha), 2)


class ResBlock(nn.Module):
    def __init__(self, channels: int, kernel_size: int, dilations: tuple[int, ...]):
        super().__init__()
        self.convs1 = nn.ModuleList(
            [
                nn.Conv1d(channels, channels, kernel_size, 1, dilation=d, padding=get_padding(kernel_size, d))
                for d in dilations
            ]
        )
        self.convs2 = nn.ModuleList(
            [
                nn.Conv1d(channels, channels, kernel_size, 1, dilation=1, padding=get_padding(kernel_size, 1))
                for _ in dilations
            ]
        )
        self.activations1 = nn.ModuleList([Snake(channels) for _ in dilations])
        self.activations2 = nn.ModuleList([Snake(channels) for _ in dilations])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for c1, c2, a1, a2 in zip(self.convs1, self.convs2, self.activations1, self.activations2):
            x = c2(a2(c1(a1(x)))) + x
        return x


class ConvRNNF0Predictor(nn.Module):
    """5 x (conv k3 + ELU) -> linear -> |.|: one f0 value (Hz) per mel frame."""

    def __init__(self, in_channels: int = 80, cond_channels: int = 512):
        super().__init__()
        layers: list[nn.Module] = []
        for i in range(5):
            layers += [
                nn.Conv1d(in_channels if i == 0 else cond_channels, cond_channels, 3, padding=1),
                nn.ELU(),
            ]
        self.condnet = nn.Sequential(*layers)
        self.classifier = nn.Linear(cond_channels, 1)

    def forward(self, mel: torch.Tensor) -> torch.Tensor:
        x = self.condnet(mel).transpose(1, 2)
        return torch.abs(self.classifier(x).squeeze(-1))


class SourceModuleHnNSF(nn.Module):
    """Harmonic-plus-noise source (SineGen2): sines at f0 * (1..H+1), merged by a linear + tanh."""

    def __init__(self, cfg: HiFTConfig):
        super().__init__()
        self.cfg = cfg
        self.dim = cfg.nb_harmonics + 1
        self.l_linear = nn.Linear(self.dim, 1)

    def forward(
        self, f0: torch.Tensor, generator: torch.Generator | None, zero_noise: bool = False
    ) -> torch.Tensor:
        """f0 (B, L, 1) at the audio rate -> source (B, L, 1)."""
        cfg = self.cfg
        sine_amp = cfg.nsf_alpha
        scale = cfg.upsample_scale
        harmonics = torch.arange(1, self.dim + 1, dtype=torch.float32, device=f0.device).view(1, 1, -1)
        fn = torch.multiply(f0, harmonics)
        rad_values = (fn / cfg.sampling_rate) % 1
        rand_ini = _rand((fn.shape[0], fn.shape[2]), generator, fn.device, zero_noise)
        rand_ini[:, 0] = 0
        rad_values[:, 0, :] = rad_values[:, 0, :] + rand_ini
        rad_values = F.interpolate(
            rad_values.transpose(1, 2), scale_factor=1 / scale, mode="linear"
        ).transpose(1, 2)
        phase = torch.cumsum(rad_values, dim=1) * 2 * np.pi
        phase = F.interpolate(phase.transpose(1, 2) * scale, scale_factor=scale, mode="linear").transpose(
            1, 2
        )
        sine_waves = torch.sin(phase) * sine_amp

        uv = (f0 > cfg.nsf_voiced_threshold).type(torch.float32)
        noise_amp = uv * cfg.nsf_sigma + (1 - uv) * sine_amp / 3
        noise = noise_amp * _randn_channels_first(sine_waves.shape, generator, f0.device, zero_noise)
        sine_waves = sine_waves * uv + noise
        _randn_channels_first(
            uv.shape, generator, f0.device, zero_noise
        )  # unused noise branch, drawn for parity
        return torch.tanh(self.l_linear(sine_waves))


# Draws come from a CPU generator and are moved to the model's device, so a seed gives the same
# audio on CPU and CUDA.
def _rand(shape, generator, device, zero: bool) -> torch.Tensor:
    if zero:
        return torch.zeros(shape, device=device)
    return torch.rand(shape, generator=generator).to(device)


def _randn_channels_first(shape, generator, device, zero: bool) -> torch.Tensor:
    """randn of shape (B, L, C) laid out as (B, C, L) transposed.

    The official code calls `randn_like` on a transposed tensor; torch fills a non-contiguous
    tensor element by element (a different sequence than the vectorised contiguous fill), so
    the layout decides the values a seed gives.
    """
    b, length, c = shape
    if zero:
        return torch.zeros(shape, device=device)
    out = torch.empty(b, c, length).transpose(1, 2)
    return out.normal_(generator=generator).to(device)


class HiFTGenerator(nn.Module):
    """The generator; `CausalHiFTGenerator` reuses its structure with causal layers.

    The layer factories (`_conv_pre`, `_up`, `_source_down`, `_resblock`, `_conv_post`) are what
    the two variants differ in; construction order and parameter names are shared.
    """

    def __init__(self, cfg: HiFTConfig):
        super().__init__()
        self.cfg = cfg
        base = cfg.base_channels
        self.num_kernels = len(cfg.resblock_kernel_sizes)
        self.num_upsamples = len(cfg.upsample_rates)
        self.m_source = self._source_module(cfg)
        self.conv_pre = self._conv_pre(cfg.in_channels, base)
        self.ups = nn.ModuleList(
            [
                self._up(base // 2**i, base // 2 ** (i + 1), k, u)
                for i, (u, k) in enumerate(zip(cfg.upsample_rates, cfg.upsample_kernel_sizes))
            ]
        )
        self.source_downs = nn.ModuleList()
        self.source_resblocks = nn.ModuleList()
        downsample_cum = np.cumprod([1, *list(cfg.upsample_rates[::-1][:-1])])
        for i, (u, k, d) in enumerate(
            zip(downsample_cum[::-1], cfg.source_resblock_kernel_sizes, cfg.source_resblock_dilation_sizes)
        ):
            ch = base // 2 ** (i + 1)
            self.source_downs.append(self._source_down(cfg.n_fft + 2, ch, int(u)))
            self.source_resblocks.append(self._resblock(ch, k, tuple(d)))
        self.resblocks = nn.ModuleList()
        for i in range(self.num_upsamples):
            ch = base // 2 ** (i + 1)
            for k, d in zip(cfg.resblock_kernel_sizes, cfg.resblock_dilation_sizes):
                self.resblocks.append(self._resblock(ch, k, tuple(d)))
        self.conv_post = self._conv_post(ch, cfg.n_fft + 2)
        self.f0_predictor = self._f0_predictor(cfg)
        # A plain attribute, not a buffer: modules are built on the meta device before loading.
        self.stft_window = hann_window_periodic(cfg.n_fft)

    # -- the layers the causal variant replaces ---------------------------------------------

    def _source_module(self, cfg: HiFTConfig) -> nn.Module:
        return SourceModuleHnNSF(cfg)

    def _conv_pre(self, cin: int, cout: int) -> nn.Module:
        return nn.Conv1d(cin, cout, 7, 1, padding=3)

    def _up(self, cin: int, cout: int, kernel: int, rate: int) -> nn.Module:
        return nn.ConvTranspose1d(cin, cout, kernel, rate, padding=(kernel - rate) // 2)

    def _source_down(self, cin: int, cout: int, rate: int) -> nn.Module:
        if rate == 1:
            return nn.Conv1d(cin, cout, 1, 1)
        return nn.Conv1d(cin, cout, rate * 2, rate, padding=rate // 2)

    def _resblock(self, channels: int, kernel: int, dilations: tuple[int, ...]) -> nn.Module:
        return ResBlock(channels, kernel, dilations)

    def _conv_post(self, cin: int, cout: int) -> nn.Module:
        return nn.Conv1d(cin, cout, 7, 1, padding=3)

    def _f0_predictor(self, cfg: HiFTConfig) -> nn.Module:
        return ConvRNNF0Predictor(cfg.in_channels, cfg.f0_cond_channels)

    # -- shared signal path ----------------------------------------------------------------

    def _stft(self, x: torch.Tensor) -> torch.Tensor:
        """(B, n_fft + 2, frames): real parts then imaginary parts."""
        window = self.stft_window.to(x.device)
        spec = torch.stft(
            x, self.cfg.n_fft, self.cfg.hop_len, self.cfg.n_fft, window=window, return_complex=True
        )
        spec = torch.view_as_real(spec)
        return torch.cat([spec[..., 0], spec[..., 1]], dim=1)

    def _istft(self, magnitude: torch.Tensor, phase: torch.Tensor) -> torch.Tensor:
        magnitude = torch.clip(magnitude, max=1e2)
        real = magnitude * torch.cos(phase)
        imag = magnitude * torch.sin(phase)
        window = self.stft_window.to(magnitude.device)
        return torch.istft(
            torch.complex(real, imag), self.cfg.n_fft, self.cfg.hop_len, self.cfg.n_fft, window=window
        )

    def _generate(self, x: torch.Tensor, s_stft: torch.Tensor) -> torch.Tensor:
        """After conv_pre: upsampling stages with the source injected, then magnitude/phase -> iSTFT."""
        for i in range(self.num_upsamples):
            x = F.leaky_relu(x, self.cfg.lrelu_slope)
            x = self.ups[i](x)
            if i == self.num_upsamples - 1:
                x = F.pad(x, (1, 0), mode="reflect")
            x = x + self.source_resblocks[i](self.source_downs[i](s_stft))
            xs = None
            for j in range(self.num_kernels):
                r = self.resblocks[i * self.num_kernels + j](x)
                xs = r if xs is None else xs + r
            x = xs / self.num_kernels
        x = F.leaky_relu(x)
        x = self.conv_post(x)
        half = self.cfg.n_fft // 2 + 1
        return self._istft(torch.exp(x[:, :half, :]), torch.sin(x[:, half:, :]))

    def decode(self, x: torch.Tensor, source: torch.Tensor) -> torch.Tensor:
        x = self._generate(self.conv_pre(x), self._stft(source.squeeze(1)))
        return torch.clamp(x, -self.cfg.audio_limit, self.cfg.audio_limit)

    @torch.inference_mode()
    def inference(
        self,
        mel: torch.Tensor,
        cache_source: torch.Tensor | None = None,
        generator: torch.Generator | None = None,
        zero_noise: bool = False,
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """mel (1, 80, T) -> (speech (1, 480*T), source (1, 1, 480*T)).

        `cache_source` overwrites the first samples of the source (streaming continuity).
        """
        f0 = self.f0_predictor(mel)
        f0_up = F.interpolate(
            f0[:, None], scale_factor=float(self.cfg.upsample_scale), mode="nearest"
        ).transpose(1, 2)
        source = self.m_source(f0_up, generator, zero_noise).transpose(1, 2)
        if cache_source is not None and cache_source.shape[2] != 0:
            source[:, :, : cache_source.shape[2]] = cache_source
        return self.decode(mel, source), source
