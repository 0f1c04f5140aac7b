"""Voice Studio: a desktop voice-cloning studio for CosyVoice 2 / Fun-CosyVoice 3."""

__version__ = "0.1.0"
