"""Project renders spread over a Ray cluster (optional extra: `pip install 'voice-studio[cluster]'`).

    from studio.cluster import render_blocks
    results = render_blocks(model_dir, jobs, address="auto", num_actors=4, on_result=save)

Each Ray actor holds one loaded engine and runs `studio.engine.blockjob.synthesize_block`, so a
block renders to the same samples as on one machine. No Qt; Ray is imported only when used.
"""

from studio.cluster.render import (
    INSTALL_HINT,
    BlockFailed,
    ClusterError,
    ClusterUnavailable,
    RenderCancelled,
    import_ray,
    render_blocks,
)

__all__ = [
    "INSTALL_HINT",
    "BlockFailed",
    "ClusterError",
    "ClusterUnavailable",
    "RenderCancelled",
    "import_ray",
    "render_blocks",
]
