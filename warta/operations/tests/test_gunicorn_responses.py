"""A response leaves a web node in one piece: header and body in a single send.

The multi-node test (tests/multinode) kills a node under load and counts on it;
this pins the mechanism on a real socket pair with gunicorn's own request parser.
"""

from __future__ import annotations

import runpy
import socket
from pathlib import Path

import pytest
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.parser import RequestParser

from warta.operations.gunicorn_responses import WholeResponse

DEPLOY_CONF = Path(__file__).resolve().parents[3] / "deploy" / "gunicorn.conf.py"


class RecordingSocket:
    """The real socket, with every ``sendall`` noted."""

    def __init__(self, sock):
        self.sock = sock
        self.sent: list[bytes] = []

    def sendall(self, data):
        self.sent.append(bytes(data))
        self.sock.sendall(data)

    def __getattr__(self, name):
        return getattr(self.sock, name)


@pytest.fixture
def exchange():
    """A parsed GET request on one end of a socket pair; the reader's end."""
    server, reader = socket.socketpair()
    reader.sendall(b"GET /berita HTTP/1.1\r\nHost: warta.test\r\n\r\n")
    cfg = Config()
    request = next(iter(RequestParser(cfg, server, ("127.0.0.1", 5000))))
    yield cfg, request, RecordingSocket(server), reader
    server.close()
    reader.close()


def _received(reader) -> bytes:
    reader.settimeout(2)
    return reader.recv(1 << 20)


def test_gunicorn_alone_sends_the_header_on_its_own(exchange):
    """Why the class exists: a node killed between these two sends leaves nginx
    with a header it has passed on and cannot retry."""
    cfg, request, sock, reader = exchange
    response = wsgi.Response(request, sock, cfg)
    response.start_response("200 OK", [("Content-Length", "12")])
    response.write(b"Isi halaman.")
    response.close()
    assert len(sock.sent) == 2
    assert sock.sent[0].startswith(b"HTTP/1.1 200 OK") and sock.sent[1] == b"Isi halaman."


def test_a_page_goes_out_in_one_send(exchange):
    cfg, request, sock, reader = exchange
    response = WholeResponse(request, sock, cfg)
    response.start_response("200 OK", [("Content-Length", "12")])
    response.write(b"Isi halaman.")
    response.close()
    assert len(sock.sent) == 1
    assert sock.sent[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert sock.sent[0].endswith(b"\r\n\r\nIsi halaman.")
    assert _received(reader) == sock.sent[0]


def test_a_response_without_body_is_still_sent(exchange):
    cfg, request, sock, reader = exchange
    response = WholeResponse(request, sock, cfg)
    response.start_response("304 Not Modified", [])
    response.close()
    assert len(sock.sent) == 1
    assert _received(reader).startswith(b"HTTP/1.1 304 Not Modified\r\n")


def test_a_body_in_several_pieces_keeps_its_order(exchange):
    cfg, request, sock, reader = exchange
    response = WholeResponse(request, sock, cfg)
    response.start_response("200 OK", [("Content-Length", "7")])
    for piece in (b"sat", b"udu", b"a"):
        response.write(piece)
    response.close()
    assert sock.sent[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert sock.sent[0].endswith(b"\r\n\r\nsat")
    assert sock.sent[1:] == [b"udu", b"a"]
    assert _received(reader).endswith(b"\r\n\r\nsatudua")


def test_the_deploy_configuration_installs_it(monkeypatch):
    monkeypatch.setattr(wsgi, "Response", wsgi.Response)  # restored after the test
    runpy.run_path(str(DEPLOY_CONF))
    assert wsgi.Response is WholeResponse
