"""Projects: whole scripts, dialogues and subtitle tracks rendered block by block into one timed,
loudness-matched file. No Qt here; the window's view is studio/ui/project/.

- importers: scripts (.txt .md .csv .tsv .srt .vtt) -> chapters of blocks
- store: projects, blocks, speakers and block takes in the library catalog
- fingerprint: what decides that a block must be rendered again
- render: the plan, the BlockRenderer seam (local engine or a cluster), the render loop
- takes: a block's takes, and choosing an earlier one (its seed/speed restored, nothing rendered)
- mix: joining blocks / laying cues on the subtitle timeline; BS.1770 loudness normalization
- export: WAV/FLAC/MP3, per chapter, JSON sidecar, SRT/WebVTT
"""

from studio.project.errors import ProjectError, ScriptError

# The render and store modules pull in the engine (torch) and the library; load them on first use so
# `voice-studio --help` and the argument parser stay light (tests/test_cli_normalize.py).
_LAZY = {
    "BlockFailed": "studio.project.render",
    "BlockRenderer": "studio.project.render",
    "CallableRenderer": "studio.project.render",
    "LocalRenderer": "studio.project.render",
    "RenderProgress": "studio.project.render",
    "RenderReport": "studio.project.render",
    "VoiceResolver": "studio.project.render",
    "make_plan": "studio.project.render",
    "render_project": "studio.project.render",
    "ProjectStore": "studio.project.store",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'studio.project' has no attribute {name!r}")


__all__ = [
    "BlockFailed",
    "BlockRenderer",
    "CallableRenderer",
    "LocalRenderer",
    "ProjectError",
    "ProjectStore",
    "RenderProgress",
    "RenderReport",
    "ScriptError",
    "VoiceResolver",
    "make_plan",
    "render_project",
]
