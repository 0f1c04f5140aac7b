"""Model manager: known models, downloads, verification, installed-model detection."""
