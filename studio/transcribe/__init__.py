"""Speech recognition for the studio: transcripts of reference clips and long recordings cut into clips.

No Qt here. The pieces:
    base.Recognizer / Recognition     one interface: 16 kHz mono audio -> text, language, confidence
    whisper_backend, sherpa_backend,  Whisper (transformers), SenseVoice-Small / Paraformer (sherpa-onnx),
    pocketsphinx_backend              PocketSphinx (basic offline English, model inside its wheel)
    recognizers                       names, what is installed, load(name)
    agreement                         normalise, CER/WER (jiwer), decide (>= 0.9 agree, else review)
    vad                               silero-vad speech regions and the 3-15 s clip rule
    audio                             reading recordings (8 kHz and up) at 16 kHz, a minute at a time
    ingest                            recordings -> transcribed, scored, catalogued clips (cancel, resume)
    reference                         transcribe a reference clip; check a typed transcript (> 0.3: warn)
    worker                            one thread owning the loaded recognizers, cancellable jobs
    model_check                       structural checks of downloaded recognizer folders
    cli                               voice-studio ingest / transcribe / ingested
"""
