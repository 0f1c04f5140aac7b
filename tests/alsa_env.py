"""A real PortAudio audio device for tests on machines with no sound card, via ALSA plugins.

`make_alsa_env(tmp_path, capture_source)` writes an ALSA configuration (from
tests/fixtures/alsa/asound.conf) whose only device, "default", plays into a raw file and
records from a raw file. It returns environment variables to give the process that opens the
device. Samples on both sides are raw signed 16-bit little-endian, 48000 Hz, mono
(ALSA_RATE/ALSA_CHANNELS/ALSA_DTYPE); ALSA's `plug` converts from/to whatever the
application asks for.

WHEN THE ENVIRONMENT MUST BE SET. PortAudio reads the ALSA configuration in Pa_Initialize,
which sounddevice calls at `import sounddevice`. So `ALSA_CONFIG_PATH` must be in the
environment of a process before it first imports sounddevice:
  * Preferred: run the audio code in a subprocess: `subprocess.run(..., env={**os.environ, **env})`.
    Each test then gets its own device and files, whatever else the pytest process imported.
  * In-process (e.g. playback tests with pytest-qt): `monkeypatch.setenv` the returned values,
    then, if sounddevice may already be imported, call `reinitialize_portaudio()` (sounddevice's
    _terminate/_initialize) so PortAudio rereads the configuration.

REAL-TIME CAPTURE. ALSA's `null` plugin has no clock, so by default capture delivers the
source file as fast as it is read, then silence. For tests that need wall-clock pacing (such as
killing a recording after 2.5 s), pass `realtime=True`: the capture side then reads from a FIFO,
and the recording process must call `start_capture_feeder()` BEFORE it imports sounddevice
(opening a FIFO blocks until the other end is open). The feeder is a daemon thread in that
process that writes the source in real time (looping) and dies with it.

PLAYBACK. Everything played on "default" is appended to the file named by
env[PLAYBACK_FILE_KEY]; `read_playback(env)` returns it as int16 samples.
"""

from __future__ import annotations

import array
import fcntl
import os
import select
import termios
import threading
import time
from pathlib import Path

import numpy as np

TEMPLATE = Path(__file__).parent / "fixtures" / "alsa" / "asound.conf"
ALSA_RATE = 48_000
ALSA_CHANNELS = 1
ALSA_DTYPE = np.dtype("<i2")

PLAYBACK_FILE_KEY = "VOICE_STUDIO_TEST_ALSA_PLAYBACK"
CAPTURE_RAW_KEY = "VOICE_STUDIO_TEST_ALSA_CAPTURE_RAW"
CAPTURE_FIFO_KEY = "VOICE_STUDIO_TEST_ALSA_CAPTURE_FIFO"
CAPTURE_TAP_KEY = "VOICE_STUDIO_TEST_ALSA_CAPTURE_TAP"


def _as_alsa_samples(source: Path) -> np.ndarray:
    """Any sound file (or a .raw file already in ALSA format) as int16 mono at ALSA_RATE."""
    if source.suffix == ".raw":
        return np.fromfile(source, dtype=ALSA_DTYPE)
    import soundfile as sf

    audio, rate = sf.read(str(source), dtype="float32", always_2d=True)
    mono = audio.mean(axis=1)
    if rate != ALSA_RATE:  # linear interpolation is plenty for test signals
        n_out = round(len(mono) * ALSA_RATE / rate)
        mono = np.interp(np.arange(n_out) * (rate / ALSA_RATE), np.arange(len(mono)), mono).astype(np.float32)
    return np.rint(np.clip(mono, -1.0, 1.0) * 32767.0).astype(ALSA_DTYPE)


