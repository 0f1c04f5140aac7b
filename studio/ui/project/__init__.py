"""The window's project view: block table, render/cancel/re-roll, whole-render waveform, overruns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget

from studio.ui.project.view import ProjectView

__all__ = ["ProjectView", "attach_project_view"]


def attach_project_view(window, layout, takes_page) -> ProjectView:
    """Put today's single-take page and the project view side by side as tabs in `layout`."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.addTab(takes_page, QCoreApplication.translate("ProjectView", "Takes"))
    view = ProjectView(window.ctx)
    tabs.addTab(view, QCoreApplication.translate("ProjectView", "Project"))
    layout.addWidget(tabs, 1)
    window.main_tabs = tabs
    bar = getattr(window, "message_bar", None)
    if bar is not None:  # an error set aside on one tab does not come back on the other
        tabs.currentChanged.connect(lambda _index: bar.drop_pending())
    return view
