"""The quality report of the reference clip: one row per check with a pass / warn / fail badge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from studio.audio.quality import FAIL, PASS, WARN, QualityReport

COLOURS = {PASS: "#27ae60", WARN: "#e67e22", FAIL: "#c0392b"}


class ChecksTable(QTreeWidget):
    """The checks, one row each. Its size hints ask for the header and every row (measured in the
    window's font), so the whole report shows. It has no fixed minimum height: a widget's fixed minimum
    wins over its layout, and where the layout had less room the table ran under the overall line."""

    ROWS_BEFORE_A_REPORT = 6  # the report's checks (studio/audio/quality.py), before a clip is there

    def _height_for(self, rows: int) -> int:
        row = self.sizeHintForRow(0) if self.topLevelItemCount() else -1
        row = max(row, self.fontMetrics().height() + 2)
        header = 0 if self.isHeaderHidden() else self.header().sizeHint().height()
        height = header + rows * row + 2 * self.frameWidth()
        if self._scrolls_sideways():  # a narrow panel: the columns scroll, under a bar of their own
            height += self.horizontalScrollBar().sizeHint().height()
        return height

    def _scrolls_sideways(self) -> bool:
        return self.header().length() > self.viewport().width()

    def resizeEvent(self, event) -> None:
        before = self._scrolls_sideways()
        super().resizeEvent(event)
        if self._scrolls_sideways() != before:
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        rows = self.topLevelItemCount() or self.ROWS_BEFORE_A_REPORT
        return QSize(super().sizeHint().width(), self._height_for(rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class QualityView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.report: QualityReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = ChecksTable()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Value"), self.tr("Result")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.set_report(None)

    def minimum_height_for_width(self, width: int) -> int:
        """The table's every row, and the overall line with all its lines at `width` (pixels)."""
        layout = self.layout()
        summary = self.summary.heightForWidth(width) if self.summary.text() else 0
        return self.tree.minimumSizeHint().height() + layout.spacing() + max(0, summary)

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

    def rule_text(self, key: str) -> str:
        """The thresholds of a check (studio/audio/quality.py), for its tooltip."""
        return {
            "duration": self.tr("Pass: 3-30 s. Warn: 0.5-3 s. Fail: under 0.5 s or over 30 s."),
            "sample_rate": self.tr("Pass: 16 kHz or more. Fail: below 16 kHz."),
            "clipping": self.tr("Pass: no sample at full scale. Warn: under 0.1 % of samples. Fail: more."),
            "silence": self.tr("Pass: up to 40 % silence. Warn: up to 70 %. Fail: more."),
            "snr": self.tr("Pass: 25 dB or more. Warn: 15-25 dB. Fail: less."),
            "level": self.tr(
                "Pass: -30 to -6 dBFS. Warn: -42 to -30 dBFS or above -6 dBFS. Fail: below -42."
            ),
        }.get(key, "")

    def value_text(self, key: str, value: float, report: QualityReport | None = None) -> str:
        if key == "duration":
            return self.tr("{0:.1f} s (3-30 s is best)").format(value)
        if key == "sample_rate":
            if 8000 <= value < 16000:
                return self.tr("{0:g} kHz: narrow-band (16 kHz or more is best)").format(value / 1000)
            return self.tr("{0:g} kHz (16 kHz or more)").format(value / 1000)
        if key == "clipping":
            if value <= 0.0:
                return self.tr("no sample at full scale")
            report = report or self.report
            count = round(value / 100.0 * report.seconds * report.sample_rate) if report else 0
            share = self.tr("under 0.001 %") if value < 0.001 else f"{value:.3g} %"
            if count == 1:
                return self.tr("1 sample at full scale ({0})").format(share)
            if count:
                return self.tr("{0} samples at full scale ({1})").format(count, share)
            return self.tr("{0} of samples at full scale").format(share)
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
                    "duration": self.tr(
                        "The clip is {0:.1f} s long and a voice uses at most 30 s: drag the edges of the "
                        "shaded region on the waveform to keep the best 3 to 30 s (Reset trim starts over)."
                    ).format(check.value)
                    if check.value > 30.0
                    else self.tr("Use 3 to 30 seconds of speech: record a longer clip or widen the trim.")
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
                    "clipping": self.tr("The clip is clipped (too loud); record again further from the mic.")
                    if check.status == FAIL
                    else self.tr(
                        "A few samples reach full scale; if you record again, keep the level a little lower."
                    ),
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
                    self.value_text(check.key, check.value, report),
                    self.status_text(check.status),
                ]
            )
            rule = self.rule_text(check.key)
            for col in range(3):  # the full text on hover (a narrow panel cuts the columns)
                item.setToolTip(col, f"{item.text(col)}\n{rule}" if rule else item.text(col))
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
        self.tree.updateGeometry()  # its size hints follow the rows

    def rows(self) -> dict[str, str]:
        """{check key: status text shown} (for tests and the screenshot script)."""
        out = {}
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out[item.data(0, Qt.ItemDataRole.UserRole)] = item.text(2)
        return out
