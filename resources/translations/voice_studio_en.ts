<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>BlockTableModel</name>
    <message numerus="yes">
        <location filename="../../studio/ui/project/table_model.py" line="141" />
        <source>Take #{0}, one of this block's %n take(s); choose another in the block inspector.</source>
        <translation>
            <numerusform>Take #{0}, one of this block's %n take; choose another in the block inspector.</numerusform><numerusform>Take #{0}, one of this block's %n takes; choose another in the block inspector.</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="1017" />
        <source>Recovered %n recording(s) interrupted last time; the latest is in the reference panel.</source>
        <translation>
            <numerusform>Recovered %n recording interrupted last time; the latest is in the reference panel.</numerusform><numerusform>Recovered %n recordings interrupted last time; the latest is in the reference panel.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/main_window.py" line="1040" />
        <source>%n take(s) queued</source>
        <translation>
            <numerusform>%n take queued</numerusform><numerusform>%n takes queued</numerusform></translation>
    </message>
</context>
<context>
    <name>ProjectView</name>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="316" />
        <source>{0} — %n blocks</source>
        <translation>
            <numerusform>{0} — %n block</numerusform><numerusform>{0} — %n blocks</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="376" />
        <source>Render the project first: %n blocks have no audio yet.</source>
        <translation>
            <numerusform>Render the project first: %n block has no audio yet.</numerusform><numerusform>Render the project first: %n blocks have no audio yet.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/project/view.py" line="788" />
        <source>Rendered %n block(s), reused {0}.</source>
        <translation>
            <numerusform>Rendered %n block, reused {0}.</numerusform><numerusform>Rendered %n blocks, reused {0}.</numerusform></translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message numerus="yes">
        <location filename="../../studio/ui/script_panel.py" line="367" />
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform><numerusform>%n characters</numerusform></translation>
    </message>
</context>
<context>
    <name>TakesPanel</name>
    <message numerus="yes">
        <location filename="../../studio/ui/takes_panel.py" line="415" />
        <source>Spoken in one pass with %n other sentence(s); re-rolled alone, it is spliced in at its pauses.</source>
        <translation>
            <numerusform>Spoken in one pass with %n other sentence; re-rolled alone, it is spliced in at its pauses.</numerusform><numerusform>Spoken in one pass with %n other sentences; re-rolled alone, it is spliced in at its pauses.</numerusform></translation>
    </message>
</context>
<context>
    <name>TextPreview</name>
    <message numerus="yes">
        <location filename="../../studio/ui/text_preview.py" line="240" />
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
</context>
<context>
    <name>VoiceList</name>
    <message numerus="yes">
        <location filename="../../studio/ui/voice_list.py" line="277" />
        <source>{0} (%n blocks)</source>
        <translation>
            <numerusform>{0} (%n block)</numerusform><numerusform>{0} (%n blocks)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/voice_list.py" line="306" />
        <source>The voice {0} has %n take(s). What happens to them?</source>
        <translation>
            <numerusform>The voice {0} has %n take. What happens to them?</numerusform><numerusform>The voice {0} has %n takes. What happens to them?</numerusform></translation>
    </message>
</context>
</TS>