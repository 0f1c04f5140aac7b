"""Choosing an earlier take of a block.

A block keeps every take rendered for it; one is chosen. The chosen take only counts as the block's
audio while its fingerprint matches the block's inputs (see `fingerprint`), so choosing a take
also puts back the inputs it was rendered from where the take records them: its seed (a re-roll
changed only that) and, for a line of a script, its speed. A take rendered from another text,
voice, mode, instruction or model cannot be brought back that way; it is listed but not choosable.
Choosing never renders: the project is mixed again from the takes already stored.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from studio.project.errors import ProjectError
from studio.project.model import Block, BlockTake, Project
from studio.project.render import VoiceResolver, fingerprint_for

if TYPE_CHECKING:
    from studio.project.store import ProjectStore


@dataclass(frozen=True)
class TakeChoice:
    """One take of a block. `changes` are the block inputs that make it the block's audio again
    ({} when it already matches); None when it was rendered from inputs the take does not record."""

    take: BlockTake
    changes: dict[str, Any] | None
    chosen: bool

    @property
    def available(self) -> bool:
        return self.changes is not None


def _candidates(block: Block, take: BlockTake) -> list[dict[str, Any]]:
    """Inputs to try, nearest first: the block as it is, then with the take's seed (a re-roll), then
    also with the take's speed (a script line's take is rendered at the block's speed; a subtitle
    cue's may have been sped up to fit, so its speed says nothing about the block's)."""
    out: list[dict[str, Any]] = [{}]
    if take.seed != block.seed:
        out.append({"seed": take.seed})
    if not block.is_cue and abs(take.speed_used - block.speed) > 1e-6:
        out.append({"speed": take.speed_used})
        if take.seed != block.seed:
            out.append({"seed": take.seed, "speed": take.speed_used})
    return out


def take_choices(
    store: ProjectStore, project: Project, resolver: VoiceResolver | None, model_hash: str, block: Block
) -> list[TakeChoice]:
    """Every take of `block`, oldest first, each with the input changes that would bring it back.

    Raises ProjectError when the block has takes but its voice cannot be resolved (deleted voice, no
    model known): without the voice, no take can be matched to the block's inputs.
    """
    takes = store.block_takes(block.id)
    if not takes:
        return []
    if resolver is None:
        raise ProjectError("Open a model folder first: the project has not been rendered with a model yet.")
    voice = resolver.voice_for(block)
    max_speed = float(project.setting("max_speed"))
    out = []
    for take in takes:
        changes = None
        for candidate in _candidates(block, take):
            if fingerprint_for(replace(block, **candidate), voice, model_hash, max_speed) == take.fingerprint:
                changes = candidate
                break
        out.append(TakeChoice(take, changes, take.id == block.chosen_take_id))
    return out


def choose_take(
    store: ProjectStore,
    project: Project,
    resolver: VoiceResolver | None,
    model_hash: str,
    block: Block,
    take_id: int,
) -> Block:
    """Make take `take_id` the block's audio: restore its seed/speed on the block and choose it.

    Returns the updated block. Raises ProjectError when the take is not the block's or was made
    from inputs (text, voice, mode, instruction, model) that differ from the block's now.
    """
    choices = {c.take.id: c for c in take_choices(store, project, resolver, model_hash, block)}
    choice = choices.get(int(take_id))
    if choice is None:
        raise ProjectError(f"Take #{take_id} is not a take of block {block.position + 1}.")
    if choice.changes is None:
        raise ProjectError(
            f"Take #{take_id} of block {block.position + 1} was rendered from another text, voice, mode, "
            "instruction or model; it cannot be chosen for the block as it is now."
        )
    with store.lib.transaction():
        if choice.changes:
            store.update_block(block.id, **choice.changes)
        store.choose_take(block.id, choice.take.id)
    return store.get_block(block.id)
