"""Run the API under uvicorn, with one worker or several sharing one listening socket."""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess

APP = "api.main:app"


class TcpConfig(uvicorn.Config):
    """uvicorn's configuration, binding its listening socket as TCP.

    With several workers uvicorn 0.54 binds the socket itself with protocol 0; asyncio then leaves
    Nagle's algorithm on for accepted connections, and every keep-alive response after the first
    waits about 40 ms for the client's delayed ACK (uvicorn issue #3149). Binding with
    ``IPPROTO_TCP`` lets asyncio set ``TCP_NODELAY`` as it does for a single worker.
    """

    def bind_socket(self) -> socket.socket:
        if self.uds or self.fd is not None:
            return super().bind_socket()
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.set_inheritable(True)
        return sock


def run(host: str, port: int, workers: int = 1, log_level: str = "info") -> None:
    """Serve :data:`APP` on ``host``:``port`` until interrupted."""
    config = TcpConfig(APP, host=host, port=port, workers=workers, log_level=log_level)
    if config.workers > 1:
        Multiprocess(config, sockets=[config.bind_socket()]).run()
    else:
        uvicorn.Server(config).run()
