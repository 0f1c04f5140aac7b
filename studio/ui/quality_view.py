"""The quality report of the reference clip: one row per check with a pass / warn / fail badge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from studio.audio.quality import FAIL, PASS, WARN, QualityReport

COLOURS = {PASS: "#27ae60", WARN: "#e67e22", FAIL: "#c0392b"}


class QualityView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: QualityReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Value"), self.tr("Result")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        self.set_report(None)

    def status_text(self, status: str) -> str:
        return {PASS: self.tr("pass"), WARN: self.tr("warn"), FAIL: self.tr("fail")}[status]

    def check_name(self, key: str) -> str:
        return {
            "duration": self.tr("Duration"),
            "sample_rate": self.tr("Sample rate"),
            "clipping": self.tr("Clipping"),
            "silence": self.tr("Silence"),
            "snr": self.tr("Noise (SNR estimate)"),
            "level": self.tr("Level"),
        }.get(key, key)

    def value_text(self, key: str, value: float) -> str:
        if key == "duration":
            return self.tr("{0:.1f} s (3-30 s is best)").format(value)
        if key == "sample_rate":
            if 8000 <= value < 16000:
                return self.tr("{0:g} kHz: narrow-band (16 kHz or more is best)").format(value / 1000)
            return self.tr("{0:g} kHz (16 kHz or more)").format(value / 1000)
        if key == "clipping":
            return self.tr("{0:.3f} % of samples at full scale").format(value)
        if key == "silence":
            return self.tr("{0:.0f} % of the clip is silence").format(value)
        if key == "snr":
            return self.tr("{0:.0f} dB").format(value)
        if key == "level":
            return self.tr("{0:.1f} dBFS speech RMS").format(value)
        return f"{value:g}"

    def advice(self, report: QualityReport) -> str:
        """One sentence on the worst problem, for the summary line."""
        order = ("duration", "sample_rate", "silence", "clipping", "snr", "level")
        for status in (FAIL, WARN):
            for key in order:
                check = next((c for c in report.checks if c.key == key), None)
                if check is None or check.status != status:
                    continue
                return {
                    "duration": self.tr("Use 3 to 30 seconds of speech: trim the clip or record again.")
                    if check.value >= 0.5
                    else self.tr("The clip is too short; the engine needs at least half a second."),
                    "sample_rate": self.tr(
                        "Narrow-band recording (8-16 kHz, like a telephone or old tape): it is used, "
                        "but the clone will sound muffled like the recording. Use a 16 kHz or better "
                        "recording if you have one."
                    )
                    if check.status == WARN
                    else self.tr("The clip's sample rate is below 8 kHz; use a better recording."),
                    "silence": self.tr(
                        "Much of the clip is silence; drag the trim handles around the speech."
                    ),
                    "clipping": self.tr("The clip is clipped (too loud); record again further from the mic."),
                    "snr": self.tr(
                        "The clip is noisy; the clone will copy the noise. Record somewhere quieter."
                    ),
                    "level": self.tr("The level is off; speak closer to the mic (or further, if too hot)."),
                }[key]
        return self.tr("The clip looks clean.")

    def set_report(self, report: QualityReport | None) -> None:
        self.report = report
        self.tree.clear()
        if report is None:
            self.summary.setText(self.tr("Record or import a clip to see its quality report."))
            return
        for check in report.checks:
            item = QTreeWidgetItem(
                [
                    self.check_name(check.key),
                    self.value_text(check.key, check.value),
                    self.status_text(check.status),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, check.key)
            item.setForeground(2, QBrush(QColor(COLOURS[check.status])))
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
            self.tree.addTopLevelItem(item)
        overall = report.overall
        text = self.tr("Overall: {0}. {1}").format(self.status_text(overall), self.advice(report))
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {COLOURS[overall]};")

    def rows(self) -> dict[str, str]:
        """{check key: status text shown} (for tests and the screenshot script)."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out[item.data(0, Qt.ItemDataRole.UserRole)] = item.text(2)
        return out
