"""Projects: whole scripts, dialogues and subtitle tracks rendered block by block into one timed,
loudness-matched file. No Qt here; the window's view is studio/ui/project/.

- importers: scripts (.txt .md .csv .tsv .srt .vtt) -> chapters of blocks
- store: projects, blocks, speakers and block takes in the library catalog
- fingerprint: what decides that a block must be rendered again
- render: the plan, the BlockRenderer seam (local engine or a cluster), the render loop
- mix: joining blocks / laying cues on the subtitle timeline; BS.1770 loudness normalization
- export: WAV/FLAC/MP3, per chapter, JSON sidecar, SRT/WebVTT
"""

from studio.project.errors import ProjectError, ScriptError
from studio.project.render import (
    BlockFailed,
    BlockRenderer,
    CallableRenderer,
    LocalRenderer,
    RenderProgress,
    RenderReport,
    VoiceResolver,
    make_plan,
    render_project,
)
from studio.project.store import ProjectStore

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
