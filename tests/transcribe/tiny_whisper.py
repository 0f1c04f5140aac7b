"""A tiny randomly initialised Whisper in the Hugging Face layout (config, tokenizer files, safetensors).

It is saved exactly as `openai/whisper-*` repositories are (config.json, generation_config.json,
model.safetensors, preprocessor_config.json, tokenizer files), so the recognizer loads it through the
same code as a downloaded model. Its words are random: it exists to test loading, decoding, language
handling and confidence, and to disagree with a real recognizer.
"""

from __future__ import annotations

from pathlib import Path

LANGUAGES = ("en", "zh", "de", "es", "ru", "ko", "fr", "ja", "pt", "yue")
TASKS = ("translate", "transcribe")


def _byte_vocab() -> dict[str, int]:
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    chars = sorted(bytes_to_unicode().values())
    return {c: i for i, c in enumerate(chars)}


def build_tiny_whisper(folder: Path, seed: int = 0) -> Path:
    import torch
    from transformers import (
        GenerationConfig,
        WhisperConfig,
        WhisperFeatureExtractor,
        WhisperForConditionalGeneration,
        WhisperProcessor,
        WhisperTokenizer,
    )

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vocab = _byte_vocab()
    # a few merges so that common English pieces are single tokens
    merges = ["Ġ t", "h e", "Ġt he", "i n", "a n", "e r", "o n", "Ġ a"]
    for pair in merges:
        left, right = pair.split(" ")
        vocab.setdefault(left + right, len(vocab))
    specials = [
        "<|endoftext|>",
        "<|startoftranscript|>",
        *[f"<|{lang}|>" for lang in LANGUAGES],
        "<|translate|>",
        "<|transcribe|>",
        "<|startoflm|>",
        "<|startofprev|>",
        "<|nospeech|>",
        "<|notimestamps|>",
    ]
    tokenizer = WhisperTokenizer(
        vocab=vocab,
        merges=[tuple(pair.split(" ")) for pair in merges],
        unk_token="<|endoftext|>",
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        pad_token="<|endoftext|>",
    )
    tokenizer.add_special_tokens({"additional_special_tokens": specials[1:]})
    ids = {tok: tokenizer.convert_tokens_to_ids(tok) for tok in specials}
    feature_extractor = WhisperFeatureExtractor(feature_size=80)
    WhisperProcessor(feature_extractor=feature_extractor, tokenizer=tokenizer).save_pretrained(folder)

    eot, sot = ids["<|endoftext|>"], ids["<|startoftranscript|>"]
    config = WhisperConfig(
        vocab_size=len(tokenizer),
        num_mel_bins=80,
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_source_positions=1500,
        max_target_positions=64,
        pad_token_id=eot,
        bos_token_id=eot,
        eos_token_id=eot,
        decoder_start_token_id=sot,
        begin_suppress_tokens=[eot],
        suppress_tokens=[],
    )
    torch.manual_seed(seed)
    model = WhisperForConditionalGeneration(config).eval()
    generation = GenerationConfig(
        decoder_start_token_id=sot,
        bos_token_id=eot,
        eos_token_id=eot,
        pad_token_id=eot,
        max_length=64,
        is_multilingual=True,
        lang_to_id={f"<|{lang}|>": ids[f"<|{lang}|>"] for lang in LANGUAGES},
        task_to_id={task: ids[f"<|{task}|>"] for task in TASKS},
        no_timestamps_token_id=ids["<|notimestamps|>"],
        prev_sot_token_id=ids["<|startofprev|>"],
        begin_suppress_tokens=[eot],
        suppress_tokens=[],
        max_initial_timestamp_index=50,
        forced_decoder_ids=None,
    )
    model.generation_config = generation
    model.save_pretrained(folder, safe_serialization=True)
    return folder
