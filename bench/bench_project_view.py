"""UI-thread cost of a 1,000-block project in the project view's table (offscreen Qt).

    QT_QPA_PLATFORM=offscreen python bench/bench_project_view.py [--blocks 1000]

Measures what the view does on the UI thread: loading the project (make_plan + the table model),
scrolling the table from top to bottom one page at a time (each step = set the scroll bar, then
process events so the visible rows are painted), and one edit (update a block's text, reload).
Prints the worst and median step in ms, as wall time and as the UI thread's own CPU time (the
wall time includes waiting for a core on a loaded machine).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=1000)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication, QTableView

    from studio.library import Library
    from studio.project import ProjectStore, VoiceResolver, make_plan
    from studio.project.importers import parse_script
    from studio.ui.project.table_model import BlockTableModel

    app = QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="bench-view-"))
    voice = tmp / "v.voice.safetensors"
    voice.write_bytes(os.urandom(4096))  # only its hash is read here
    with Library.open(tmp / "lib", check=False, durable=False) as lib:
        store = ProjectStore(lib)
        project = store.create_project("long", seed=1)
        text = "\n\n".join(
            f"Line number {i}, with a few more words to make it a real row." for i in range(args.blocks)
        )
        store.replace_content(project.id, parse_script(text, "text"))
        store.set_speaker_voice(project.id, "", voice_file=str(voice))
        project = store.set_model(project.id, "model", "cosyvoice2", "hash")
        model = BlockTableModel()
        table = QTableView()
        table.setModel(model)
        table.resize(1200, 700)
        table.show()

        def load() -> float:
            t = time.perf_counter()
            model.set_items(
                make_plan(
                    store, store.get_project(project.id), VoiceResolver(store, project, "cosyvoice2"), "hash"
                )
            )
            app.processEvents()
            return (time.perf_counter() - t) * 1000

        load_ms = load()
        bar = table.verticalScrollBar()
        steps, cpu_steps = [], []
        for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep())):
            t, c = time.perf_counter(), time.thread_time()
            bar.setValue(value)
            table.viewport().repaint()
            app.processEvents()
            steps.append((time.perf_counter() - t) * 1000)
            cpu_steps.append((time.thread_time() - c) * 1000)
        blocks = store.blocks(project.id)
        edits = []
        resolver = VoiceResolver(store, project, "cosyvoice2")
        for n in range(20):
            t = time.perf_counter()
            block = store.update_block(blocks[n * 37].id, text=f"An edited line {n}.")
            model.replace_items(make_plan(store, project, resolver, "hash", [block]))
            app.processEvents()
            edits.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        items = make_plan(store, store.get_project(project.id), resolver, "hash")
        plan_ms = (time.perf_counter() - t) * 1000
        t, c = time.perf_counter(), time.thread_time()
        model.set_items(items)
        app.processEvents()
        show_ms = (time.perf_counter() - t) * 1000
        show_cpu = (time.thread_time() - c) * 1000
    print(
        f"{args.blocks} blocks: first load {load_ms:.1f} ms; full re-plan {plan_ms:.1f} ms (worker thread in the "
        f"view), showing it {show_ms:.1f} ms (UI thread); scroll {len(steps)} pages: worst {max(steps):.1f} ms, "
        f"median {statistics.median(steps):.1f} ms; edit one block (UI thread): worst {max(edits):.1f} ms, "
        f"median {statistics.median(edits):.1f} ms\n"
        f"UI-thread CPU time (independent of other load on the machine): showing {show_cpu:.1f} ms, scroll step "
        f"worst {max(cpu_steps):.1f} ms, median {statistics.median(cpu_steps):.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
