"""The saved voices: search, play, rename, delete with undo; prompt details on hover."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from studio.library import LibraryError, Voice
from studio.ui import presets
from studio.ui.context import StudioContext

ID_ROLE = Qt.ItemDataRole.UserRole


class VoiceList(QGroupBox):
    voiceSelected = Signal(object)  # voice id or None
    # a click on a voice, also on the one already selected (the reference panel may be showing an
    # unsaved clip instead of it; clicking the voice brings it back)
    voiceClicked = Signal(int)

    def __init__(self, ctx: StudioContext, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Voices"))
        self.ctx = ctx
        self._play_session = -1
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search voices"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.list = QListWidget()
        self._chosen: int | None = None  # the voice last announced by voiceSelected
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemSelectionChanged.connect(self._current_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.play_selected())
        self.list.itemClicked.connect(lambda item: self.voiceClicked.emit(item.data(ID_ROLE)))
        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Play the voice's reference clip"))
        self.play_button.clicked.connect(self.play_selected)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(self._rename_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the voice (Ctrl+Z undoes it)"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        ctx.voicesChanged.connect(self.refresh)
        ctx.deletions.changed.connect(self.refresh)
        self.refresh()

    # -- contents ------------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected_id()
        hidden = self.ctx.deletions.hidden("voice")
        try:
            voices = [v for v in self.ctx.library.list_voices(name=self.search.text().strip() or None)]
        except LibraryError as err:
            self.ctx.error(str(err))
            voices = []
        self.list.blockSignals(True)
        self.list.clear()
        for voice in voices:
            if voice.id in hidden:
                continue
            item = QListWidgetItem(self._label(voice))
            item.setData(ID_ROLE, voice.id)
            item.setToolTip(self.tooltip(voice))
            self.list.addItem(item)
            if voice.id == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()
        if self.selected_id() != selected:
            self._chosen = self.selected_id()
            self.voiceSelected.emit(self._chosen)

    def _label(self, voice: Voice) -> str:
        extra = " · ".join(x for x in self._language_and_dialect(voice) if x)
        label = voice.name + (f"  ({extra})" if extra else "")
        if not voice.has_consent:
            label += "  ⚠"
        return label

    def _language_and_dialect(self, voice: Voice) -> tuple[str, str]:
        """The voice's language and dialect in the UI language ("中文" in the Chinese UI)."""
        ui = self.ctx.language
        return (
            presets.language_label(voice.language, ui) if voice.language else "",
            presets.dialect_label(voice.dialect, ui) if voice.dialect else "",
        )

    def tooltip(self, voice: Voice) -> str:
        lib = self.ctx.library
        rows = [f"<b>{html.escape(voice.name)}</b>"]
        if voice.speaker_name:
            rows.append(self.tr("Speaker: {0}").format(html.escape(voice.speaker_name)))
        if voice.language or voice.dialect:
            language, dialect = self._language_and_dialect(voice)
            rows.append(
                self.tr("Language: {0} · dialect: {1}").format(
                    html.escape(language or "-"), html.escape(dialect or "-")
                )
            )
        rows.append(
            self.tr("Consent: {0}").format(
                html.escape(voice.consent.describe()) if voice.consent else self.tr("NO CONSENT RECORDED")
            )
        )
        try:
            clips = lib.list_clips(voice.id)
            prompts = lib.prepared_prompts(voice.id)
        except LibraryError:
            clips, prompts = [], []
        if clips:
            clip = clips[0]
            rows.append(
                self.tr("Reference: {0:.1f} s of {1:.1f} s, {2:g} kHz, {3}").format(
                    clip.trimmed_duration_s,
                    clip.duration_s,
                    clip.sample_rate / 1000,
                    html.escape(clip.source_name or clip.source),
                )
            )
            rows.append(self.tr("Transcript: {0}").format(html.escape(clip.transcript) or self.tr("(none)")))
            if clip.quality:
                rows.append(
                    self.tr("Quality: {0}").format(html.escape(str(clip.quality.get("overall", "?"))))
                )
        for prompt in prompts:
            rows.append(
                self.tr("Prepared prompt for {0}: {1} KB, {2}").format(
                    prompt.family, max(1, prompt.size // 1024), prompt.created_at.strftime("%Y-%m-%d %H:%M")
                )
            )
        if not prompts:
            rows.append(self.tr("No prepared prompt yet (made on first use)."))
        if voice.tags:
            rows.append(self.tr("Tags: {0}").format(html.escape(", ".join(voice.tags))))
        return "<br>".join(rows)

    def voice_ids(self) -> list[int]:
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def selected_id(self) -> int | None:
        # current *and* selected: Qt makes the first row current, unselected, when the list gets the
        # keyboard focus with nothing current (Tab), which is not the user choosing that voice
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None and item.isSelected() else None

    def select_voice(self, voice_id: int | None) -> bool:
        """Select the voice (None: select none); False if it is not listed."""
        if voice_id is None:
            self.list.setCurrentRow(-1)
            return True
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == voice_id:
                self.list.setCurrentItem(item)
                return True
        return False

    def _current_changed(self, *_args) -> None:
        """Current item or selection changed: tell the window when the chosen voice did. A row made
        current by Tab (not selected, see selected_id) is no choice; Space on it selects it."""
        self._update_buttons()
        chosen = self.selected_id()
        if chosen != self._chosen:
            self._chosen = chosen
            self.voiceSelected.emit(chosen)

    def _update_buttons(self) -> None:
        on = self.selected_id() is not None
        for button in (self.play_button, self.rename_button, self.delete_button):
            button.setEnabled(on)

    # -- actions -------------------------------------------------------------------------------

    def play_selected(self) -> None:
        voice_id = self.selected_id()
        if voice_id is None:
            return
        player = self.ctx.player
        if player.session == self._play_session and player.active:
            player.stop()
            return
        clips = self.ctx.library.list_clips(voice_id)
        if not clips:
            self.ctx.warn(self.tr("This voice has no reference clip to play."))
            return
        try:
            audio, rate = self.ctx.library.clip_audio(clips[0])
        except LibraryError as err:
            self.ctx.error(str(err))
            return
        mono = audio.mean(axis=1) if audio.ndim == 2 else audio
        player.device = self.ctx.settings.get("audio/output_device") or None
        self._play_session = player.play(mono, rate)

    def _rename_clicked(self) -> None:
        voice_id = self.selected_id()
        if voice_id is None:
            return
        voice = self.ctx.library.get_voice(voice_id)
        name, ok = QInputDialog.getText(self, self.tr("Rename voice"), self.tr("New name"), text=voice.name)
        if ok and name.strip():
            self.rename_voice(voice_id, name.strip())

    def rename_voice(self, voice_id: int, name: str) -> bool:
        try:
            self.ctx.library.update_voice(voice_id, name=name)
        except LibraryError as err:
            self.ctx.error(self.tr("The voice could not be renamed: {0}").format(err))
            return False
        self.refresh()
        self.ctx.voicesChanged.emit()
        return True

    def delete_selected(self) -> bool:
        voice_id = self.selected_id()
        if voice_id is None:
            return False
        return self.delete_voice(voice_id)

    def delete_voice(self, voice_id: int) -> bool:
        """Delete a voice (undoable). A voice with takes asks first: delete its takes with it, or keep
        them (they stay in the takes list, no longer naming a voice)."""
        lib = self.ctx.library
        voice = lib.get_voice(voice_id)
        hidden_takes = self.ctx.deletions.hidden("take")
        remaining = [t for t in lib.take_ids(voice_id=voice_id) if t not in hidden_takes]
        keep = False
        used_by = self.projects_using(voice.uid)
        if remaining:
            answer = self.ask_delete_with_takes(voice.name, len(remaining), used_by=used_by)
            if answer is None:
                return False
            keep = answer == "keep"
        elif used_by and not self.ask_delete_used_voice(voice.name, used_by):
            return False
        self.ctx.deletions.delete("voice", voice_id, voice.name, takes=tuple(remaining), keep_takes=keep)
        if not remaining:
            text = self.tr("Deleted the voice {0}. Press Ctrl+Z to undo.")
        elif keep:
            text = self.tr("Deleted the voice {0}; its takes are kept. Press Ctrl+Z to undo.")
        else:
            text = self.tr("Deleted the voice {0} and its takes. Press Ctrl+Z to undo.")
        self.ctx.info(text.format(voice.name))
        return True

    def projects_using(self, voice_uid: str) -> str:
        """ "story (3 blocks), talk (1 block)": the projects whose blocks the voice speaks; "" if none."""
        from studio.project.store import ProjectStore

        parts = []
        for project, count in ProjectStore(self.ctx.library).voice_usage(voice_uid):
            if count == 1:  # English has no catalogue: its singular is a message of its own
                parts.append(self.tr("{0} (1 block)").format(project.name))
            else:
                parts.append(self.tr("{0} (%n blocks)", "", count).format(project.name))
        return ", ".join(parts)

    def used_by_text(self, used_by: str) -> str:
        return self.tr(
            "Projects use this voice: {0}. Their blocks will have no voice until you choose another "
            "(Project tab: Speaker voices… or Block voice…)."
        ).format(used_by)

    def ask_delete_used_voice(self, name: str, used_by: str) -> bool:
        """A voice with no takes that projects use (`used_by`, from projects_using): True = delete it
        anyway. Tests replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete voice"))
        box.setText(self.tr("Delete the voice {0}?").format(name) + "\n\n" + self.used_by_text(used_by))
        box.setInformativeText(self.tr("Ctrl+Z undoes it until Voice Studio closes."))
        delete = box.addButton(self.tr("Delete the voice"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is delete

    def ask_delete_with_takes(self, name: str, count: int, used_by: str = "") -> str | None:
        """ "delete" (the voice and its takes), "keep" (the voice only) or None (cancel); `used_by`
        names the projects that use the voice (projects_using). Tests replace it."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete voice"))
        text = self.tr("The voice {0} has %n take(s). What happens to them?", "", count).format(name)
        if used_by:
            text += "\n\n" + self.used_by_text(used_by)
        box.setText(text)
        box.setInformativeText(self.tr("Ctrl+Z undoes either choice until Voice Studio closes."))
        with_takes = box.addButton(
            self.tr("Delete the voice and its takes"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(self.tr("Delete the voice, keep its takes"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is with_takes:
            return "delete"
        if clicked is keep:
            return "keep"
        return None
