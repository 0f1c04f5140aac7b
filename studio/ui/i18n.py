"""Translations (Qt .qm files in resources/translations) and fonts that show CJK text.

Every user-visible string in studio/ui goes through Qt's tr()/translate(); the Simplified
Chinese catalogue is resources/translations/voice_studio_zh_CN.ts (source) / .qm (compiled).
Update it with:  pyside6-lupdate studio/ui/*.py studio/ui/views/*.py studio/ui/project/*.py -ts resources/translations/voice_studio_zh_CN.ts
then translate, then:  pyside6-lrelease resources/translations/voice_studio_zh_CN.ts
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from studio.paths import resources_dir

CATALOGUE = "voice_studio"
# Families that cover Simplified Chinese, in order of preference; whichever is installed wins
# and the others are fallbacks (Qt picks per glyph).
CJK_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "SimHei",
]


def translations_dir():
    return resources_dir() / "translations"


def resolve_language(setting: str) -> str:
    """'en', 'zh_CN', ... from the setting ('system' follows the OS locale)."""
    if setting and setting != "system":
        return setting
    name = QLocale.system().name()  # e.g. zh_CN, en_US
    return "zh_CN" if name.startswith("zh") else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install the studio's and Qt's own translations for `language`; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language.startswith("en"):
        return installed
    studio = QTranslator(app)
    if studio.load(f"{CATALOGUE}_{language}", str(translations_dir())):
        app.installTranslator(studio)
        installed.append(studio)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def apply_fonts(app: QApplication) -> QFont:
    """Keep the platform UI font, with CJK families as fallbacks so Chinese never shows as boxes."""
    font = QFont(app.font())
    available = set(QFontDatabase.families())
    cjk = [f for f in CJK_FAMILIES if f in available]
    families = [font.family(), *cjk] if cjk else [font.family()]
    font.setFamilies(families)
    app.setFont(font)
    return font
