"""The model download dialog: choose a model and a hub, watch per-file and overall progress, cancel, resume;
verify or remove an installed one.

The list has two sections: the voice (TTS) models and the speech recognizers (studio/transcribe/: the
Transcribe button and ingest use them). The download runs on a QThread
(`studio.models.download.download_model`); the window stays responsive and every report arrives through
a queued signal. Cancelling keeps what was downloaded in the staging folder, and "Resume" continues from
there with HTTP Range requests. Verify re-checks an installed model's files against the hashes recorded
at install and its structure (`studio.models.verify.check_folder`, on a thread); Remove deletes it from
the models folder after asking (`studio.models.installed.remove_model`).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.models.download import CancelToken, DownloadResult, Progress, download_model, staged_bytes
from studio.models.errors import DownloadCancelled, ModelsError
from studio.models.hubs import HF_DEFAULT_ENDPOINT, HF_MIRROR_EXAMPLE
from studio.models.paths import install_dir, resolve_models_dir
from studio.models.registry import (
    DEFAULT_MODEL,
    HUGGINGFACE,
    KNOWN_MODELS,
    KNOWN_RECOGNIZERS,
    MODELSCOPE,
    human_size,
    known_model,
)

BAR_STEPS = 1000


# Strings outside the dialog class use QCoreApplication.translate with a literal context:
# lupdate files a bare tr() outside a class under the empty context, which no lookup reads.


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return (
            QCoreApplication.translate("DownloadDialog", "less than a minute left")
            if seconds >= 1
            else QCoreApplication.translate("DownloadDialog", "almost done")
        )
    if seconds < 3600:
        return QCoreApplication.translate("DownloadDialog", "about {n} min left").format(
            n=round(seconds / 60)
        )
    return QCoreApplication.translate("DownloadDialog", "about {h} h {m} min left").format(
        h=int(seconds // 3600), m=round(seconds % 3600 / 60)
    )


class DownloadThread(QThread):
    """Runs one download; reports through signals (delivered queued to the dialog's thread)."""

    progressed = Signal(object)  # Progress
    succeeded = Signal(object)  # DownloadResult
    failed = Signal(str, bool)  # message, cancelled

    def __init__(self, kwargs: dict, parent=None) -> None:
        super().__init__(parent)
        self.kwargs = kwargs
        self.token = CancelToken()

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = download_model(**self.kwargs, cancel=self.token, on_progress=self.progressed.emit)
        except DownloadCancelled as exc:
            self.failed.emit(str(exc), True)
        except ModelsError as exc:
            self.failed.emit(str(exc), False)
        except Exception as exc:  # an unexpected bug must not kill the window silently
            self.failed.emit(
                QCoreApplication.translate("DownloadDialog", "The download failed: {error}").format(
                    error=f"{type(exc).__name__}: {exc}"
                ),
                False,
            )
        else:
            self.succeeded.emit(result)


class VerifyThread(QThread):
    """Checks one installed model folder (hashes recorded at install, then its structure)."""

    checked = Signal(object)  # studio.models.verify.CheckReport

    def __init__(self, folder, family: str | None, parent=None) -> None:
        super().__init__(parent)
        self.folder, self.family = folder, family

    def run(self) -> None:
        from studio.models.verify import CheckReport, check_folder

        try:
            report = check_folder(self.folder, family=self.family)
        except Exception as exc:  # a bug in a check is reported as a failed check, never raised into Qt
            report = CheckReport(self.folder, problem=f"{type(exc).__name__}: {exc}")
        self.checked.emit(report)


class DownloadDialog(QDialog):
    """Download, verify and install a model (a voice model or a speech recognizer); verify or remove an
    installed one. `installed_path` is set once a model is installed; `installed_kind` says which kind
    ("tts" or "asr"): only a voice model is offered to "Use this model"."""

    installed = Signal(str)  # folder of the installed model
    removed = Signal(str)  # name of the removed model
    verified = Signal(object)  # CheckReport of the last Verify

    def __init__(
        self,
        parent: QWidget | None = None,
        models_dir: str | os.PathLike[str] | None = None,
        model: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Download a model"))
        self.setMinimumWidth(560)
        self.models_dir = resolve_models_dir(models_dir)
        self.installed_path: str | None = None
        self.installed_kind: str | None = None
        self.thread_: DownloadThread | None = None
        self.verify_thread: VerifyThread | None = None
        self.last_report = None
        self.last_progress: Progress | None = None
        self._closing = False

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.model_combo = QComboBox()
        self.model_combo.setModel(QStandardItemModel(self.model_combo))
        self._fill_models()
        start = known_model(model).name if model else DEFAULT_MODEL.name
        self.model_combo.setCurrentIndex(self.model_combo.findData(start))
        form.addRow(self.tr("Model:"), self.model_combo)
        self.description = QLabel()
        self.description.setWordWrap(True)
        form.addRow("", self.description)
        layout.addLayout(form)

        hub_box = QGroupBox(self.tr("Download from"))
        hub_layout = QVBoxLayout(hub_box)
        self.hf_radio = QRadioButton(self.tr("Hugging Face"))
        self.mirror_radio = QRadioButton(self.tr("A Hugging Face mirror:"))
        self.mirror_edit = QLineEdit()
        self.mirror_edit.setPlaceholderText(HF_MIRROR_EXAMPLE)
        env = os.environ.get("HF_ENDPOINT", "").strip().rstrip("/")
        self.mirror_edit.setText(env if env and env != HF_DEFAULT_ENDPOINT else HF_MIRROR_EXAMPLE)
        self.ms_radio = QRadioButton(self.tr("ModelScope (fastest in mainland China)"))
        self.hub_group = QButtonGroup(self)
        for b in (self.hf_radio, self.mirror_radio, self.ms_radio):
            self.hub_group.addButton(b)
        self.hf_radio.setChecked(True)
        mirror_row = QHBoxLayout()
        mirror_row.addWidget(self.mirror_radio)
        mirror_row.addWidget(self.mirror_edit, 1)
        hub_layout.addWidget(self.hf_radio)
        hub_layout.addLayout(mirror_row)
        hub_layout.addWidget(self.ms_radio)
        layout.addWidget(hub_box)

        self.qwen_check = QCheckBox(
            self.tr(
                "Also download the Qwen2 weights (about 1 GB; Voice Studio does not need them, the official CosyVoice code does)"
            )
        )
        layout.addWidget(self.qwen_check)
        self.folder_label = QLabel(self.tr("Installs into {folder}").format(folder=self.models_dir))
        self.folder_label.setWordWrap(True)
        layout.addWidget(self.folder_label)
        self.device_label = QLabel()
        self.device_label.setWordWrap(True)
        layout.addWidget(self.device_label)

        self.overall_label = QLabel()
        self.overall_bar = QProgressBar()
        self.overall_bar.setRange(0, BAR_STEPS)
        self.file_label = QLabel()
        self.file_bar = QProgressBar()
        self.file_bar.setRange(0, BAR_STEPS)
        self.speed_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        for w in (
            self.overall_label,
            self.overall_bar,
            self.file_label,
            self.file_bar,
            self.speed_label,
            self.status_label,
        ):
            layout.addWidget(w)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.verify_button = QPushButton(self.tr("Verify"))
        self.verify_button.setToolTip(self.tr("Check the installed model's files and structure again"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Delete the installed model from the models folder"))
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.download_button = QPushButton(self.tr("Download"))
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.use_button = QPushButton(self.tr("Use this model"))
        self.close_button = QPushButton(self.tr("Close"))
        for b in (self.download_button, self.cancel_button, self.use_button, self.close_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.download_button.setDefault(True)

        self.download_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.use_button.clicked.connect(self.accept)
        self.verify_button.clicked.connect(self.verify)
        self.remove_button.clicked.connect(lambda: self.remove())
        self.close_button.clicked.connect(self.reject)
        self.model_combo.currentIndexChanged.connect(self._model_changed)
        self.hub_group.buttonToggled.connect(lambda *_: self._sync_enabled())
        self._model_changed()

    def _fill_models(self) -> None:
        """Two sections (voice models, speech recognizers) under header rows that cannot be chosen;
        an installed model says so."""
        combo = self.model_combo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        items = combo.model()
        for header, models in (
            (self.tr("Voice models"), KNOWN_MODELS),
            (self.tr("Speech recognizers (for transcripts and ingest)"), KNOWN_RECOGNIZERS),
        ):
            head = QStandardItem(header)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            items.appendRow(head)
            for m in models:
                label = f"{m.title} ({human_size(m.approx_size(), approx=True)})"
                if m.default:
                    label = self.tr("{title} — recommended").format(title=label)
                if self._is_installed(m.name):
                    label = self.tr("{title} — installed").format(title=label)
                combo.addItem("    " + label, m.name)
        if current is not None:
            combo.setCurrentIndex(combo.findData(current))
        combo.blockSignals(False)

    def _is_installed(self, name: str) -> bool:
        folder = install_dir(self.models_dir, name)
        return folder.is_dir() and any(folder.iterdir())

    # ----- state -----
    @property
    def running(self) -> bool:
        return self.thread_ is not None and self.thread_.isRunning()

    @property
    def verifying(self) -> bool:
        return self.verify_thread is not None and self.verify_thread.isRunning()

    def selected_model(self) -> str:
        return self.model_combo.currentData()

    def selected_hub(self) -> tuple[str, str | None]:
        """(hub, endpoint): endpoint None means the default (for Hugging Face: $HF_ENDPOINT or huggingface.co)."""
        if self.ms_radio.isChecked():
            return MODELSCOPE, None
        if self.mirror_radio.isChecked():
            return HUGGINGFACE, self.mirror_edit.text().strip() or HF_MIRROR_EXAMPLE
        return HUGGINGFACE, None

    def _sync_enabled(self) -> None:
        busy = self.running or self.verifying
        m = known_model(self.selected_model())
        on_ms = MODELSCOPE in m.repos
        for w in (self.model_combo, self.hf_radio, self.mirror_radio, self.qwen_check):
            w.setEnabled(not busy)
        self.ms_radio.setEnabled(not busy and on_ms)
        self.ms_radio.setToolTip(
            "" if on_ms else self.tr("{model} is not on ModelScope").format(model=m.title)
        )
        if not on_ms and self.ms_radio.isChecked():
            self.hf_radio.setChecked(True)
        self.qwen_check.setVisible(m.kind == "tts")
        self.mirror_edit.setEnabled(not busy and self.mirror_radio.isChecked())
        installed = self._is_installed(m.name)
        self.download_button.setEnabled(not busy and self.installed_path is None and not installed)
        self.cancel_button.setEnabled(self.running)
        self.verify_button.setEnabled(not busy and installed)
        self.remove_button.setEnabled(not busy and (installed or bool(staged_bytes(m.name, self.models_dir))))
        self.use_button.setVisible(m.kind == "tts" and (self.installed_path is not None or installed))
        self.close_button.setText(self.tr("Close"))

    def _model_changed(self) -> None:
        m = known_model(self.selected_model())
        self.description.setText(m.description)
        self._update_device_hint(m)
        self._reset_progress()
        self.installed_path = self.installed_kind = None
        kept = staged_bytes(m.name, self.models_dir)
        if self._is_installed(m.name):
            self.download_button.setText(self.tr("Download"))
            self.status_label.setText(
                self.tr("{model} is installed in {folder}.").format(
                    model=m.title, folder=install_dir(self.models_dir, m.name)
                )
            )
        elif kept:
            self.download_button.setText(self.tr("Resume"))
            self.status_label.setText(
                self.tr("An earlier download stopped after {size}; Resume continues from there.").format(
                    size=human_size(kept)
                )
            )
        else:
            self.download_button.setText(self.tr("Download"))
            self.status_label.setText("")
        self._sync_enabled()

    def _update_device_hint(self, m) -> None:
        if m.kind != "tts":  # a recognizer runs on the voice model's device
            self.device_label.setText(
                self.tr("It runs on the same device as the loaded voice model.") if m.family == "whisper"
                else self.tr("It runs on the CPU.")
            )  # fmt: skip
            return
        try:
            from studio.models import devices

            choice = devices.recommend(m)
        except Exception:  # no torch, broken driver: the hint is optional
            self.device_label.setText("")
            return
        if choice.device == "cpu":
            self.device_label.setText(choice.explanation or "")
        else:
            self.device_label.setText(
                self.tr("It will run on {device} in {precision}.").format(
                    device=choice.device, precision=choice.precision
                )
            )

    def _reset_progress(self) -> None:
        self.overall_bar.setValue(0)
        self.file_bar.setValue(0)
        self.overall_label.setText("")
        self.file_label.setText("")
        self.speed_label.setText("")

    # ----- actions -----
    def start(self) -> None:
        if self.running:
            return
        hub, endpoint = self.selected_hub()
        kwargs = {
            "name": self.selected_model(),
            "hub": hub,
            "endpoint": endpoint,
            "models_dir": self.models_dir,
            "include_qwen_weights": self.qwen_check.isChecked(),
        }
        self.thread_ = DownloadThread(kwargs, self)
        self.thread_.progressed.connect(self._on_progress)
        self.thread_.succeeded.connect(self._on_success)
        self.thread_.failed.connect(self._on_failure)
        self.status_label.setText(self.tr("Starting…"))
        self.thread_.start()
        self._sync_enabled()

    def cancel(self) -> None:
        if self.running:
            self.thread_.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Cancelling…"))

    def _on_progress(self, p: Progress) -> None:
        self.last_progress = p
        if p.total:
            self.overall_bar.setValue(int(BAR_STEPS * p.fraction))
            self.overall_label.setText(
                self.tr("Overall: {done} of {total}").format(
                    done=human_size(p.done), total=human_size(p.total)
                )
            )
        if p.phase == "downloading":
            if p.file_total:
                self.file_bar.setValue(int(BAR_STEPS * min(1.0, p.file_done / p.file_total)))
            self.file_label.setText(
                self.tr("{file} ({index} of {count}): {done} of {total}").format(
                    file=p.file,
                    index=p.file_index,
                    count=p.file_count,
                    done=human_size(p.file_done),
                    total=human_size(p.file_total),
                )
            )
            if p.speed:
                eta = format_eta(p.eta)
                self.speed_label.setText(f"{human_size(p.speed)}/s" + (f" — {eta}" if eta else ""))
            self.status_label.setText(p.message or self.tr("Downloading…"))
        elif p.phase == "checking":
            self.file_bar.setValue(BAR_STEPS)
            self.status_label.setText(self.tr("Checking {file}…").format(file=p.file))
        elif p.phase == "listing":
            self.status_label.setText(self.tr("Asking the hub for the file list…"))
        elif p.phase == "verifying":
            self.status_label.setText(self.tr("Checking the model's structure…"))
        elif p.phase == "installing":
            self.status_label.setText(self.tr("Installing…"))

    def _on_success(self, result: DownloadResult) -> None:
        self.installed_path = str(result.folder)
        self.installed_kind = known_model(result.model).kind
        self._fill_models()
        self.overall_bar.setValue(BAR_STEPS)
        self.file_bar.setValue(BAR_STEPS)
        self.speed_label.setText("")
        if result.already_installed:
            self.status_label.setText(
                self.tr("{model} is already installed in {folder}.").format(
                    model=result.model, folder=result.folder
                )
            )
        elif result.structure == "ok":
            self.status_label.setText(
                self.tr("{model} is installed and verified (sizes, SHA-256 and structure).").format(
                    model=result.model
                )
            )
        else:
            self.status_label.setText(
                self.tr("{model} is installed; every file matches the hub ({note}).").format(
                    model=result.model, note=result.structure
                )
            )
        if self.installed_kind == "asr":
            self.status_label.setText(
                self.status_label.text()
                + " "
                + self.tr("The Transcribe button and Ingest recordings use it.")
            )
        self._finish_thread()
        if self.installed_kind == "tts":
            self.use_button.setDefault(True)
        self.installed.emit(self.installed_path)
        if self._closing:
            self.done(QDialog.DialogCode.Rejected)

    def _on_failure(self, message: str, cancelled: bool) -> None:
        self._finish_thread()
        kept = staged_bytes(self.selected_model(), self.models_dir)
        if cancelled:
            self.status_label.setText(
                self.tr("Cancelled. {size} is kept; Resume continues from there.").format(
                    size=human_size(kept)
                )
            )
        else:
            self.status_label.setText(message)
        self.speed_label.setText("")
        self.download_button.setText(self.tr("Resume") if kept else self.tr("Try again"))
        if self._closing:
            self.done(QDialog.DialogCode.Rejected)

    def _finish_thread(self) -> None:
        if self.thread_ is not None:
            self.thread_.wait(5000)
        self.thread_ = None
        self._sync_enabled()

    def verify(self) -> bool:
        """Check the selected installed model on a thread; the result lands in the status line."""
        m = known_model(self.selected_model())
        if self.running or self.verifying or not self._is_installed(m.name):
            return False
        self.verify_thread = VerifyThread(install_dir(self.models_dir, m.name), m.family, self)
        self.verify_thread.checked.connect(self._on_verified)
        self.status_label.setText(self.tr("Checking {model}…").format(model=m.title))
        self.verify_thread.start()
        self._sync_enabled()
        return True

    def _on_verified(self, report) -> None:
        if self.verify_thread is not None:
            self.verify_thread.wait(5000)
        self.verify_thread = None
        self.last_report = report
        if report.ok:
            self.status_label.setText(
                self.tr("{folder}: all {n} checks passed.").format(
                    folder=report.folder.name, n=len(report.checked)
                )
            )
        else:
            self.status_label.setText(self.tr("The check failed: {problem}").format(problem=report.problem))
        self._sync_enabled()
        self.verified.emit(report)

    def remove(self, confirm: bool = True) -> bool:
        """Delete the selected model (and an interrupted download of it) after asking."""
        from studio.models.installed import remove_model

        m = known_model(self.selected_model())
        if self.running or self.verifying:
            return False
        folder = install_dir(self.models_dir, m.name)
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Remove {model}?").format(model=m.title),
                self.tr("Delete {folder}? Downloading it again takes time.").format(folder=folder),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            removed = remove_model(m.name, self.models_dir)
        except (ModelsError, OSError) as exc:
            self.status_label.setText(
                self.tr("{model} could not be removed: {error}").format(model=m.title, error=exc)
            )
            return False
        self.status_label.setText(
            self.tr("Removed {model}.").format(model=m.title) if removed else self.tr("Nothing to remove.")
        )
        self.installed_path = self.installed_kind = None
        self._fill_models()
        self._sync_enabled()
        self.download_button.setText(self.tr("Download"))
        self.removed.emit(m.name)
        return bool(removed)

    # ----- closing -----
    def accept(self) -> None:
        """Use this model: the selected voice model, downloaded now or installed before."""
        m = known_model(self.selected_model())
        if self.installed_path is None and m.kind == "tts" and self._is_installed(m.name):
            self.installed_path, self.installed_kind = str(install_dir(self.models_dir, m.name)), m.kind
        super().accept()

    def reject(self) -> None:
        """Close: a running download is cancelled first (what it fetched is kept for a resume)."""
        if self.running:
            self._closing = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self._closing = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)

    def wait_for_thread(self, ms: int = 10000) -> None:
        if self.thread_ is not None:
            self.thread_.wait(ms)
        if self.verify_thread is not None:
            self.verify_thread.wait(ms)
