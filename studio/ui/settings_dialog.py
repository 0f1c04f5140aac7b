"""Settings: model folder, device and precision, audio devices, export, appearance (QSettings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from studio.audio.errors import RecorderError
from studio.ui.settings import StudioSettings


def _cuda_devices() -> list[tuple[str, str]]:
    """(value, label) per CUDA device with its free memory; [] without CUDA."""
    try:
        from studio.models.devices import list_cuda_devices

        devices = list_cuda_devices()
    except Exception:
        return []
    out = []
    for d in devices:
        out.append((d.device, d.label))
    return out


def _audio_devices(kind: str) -> tuple[list[str], str]:
    """Device names for the combo, and an error sentence if PortAudio could not list them."""
    try:
        if kind == "input":
            from studio.audio.devices import list_input_devices

            return [d.name for d in list_input_devices()], ""
        from studio.audio.player import list_output_devices

        return [d.name for d in list_output_devices()], ""
    except (RecorderError, OSError, RuntimeError) as err:
        return [], str(err)
    except Exception as err:  # PortAudio missing entirely
        return [], str(err)


class SettingsDialog(QDialog):
    def __init__(self, settings: StudioSettings, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = settings
        self._initial: dict[str, Any] = {}

        # model -------------------------------------------------------------------------------
        self.model_folder = QLineEdit(settings.model_folder)
        browse_model = QPushButton(self.tr("Browse…"))
        browse_model.clicked.connect(self._browse_model)
        model_row = _row(self.model_folder, browse_model)
        self.device = QComboBox()
        self.device.addItem(self.tr("Automatic (CUDA if available, else CPU)"), "auto")
        self.device.addItem(self.tr("CPU"), "cpu")
        for value, label in _cuda_devices():
            self.device.addItem(label, value)
        _select(self.device, settings.get("model/device"))
        self.precision = QComboBox()
        for value, label in (
            ("fp32", self.tr("fp32 (exact)")),
            ("fp16", self.tr("fp16 (half the memory)")),
            ("bf16", self.tr("bf16 (Ampere or newer)")),
        ):
            self.precision.addItem(label, value)
        _select(self.precision, settings.get("model/precision"))
        self.precision.setToolTip(self.tr("Applies on CUDA only: the CPU always computes in fp32."))
        self.preset = QComboBox()
        self.preset.addItem(self.tr("Exact (the official numerics)"), "exact")
        self.preset.addItem(self.tr("Fast (int8 LM on CPUs, fewer flow steps)"), "fast")
        _select(self.preset, settings.get("model/preset"))
        self.preset.setToolTip(
            self.tr(
                "Fast is quicker and approximates the model (see the README for measured figures): "
                "judge its quality by ear. Every take records which preset made it."
            )
        )
        self.flow_steps = QSpinBox()
        self.flow_steps.setRange(3, 10)
        self.flow_steps.setValue(min(10, max(3, settings.get("model/flow_steps"))))
        self.flow_steps.setSuffix(self.tr(" flow steps"))
        # never narrower than its text: beside the stretching preset box it was cut ("5 步流匹配")
        self.flow_steps.setMinimumWidth(self.flow_steps.sizeHint().width())
        self.flow_steps.setEnabled(self.preset.currentData() == "fast")
        self.preset.currentIndexChanged.connect(
            lambda: self.flow_steps.setEnabled(self.preset.currentData() == "fast")
        )

        # audio -------------------------------------------------------------------------------
        self.input_device = QComboBox()
        self.output_device = QComboBox()
        self.audio_note = QLabel()
        self.audio_note.setWordWrap(True)
        notes = []
        for combo, kind, key in (
            (self.input_device, "input", "audio/input_device"),
            (self.output_device, "output", "audio/output_device"),
        ):
            combo.addItem(self.tr("System default"), "")
            names, error = _audio_devices(kind)
            for name in names:
                combo.addItem(name, name)
            current = settings.get(key)
            if current and current not in names:
                combo.addItem(self.tr("{0} (not connected)").format(current), current)
            _select(combo, current)
            if error:
                notes.append(error)
            elif not names:
                notes.append(
                    self.tr("No input device found.")
                    if kind == "input"
                    else self.tr("No output device found.")
                )
        self.audio_note.setText("\n".join(notes))
        self.audio_note.setVisible(bool(notes))
        self.countdown = QSpinBox()
        self.countdown.setRange(0, 10)
        self.countdown.setSuffix(self.tr(" s"))
        self.countdown.setValue(int(settings.get("audio/countdown_s")))
        self.autoplay = QCheckBox(self.tr("Play streaming takes while they are made"))
        self.autoplay.setChecked(bool(settings.get("ui/autoplay")))

        # export ------------------------------------------------------------------------------
        self.export_folder = QLineEdit(settings.get("export/folder"))
        browse_export = QPushButton(self.tr("Browse…"))
        browse_export.clicked.connect(self._browse_export)
        export_row = _row(self.export_folder, browse_export)
        self.export_format = QComboBox()
        for value, label in (
            ("wav24", self.tr("WAV, 24-bit")),
            ("wav16", self.tr("WAV, 16-bit")),
            ("flac", self.tr("FLAC")),
        ):
            self.export_format.addItem(label, value)
        _select(self.export_format, settings.get("export/format"))
        self.sidecar = QCheckBox(self.tr("Write a .json file with the take's provenance next to the audio"))
        self.sidecar.setChecked(bool(settings.get("export/sidecar")))

        # appearance --------------------------------------------------------------------------
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), "light")
        self.theme.addItem(self.tr("Dark"), "dark")
        _select(self.theme, settings.theme)
        self.language = QComboBox()
        self.language.addItem(self.tr("System"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        _select(self.language, settings.get("ui/language"))

        form = QFormLayout()
        form.addRow(self.tr("Model folder"), model_row)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Precision on CUDA"), self.precision)
        form.addRow(self.tr("Speed preset"), _row(self.preset, self.flow_steps))
        form.addRow(self.tr("Input device"), self.input_device)
        form.addRow(self.tr("Output device"), self.output_device)
        form.addRow("", self.audio_note)
        form.addRow(self.tr("Recording countdown"), self.countdown)
        form.addRow("", self.autoplay)
        form.addRow(self.tr("Export folder"), export_row)
        form.addRow(self.tr("Export format"), self.export_format)
        form.addRow("", self.sidecar)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel(self.tr("A new language takes effect when Voice Studio starts again."))
        self.language_note.setWordWrap(True)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._initial = self.values()

    def values(self) -> dict[str, Any]:
        return {
            "model/folder": self.model_folder.text().strip(),
            "model/device": self.device.currentData(),
            "model/precision": self.precision.currentData(),
            "model/preset": self.preset.currentData(),
            "model/flow_steps": self.flow_steps.value(),
            "audio/input_device": self.input_device.currentData(),
            "audio/output_device": self.output_device.currentData(),
            "audio/countdown_s": self.countdown.value(),
            "ui/autoplay": self.autoplay.isChecked(),
            "export/folder": self.export_folder.text().strip(),
            "export/format": self.export_format.currentData(),
            "export/sidecar": self.sidecar.isChecked(),
            "ui/theme": self.theme.currentData(),
            "ui/language": self.language.currentData(),
        }

    def changed_keys(self) -> set[str]:
        now = self.values()
        return {k for k, v in now.items() if v != self._initial.get(k)}

    def accept(self) -> None:
        for key in self.changed_keys():
            self.settings.set(key, self.values()[key])
        self.settings.sync()
        super().accept()

    def _browse_model(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open a CosyVoice model folder"), self.model_folder.text()
        )
        if folder:
            self.model_folder.setText(folder)

    def _browse_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"), self.export_folder.text())
        if folder:
            self.export_folder.setText(folder)


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        row.addWidget(w, 1 if i == 0 else 0)
    return box


def _select(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))
