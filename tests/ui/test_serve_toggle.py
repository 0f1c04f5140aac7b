"""File → Serve on this computer: the speech API runs on the window's own worker; API takes land in
the window's take list marked API."""

from __future__ import annotations

import http.client
import json
import threading
from urllib.parse import urlparse

from PySide6.QtCore import Qt

from tests.ui.conftest import save_voice, wait_until


def _post(url: str, body: dict, out: dict) -> None:
    parts = urlparse(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        conn.request("POST", "/v1/audio/speech", json.dumps(body), {"Content-Type": "application/json"})
        resp = conn.getresponse()
        out.update(status=resp.status, headers=dict(resp.getheaders()), body=resp.read())
    except OSError as err:
        out.update(error=err)
    finally:
        conn.close()


def test_serving_from_the_window_puts_api_takes_in_its_take_list(make_window, alsa, qtbot):
    window = make_window(ui__autoplay=False, server__port=0)
    save_voice(qtbot, window, name="Narrator")
    serve = window.serve
    assert serve.action.text() == "Serve on this computer" and not serve.action.isChecked()
    with qtbot.waitSignal(serve.started, timeout=30_000) as started:
        serve.action.setChecked(True)
    url = started.args[0]
    assert url.startswith("http://127.0.0.1:") and serve.service.worker is window.ctx.bridge.worker
    assert url in serve.status.text()

    out: dict = {}
    body = {
        "model": "tts-1",
        "voice": "Narrator",
        "input": "Hello from another program.",
        "response_format": "wav",
    }
    thread = threading.Thread(target=_post, args=(url, body, out))
    thread.start()
    wait_until(qtbot, lambda: "status" in out or "error" in out, 180)  # the window keeps running meanwhile
    thread.join()
    assert out.get("status") == 200, out
    take_id = int(out["headers"]["x-take-id"])
    take = window.ctx.library.get_take(take_id)
    assert take.source == "api" and take.voice_name == "Narrator"

    tree = window.takes.tree
    wait_until(qtbot, lambda: tree.topLevelItemCount() == 1, 10)
    item = tree.topLevelItem(0)
    assert any("API" in item.text(col) for col in range(tree.columnCount()))

    # the next API take is added on top; the row already shown is kept, not rebuilt
    marker = Qt.ItemDataRole.UserRole + 7
    item.setData(0, marker, "shown before")
    out.clear()
    _post(url, {**body, "input": "And a second one."}, out)
    assert out.get("status") == 200, out
    second = int(out["headers"]["x-take-id"])
    wait_until(qtbot, lambda: tree.topLevelItemCount() == 2, 10)
    assert window.takes.take_ids() == [second, take_id]
    assert tree.topLevelItem(1).data(0, marker) == "shown before"

    with qtbot.waitSignal(serve.stopped, timeout=30_000):
        serve.action.setChecked(False)
    refused: dict = {}
    _post(url, body, refused)
    assert "error" in refused  # nothing listens any more
