"""A stand-in for `voice-studio --startup-probe`: shows a window, prints the probe line, exits 0."""

import sys
import time

START = time.perf_counter()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


class Window(QMainWindow):
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self.report)

    def report(self):
        app = QApplication.instance()
        print(
            f"startup-probe: window shown {time.perf_counter() - START:.3f} {app.platformName()}", flush=True
        )
        app.quit()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Window()
    window.resize(400, 300)
    window.show()
    sys.exit(app.exec())
