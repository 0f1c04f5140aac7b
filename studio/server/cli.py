"""`voice-studio serve`: the local speech API (OpenAI's /v1/audio/speech) over the voice library.

    voice-studio serve --model DIR [--library DIR] [--host 127.0.0.1] [--port 8000] [--api-key KEY]

Loads the model once, then serves until Ctrl+C or SIGTERM, which stop it gracefully (exit code 0).
The line "Voice Studio speech API: URL/v1/audio/speech" on stderr says where it listens. Errors are
one line on stderr with exit code 2 (settings, address) or 1 (model, library).
"""

from __future__ import annotations

import argparse
import sys

from studio.server.settings import API_KEY_ENV, DEFAULT_HOST, DEFAULT_PORT


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve",
        help="serve the library's voices on a local speech API (OpenAI /v1/audio/speech)",
        description="Serve the voice library on an OpenAI-compatible speech API. Binds 127.0.0.1 by "
        "default; any other address needs --api-key.",
    )
    p.add_argument("--model", required=True, metavar="DIR", help="CosyVoice model folder to load")
    p.add_argument("--library", metavar="DIR", help="the voice library folder (default: per user)")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    p.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port (default {DEFAULT_PORT}; 0: any free port, printed at start)",
    )
    p.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"require 'Authorization: Bearer KEY' (default: ${API_KEY_ENV}; needed off this computer)",
    )
    p.add_argument("--device", help="cpu, cuda or cuda:N (default: CUDA if available)")
    p.add_argument(
        "--max-queue", type=int, default=16, metavar="N", help="requests queued at once before 429 (16)"
    )
    p.add_argument(
        "--normalizer", default="wetext", choices=["wetext", "rules", "none"], help="text normalization"
    )
    p.set_defaults(func=run)


def _fail(message: str, code: int = 1) -> int:
    print(f"voice-studio: error: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from studio.server.settings import ServerConfigError, ServerSettings, key_from_env

    settings = ServerSettings(
        host=args.host, port=args.port, api_key=args.api_key or key_from_env(), max_queue=args.max_queue
    )
    try:
        settings.checked()
    except ServerConfigError as err:
        return _fail(str(err), 2)

    from studio.engine.worker import EngineWorker, Failed, Loaded, Progress
    from studio.library import Library, LibraryError
    from studio.server.runner import ApiServer, ServerStartError
    from studio.server.service import SpeechService

    try:
        library = Library.open(args.library)
    except LibraryError as err:
        return _fail(str(err))
    worker = EngineWorker()
    try:
        print(f"Loading {args.model} ...", file=sys.stderr, flush=True)
        result = None
        for event in worker.load(args.model, device=args.device, text_normalizer=args.normalizer).events():
            if isinstance(event, Progress):
                continue
            result = event
        if isinstance(result, Failed):
            return _fail(result.message)
        assert isinstance(result, Loaded)
        service = SpeechService(worker, library, max_queue=settings.max_queue)
        try:
            server = ApiServer(service, settings, log_level="info")
            server.bind()  # a port in use fails here, and --port 0 prints the port it got
            print(
                f"Voice Studio speech API: {server.url}/v1/audio/speech  "
                f"({result.family} on {result.device}, library {library.root})",
                file=sys.stderr,
                flush=True,
            )
            if settings.api_key:
                print("Requests must send 'Authorization: Bearer <your key>'.", file=sys.stderr, flush=True)
            server.run()
        except ServerStartError as err:
            return _fail(str(err), 2)
    except KeyboardInterrupt:  # Ctrl+C while the model loads (once serving, uvicorn stops gracefully)
        print("voice-studio: interrupted.", file=sys.stderr)
        return 130
    finally:
        worker.shutdown(timeout=5.0)
        library.close()
    return 0
