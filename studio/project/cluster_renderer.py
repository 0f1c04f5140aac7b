"""`project render --ray`: a project's blocks rendered on a Ray cluster (studio.cluster) instead of here.

Same BlockJobs, same `synthesize_block` on every actor, so the same seeds give the same audio as a
render on this machine. Ray reports blocks in job order; a lost actor's block is retried elsewhere.
A cancelled render stops the actors at once and keeps every block already rendered, including those
finished after a block that was still in flight.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence

from studio.engine.blockjob import BlockJob
from studio.project.errors import ProjectError
from studio.project.render import BlockFailed, OnResult, sentence_marks


class RayRenderer:
    """A BlockRenderer over `studio.cluster.render_blocks`.

    address: a Ray cluster address ("auto", "ray://host:10001", ...) or None to start Ray locally.
    num_actors: engines to start (default: the cluster's GPUs, else CPUs). The actors return each
    block's sentence timings with its audio, so subtitles per sentence match a local render's.
    Raises ProjectError when Ray is missing or the cluster fails, BlockFailed for a bad block.
    """

    def __init__(
        self,
        model_dir: str,
        *,
        address: str | None = None,
        num_actors: int | None = None,
        device: str | None = None,
        text_normalizer: str = "wetext",
        on_event: Callable[[str], None] | None = None,
    ) -> None:
        self.model_dir = model_dir
        self.address = address
        self.num_actors = num_actors
        self.device = device
        self.text_normalizer = text_normalizer
        self.on_event = on_event
        self.engine_calls = 0

    def render(self, jobs: Sequence[BlockJob], on_result: OnResult, cancel: threading.Event) -> None:
        from studio.cluster import BlockFailed as ClusterBlockFailed
        from studio.cluster import ClusterError, RenderCancelled, render_blocks

        jobs = list(jobs)
        if not jobs:
            return
        by_index = {job.index: job for job in jobs}
        self.engine_calls += len(jobs)
        reported: set[int] = set()

        def report(audio) -> None:
            reported.add(audio.index)
            on_result(by_index[audio.index], audio, sentence_marks(audio))

        try:
            render_blocks(
                self.model_dir,
                jobs,
                address=self.address,
                num_actors=self.num_actors,
                device=self.device,
                text_normalizer=self.text_normalizer,
                on_result=report,
                cancel=cancel,
                on_event=self.on_event,
            )
        except RenderCancelled as err:
            # Ray reports blocks in order; blocks finished after one still in flight were held back.
            # They are rendered all the same: keep them (the project store takes blocks in any order).
            for index in sorted(set(err.completed) - reported):
                report(err.completed[index])
            return
        except ClusterBlockFailed as err:
            raise BlockFailed(getattr(err, "index", -1), str(err)) from None
        except ClusterError as err:
            raise ProjectError(str(err)) from None


def make_ray_renderer(args) -> RayRenderer:
    """The renderer for `project render --ray [ADDRESS] [--ray-actors N]`."""
    return RayRenderer(
        args.model,
        address=args.ray or None,
        num_actors=args.ray_actors,
        device=args.device,
        text_normalizer=args.normalizer,
        on_event=lambda line: print(f"ray: {line}", file=sys.stderr),
    )