def make_alsa_env(
    tmp_path: Path, capture_source: Path | None = None, *, realtime: bool = False
) -> dict[str, str]:
    """Write the ALSA config into `tmp_path`; return the env vars for the process using it.

    Keys: ALSA_CONFIG_PATH; PLAYBACK_FILE_KEY (where playback lands); with a capture source
    also CAPTURE_RAW_KEY (the samples capture delivers) and, with realtime=True, CAPTURE_FIFO_KEY.
    """
    folder = Path(tmp_path).absolute() / "alsa"
    folder.mkdir(parents=True, exist_ok=True)
    playback = folder / "playback.raw"
    playback.touch()
    env = {PLAYBACK_FILE_KEY: str(playback)}
    infile_line = "# no capture source: capture records silence"
    tap = "/dev/null"
    if capture_source is not None:
        raw = folder / "capture.raw"
        _as_alsa_samples(Path(capture_source)).tofile(raw)
        env[CAPTURE_RAW_KEY] = str(raw)
        infile = raw
        if realtime:
            infile = folder / "capture.fifo"
            if not infile.exists():
                os.mkfifo(infile)
            env[CAPTURE_FIFO_KEY] = str(infile)
            tap = str(folder / "capture-tap.raw")
            env[CAPTURE_TAP_KEY] = tap
        infile_line = f'infile "{infile}"'
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("@PLAYBACK_FILE@", str(playback))
    text = text.replace("@CAPTURE_TAP_FILE@", tap)
    text = text.replace("@CAPTURE_INFILE@", infile_line)
    config = folder / "asound.conf"
    config.write_text(text, encoding="utf-8")
    env["ALSA_CONFIG_PATH"] = str(config)
    return env


def start_capture_feeder(env: dict[str, str] | None = None) -> threading.Thread:
    """Feed the capture FIFO in real time from a daemon thread of the calling process.

    Call before importing sounddevice. The source loops forever.

    How the pacing works: for each period PortAudio takes, ALSA's file plugin does one read()
    on the FIFO asking for the whole free buffer (several periods), and it copies to the "tap"
    file (CAPTURE_TAP_KEY) only the frames PortAudio commits. Writing audio at a steady rate
    would therefore deliver fewer frames than real time (each read swallows what has piled
    up). Instead the feeder writes one chunk only when the FIFO is empty (the reader has taken
    the last one) and the committed total seen in the tap file is behind the wall clock; each
    chunk is sized like the plugin's latest commit so every sample is delivered once.
    PortAudio opens and closes the device several times (enumeration, then the stream): the
    feeder reopens the FIFO whenever the reader goes away.
    """
    env = dict(os.environ if env is None else env)
    fifo = env[CAPTURE_FIFO_KEY]
    tap = Path(env[CAPTURE_TAP_KEY])
    samples = np.fromfile(env[CAPTURE_RAW_KEY], dtype=ALSA_DTYPE)
    if samples.size == 0:
        samples = np.zeros(ALSA_RATE, dtype=ALSA_DTYPE)
    frame_bytes = ALSA_DTYPE.itemsize * ALSA_CHANNELS

    def tap_frames() -> int:
        try:
            return tap.stat().st_size // frame_bytes
        except FileNotFoundError:
            return 0

    def unread_bytes(fd: int) -> int:
        buf = array.array("i", [0])
        fcntl.ioctl(fd, termios.FIONREAD, buf)
        return buf[0]

    def feed() -> None:
        pos = 0
        while True:
            fd = os.open(fifo, os.O_WRONLY)  # blocks until PortAudio opens the device
            poller = select.poll()
            poller.register(fd, select.POLLERR)
            started = time.monotonic()
            base = seen = tap_frames()
            chunk = 256  # first guess, then the size of the plugin's latest commit
            try:
                while not poller.poll(0):  # POLLERR: the reader closed the device
                    now_tap = tap_frames()
                    if now_tap < base:  # the plugin truncated the tap file when reopened
                        base = seen = 0
                    if now_tap > seen:
                        chunk = max(16, min(4096, now_tap - seen))
                        seen = now_tap
                    due = (time.monotonic() - started) * ALSA_RATE
                    if now_tap - base < due and unread_bytes(fd) == 0:
                        idx = (pos + np.arange(chunk)) % samples.size
                        pos = (pos + chunk) % samples.size
                        os.write(fd, samples[idx].tobytes())
                    else:
                        time.sleep(0.0005)
            except BrokenPipeError:
                pass
            finally:
                os.close(fd)

    thread = threading.Thread(target=feed, name="alsa-capture-feeder", daemon=True)
    thread.start()
    return thread


def read_playback(env: dict[str, str]) -> np.ndarray:
    """Everything played on the test device so far, as int16 mono samples at ALSA_RATE."""
    return np.fromfile(env[PLAYBACK_FILE_KEY], dtype=ALSA_DTYPE)


def reinitialize_portaudio() -> None:
    """Make an already-imported sounddevice reread the ALSA configuration (see module doc)."""
    import sounddevice as sd

    sd._terminate()
    sd._initialize()
