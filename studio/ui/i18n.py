"""Translations (Qt .qm files in resources/translations) and fonts that show CJK text.

Every user-visible string in studio/ui goes through Qt's tr()/translate(); the Simplified
Chinese catalogue is resources/translations/voice_studio_zh_CN.ts (source) / .qm (compiled).
Update it with:  pyside6-lupdate -no-obsolete $(find studio/ui -name "*.py") -ts resources/translations/voice_studio_zh_CN.ts
then translate, then:  pyside6-lrelease resources/translations/voice_studio_zh_CN.ts
English has one small catalogue, the singular and plural of every %n count ("1 take", "2 takes"):
python tools/english_plurals.py remakes it.
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
        # English needs only the singular/plural forms of "%n take(s)" (tools/english_plurals.py)
        plurals = QTranslator(app)
        if plurals.load(f"{CATALOGUE}_en", str(translations_dir())):
            app.installTranslator(plurals)
            installed.append(plurals)
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


def apply_locale(language: str) -> QLocale:
    """Make Qt's default locale (dates, numbers in Qt's own widgets and dialogs) follow the UI
    language: the Chinese UI gets zh_CN dates even on a system whose locale is English or "C", and
    the "C" locale (whose dates read "30 11 2026") becomes US English. Returns the locale set."""
    if language.startswith("zh"):
        locale = QLocale(language)
    elif QLocale.system().language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    else:
        locale = QLocale.system()
    QLocale.setDefault(locale)
    return locale


def apply_fonts(app: QApplication) -> QFont:
    """Keep the platform UI font, with CJK families as fallbacks so Chinese never shows as boxes."""
    font = QFont(app.font())
    available = set(QFontDatabase.families())
    cjk = [f for f in CJK_FAMILIES if f in available]
    families = [font.family(), *cjk] if cjk else [font.family()]
    font.setFamilies(families)
    app.setFont(font)
    return font
