"""The studio window: voices and reference on the left, script and live view in the middle, takes on
the right; the model's state decides whether the middle shows the studio or the empty state.

The window owns the take lifecycle. A take is asked for (TakeRequest), submitted to the engine
worker through the bridge (a Job), fed by the Job's signals into a TakeAssembler, the live views'
buffers and the streaming player, and stored in the library when it ends. A take that fails or is
cancelled keeps the audio made so far as a take marked partial, so nothing generated is lost.
"""

from __future__ import annotations

import contextlib
import html
import os
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.engine.events import Finished
from studio.library import LibraryError, model_folder_hash
from studio.library.export import unique_path
from studio.paths import resources_dir
from studio.ui import text_preview, theme
from studio.ui.context import StudioContext
from studio.ui.empty_state import EmptyState
from studio.ui.engine_bridge import Job, load_voice_file, save_prepared_voice
from studio.ui.keyboard import ButtonKeys
from studio.ui.live_panel import LivePanel
from studio.ui.message_bar import MessageBar
from studio.ui.messages import resolve_when_supplied, sentence, warn_playback_failed
from studio.ui.project import attach_project_view
from studio.ui.reference_panel import ReferencePanel
from studio.ui.script_panel import MODES, ScriptPanel, SourceClip, random_seed
from studio.ui.sentences import store_sentence_version, take_sentences
from studio.ui.serve_toggle import ServeToggle
from studio.ui.session_state import restore_session, save_session
from studio.ui.settings_dialog import SettingsDialog
from studio.ui.take_session import UNSPEAKABLE, TakeAssembler, TakeRequest, count_sentences, has_speakable
from studio.ui.take_trace import TakeTraceFollower, snapshot
from studio.ui.takes_panel import TakesPanel
from studio.ui.voice_list import VoiceList

STUDIO_PAGE, EMPTY_PAGE = 0, 1
EXPORT_FILTER = "WAV (*.wav);;FLAC (*.flac)"


class TakeRun:
    """A submitted take: its request, its job and what has arrived so far."""

    def __init__(self, request: TakeRequest, job: Job):
        self.request = request
        self.job = job
        self.assembler = TakeAssembler(request)
        self.streaming_to_player = False
        self.sentence_total = 0  # how many sentences the engine will speak, once it has said
        self.started_at: float | None = None  # monotonic seconds, for a partial take's figures
        self.first_audio_at: float | None = None
        self.cancelling = False  # Esc was pressed; the worker has not stopped yet
        self.trace = None  # what the live view showed of it, kept once it ends (take_trace.py)


