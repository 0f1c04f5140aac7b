"""Instruct presets, the tag palette and the dialect list: data files in resources/presets/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from studio.paths import resources_dir


def presets_dir() -> Path:
    return resources_dir() / "presets"


def _label(entry: dict, language: str) -> str:
    if language.startswith("zh") and entry.get("label_zh"):
        return entry["label_zh"]
    return entry["label"]


@dataclass(frozen=True)
class InstructPreset:
    group: str
    key: str
    label: str
    instructions: dict  # model family -> instruction text (without <|endofprompt|>)

    def instruction(self, family: str | None) -> str:
        family = family or "cosyvoice2"
        return self.instructions.get(family) or next(iter(self.instructions.values()))


@dataclass(frozen=True)
class PresetGroup:
    key: str
    label: str
    presets: tuple[InstructPreset, ...]


@dataclass(frozen=True)
class Tag:
    text: str  # inserted at the cursor; "<strong></strong>" wraps the selection
    label: str
    tooltip: str

    @property
    def is_pair(self) -> bool:
        return self.text.startswith("<") and "></" in self.text

    def split(self) -> tuple[str, str]:
        """(opening, closing) for a pair tag, (text, "") for a single one."""
        if not self.is_pair:
            return self.text, ""
        cut = self.text.index("></") + 1
        return self.text[:cut], self.text[cut:]


@cache
def _read(name: str) -> dict:
    return json.loads((presets_dir() / name).read_text(encoding="utf-8"))


def instruct_groups(language: str = "en") -> list[PresetGroup]:
    data = _read("instruct.json")
    groups = []
    for group in data["groups"]:
        presets = tuple(
            InstructPreset(group["key"], item["key"], _label(item, language), dict(item["instruction"]))
            for item in group["items"]
        )
        groups.append(PresetGroup(group["key"], _label(group, language), presets))
    return groups


def tags(language: str = "en") -> list[Tag]:
    data = _read("tags.json")
    return [
        Tag(item["text"], item.get("label") or item["text"], _tooltip(item, language))
        for item in data["tags"]
    ]


def _tooltip(item: dict, language: str) -> str:
    if language.startswith("zh") and item.get("tooltip_zh"):
        return item["tooltip_zh"]
    return item.get("tooltip", "")


def dialects(language: str = "en") -> list[tuple[str, str]]:
    """(value stored on the voice, label shown) for the dialect field."""
    data = _read("dialects.json")
    return [(item["value"], _label(item, language)) for item in data["dialects"]]


def languages(language: str = "en") -> list[tuple[str, str]]:
    data = _read("dialects.json")
    return [(item["value"], _label(item, language)) for item in data["languages"]]


def language_label(value: str, language: str = "en") -> str:
    """How a voice's stored language ("Chinese", the value the voice dialog saves) reads in the UI
    language: "中文" in the Chinese UI. A language typed by the user is shown as typed."""
    return dict(languages(language)).get(value, value)


def dialect_label(value: str, language: str = "en") -> str:
    """The same for a voice's stored dialect ("Cantonese" -> "广东话")."""
    return dict(dialects(language)).get(value, value)
