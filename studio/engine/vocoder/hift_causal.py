"""Causal HiFT vocoder (Fun-CosyVoice 3's CausalHiFTGenerator).

Same source-filter design as `hift.HiFTGenerator`, but every convolution is causal (left
padding) except the first conv of the generator and of the f0 predictor, which look 4 and 3
mel frames ahead; upsampling is nearest + causal conv; and nothing is random at inference: the
source uses three buffers the official module draws with `torch.rand` at construction (start
phases, a uniform "noise" buffer, an unused uv noise buffer). `CausalNoiseBuffers` rebuilds them
bit-exactly by replaying the random draws the official construction makes before them.

The f0 predictor runs in float64 (the official inference casts it on every call).

Streaming: the official code re-runs the vocoder over all the mel so far for every chunk and
keeps only the new samples. `inference(..., from_sample=n)` computes f0 and the source over all
frames (cheap, and a cumulative phase needs them) but runs the generator only over a window that
starts `left_context_frames()` before the first new sample: the generator is causal with a
finite receptive field, so the new samples are the same (to float rounding) at a fraction of
the cost.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from studio.engine.vocoder.hift import HiFTConfig, HiFTGenerator, Snake

NOISE_SAMPLES = 300 * 24000  # length of the official buffers (300 s at 24 kHz)


def causal_padding(kernel: int, dilation: int = 1) -> int:
    return int((kernel * dilation - dilation) / 2) * 2 + (kernel + 1) % 2


class CausalConv1d(nn.Conv1d):
    """'left': sees the past only; 'right': sees `causal_padding` future frames (zeros or given context)."""

    def __init__(self, cin: int, cout: int, kernel: int, dilation: int = 1, causal_type: str = "left"):
        super().__init__(cin, cout, kernel, 1, padding=0, dilation=dilation)
        self.causal_padding = causal_padding(kernel, dilation)
        self.causal_type = causal_type

    def forward(self, x: torch.Tensor, context: torch.Tensor | None = None) -> torch.Tensor:
        if context is None or context.size(2) == 0:
            context = x.new_zeros(x.shape[0], x.shape[1], self.causal_padding)
        x = torch.cat([context, x], dim=2) if self.causal_type == "left" else torch.cat([x, context], dim=2)
        return super().forward(x)


class CausalConv1dDownSample(nn.Conv1d):
    def __init__(self, cin: int, cout: int, kernel: int, stride: int):
        super().__init__(cin, cout, kernel, stride, padding=0)
        self.causal_padding = stride - 1

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return super().forward(F.pad(x, (self.causal_padding, 0)))


class CausalConv1dUpsample(nn.Conv1d):
    def __init__(self, cin: int, cout: int, kernel: int, stride: int):
        super().__init__(cin, cout, kernel, 1, padding=0)
        self.causal_padding = kernel - 1
        self.stride_up = stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.interpolate(x, scale_factor=float(self.stride_up), mode="nearest")
        return super().forward(F.pad(x, (self.causal_padding, 0)))


class CausalResBlock(nn.Module):
    def __init__(self, channels: int, kernel: int, dilations: tuple[int, ...]):
        super().__init__()
        self.convs1 = nn.ModuleList([CausalConv1d(channels, channels, kernel, d) for d in dilations])
        self.convs2 = nn.ModuleList([CausalConv1d(channels, channels, kernel, 1) for _ in dilations])
        self.activations1 = nn.ModuleList([Snake(channels) for _ in dilations])
        self.activations2 = nn.ModuleList([Snake(channels) for _ in dilations])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for c1, c2, a1, a2 in zip(self.convs1, self.convs2, self.activations1, self.activations2):
            x = c2(a2(c1(a1(x)))) + x
        return x

    def left_context(self) -> int:
        return sum(c1.causal_padding + c2.causal_padding for c1, c2 in zip(self.convs1, self.convs2))


class CausalConvRNNF0Predictor(nn.Module):
    def __init__(self, in_channels: int = 80, cond_channels: int = 512):
        super().__init__()
        layers: list[nn.Module] = [CausalConv1d(in_channels, cond_channels, 4, causal_type="right"), nn.ELU()]
        for _ in range(4):
            layers += [CausalConv1d(cond_channels, cond_channels, 3), nn.ELU()]
        self.condnet = nn.Sequential(*layers)
        self.classifier = nn.Linear(cond_channels, 1)

    @property
    def lookahead(self) -> int:
        return self.condnet[0].causal_padding

    def forward(self, mel: torch.Tensor, finalize: bool = True) -> torch.Tensor:
        if finalize:
            x = self.condnet[0](mel)
        else:
            x = self.condnet[0](mel[:, :, : -self.lookahead], mel[:, :, -self.lookahead :])
        for layer in list(self.condnet)[1:]:
            x = layer(x)
        return torch.abs(self.classifier(x.transpose(1, 2)).squeeze(-1))


class CausalNoiseBuffers:
    """The three random buffers the official CausalHiFTGenerator draws at construction.

    Their values are whatever the global CPU generator yields at that point of the official
    model construction: seeded to 0 by CausalConditionalCFM.__init__, then randn(1, 80, 15000)
    (the flow's noise), the flow's own Embedding and speaker Linear initialisation, the f0
    predictor's convs and linear, then rand(1, 9) and rand(1, 7.2M, 9); after the source's
    Linear(9, 1) initialisation, rand(1, 7.2M, 1). We replay exactly those draws on a private
    generator (initialisation draws consume one number per element whatever their bounds), then
    generate the buffers lazily, only as far as audio needs them.
    """

    def __init__(
        self,
        flow_vocab: int,
        flow_input: int,
        spk_dim: int,
        mel_dim: int,
        f0_in: int,
        f0_cond: int,
        harmonics: int,
    ):
        g = torch.Generator().manual_seed(0)
        torch.randn(1, mel_dim, 15000, generator=g)
        torch.empty(flow_vocab, flow_input).normal_(generator=g)  # flow.input_embedding
        _linear_init(g, spk_dim, mel_dim)  # flow.spk_embed_affine_layer
        _linear_init(g, f0_in * 4, f0_cond)  # f0 condnet[0]: Conv1d(in, cond, 4)
        for _ in range(4):
            _linear_init(g, f0_cond * 3, f0_cond)  # Conv1d(cond, cond, 3)
        _linear_init(g, f0_cond, 1)  # f0 classifier
        self.harmonics = harmonics
        self.state_before_rand_ini = g.get_state()
        rand_ini = torch.rand(1, harmonics, generator=g)
        rand_ini[:, 0] = 0
        self.rand_ini = rand_ini
        _consume_uniform(g, NOISE_SAMPLES * harmonics)  # sine_waves
        _linear_init(g, harmonics, 1)  # source l_linear
        self.state_before_uv = g.get_state()
        self._sine = torch.zeros(1, 0, harmonics)
        self._uv = torch.zeros(1, 0, 1)

    def sine_waves(self, samples: int) -> torch.Tensor:
        if samples > self._sine.shape[1]:
            n = _grow(samples, self._sine.shape[1])
            g = torch.Generator()
            g.set_state(self.state_before_rand_ini)
            torch.rand(1, self.harmonics, generator=g)
            self._sine = torch.rand(1, n, self.harmonics, generator=g)
        return self._sine[:, :samples]

    def uv(self, samples: int) -> torch.Tensor:
        if samples > self._uv.shape[1]:
            n = _grow(samples, self._uv.shape[1])
            g = torch.Generator()
            g.set_state(self.state_before_uv)
            self._uv = torch.rand(1, n, 1, generator=g)
        return self._uv[:, :samples]


def _linear_init(g: torch.Generator, fan_in_elems: int, out: int) -> None:
    """Draws of nn.Linear / nn.Conv1d reset_parameters: weight (out x fan) then bias (out)."""
    torch.empty(out, fan_in_elems).uniform_(generator=g)
    torch.empty(out).uniform_(generator=g)


def _consume_uniform(g: torch.Generator, count: int, chunk: int = 1 << 22) -> None:
    buf = torch.empty(chunk)
    while count > 0:
        n = min(count, chunk)
        buf[:n].uniform_(generator=g)
        count -= n


def _grow(needed: int, have: int) -> int:
    if needed > NOISE_SAMPLES:
        raise ValueError(f"{needed} samples exceed the vocoder's {NOISE_SAMPLES}-sample noise buffer (300 s)")
    return min(NOISE_SAMPLES, max(needed, 2 * have, 30 * 24000))


class CausalSourceModule(nn.Module):
    """SineGen2(causal) + merge: sines at f0 x (1..H+1) with the fixed start phases and noise."""

    def __init__(self, cfg: HiFTConfig):
        super().__init__()
        self.cfg = cfg
        self.dim = cfg.nb_harmonics + 1
        self.l_linear = nn.Linear(self.dim, 1)
        self.buffers_: CausalNoiseBuffers | None = None

    def forward(self, f0: torch.Tensor) -> torch.Tensor:
        """f0 (B, L, 1) at the audio rate -> source (B, L, 1)."""
        cfg = self.cfg
        buffers = self.buffers_
        sine_amp, scale = cfg.nsf_alpha, cfg.upsample_scale
        harmonics = torch.arange(1, self.dim + 1, dtype=torch.float32, device=f0.device).view(1, 1, -1)
        fn = torch.multiply(f0, harmonics)
        rad_values = (fn / cfg.sampling_rate) % 1
        rad_values[:, 0, :] = rad_values[:, 0, :] + buffers.rand_ini.to(rad_values.device)
        rad_values = F.interpolate(
            rad_values.transpose(1, 2), scale_factor=1 / scale, mode="linear"
        ).transpose(1, 2)
        phase = torch.cumsum(rad_values, dim=1) * 2 * np.pi
        phase = F.interpolate(phase.transpose(1, 2) * scale, scale_factor=scale, mode="nearest").transpose(
            1, 2
        )
        sine_waves = torch.sin(phase) * sine_amp
        uv = (f0 > cfg.nsf_voiced_threshold).type(torch.float32)
        noise_amp = uv * cfg.nsf_sigma + (1 - uv) * sine_amp / 3
        noise = noise_amp * buffers.sine_waves(sine_waves.shape[1]).to(f0.device)
        sine_waves = sine_waves * uv + noise
        return torch.tanh(self.l_linear(sine_waves))


class CausalHiFTGenerator(HiFTGenerator):
    def __init__(self, cfg: HiFTConfig):
        self.look_right = int(cfg.extra.get("conv_pre_look_right", 4))
        super().__init__(cfg)
        self._f0_f64: CausalConvRNNF0Predictor | None = None

    def _source_module(self, cfg: HiFTConfig) -> nn.Module:
        return CausalSourceModule(cfg)

    def _conv_pre(self, cin: int, cout: int) -> nn.Module:
        return CausalConv1d(cin, cout, self.look_right + 1, causal_type="right")

    def _up(self, cin: int, cout: int, kernel: int, rate: int) -> nn.Module:
        return CausalConv1dUpsample(cin, cout, kernel, rate)

    def _source_down(self, cin: int, cout: int, rate: int) -> nn.Module:
        return CausalConv1d(cin, cout, 1) if rate == 1 else CausalConv1dDownSample(cin, cout, rate * 2, rate)

    def _resblock(self, channels: int, kernel: int, dilations: tuple[int, ...]) -> nn.Module:
        return CausalResBlock(channels, kernel, dilations)

    def _conv_post(self, cin: int, cout: int) -> nn.Module:
        return CausalConv1d(cin, cout, 7)

    def _f0_predictor(self, cfg: HiFTConfig) -> nn.Module:
        return CausalConvRNNF0Predictor(cfg.in_channels, cfg.f0_cond_channels)

    # -- setup ---------------------------------------------------------------------------------

    def attach_buffers(self, buffers: CausalNoiseBuffers) -> None:
        self.m_source.buffers_ = buffers

    def f0_float64(self) -> CausalConvRNNF0Predictor:
        """A float64 copy of the f0 predictor (the official inference runs it in float64)."""
        if self._f0_f64 is None:
            import copy

            self._f0_f64 = copy.deepcopy(self.f0_predictor).to(torch.float64)
        return self._f0_f64

    def left_context_frames(self) -> int:
        """Mel frames of history that reach a generator output sample (an upper bound)."""
        cfg = self.cfg
        samples = 0.0  # in mel frames
        rate = 1
        for i, u in enumerate(cfg.upsample_rates):
            rate *= u
            up_left = self.ups[i].causal_padding / rate
            res_left = (
                max(self.resblocks[i * self.num_kernels + j].left_context() for j in range(self.num_kernels))
                / rate
            )
            src = self.source_downs[i]
            stft_rate = cfg.upsample_scale / cfg.hop_len  # STFT frames per mel frame
            src_left = (
                getattr(src, "causal_padding", 0) / stft_rate + self.source_resblocks[i].left_context() / rate
            )
            samples += up_left + src_left + res_left
        samples += self.conv_post.causal_padding / rate + 2 * cfg.n_fft / cfg.upsample_scale
        return math.ceil(samples) + 2

    # -- inference -----------------------------------------------------------------------------

    def decode(self, x: torch.Tensor, source: torch.Tensor, finalize: bool = True) -> torch.Tensor:
        s_stft = self._stft(source.squeeze(1))
        if finalize:
            x = self.conv_pre(x)
        else:
            x = self.conv_pre(x[:, :, : -self.look_right], x[:, :, -self.look_right :])
            s_stft = s_stft[:, :, : -int(np.prod(self.cfg.upsample_rates)) * self.look_right]
        x = self._generate(x, s_stft)
        if not finalize:
            x = x[:, : -int(np.prod(self.cfg.upsample_rates)) * self.cfg.hop_len]
        return torch.clamp(x, -self.cfg.audio_limit, self.cfg.audio_limit)

    def f0(self, mel: torch.Tensor, finalize: bool = True) -> torch.Tensor:
        return self.f0_float64()(mel.to(torch.float64), finalize=finalize).to(mel.dtype)

    def source(self, f0: torch.Tensor) -> torch.Tensor:
        f0_up = F.interpolate(
            f0[:, None], scale_factor=float(self.cfg.upsample_scale), mode="nearest"
        ).transpose(1, 2)
        return self.m_source(f0_up).transpose(1, 2)

    @torch.inference_mode()
    def inference(
        self, mel: torch.Tensor, finalize: bool = True, from_sample: int = 0
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """mel (1, 80, T) -> (speech from `from_sample` on, source).

        finalize=False treats the last frames as look-ahead (3 for f0, 4 for the generator) and
        drops the last mel frame's samples, exactly as the official streaming calls.
        """
        f0 = self.f0(mel, finalize)
        source = self.source(f0)
        x = mel if finalize else mel[:, :, : -self.f0_predictor.lookahead]
        spf = self.cfg.upsample_scale
        first = max(0, from_sample // spf - self.left_context_frames())
        speech = self.decode(x[:, :, first:], source[:, :, first * spf :], finalize)
        return speech[:, from_sample - first * spf :], source
