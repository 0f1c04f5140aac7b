"""Make resources/translations/voice_studio_en.ts/.qm: the English singular and plural of every
window string counted with %n (source texts say "%n take(s)"; English has no other catalogue).

    python tools/english_plurals.py

Runs `pyside6-lupdate -pluralonly` over studio/ui, fills each message's two English forms ("(s)"
dropped / made "s", plus the few phrases in IRREGULAR), and compiles the .qm with lrelease. A
source text it cannot inflect stops the run with its text, so a new one gets an entry here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "translations" / "voice_studio_en.ts"
BIN = Path(sys.executable).parent
# phrases whose singular is not the "(s)" rule: plural -> singular
IRREGULAR = {"blocks have": "block has", "%n blocks": "%n block"}


def forms(source: str) -> tuple[str, str]:
    """(singular, plural) of a %n source text."""
    if "(s)" in source:
        return re.sub(r"\(s\)", "", source), source.replace("(s)", "s")
    singular = source
    for plural, one in IRREGULAR.items():
        singular = singular.replace(plural, one)
    if singular == source:
        raise SystemExit(f"tools/english_plurals.py: no English singular for {source!r}; add it to IRREGULAR")
    return singular, source


def main() -> None:
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "studio" / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-pluralonly", "-no-obsolete", *sources, "-ts", str(TS)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    tree = ET.parse(TS)
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        for text in forms(message.findtext("source")):
            ET.SubElement(translation, "numerusform").text = text
    tree.getroot().set("language", "en")
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS)], cwd=REPO, check=True, capture_output=True)
    print(f"wrote {TS.relative_to(REPO)} and its .qm")


if __name__ == "__main__":
    main()
