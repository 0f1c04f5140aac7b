"""The Simplified Chinese catalogue: complete, placeholders intact, compiled, loadable, and shown
with a font that has the glyphs.

Reads resources/translations/voice_studio_zh_CN.ts with xml.etree; the compiled .qm next to it is
what the app loads (studio.ui.i18n.install_translators). Translators and the app font are put back
after each test so the other tests stay English.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
TS = TRANSLATIONS / "voice_studio_zh_CN.ts"
QM = TRANSLATIONS / "voice_studio_zh_CN.qm"

PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # {0}, {1:.1f}, {model}
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")  # <b>, </b>, <br>
ACCELERATOR = re.compile(r"&([^&\s])")  # &File -> F ('&&' is a literal ampersand)
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages() -> list[tuple[str, str, ET.Element, bool]]:
    """(context, source, <translation> element, numerus) for every message of the catalogue."""
    root = ET.parse(TS).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    message.find("translation"),
                    message.get("numerus") == "yes",
                )
            )
    return found


def forms(translation: ET.Element, numerus: bool) -> list[str]:
    """The translated text(s): one per numerus form for plural messages."""
    if numerus:
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def translation_of(context: str, source: str) -> str:
    for name, src, translation, numerus in messages():
        if (name, src) == (context, source):
            return forms(translation, numerus)[0]
    raise KeyError((context, source))


def qt_tool(name: str) -> str | None:
    """pyside6-lupdate / pyside6-lrelease: next to this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


# -- the .ts ------------------------------------------------------------------------------------


def test_every_message_is_translated():
    found = messages()
    assert found, f"no messages in {TS}"
    problems = []
    for context, source, translation, numerus in found:
        where = f"{context}: {source!r}"
        if not context:
            # A tr() outside any class: lupdate files it under the empty context, but the code
            # looks it up under its class's name, so the translation would never be used.
            problems.append(f"{where} has no context")
        if translation is None:
            problems.append(f"{where} has no <translation>")
            continue
        if translation.get("type"):
            problems.append(f"{where} is {translation.get('type')}")
        texts = forms(translation, numerus)
        if numerus and len(texts) != 1:
            problems.append(f"{where} has {len(texts)} numerus forms (Chinese has one)")
        if not texts or any(not t.strip() for t in texts):
            problems.append(f"{where} is empty")
    assert not problems, "\n".join(problems)


def test_placeholders_tags_and_accelerators_are_kept():
    problems = []
    for context, source, translation, numerus in messages():
        for text in forms(translation, numerus):
            where = f"{context}: {source!r} -> {text!r}"
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                problems.append(f"{where}: placeholders differ")
            if text.count("%n") != source.count("%n"):
                problems.append(f"{where}: %n count differs")
            if Counter(HTML_TAG.findall(text)) != Counter(HTML_TAG.findall(source)):
                problems.append(f"{where}: HTML tags differ")
            if [a.lower() for a in ACCELERATOR.findall(text)] != [
                a.lower() for a in ACCELERATOR.findall(source)
            ]:
                problems.append(f"{where}: keyboard accelerator differs (use 文件(&F) style)")
    assert not problems, "\n".join(problems)