class MainWindow(QMainWindow):
    takeStored = Signal(int)  # take id, once the library has it
    takeEnded = Signal(str, object)  # "finished" / "failed" / "cancelled", take id or None

    def __init__(self, ctx: StudioContext, models_dir: str | os.PathLike | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.models_dir = models_dir
        ctx.models_dir = models_dir  # the recognizers are found in the same folder as the models
        self.runs: dict[int, TakeRun] = {}  # job id -> run, for every open take
        self.live_run: TakeRun | None = None
        self.live_take_id: int | None = None  # the take whose mel/tokens the live view shows
        self.last_take_id: int | None = None
        self.stored_takes = 0
        self.setWindowTitle(self.tr("Voice Studio"))
        icon = resources_dir() / "icons" / "voice-studio.png"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self.setAcceptDrops(False)

        # panels -------------------------------------------------------------------------------
        self.message_bar = MessageBar()
        ctx.noted.connect(self.message_bar.show_message)
        ctx.resolved.connect(self.message_bar.resolve)
        self.voice_list = VoiceList(ctx)
        self.reference = ReferencePanel(ctx)
        self.script = ScriptPanel(ctx)
        self.live = LivePanel()
        self.takes = TakesPanel(ctx)
        self.empty = EmptyState()
        # the live view shows the selected take when none is running
        self.trace_follower = TakeTraceFollower(ctx, self.live, self._live_view_busy, self)
        self.takes.takeSelected.connect(self.trace_follower.take_selected)
        self.trace_follower.shown.connect(self._live_view_shows)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.voice_list)
        left.addWidget(self.reference)
        left.setSizes([240, 560])
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(self.script)
        middle.addWidget(self.live)
        middle.setSizes([380, 420])
        self.centre = QStackedWidget()
        self.centre.addWidget(middle)
        self.centre.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.takes)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 620, 440])
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.message_bar)
        self.project_view = attach_project_view(self, layout, self.splitter)  # studio/ui/project
        self.setCentralWidget(body)

        # status bar: model, device, last take -------------------------------------------------
        self.model_status = QLabel(self.tr("No model"))
        self.device_status = QLabel("")
        self.take_status = QLabel("")
        self.queue_status = QLabel("")
        bar = self.statusBar()
        bar.addWidget(self.model_status)
        bar.addWidget(self.device_status)
        bar.addPermanentWidget(self.queue_status)
        bar.addPermanentWidget(self.take_status)

        self._build_menus()
        self._build_shortcuts()

        # wiring ---------------------------------------------------------------------------------
        bridge = ctx.bridge
        bridge.modelLoading.connect(self._model_loading)
        bridge.modelLoaded.connect(self._model_loaded)
        bridge.modelFailed.connect(self._model_failed)
        bridge.deviceDescribed.connect(self._device_described)
        bridge.jobAdded.connect(self._queue_job_added)
        bridge.jobStarted.connect(lambda _job: self._update_queue_status())
        bridge.jobEnded.connect(lambda _job: self._update_queue_status())
        self.empty.openRequested.connect(self.choose_model_folder)
        self.empty.downloadRequested.connect(self.download_model)
        self.script.synthesizeRequested.connect(self.synthesize)
        self.script.cancelRequested.connect(self.cancel_take)
        self.takes.playRequested.connect(self.play_take)
        self.takes.rerollRequested.connect(self.reroll_take)
        self.takes.rerollSentenceRequested.connect(self.reroll_sentence)
        self.takes.exportRequested.connect(self.export_take_dialog)
        self.reference.voiceSaved.connect(self._voice_saved)
        self.voice_list.voiceSelected.connect(self.warm_voice)
        self.voice_list.voiceSelected.connect(self.reference.show_voice)
        self.voice_list.voiceClicked.connect(self.reference.show_voice)
        self.reference.unsavedRestoreRequested.connect(self._back_to_unsaved_clip)
        resolve_when_supplied(ctx, self.voice_list, self.script)
        ctx.deletions.failed.connect(ctx.error)
        ctx.display.subscribe(self._display_tick)
        ctx.display.start()

        self.centre.setCurrentIndex(EMPTY_PAGE)
        self.apply_theme(ctx.settings.theme)
        geometry = ctx.settings.get("ui/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1440, 900)
        self._shut_down = False
        # no one answers a question on the offscreen platform (tests, the self-test on a server)
        self.ask_before_quit = QApplication.platformName() != "offscreen"
        self.owns_bridge = True  # tests share one loaded engine between windows
        if ctx.bridge.loaded is not None:  # a context whose model is already loaded
            self._model_loaded(ctx.bridge.loaded)
            if ctx.bridge.device_description:
                self._device_described(ctx.bridge.device_description)
        self._update_model_widgets()
        restore_session(self)
        QTimer.singleShot(0, self._recover_recordings)

    # -- menus and shortcuts --------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("Open model folder…"), self.choose_model_folder)
        self._action(file_menu, self.tr("Download a model…"), self.download_model)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Import reference clip…"), self.reference.choose_file, "Ctrl+O")
        self.save_voice_action = self._action(
            file_menu, self.tr("Save clip as voice…"), self.save_clip_as_voice, "Ctrl+S"
        )
        self._action(file_menu, self.tr("Ingest recordings…"), self.open_ingest)
        self.export_action = self._action(file_menu, self.tr("Export take…"), self.export_selected, "Ctrl+E")
        file_menu.addSeparator()
        self.serve = ServeToggle(self.ctx, self)  # the speech API on this computer (serve_toggle.py)
        file_menu.addAction(self.serve.action)
        self._action(file_menu, self.tr("Settings…"), self.open_settings, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(edit_menu, self.tr("Undo delete"), self.undo_delete, "Ctrl+Z")
        self.ctx.deletions.changed.connect(self._update_undo)
        self._update_undo()

        take_menu = bar.addMenu(self.tr("&Take"))
        self.synth_action = self._action(take_menu, self.tr("Synthesize"), self.synthesize, "Ctrl+Return")
        self.synth_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.cancel_action = self._action(take_menu, self.tr("Cancel"), self.cancel_take, "Esc")
        # Space is a window shortcut (see _build_shortcuts); the menu shows it after the tab.
        self._action(take_menu, self.tr("Play / pause") + "\tSpace", self.toggle_play)
        self._action(take_menu, self.tr("Record reference"), self.reference.recording.toggle, "Ctrl+R")
        self._action(take_menu, self.tr("Roll a new seed"), self.script.roll_seed, "Ctrl+D")
        mode_menu = take_menu.addMenu(self.tr("Mode"))
        for number, mode in enumerate(MODES, start=1):
            self._action(
                mode_menu,
                self.script.mode_label(mode),
                lambda m=mode: self.script.choose_mode(m),
                f"Ctrl+{number}",
            )
        text_preview.install(self, take_menu)  # segment preview, pronunciation dictionary, text warnings

        view_menu = bar.addMenu(self.tr("&View"))
        self.dark_action = QAction(self.tr("Dark theme"), self)
        self.dark_action.setCheckable(True)
        self.dark_action.toggled.connect(lambda on: self.set_theme("dark" if on else "light"))
        view_menu.addAction(self.dark_action)
        view_menu.addSeparator()  # keyboard ways to the two text fields (Tab takes many steps)
        self._action(view_menu, self.tr("Go to the script"), lambda: self.script.editor.setFocus(), "Ctrl+L")
        self._action(
            view_menu,
            self.tr("Go to the transcript"),
            lambda: self.reference.transcript_edit.setFocus(),
            "Ctrl+T",
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("Keyboard shortcuts"), self.show_shortcuts, "F1")
        self._action(help_menu, self.tr("About Voice Studio"), self.show_about)

    def _build_shortcuts(self) -> None:
        # Space is a shortcut of the window, not a menu accelerator: text fields claim it first
        # (Qt's ShortcutOverride), so typing a space in the script never starts playback.
        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.space_shortcut.activated.connect(self.toggle_play)
        self.button_keys = ButtonKeys(self)  # Space/Enter press the focused button (studio/ui/keyboard.py)

    def save_clip_as_voice(self) -> None:
        """File → Save clip as voice (the reference panel's button, reachable from the keyboard)."""
        reference = self.reference
        if reference.clip is None:
            self.ctx.warn(self.tr("Import or record a reference clip first (Ctrl+O)."))
        elif reference.voice_id is not None:
            self.ctx.warn(self.tr("This clip is already the voice {0}.").format(reference.voice_name))
        else:
            reference.save_as_voice()

    # -- model ----------------------------------------------------------------------------------

    def load_model(self, folder: str | os.PathLike) -> Job:
        """Load a model folder on the worker thread (the window stays usable meanwhile)."""
        settings = self.ctx.settings
        settings.set("model/folder", str(folder))
        return self.ctx.bridge.load_model(
            folder,
            device=settings.device,
            precision=settings.get("model/precision"),
            cuda_only_precision=True,
            preset=settings.preset,
            flow_steps=settings.flow_steps,
        )

    def ask_model_folder(self) -> str:
        """The folder picker (tests replace it)."""
        from studio.ui.file_dialogs import open_folder

        return open_folder(self, self.ctx.settings, self.tr("Open a CosyVoice model folder"))

    def choose_model_folder(self) -> None:
        """Open a folder the user already has: checked (structure, every key and shape) and
        remembered among the installed models before it is loaded."""
        from studio.models import ModelsError, add_user_folder

        folder = self.ask_model_folder()
        if not folder:
            return
        try:
            model = add_user_folder(folder, self.models_dir)
        except ModelsError as err:
            if self.centre.currentIndex() == EMPTY_PAGE:
                self.empty.show_failed(folder, str(err))
            self.ctx.error(self.tr("{0} cannot be used: {1}").format(folder, err))
            return
        self.load_model(model.path)

    def download_model(self) -> None:
        from studio.ui.first_run import open_model_download

        path = open_model_download(self, self.models_dir)
        if path:
            self.load_model(path)

    def _model_loading(self, folder: str) -> None:
        self.empty.show_loading(folder)
        self.centre.setCurrentIndex(EMPTY_PAGE)
        self.model_status.setText(self.tr("Loading the model in {0}…").format(_short_folder(folder)))
        load_jobs = [j for j in self.ctx.bridge.jobs() if j.kind == "load"]
        if load_jobs:
            load_jobs[-1].progress.connect(self.empty.show_progress)
        self._update_model_widgets()

    def _model_loaded(self, loaded) -> None:
        self.ctx.model_hash = model_folder_hash(loaded.folder)  # take provenance, cheap (no full read)
        self.model_status.setText(
            self.tr("Model: {0} ({1})").format(Path(loaded.folder).name, _family_label(loaded.family))
        )
        self.device_status.setText(loaded.device)
        self.ctx.resolve("request:model")
        self.ctx.info(
            self.tr("Loaded {0} ({1}) on {2}.").format(
                Path(loaded.folder).name, _family_label(loaded.family), loaded.device
            ),
            key="model",
        )
        self.centre.setCurrentIndex(STUDIO_PAGE)
        self._update_model_widgets()
        self.warm_voice(self.voice_list.selected_id())

    def _model_failed(self, message: str) -> None:
        folder = self.ctx.settings.model_folder
        self.empty.show_failed(folder, message)
        self.centre.setCurrentIndex(EMPTY_PAGE)
        self.model_status.setText(self.tr("No model"))
        self.ctx.error(self.tr("The model could not be loaded: {0}").format(message))
        self._update_model_widgets()

    def _device_described(self, text: str) -> None:
        self.device_status.setText(text)

    def _update_model_widgets(self) -> None:
        loaded = self.ctx.bridge.loaded is not None
        self.synth_action.setEnabled(loaded)
        self.script.synth_button.setEnabled(loaded)
        if not loaded and not self.ctx.bridge.loading:
            self.empty.show_empty()
        self.reference.model_changed()
        self.takes.model_changed()
        self.project_view.model_changed()

    # -- making a take ----------------------------------------------------------------------------

    def current_request(self) -> TakeRequest | None:
        """The take the window's fields describe, or None after telling the user what is missing."""
        ctx, script = self.ctx, self.script
        if ctx.bridge.loaded is None:
            ctx.error(self.tr("Load a model first (File → Open model folder…)."), key="request:model")
            return None
        voice_id = self.voice_list.selected_id()
        if voice_id is None:
            ctx.error(
                self.tr("Choose a voice in the voice list, or save a reference clip as a voice."),
                key="request:voice",
            )
            return None
        try:
            voice = ctx.library.get_voice(voice_id)
        except LibraryError as err:
            ctx.error(str(err))
            return None
        mode = script.mode
        text = script.text.strip()
        if mode != "vc" and not text:
            ctx.error(self.tr("Type the script to speak first."), key="request:text")
            return None
        if mode != "vc" and not has_speakable(text):  # "？！": refused before a take starts
            ctx.error(UNSPEAKABLE, key="request:text")
            return None
        reference = self.reference
        if reference.clip is not None and reference.voice_id is None:
            # The panel shows a clip the user just imported or recorded; a take speaks in a saved voice,
            # so going ahead would silently use the selected voice instead of the clip on screen.
            ctx.error(
                self.tr(
                    "The reference clip {0} is not saved as a voice, so a take cannot speak in it. "
                    "Press Save as voice… to use it, or choose {1} in the voice list to speak in that voice."
                ).format(reference.clip.name, voice.name),
                key="request:unsaved-clip",
            )
            return None
        if mode == "zero_shot" and not self._voice_transcript(voice_id):
            ctx.error(
                self.tr(
                    "Clone mode needs the transcript of {0}'s reference clip. Type it under Transcript "
                    "in the reference panel and press Save transcript, or use Cross-lingual."
                ).format(voice.name),
                key="request:transcript",
            )
            return None
        typed = reference.transcript_edit.text().strip()
        if (
            mode == "zero_shot"
            and reference.voice_id == voice_id
            and typed != reference.saved_transcript.strip()
        ):
            # Clone conditions on the voice's saved transcript; an edit not saved would be ignored silently.
            ctx.error(
                self.tr(
                    "The transcript of {0} was changed but not saved, and Clone mode uses the saved one. "
                    "Press Save transcript to use your edit, or undo it."
                ).format(voice.name),
                key="request:unsaved-transcript",
            )
            return None
        instruction = script.instruction.text().strip()
        if mode == "instruct" and not instruction:
            ctx.error(
                self.tr("Instruct mode needs an instruction: type one or pick a preset."),
                key="request:instruction",
            )
            return None
        source: SourceClip | None = script.source
        if mode == "vc" and source is None:
            ctx.error(
                self.tr("Convert mode needs a source clip: import or record the speech to convert."),
                key="request:source",
            )
            return None
        stream = script.stream.isChecked()
        return TakeRequest(
            text=text,
            voice_id=voice_id,
            voice_name=voice.name,
            mode=mode,
            instruction=instruction,
            seed=script.seed_value(),
            speed=1.0 if stream else float(script.speed.value()),
            stream=stream,
            source=(source.audio, source.rate) if source is not None else None,
            source_clip_id=source.clip_id if source is not None else None,
            source_label=source.label if source is not None else "",
        )

    def _voice_transcript(self, voice_id: int) -> str:
        clips = self.ctx.library.list_clips(voice_id)
        return next((c.transcript for c in clips if c.transcript), "")

    def open_ingest(self):
        """File → Ingest recordings…: cut long recordings into transcribed, reviewable clips."""
        from studio.ui.ingest import IngestDialog

        dialog = IngestDialog(self.ctx, self)
        dialog.finished.connect(lambda _=0: self.voice_list.refresh())
        dialog.show()
        return dialog

    def synthesize(self) -> TakeRun | None:
        request = self.current_request()
        if request is None:
            self.live.clear_failure()  # the message area says what is wrong now
            return None
        if request.mode == "zero_shot" and not self.reference.transcriber.confirm_take(
            request.voice_id, self._voice_transcript(request.voice_id)
        ):  # the transcript disagrees with what the recognizers hear, and the user will fix it
            return None
        if request.seed is None:  # "random": a new seed for this take; the box stays on random
            request.seed = random_seed()
        return self.submit(request)

    def submit(self, request: TakeRequest) -> TakeRun | None:
        """Queue a take; if the voice has no prompt prepared for the loaded model, prepare it first."""
        text_preview.apply_text_options(self.ctx, request)  # script language, dictionary, provenance
        family = self.ctx.family
        prompt = self.ctx.library.prepared_prompt(request.voice_id, family)
        if prompt is not None and prompt.path.is_file():
            return self._queue_take(request, str(prompt.path))
        self.ctx.info(
            self.tr("Preparing {0} for this model first (once per model)…").format(request.voice_name)
        )
        self._prepare_then_queue(request)
        return None

    def _prepare_then_queue(self, request: TakeRequest) -> None:
        lib = self.ctx.library
        clips = [c for c in lib.list_clips(request.voice_id)]
        if not clips:
            self.ctx.error(
                self.tr("{0} has no reference clip to prepare it from.").format(request.voice_name)
            )
            return
        clip = clips[0]
        try:
            audio, rate = lib.clip_audio(clip)
        except LibraryError as err:
            self.ctx.error(str(err))
            return
        mono = audio.mean(axis=1) if audio.ndim == 2 else audio
        tmpdir = Path(tempfile.mkdtemp(prefix="voice-studio-prompt-"))
        job = self.ctx.bridge.call(
            save_prepared_voice(
                mono.astype(np.float32), rate, clip.transcript or None, tmpdir / "voice.safetensors"
            ),
            label="prepare",
        )

        def prepared(result) -> None:
            path, family, _seconds = result
            try:
                lib.set_prepared_prompt(request.voice_id, family, path)
            except LibraryError as err:
                self.ctx.error(str(err))
                return
            finally:
                shutil.rmtree(tmpdir, ignore_errors=True)
            self.submit(request)

        def failed(failure) -> None:
            shutil.rmtree(tmpdir, ignore_errors=True)
            self.take_error(
                self.tr("{0} could not be prepared: {1}").format(request.voice_name, failure.message)
            )

        job.done.connect(prepared)
        job.failed.connect(failed)

    def _queue_take(self, request: TakeRequest, voice_path: str) -> TakeRun:
        self.ctx.resolve("request:")  # the take could be asked for: what was missing is there now
        counter = None
        if request.mode != "vc":  # how many sentences: asked of the worker just before the take
            counter = self.ctx.bridge.call(count_sentences(request.text, request.mode), label="count")
        job = self.ctx.bridge.synthesize(
            label=request.label, meta={"request": request}, **request.engine_kwargs(voice_path)
        )
        run = TakeRun(request, job)
        if counter is not None:
            counter.done.connect(lambda n: self._sentence_total(run, n))
        self.runs[job.id] = run
        job.started.connect(lambda: self._take_started(run))
        job.segment.connect(lambda seg: self._take_segment(run, seg))
        job.tokens.connect(lambda events: self._take_tokens(run, events))
        job.mel.connect(lambda events: self._take_mel(run, events))
        job.audio.connect(lambda events: self._take_audio(run, events))
        job.finished.connect(lambda finished: self._take_finished(run, finished))
        job.failed.connect(lambda failure: self._take_failed(run, failure))
        job.cancelled.connect(lambda reason: self._take_cancelled(run, reason))
        self._update_queue_status()
        return run

    def _sentence_total(self, run: TakeRun, total: int) -> None:
        run.sentence_total = total
        if run is self.live_run:
            self.live.sentence_total = total

    def _back_to_unsaved_clip(self) -> None:
        self.voice_list.select_voice(None)  # the clip belongs to no voice: none stays selected
        self.reference.restore_unsaved()

    def _live_view_busy(self) -> bool:
        # a running take owns the live view, and so does a failure's reason until the next take
        running = self.live_run is not None and self.live_run.job.is_open
        return running or bool(self.live.failure)

    def _live_view_shows(self, take_id: int) -> None:
        self.live_take_id = take_id  # the playhead follows this take when it plays

    def _take_started(self, run: TakeRun) -> None:
        self.live_run = run
        self.live_take_id = None
        self.trace_follower.forget()
        run.started_at = time.monotonic()
        self.live.reset(run.sentence_total, run.request.speed)
        self.live.progress.show()
        self.live.status.setText(
            self.tr("Making: {0} · seed {1}").format(html.escape(run.request.label), run.request.seed)
        )
        self.script.set_running(True)
        loaded = self.ctx.bridge.loaded
        if run.request.stream and self.ctx.settings.get("ui/autoplay") and loaded is not None:
            self.ctx.player.start_stream(loaded.sample_rate)
            run.streaming_to_player = True

    def _take_segment(self, run: TakeRun, seg) -> None:
        run.assembler.on_segment(seg)
        if run is self.live_run:
            self.live.on_segment(seg)

    def _take_tokens(self, run: TakeRun, events) -> None:
        run.assembler.on_tokens(events)
        if run is self.live_run:
            self.live.on_tokens(events)

    def _take_mel(self, run: TakeRun, events) -> None:
        run.assembler.on_mel(events)
        if run is self.live_run:
            self.live.on_mel(events)

    def _take_audio(self, run: TakeRun, events) -> None:
        if run.first_audio_at is None:
            run.first_audio_at = time.monotonic()
        run.assembler.on_audio(events)
        if run is self.live_run:
            self.live.on_audio(events)
        if run.streaming_to_player:
            for event in events:
                self.ctx.player.feed(event.samples)

    def _take_ended(self, run: TakeRun) -> None:
        self.runs.pop(run.job.id, None)
        if run.streaming_to_player:
            self.ctx.player.end_stream()
        if run is self.live_run:
            self.live.progress.hide()
        self.script.set_running(self.ctx.bridge.running_job() is not None or bool(self.runs))
        self._update_queue_status()

    def _take_finished(self, run: TakeRun, finished: Finished) -> None:
        self._take_ended(run)
        self.take_status.setText(
            self.tr("Last take: seed {0} · first audio {1:.2f} s · RTF {2:.2f}").format(
                finished.seed, finished.first_audio_latency, finished.rtf if finished.num_samples else 0.0
            )
        )
        if run is self.live_run:
            self.live.status.setText(
                self.tr("Done in {0:.1f} s · seed {1}: {2}").format(
                    finished.total_seconds, finished.seed, self.live.describe()
                )
            )
        self.ctx.resolve("take")
        self._store(run, finished, partial="")

    def take_error(self, text: str) -> None:
        """An engine or library error about a take: in the live view and the message area, where
        it stays until dismissed or replaced by the next take."""
        self.live.show_failure(text)
        self.ctx.error(self.tr("The take failed: {0}").format(text), key="take")

    def _take_failed(self, run: TakeRun, failure) -> None:
        self._take_ended(run)
        self.take_status.setText(self.tr("Last take: failed · seed {0}").format(run.request.seed))
        self.take_error(failure.message)
        self._store_partial(run, "failed")
        self.takeEnded.emit("failed", None)

    def _take_cancelled(self, run: TakeRun, reason: str) -> None:
        self._take_ended(run)
        self.take_status.setText(self.tr("Last take: cancelled · seed {0}").format(run.request.seed))
        if run is self.live_run:
            self.live.status.setText(self.tr("Cancelled."))
        self._store_partial(run, "cancelled")
        if not run.assembler.samples:
            self.ctx.info(self.tr("Cancelled: {0}").format(run.request.label))
        self.takeEnded.emit("cancelled", None)

    def _store_partial(self, run: TakeRun, why: str) -> None:
        """Keep what a failed or cancelled take made (not for a sentence re-roll: the take is intact)."""
        asm = run.assembler
        if not asm.samples or run.request.reroll is not None:
            return
        loaded = self.ctx.bridge.loaded
        seed = run.request.seed if run.request.seed is not None else 0
        # Measured here (the engine's own figures end with it): from the take's start on the worker.
        now = time.monotonic()
        started = run.started_at if run.started_at is not None else now
        first = run.first_audio_at if run.first_audio_at is not None else now
        finished = Finished(
            sample_rate=asm.sample_rate or (loaded.sample_rate if loaded else 24000),
            num_samples=asm.samples,
            token_count=asm.tokens,
            segments=len(asm.segments),
            seed=seed,
            first_audio_latency=max(0.0, first - started),
            total_seconds=max(0.0, now - started),
            lm_seconds=0.0,
            flow_seconds=0.0,
            vocoder_seconds=0.0,
            preset=loaded.preset if loaded else "exact",
            flow_steps=loaded.flow_steps if loaded else 10,
        )
        self._store(run, finished, partial=why)

    def _store(self, run: TakeRun, finished: Finished, partial: str) -> None:
        """Write the take to the library on a background thread (never the UI thread)."""
        req, asm, lib = run.request, run.assembler, self.ctx.library
        family = self.ctx.family or ""
        if run is self.live_run and req.reroll is None:  # a re-roll's view holds one sentence only
            run.trace = snapshot(self.live, asm.samples if partial else None)
        device = self.device_status.text()
        if req.reroll is not None:  # a new version of the take; the old one stays as it was
            take_id, index = req.reroll
            audio, seed, rate = asm.audio(), int(finished.seed), int(finished.sample_rate)
            timings = asm.timings(finished, device)
            model_hash = self.ctx.model_hash

            def reroll() -> int:
                return store_sentence_version(
                    lib, take_id, index, audio, rate, seed, timings, model_hash=model_hash
                )

            self.ctx.background.run(reroll, lambda tid: self._stored(tid, run, ""), self._store_failed)
            return
        kwargs = asm.take_kwargs(finished, family=family, model_hash=self.ctx.model_hash, device=device)
        if partial:
            kwargs["timings"]["partial"] = partial
        source = req.source

        def add() -> int:
            if req.mode == "vc" and req.source_clip_id is None and source is not None:
                # Keep the converted speech as a clip: the take's provenance, and what a re-roll needs.
                clip = lib.add_clip(
                    None, source[0], source[1], source="imported", source_name=req.source_label
                )
                kwargs["timings"]["source_clip_id"] = clip.id
                req.source_clip_id = clip.id
            return lib.add_take(**kwargs).id

        self.ctx.background.run(add, lambda tid: self._stored(tid, run, partial), self._store_failed)

    def _stored(self, take_id: int, run: TakeRun, partial: str) -> None:
        self.stored_takes += 1
        self.last_take_id = take_id
        if run is self.live_run:
            self.live_take_id = take_id
        if run.trace is not None:
            self.trace_follower.remember(take_id, run.trace)
        self.ctx.takesChanged.emit()
        self.takes.select_take(take_id)
        if run.request.reroll is not None:
            self.takes.select_sentence(run.request.reroll[1])
            self.ctx.info(
                self.tr(
                    "Sentence {0} of take {1} re-rolled as take {2} (seed {3}); take {1} is kept as it was."
                ).format(run.request.reroll[1] + 1, run.request.reroll[0], take_id, run.request.seed)
            )
        elif run.request.rerolled_from is not None and not partial:
            self.ctx.info(
                self.tr("Take {0} re-rolled as take {1} (seed {2}); take {0} is kept as it was.").format(
                    run.request.rerolled_from, take_id, run.request.seed
                )
            )
        elif partial:
            self.ctx.warn(
                self.tr("The {0} take's audio so far was kept as take {1} (marked partial).").format(
                    self.tr("cancelled") if partial == "cancelled" else self.tr("failed"), take_id
                )
            )
        self.takeStored.emit(take_id)
        if not partial:
            self.takeEnded.emit("finished", take_id)

    def _store_failed(self, err: BaseException) -> None:
        self.take_error(self.tr("it could not be stored: {0}").format(err))
        self.takeEnded.emit("failed", None)

    def cancel_take(self) -> None:
        """Esc: stop a recording countdown, else the running take (within one LM step)."""
        if self.reference.recording.state == "countdown":
            self.reference.recording.cancel()
            return
        job = self.ctx.bridge.cancel_running()
        if job is not None and job.kind == "synthesize":
            run = self.runs.get(job.id)
            if run is not None:
                run.cancelling = True  # said at once: the worker stops within one step
                if run is self.live_run:
                    self.live.status.setText(self.tr("Cancelling…"))
                self.script.cancel_button.setEnabled(False)
        if job is None or job.kind != "synthesize":
            queued = [j for j in self.ctx.bridge.queued_jobs() if j.kind == "synthesize"]
            if queued:
                queued[-1].cancel()

    # -- re-rolls -------------------------------------------------------------------------------

    def _request_from_take(self, take_id: int) -> TakeRequest | None:
        lib = self.ctx.library
        try:
            take = lib.get_take(take_id)
        except LibraryError as err:
            self.ctx.error(str(err))
            return None
        if take.voice_id is None:
            self.ctx.error(
                self.tr("Take {0}'s voice was deleted, so it cannot be re-rolled.").format(take_id)
            )
            return None
        source = None
        source_clip_id = (take.timings or {}).get("source_clip_id")
        if take.mode == "vc":
            if source_clip_id is None:
                self.ctx.error(
                    self.tr("Take {0} does not record its source clip; convert it again.").format(take_id)
                )
                return None
            audio, rate = lib.clip_audio(int(source_clip_id), trimmed=False)
            source = (audio.mean(axis=1) if audio.ndim == 2 else audio).astype(np.float32), rate
        stream = self.script.stream.isChecked() and take.speed == 1.0
        return TakeRequest(
            text=take.text if take.mode != "vc" else "",
            voice_id=take.voice_id,
            voice_name=take.voice_name or "",
            mode=take.mode or "zero_shot",
            instruction=take.instruction or "",
            seed=random_seed(),
            speed=take.speed,
            stream=stream,
            source=source,
            source_clip_id=source_clip_id,
            source_label=(take.timings or {}).get("source_name", "") or take.text,
        )

    def reroll_take(self, take_id: int) -> None:
        request = self._request_from_take(take_id)
        if request is not None:
            request.rerolled_from = take_id  # the new take says which take it re-rolls
            self.submit(request)

    def reroll_sentence(self, take_id: int, index: int) -> None:
        request = self._request_from_take(take_id)
        if request is None:
            return
        rows = take_sentences(self.ctx.library.get_take(take_id))  # studio/ui/sentences.py
        if not 0 <= index < len(rows):
            self.ctx.error(self.tr("Take {0} has no sentence {1}.").format(take_id, index + 1))
            return
        if not rows[index].complete:  # a partial take's cut-off sentence: where it is is unknown
            self.ctx.error(
                self.tr(
                    "Sentence {0} of take {1} was cut off when the take stopped, so it cannot be "
                    "re-rolled alone; re-roll the whole take."
                ).format(index + 1, take_id)
            )
            return
        if request.mode != "vc":
            request.text = rows[index].speak
        request.reroll = (take_id, index)  # streams (and plays) like any take if Streaming is on
        self.submit(request)

    # -- playback -------------------------------------------------------------------------------

    def play_take(self, take_id: int) -> None:
        def read():
            return self.ctx.library.take_audio(take_id)

        def play(result) -> None:
            audio, rate = result
            mono = audio.mean(axis=1) if audio.ndim == 2 else audio
            self.ctx.player.play(mono.astype(np.float32), rate)
            self._playing_take_id = take_id
            self._play_asked = True  # a playback problem now answers this press, every time

        self.ctx.background.run(read, play, lambda err: self.ctx.error(str(err)))

    _playing_take_id: int | None = None
    _play_asked = False

    def toggle_play(self) -> None:
        player = self.ctx.player
        if player.active:
            player.toggle_pause()
            return
        take_id = self.takes.selected_id()
        if take_id is not None:
            self.play_take(take_id)

    def _display_tick(self) -> None:
        player = self.ctx.player
        live_is_playing = player.active and (
            (self.live_run is not None and self.live_run.streaming_to_player and self.live_take_id is None)
            or (self.live_take_id is not None and self._playing_take_id == self.live_take_id)
        )
        if live_is_playing and player.rate:
            self.live.set_playhead(player.position / player.rate)
        else:
            self.live.set_playhead(None)
        if self.live_run is not None and self.live_run.job.is_open and self.live_run.cancelling:
            self.live.status.setText(self.tr("Cancelling…"))
        elif self.live_run is not None and self.live_run.job.is_open:
            self.live.status.setText(
                self.tr("Making · seed {0}: {1}").format(self.live_run.request.seed, self.live.describe(True))
            )
        self.live.refresh()
        if player.error:
            self._playback_failed(player.error)
            player.error = None

    def _playback_failed(self, error: str) -> None:
        warn_playback_failed(self.ctx, error, asked=self._play_asked)
        self._play_asked = False

    # -- export ---------------------------------------------------------------------------------

    def export_selected(self) -> None:
        take_id = self.takes.selected_id()
        if take_id is None:
            self.ctx.error(self.tr("Select a take to export."))
            return
        self.export_take_dialog(take_id)

    def export_take_dialog(self, take_id: int) -> None:
        settings = self.ctx.settings
        folder = settings.get("export/folder") or str(Path.home())
        fmt = settings.get("export/format")
        suffix = ".flac" if fmt == "flac" else ".wav"
        # Take ids start again at 1 once every take is deleted: never suggest a file that exists.
        default = str(unique_path(Path(folder), f"take-{take_id}", suffix, set()))
        chosen = EXPORT_FILTER.split(";;")[1 if suffix == ".flac" else 0]  # the filter matches the name
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export take"), default, EXPORT_FILTER, chosen)
        if path:
            self.export_take(take_id, path)

    def export_take(self, take_id: int, path: str | os.PathLike) -> None:
        """Export in the background; the format follows the file's extension (WAV bit depth from Settings)."""
        path = Path(path)
        if path.suffix.lower() not in (".wav", ".flac"):
            path = path.with_suffix(".flac" if self.ctx.settings.get("export/format") == "flac" else ".wav")
        fmt = "flac" if path.suffix.lower() == ".flac" else self.ctx.settings.get("export/format")
        if fmt == "flac" and path.suffix.lower() == ".wav":
            fmt = "wav24"
        sidecar = bool(self.ctx.settings.get("export/sidecar"))

        def done(written: Path) -> None:
            self.ctx.settings.set("export/folder", str(written.parent))
            if sidecar:  # say so: a second file appears beside the audio
                from studio.library.export import sidecar_path

                text = self.tr(
                    "Saved take {0} to {1}, with its provenance in {2} (turn this off in Settings)."
                ).format(take_id, written, sidecar_path(Path(written)).name)
            else:
                text = self.tr("Saved take {0} to {1}.").format(take_id, written)
            self.ctx.info(text, key="export")
            self.exported.emit(str(written))

        self.ctx.background.run(
            lambda: self.ctx.library.export_take(take_id, path, fmt=fmt, sidecar=sidecar),
            done,
            lambda err: (
                self.ctx.error(self.tr("Export failed: {0}").format(err)),
                self.exportFailed.emit(str(err)),
            ),
        )

    exported = Signal(str)
    exportFailed = Signal(str)

    # -- misc -----------------------------------------------------------------------------------

    def undo_delete(self) -> None:
        entry = self.ctx.deletions.undo()
        if entry is not None:
            self.ctx.info(sentence(self.tr("Restored {0}.").format(entry.label or entry.kind)))

    def warm_voice(self, voice_id: int | None) -> None:
        """While the worker is idle, solve the voice's prompt-only streaming prefix, so the next
        streamed take with it reaches first audio sooner (Engine.warm_stream_prefix)."""
        family = self.ctx.family
        if voice_id is None or family is None:
            return
        prompt = self.ctx.library.prepared_prompt(voice_id, family)
        if prompt is None or not prompt.path.is_file():
            return
        path = str(prompt.path)
        self.ctx.bridge.call(lambda engine: engine.warm_stream_prefix(load_voice_file(path)), label="warm")

    def _voice_saved(self, voice_id: int) -> None:
        self.voice_list.refresh()
        self.voice_list.select_voice(voice_id)

    def _recover_recordings(self) -> None:
        """Recordings a crash interrupted become clips; the newest is put in the reference panel."""
        lib = self.ctx.library
        try:
            pending = lib.pending_recordings()
        except LibraryError:
            return
        if not pending:
            return

        def recover() -> list:
            clips = []
            for rec in pending:
                with contextlib.suppress(LibraryError):
                    clips.append(lib.recover_recording(rec.id))
            return clips

        def recovered(clips) -> None:
            if not clips:
                return
            self.reference.load_library_clip(clips[-1])
            self.ctx.warn(
                self.tr(
                    "Recovered %n recording(s) interrupted last time; the latest is in the reference panel.",
                    "",
                    len(clips),
                )
            )

        self.ctx.background.run(recover, recovered, lambda err: self.ctx.error(str(err)))

    def _queue_job_added(self, job) -> None:
        if job.meta.get("queue"):  # a project render reports its blocks done through progress
            job.progress.connect(lambda *_args: self._update_queue_status())
        self._update_queue_status()

    def _update_queue_status(self) -> None:
        jobs = self.ctx.bridge.jobs()
        queued = len([j for j in jobs if j.state == "queued" and j.kind == "synthesize"])
        running, waiting = self.tr("running"), self.tr("queued")
        parts = [
            f"{j.label}: {j.meta.get('status') or (running if j.state == 'running' else waiting)}"
            for j in jobs
            if j.is_open and j.meta.get("queue")
        ]
        if queued:
            parts.append(self.tr("%n take(s) queued", "", queued))
        self.queue_status.setText(" · ".join(parts))

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog.changed_keys())

    def apply_settings(self, changed: set[str]) -> None:
        settings = self.ctx.settings
        if "ui/theme" in changed:
            self.apply_theme(settings.theme)
        if "audio/output_device" in changed:
            self.ctx.player.stop()
            self.ctx.player.device = settings.get("audio/output_device") or None
        if "ui/language" in changed:  # a warning: it stays until read, unlike information
            self.ctx.warn(
                self.tr("The language changes when Voice Studio starts again: quit and reopen it."),
                key="language",
            )
        reload_keys = {"model/folder", "model/device", "model/precision", "model/preset", "model/flow_steps"}
        if changed & reload_keys and settings.model_folder:
            self.load_model(settings.model_folder)

    def set_theme(self, name: str) -> None:
        self.ctx.settings.set("ui/theme", name)
        self.apply_theme(name)

    def apply_theme(self, name: str) -> None:
        app = QApplication.instance()
        if app is not None:
            theme.apply_theme(app, name)
        dark = name == "dark"
        self.live.set_dark(dark)
        self.reference.waveform.set_dark(dark)
        self.dark_action.blockSignals(True)
        self.dark_action.setChecked(dark)
        self.dark_action.blockSignals(False)

    def _update_undo(self) -> None:
        last = self.ctx.deletions.last()
        self.undo_action.setEnabled(last is not None)
        self.undo_action.setText(
            self.tr("Undo delete of {0}").format(last.label or last.kind) if last else self.tr("Undo delete")
        )

    def show_shortcuts(self) -> None:
        from studio.ui.shortcuts_dialog import ShortcutsDialog

        extra = [
            (self.tr("Window"), self.tr("Move between fields (Tab leaves the script)"), "Tab, Shift+Tab"),
        ]
        self.shortcuts_dialog = ShortcutsDialog(self.menuBar(), extra, self)
        self.shortcuts_dialog.show()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        import studio

        QMessageBox.about(
            self,
            self.tr("About Voice Studio"),
            self.tr(
                "<b>Voice Studio {0}</b><br>Voice cloning with CosyVoice 2 and Fun-CosyVoice 3.<br>"
                "Library: {1}<br>Settings: {2}"
            ).format(studio.__version__, self.ctx.library.root, self.ctx.settings.path),
        )

    def shutdown(self) -> None:
        """Stop everything the window started; pending deletions are carried out."""
        if self._shut_down:
            return
        self._shut_down = True
        self.serve.shutdown()
        self.ctx.display.stop()
        self.ctx.player.stop()
        if self.reference.recording.busy:
            self.reference.recording.cancel()
        self.reference.transcriber.cancel()
        self.ctx.shutdown()  # the recognizer worker: its jobs cancelled, its models freed
        for message in self.ctx.deletions.commit_all():
            print(f"voice-studio: {message}")
        if self.owns_bridge:
            self.ctx.bridge.shutdown()
        else:  # the bridge outlives this window: cancel its takes and drop its connections to us
            bridge = self.ctx.bridge
            for job in bridge.jobs():
                if job.kind != "load":
                    job.cancel()
            for signal in (
                bridge.jobAdded,
                bridge.jobStarted,
                bridge.jobEnded,
                bridge.busyChanged,
                bridge.modelLoading,
                bridge.modelLoaded,
                bridge.modelFailed,
                bridge.deviceDescribed,
            ):
                with contextlib.suppress(RuntimeError, TypeError), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    signal.disconnect()
        self.ctx.background.shutdown(wait=True)
        self.ctx.settings.set("ui/geometry", self.saveGeometry().data())
        save_session(self)
        self.ctx.settings.sync()

    def closeEvent(self, event) -> None:
        if not self._shut_down and self.runs and self.ask_before_quit and not self.confirm_quit_during_take():
            event.ignore()  # the user keeps working; the take goes on
            return
        self.shutdown()
        super().closeEvent(event)

    def confirm_quit_during_take(self) -> bool:
        """Quitting while takes are made or queued loses them (Esc keeps a partial take): ask first."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("A take is being made"))
        box.setText(
            self.tr(
                "Quitting now throws away the take being made and any queued takes. "
                "Press Esc first to keep what is made so far as a partial take."
            )
        )
        quit_button = box.addButton(self.tr("Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        self.quit_question = box
        box.exec()
        return box.clickedButton() is quit_button


def _short_folder(folder: str | os.PathLike) -> str:
    """The folder's last two parts ("cosyvoice2/model"): a bare "model" says nothing."""
    parts = Path(folder).parts
    return "/".join(parts[-2:]) if len(parts) >= 2 else str(folder)


def _family_label(family: str) -> str:
    return {"cosyvoice2": "CosyVoice 2", "cosyvoice3": "Fun-CosyVoice 3"}.get(family, family)
