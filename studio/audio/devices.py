"""Audio input devices as PortAudio (through sounddevice) sees them.

sounddevice is imported lazily: importing it initialises PortAudio, which reads the ALSA
configuration once per process, and fails when the PortAudio library is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio.audio.errors import RecorderError


@dataclass(frozen=True)
class AudioDevice:
    index: int
    name: str
    host_api: str
    max_channels: int
    default_samplerate: float
    is_default: bool = False


def load_backend() -> Any:
    """The sounddevice module, or a RecorderError saying why audio input is unavailable."""
    try:
        import sounddevice
    except OSError as err:
        raise RecorderError(
            f"Audio input is unavailable because the PortAudio library could not be loaded ({err}); "
            "install PortAudio (libportaudio2)."
        ) from None
    return sounddevice


InputDevice = AudioDevice


def list_devices(kind: str, backend: Any = None, error: type[Exception] = RecorderError) -> list[AudioDevice]:
    """The devices with `kind` ("input" or "output") channels; `error` says why they cannot be listed."""
    backend = backend or load_backend()
    try:
        devices = backend.query_devices()
        hostapis = backend.query_hostapis()
    except Exception as err:  # PortAudioError and friends: report, do not crash the window
        raise error(f"The audio devices could not be listed ({err}).") from None
    default = default_device_index(backend, kind)
    channels_key = f"max_{kind}_channels"
    found = []
    for index, dev in enumerate(devices):
        if int(dev.get(channels_key, 0)) > 0:
            api = hostapis[dev["hostapi"]]["name"] if 0 <= dev.get("hostapi", -1) < len(hostapis) else ""
            found.append(
                AudioDevice(
                    index=index,
                    name=str(dev["name"]),
                    host_api=str(api),
                    max_channels=int(dev[channels_key]),
                    default_samplerate=float(dev["default_samplerate"]),
                    is_default=index == default,
                )
            )
    return found


def list_input_devices(backend: Any = None) -> list[InputDevice]:
    return list_devices("input", backend)


def default_device_index(backend: Any, kind: str) -> int | None:
    """The default device's index: sounddevice's setting, else PortAudio's own default."""
    try:
        index = backend.default.device[0 if kind == "input" else 1]
    except Exception:
        index = None
    if isinstance(index, int) and index >= 0:
        return index
    try:
        return int(backend.query_devices(kind=kind)["index"])
    except Exception:
        return None


def resolve_input_device(device: int | str | None, backend: Any = None) -> InputDevice:
    """The device to record from: `device` (index or name) or the default input.

    Raises RecorderError with a sentence when there is no usable input device.
    """
    devices = list_input_devices(backend)
    if not devices:
        raise RecorderError(
            "No audio input device was found, so nothing was recorded and no file was written. "
            "Connect a microphone (and allow this program to use it in the system's privacy settings), "
            "then press Record again; or import a recording from a file instead."
        )
    if device is None:
        return next((d for d in devices if d.is_default), devices[0])
    for dev in devices:
        if dev.index == device or (isinstance(device, str) and device.lower() in dev.name.lower()):
            return dev
    raise RecorderError(
        f"The input device {device!r} is not available, so nothing was recorded. Connect it, or choose "
        "another microphone as the input device in Settings."
    )
