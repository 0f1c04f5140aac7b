"""What the user was working on, kept across a restart: the script, the mode, the instruction,
the Streaming toggle and the selected voice (stored in the settings file on close, put back when the window opens)."""

from __future__ import annotations

from typing import Any

from studio.ui.script_panel import MODES


def save_session(window: Any) -> None:
    settings, script = window.ctx.settings, window.script
    settings.set("session/script", script.text)
    settings.set("session/mode", script.mode)
    settings.set("session/instruction", script.instruction.text())
    settings.set("session/stream", bool(script.stream.isChecked()))
    voice_id = window.voice_list.selected_id()
    settings.set("session/voice", int(voice_id) if voice_id is not None else 0)


def restore_session(window: Any) -> None:
    """Put back the last session's script, mode, instruction, Streaming toggle and voice (a voice that no longer
    exists is simply not selected)."""
    settings, script = window.ctx.settings, window.script
    mode = settings.get("session/mode")
    if mode in MODES:
        script.set_mode(mode)
    if not script.text and settings.get("session/script"):
        script.set_text(settings.get("session/script"))
    if not script.instruction.text() and settings.get("session/instruction"):
        script.instruction.setText(settings.get("session/instruction"))
    script.stream.setChecked(settings.get("session/stream"))
    voice_id = settings.get("session/voice")
    if voice_id and window.voice_list.selected_id() is None:
        window.voice_list.select_voice(voice_id)