def test_catalogue_covers_every_string_in_the_sources(tmp_path):
    """lupdate over studio/ui finds nothing that the catalogue lacks (or keeps as obsolete)."""
    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "voice_studio_zh_CN.ts"
    shutil.copy(TS, fresh)
    # every window module, including the capability folders (studio/ui/ingest/, studio/ui/project/, ...)
    sources = sorted(str(p) for p in (REPO / "studio" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-no-obsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    root = ET.parse(fresh).getroot()
    extracted = {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
    }
    catalogued = {(context, source) for context, source, _t, _n in messages()}
    assert extracted == catalogued, (
        f"new in the code: {sorted(extracted - catalogued)}; gone from the code: "
        f"{sorted(catalogued - extracted)}; run pyside6-lupdate (see studio/ui/i18n.py)"
    )


# -- the .qm ------------------------------------------------------------------------------------


def test_compiled_catalogue_is_up_to_date(tmp_path):
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    assert QM.exists(), f"{QM} is missing: run pyside6-lrelease {TS}"
    fresh = tmp_path / QM.name
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run pyside6-lrelease {TS}"


def test_compiled_catalogue_loads_and_translates(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(QM)), f"QTranslator cannot load {QM}"
    assert translator.language() == "zh_CN"
    for context, source in [
        ("ScriptPanel", "Synthesize"),
        ("MainWindow", "&File"),
        ("TakesPanel", "Re-roll"),
        ("DownloadDialog", "almost done"),
    ]:
        expected = translation_of(context, source)
        assert CJK.search(expected), (context, source, expected)
        assert translator.translate(context, source) == expected


# -- installed in the app -------------------------------------------------------------------------


def test_install_translators_makes_the_ui_chinese(qapp, chinese):
    from PySide6.QtCore import QCoreApplication

    from studio.ui.download_dialog import format_eta
    from studio.ui.quality_view import QualityView

    assert chinese, "install_translators installed nothing for zh_CN"
    synthesize = QCoreApplication.translate("ScriptPanel", "Synthesize")
    assert synthesize == translation_of("ScriptPanel", "Synthesize")
    assert CJK.search(synthesize)
    queued = QCoreApplication.translate("MainWindow", "%n take(s) queued", "", 3)
    assert "3" in queued and CJK.search(queued) and "%n" not in queued
    # Module-level strings (not in a class) and a widget's own self.tr() find theirs too.
    assert format_eta(30) == translation_of("DownloadDialog", "less than a minute left")
    view = QualityView()
    try:
        assert view.summary.text() == translation_of(
            "QualityView", "Record or import a clip to see its quality report."
        )
    finally:
        view.deleteLater()


def test_translators_are_removed_afterwards(qapp):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("ScriptPanel", "Synthesize") == "Synthesize"


# -- fonts --------------------------------------------------------------------------------------


def test_apply_fonts_adds_a_cjk_family_with_the_glyphs(qapp):
    from PySide6.QtGui import QFont, QFontDatabase, QRawFont

    from studio.ui.i18n import CJK_FAMILIES, apply_fonts

    available = set(QFontDatabase.families())
    # This machine (and CI) has fonts-wqy-microhei; any other family of the list would do as well.
    cjk = [f for f in CJK_FAMILIES if f in available]
    assert cjk, f"no CJK font installed (one of {CJK_FAMILIES}); install fonts-wqy-microhei"
    original = QFont(qapp.font())
    try:
        font = apply_fonts(qapp)
        families = qapp.font().families()
        assert families == font.families()
        assert families[0] == original.family(), "the platform UI font must stay first"
        for family in cjk:
            assert family in families
        # Every character of every translation has a glyph in one of the app font's families.
        raw = [QRawFont.fromFont(QFont(family)) for family in families]
        text = "".join(t for _c, _s, translation, numerus in messages() for t in forms(translation, numerus))
        # supportsCharacter(ord(ch)): the UCS-4 overload (the str one misreads many characters).
        missing = sorted(
            {ch for ch in text if ch.strip() and not any(r.supportsCharacter(ord(ch)) for r in raw)}
        )
        assert not missing, f"no glyph in {families} for {missing}"
    finally:
        qapp.setFont(original)
    assert qapp.font().families() == original.families()


# -- English plural forms -------------------------------------------------------------------------


def test_english_counts_read_1_take_and_2_takes_and_the_catalogue_covers_every_count(qapp, tmp_path):
    """English has no catalogue of its own except the singular/plural of "%n take(s)"
    (tools/english_plurals.py): the window said "1 segment(s)" and "Rendered 1 blocks"."""
    from PySide6.QtCore import QCoreApplication

    from studio.ui.i18n import install_translators

    lupdate = qt_tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    english = REPO / "resources" / "translations" / "voice_studio_en.ts"
    fresh = tmp_path / "en.ts"
    sources = sorted(str(p) for p in (REPO / "studio" / "ui").rglob("*.py"))
    subprocess.run([lupdate, "-pluralonly", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    counted = {m.findtext("source") for m in ET.parse(fresh).getroot().iter("message")}
    covered = {
        m.findtext("source")
        for m in ET.parse(english).getroot().iter("message")
        if len([f for f in m.iter("numerusform") if f.text]) == 2
    }
    assert counted <= covered, f"run python tools/english_plurals.py: {sorted(counted - covered)}"
    installed = install_translators(qapp, "en")
    try:
        say = QCoreApplication.translate
        assert say("ScriptPanel", "%n character(s)", "", 1) == "1 character"
        assert say("ScriptPanel", "%n character(s)", "", 146) == "146 characters"
        assert say("TextPreview", "%n segment(s)", "", 1) == "1 segment"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
