"""The window's ingest capability: long recordings -> reviewed, catalogued clips (studio/transcribe/)."""

from studio.ui.ingest.dialog import IngestDialog

__all__ = ["IngestDialog"]
