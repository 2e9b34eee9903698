"""A web node that dies never leaves nginx holding half a response.

gunicorn writes a response's header and its body in two ``sendall`` calls. A node
killed between them (a crash, the OOM killer, SIGKILL) has sent nginx a header and
no body: nginx has already passed the header on to the reader, cannot retry the
request on another node, and the reader gets a truncated page. With the header
held back and sent in the same ``sendall`` as the first body bytes, a node dies
either before a response (nginx gets a reset with nothing read and retries on the
next node: ``proxy_next_upstream error``) or after it was handed whole to the kernel,
for all of a page, which Warta renders into one piece.

``install()`` is called by ``deploy/gunicorn.conf.py``; it swaps gunicorn's
``Response`` class (looked up by name when each response is made) for ours.
"""

from __future__ import annotations

from gunicorn.http import wsgi


class HeldHeaderSocket:
    """A client socket whose first ``sendall`` (the header) waits for the next one.

    Anything else asked of the socket sends what is held first, so nothing written
    can be reordered or lost.
    """

    def __init__(self, sock):
        self._sock = sock
        self._held: bytes | None = None
        self._first = True

    def sendall(self, data) -> None:
        if self._first:
            self._first = False
            self._held = bytes(data)
            return
        if self._held is not None:
            data, self._held = self._held + bytes(data), None
        self._sock.sendall(data)

    def flush(self) -> None:
        if self._held is not None:
            held, self._held = self._held, None
            self._sock.sendall(held)

    def __getattr__(self, name):
        # sendfile, send, fileno, close, ...: the held header goes out first.
        self.flush()
        return getattr(self._sock, name)


class WholeResponse(wsgi.Response):
    """gunicorn's response, writing its header together with the first body bytes."""

    def __init__(self, req, sock, cfg, *args, **kwargs):
        super().__init__(req, HeldHeaderSocket(sock), cfg, *args, **kwargs)

    def close(self):
        super().close()
        self.sock.flush()  # a response without body bytes (304, HEAD, empty)


def install() -> None:
    wsgi.Response = WholeResponse
