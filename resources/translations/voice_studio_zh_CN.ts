<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="54"/>
        <source>less than a minute left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="54"/>
        <source>almost done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="56"/>
        <source>about {n} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="57"/>
        <source>about {h} h {m} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="84"/>
        <source>The download failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DownloadDialog</name>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="102"/>
        <source>Download a voice model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="116"/>
        <source>{title} — recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="120"/>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="126"/>
        <source>Download from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="128"/>
        <source>Hugging Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="129"/>
        <source>A Hugging Face mirror:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="134"/>
        <source>ModelScope (fastest in mainland China)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="149"/>
        <source>Also download the Qwen2 weights (about 1 GB; Voice Studio does not need them, the official CosyVoice code does)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="153"/>
        <source>Installs into {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="181"/>
        <location filename="../../studio/ui/download_dialog.py" line="238"/>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="182"/>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="183"/>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="184"/>
        <location filename="../../studio/ui/download_dialog.py" line="222"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="231"/>
        <location filename="../../studio/ui/download_dialog.py" line="368"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="233"/>
        <source>An earlier download stopped after {size}; Resume continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="254"/>
        <source>It will run on {device} in {precision}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="282"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="290"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="297"/>
        <source>Overall: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="305"/>
        <source>{file} ({index} of {count}): {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="316"/>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="319"/>
        <source>Checking {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="321"/>
        <source>Asking the hub for the file list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="323"/>
        <source>Checking the model&apos;s structure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="325"/>
        <source>Installing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="334"/>
        <source>{model} is already installed in {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="340"/>
        <source>{model} is installed and verified (sizes, SHA-256 and structure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="346"/>
        <source>{model} is installed; every file matches the hub ({note}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="361"/>
        <source>Cancelled. {size} is kept; Resume continues from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/download_dialog.py" line="368"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="17"/>
        <location filename="../../studio/ui/empty_state.py" line="86"/>
        <source>No model loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="24"/>
        <source>Voice Studio speaks with a CosyVoice 2 or Fun-CosyVoice 3 model folder (the official release layout: llm.pt, flow.pt, hift.pt, a .yaml file…). Download the recommended one ({0}, {1}) or open one you have; your voices and takes are already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="43"/>
        <source>Open model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="45"/>
        <source>Download the recommended model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="64"/>
        <source>Loading the model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/empty_state.py" line="77"/>
        <source>The model could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <location filename="../../studio/ui/views/level_meter.py" line="20"/>
        <source>Input level: bar = RMS, tick = peak (dBFS); red = clipping</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePanel</name>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="15"/>
        <source>Live view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="20"/>
        <source>The mel spectrogram and speech tokens of the next take appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/live_panel.py" line="72"/>
        <source>sentence {0}{1} · {2} tokens ({3:.1f} s) · {4} mel frames ({5:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/main_window.py" line="77"/>
        <source>Voice Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="118"/>
        <location filename="../../studio/ui/main_window.py" line="282"/>
        <source>No model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="181"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="182"/>
        <source>Open model folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="183"/>
        <source>Download a model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="185"/>
        <source>Import reference clip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="186"/>
        <source>Export take…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="188"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="190"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="192"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="193"/>
        <source>Undo delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="195"/>
        <source>&amp;Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="196"/>
        <source>Synthesize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="198"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="199"/>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="200"/>
        <source>Record reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="201"/>
        <source>Roll a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="203"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="204"/>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="209"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="210"/>
        <location filename="../../studio/ui/main_window.py" line="827"/>
        <source>About Voice Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="234"/>
        <source>Open a CosyVoice model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="249"/>
        <source>{0} cannot be used: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="263"/>
        <source>Loading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="272"/>
        <source>Model: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="283"/>
        <source>The model could not be loaded: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="304"/>
        <source>Load a model first (File → Open model folder…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="308"/>
        <source>Choose a voice in the voice list, or save a reference clip as a voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="318"/>
        <source>Type the script to speak first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="323"/>
        <source>Clone mode needs the transcript of {0}&apos;s reference clip. Add it, or use Cross-lingual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="329"/>
        <source>Instruct mode needs an instruction: type one or pick a preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="333"/>
        <source>Convert mode needs a source clip: import or record the speech to convert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="369"/>
        <source>Preparing {0} for this model first (once per model)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="379"/>
        <source>{0} has no reference clip to prepare it from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="411"/>
        <source>{0} could not be prepared: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="439"/>
        <source>Making: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="479"/>
        <source>Last take: first audio {0:.2f} s · RTF {1:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="484"/>
        <source>Done in {0:.1f} s: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="490"/>
        <source>The take failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="491"/>
        <source>The take failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="498"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="501"/>
        <source>Cancelled: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="567"/>
        <source>Sentence {0} of take {1} re-rolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="571"/>
        <source>The {0} take&apos;s audio so far was kept as take {1} (marked partial).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="572"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="572"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="580"/>
        <source>The take could not be stored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="605"/>
        <source>Take {0}&apos;s voice was deleted, so it cannot be re-rolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="613"/>
        <source>Take {0} does not record its source clip; convert it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="645"/>
        <source>Take {0} has no sentence {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="692"/>
        <source>Playback stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="700"/>
        <source>Select a take to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="710"/>
        <source>Export take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="726"/>
        <source>Exported take {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="733"/>
        <source>Export failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="746"/>
        <source>Restored {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="775"/>
        <source>Recovered %n recording(s) interrupted last time; the latest is in the reference panel.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="785"/>
        <source>%n take(s) queued</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="801"/>
        <source>The language changes the next time Voice Studio starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="829"/>
        <source>&lt;b&gt;Voice Studio {0}&lt;/b&gt;&lt;br&gt;Voice cloning with CosyVoice 2 and Fun-CosyVoice 3.&lt;br&gt;Library: {1}&lt;br&gt;Settings: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MelView</name>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="85"/>
        <source>mel bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/mel_view.py" line="86"/>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../studio/ui/message_bar.py" line="30"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QualityView</name>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="22"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>warn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="36"/>
        <source>fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="40"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="41"/>
        <source>Sample rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="42"/>
        <source>Clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="43"/>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="44"/>
        <source>Noise (SNR estimate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="45"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="50"/>
        <source>{0:.1f} s (3-30 s is best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="52"/>
        <source>{0:g} kHz (16 kHz or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="54"/>
        <source>{0:.3f} % of samples at full scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="56"/>
        <source>{0:.0f} % of the clip is silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="58"/>
        <source>{0:.0f} dB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="60"/>
        <source>{0:.1f} dBFS speech RMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="72"/>
        <source>Use 3 to 30 seconds of speech: trim the clip or record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="74"/>
        <source>The clip is too short; the engine needs at least half a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="75"/>
        <source>The clip&apos;s sample rate is below 16 kHz; use a better recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="77"/>
        <source>Much of the clip is silence; drag the trim handles around the speech.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="79"/>
        <source>The clip is clipped (too loud); record again further from the mic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="81"/>
        <source>The clip is noisy; the clone will copy the noise. Record somewhere quieter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="83"/>
        <source>The level is off; speak closer to the mic (or further, if too hot).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="85"/>
        <source>The clip looks clean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="91"/>
        <source>Record or import a clip to see its quality report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/quality_view.py" line="108"/>
        <source>Overall: {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingController</name>
    <message>
        <location filename="../../studio/ui/recording.py" line="95"/>
        <source>Recording could not start ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/recording.py" line="109"/>
        <source>The input device was lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="65"/>
        <source>Reference clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="80"/>
        <location filename="../../studio/ui/reference_panel.py" line="236"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="81"/>
        <source>Record from the input device chosen in Settings (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="83"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="84"/>
        <source>Open a sound file, or drop one on this panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="94"/>
        <source>Script to read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="100"/>
        <source>Optional: a text to read while recording. It becomes the transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="108"/>
        <location filename="../../studio/ui/reference_panel.py" line="181"/>
        <source>No clip yet: record one, import a file, or drop it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="110"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="112"/>
        <source>Reset trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="122"/>
        <source>Transcript: exactly what is said in the clip (needed for Clone mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="124"/>
        <source>Save as voice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="137"/>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="154"/>
        <source>Import a reference clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="162"/>
        <source>The file could not be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="165"/>
        <source>Imported {0} ({1:.1f} s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="171"/>
        <source>Recording {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="221"/>
        <source>{0} · {1:.1f} s at {2:g} kHz · using {3:.1f}-{4:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="237"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="238"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="239"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="244"/>
        <source>Recording… speak now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="251"/>
        <source>Recording starts in {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="259"/>
        <source>Recorded {0:.1f} s; the recording is kept in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="263"/>
        <source>Recording failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="272"/>
        <source>Recording… {0:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="305"/>
        <location filename="../../studio/ui/reference_panel.py" line="319"/>
        <source>Load a model first: the voice is prepared with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="307"/>
        <source>The clip fails a check the engine needs; see the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="309"/>
        <source>Prepare this clip as a voice and add it to the voice list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="323"/>
        <source>This clip cannot be used as a voice: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="336"/>
        <source>There is already a voice called {0}; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="347"/>
        <source>Preparing the voice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="364"/>
        <source>Saved the voice {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/reference_panel.py" line="376"/>
        <source>The voice could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="79"/>
        <source>Script and mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="89"/>
        <source>Clone the voice; needs the reference transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="90"/>
        <source>Clone the voice into any language; no transcript needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="91"/>
        <source>Clone the voice and follow an instruction: emotion, speed, dialect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="92"/>
        <source>Speech to speech: say a recorded or imported clip in the voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="113"/>
        <source>Instruction, e.g. 用开心的语气说这句话, or pick a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="117"/>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="123"/>
        <location filename="../../studio/ui/script_panel.py" line="352"/>
        <source>No source clip: import or record the speech to convert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="124"/>
        <source>Import source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="127"/>
        <location filename="../../studio/ui/script_panel.py" line="359"/>
        <source>Record source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="131"/>
        <source>Recording failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="159"/>
        <source>Type or paste the script. Long scripts are split into sentences; each can be re-rolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="172"/>
        <source>random</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="174"/>
        <source>The same seed, text and voice give the same take; &apos;random&apos; picks one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="178"/>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="180"/>
        <source>Roll a new seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="182"/>
        <source>Streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="184"/>
        <source>Play while the take is generated (speed needs streaming off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="186"/>
        <source>Synthesize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="188"/>
        <source>Make a take (Ctrl+Enter); while one runs, this queues the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="192"/>
        <location filename="../../studio/ui/script_panel.py" line="360"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="193"/>
        <source>Stop the running take (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="197"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="199"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="224"/>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="225"/>
        <source>Cross-lingual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="226"/>
        <source>Instruct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="227"/>
        <source>Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="255"/>
        <source>Presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/script_panel.py" line="311"/>
        <source>%n character(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="326"/>
        <source>Speed changes need streaming off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="328"/>
        <source>Speaking speed (0.5× to 2×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="336"/>
        <source>Import the speech to convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="344"/>
        <source>The file could not be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="354"/>
        <source>Source: {0} ({1:.1f} s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="361"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="362"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="371"/>
        <source>Recording {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/script_panel.py" line="378"/>
        <source>Recording… {0:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="60"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="66"/>
        <location filename="../../studio/ui/settings_dialog.py" line="122"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="70"/>
        <source>Automatic (CUDA if available, else CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="71"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="77"/>
        <source>fp32 (exact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="78"/>
        <source>fp16 (half the memory)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="79"/>
        <source>bf16 (Ampere or newer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="83"/>
        <source>Applies on CUDA only: the CPU always computes in fp32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="95"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="101"/>
        <source>{0} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="107"/>
        <source>No input device found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="109"/>
        <source>No output device found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="115"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="117"/>
        <source>Play streaming takes while they are made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="127"/>
        <source>WAV, 24-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="128"/>
        <source>WAV, 16-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="129"/>
        <source>FLAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="133"/>
        <source>Write a .json file with the take&apos;s provenance next to the audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="138"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="139"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="142"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="148"/>
        <source>Model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="149"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="150"/>
        <source>Precision on CUDA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="151"/>
        <source>Input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="152"/>
        <source>Output device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="154"/>
        <source>Recording countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="156"/>
        <location filename="../../studio/ui/settings_dialog.py" line="205"/>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="157"/>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="159"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="160"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/settings_dialog.py" line="199"/>
        <source>Open a CosyVoice model folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="42"/>
        <source>Takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="45"/>
        <source>Search takes by text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="48"/>
        <source>★ only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="57"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="71"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="72"/>
        <source>Play or pause the selected take (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="74"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="76"/>
        <source>Re-roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="77"/>
        <source>Make the take again with a new seed (a new take)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="79"/>
        <source>★ Favourite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="82"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="83"/>
        <source>Export the selected take as WAV or FLAC (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="85"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="86"/>
        <source>Delete the take (Ctrl+Z undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="102"/>
        <source>Re-roll sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="104"/>
        <source>Generate only this sentence again with a new seed; the take is rebuilt with cross-fades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="111"/>
        <source>Remove from queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="126"/>
        <source>Sentences of the selected take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="129"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="152"/>
        <source>Clone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="153"/>
        <source>Cross-lingual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="154"/>
        <source>Instruct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="155"/>
        <source>Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="226"/>
        <source>(converted speech)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="229"/>
        <source>seed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="236"/>
        <source>Take {0} · {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="239"/>
        <source>seed {0} · speed {1:g}× · {2:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="240"/>
        <source>model {0} ({1}) · engine {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="245"/>
        <source>instruction: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="248"/>
        <source>first audio {0:.2f} s · RTF {1:.2f} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="251"/>
        <source>streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="251"/>
        <source>not streamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="299"/>
        <source>Deleted take {0}. Press Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="320"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="320"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/takes_panel.py" line="336"/>
        <source>Removed from the queue: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenView</name>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="90"/>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/views/token_view.py" line="91"/>
        <source>time (s), 25 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceDialog</name>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="39"/>
        <source>Save as voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="41"/>
        <source>How the voice is listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="43"/>
        <source>Who is speaking (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="55"/>
        <source>comma-separated, e.g. narration, warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="57"/>
        <source>Consent of the speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="64"/>
        <source>e.g. narration of my own videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="67"/>
        <source>Given by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="68"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="69"/>
        <source>For what use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="70"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="72"/>
        <source>Without consent the voice is marked NO CONSENT RECORDED in lists and exports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="76"/>
        <source>This is my own voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="80"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="81"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="82"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="83"/>
        <source>Dialect or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="84"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="106"/>
        <source>myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="108"/>
        <source>my own projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_dialog.py" line="138"/>
        <source>Give the voice a name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceList</name>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="30"/>
        <source>Voices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="34"/>
        <source>Search voices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="40"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="41"/>
        <source>Play the voice&apos;s reference clip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="43"/>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="45"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="46"/>
        <source>Delete the voice (Ctrl+Z undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="97"/>
        <source>Speaker: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="100"/>
        <source>Language: {0} · dialect: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="105"/>
        <source>Consent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="106"/>
        <source>NO CONSENT RECORDED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="117"/>
        <source>Reference: {0:.1f} s of {1:.1f} s, {2:g} kHz, {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="124"/>
        <source>Transcript: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="124"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="127"/>
        <source>Quality: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="131"/>
        <source>Prepared prompt for {0}: {1} KB, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="136"/>
        <source>No prepared prompt yet (made on first use).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="138"/>
        <source>Tags: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="177"/>
        <source>This voice has no reference clip to play.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="193"/>
        <source>Rename voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="193"/>
        <source>New name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="201"/>
        <source>The voice could not be renamed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="220"/>
        <source>The voice {0} still has {1} takes; delete or export them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../studio/ui/voice_list.py" line="226"/>
        <source>Deleted the voice {0}. Press Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WaveformView</name>
    <message>
        <location filename="../../studio/ui/views/waveform_view.py" line="43"/>
        <source>time (s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
