"""The webhook POST, against a real HTTP server on loopback: the JSON arrives, a busy server is tried
again, a refusal is final, an address the guard refuses is never contacted, and nothing raises."""

from __future__ import annotations

import json

from pytest_httpserver import HTTPServer

from ingest.netguard import AddressPolicy
from ingest.webhook import post_json

LOOPBACK = AddressPolicy(allow_private=True)
DOCUMENT = {"list": "kaluga", "items": 2, "top": [{"title": "Самсунг → Калуга"}]}


def _no_wait(seconds: float) -> None:
    assert 0 < seconds <= 1


def test_the_json_arrives(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook", method="POST").respond_with_json({"ok": True})
    delivery = post_json(httpserver.url_for("/hook"), DOCUMENT, LOOPBACK, sleep=_no_wait)
    assert delivery.as_dict() == {"status": "sent", "http_status": 200, "attempts": 1, "error": None}
    ((request, _),) = httpserver.log
    assert json.loads(request.get_data()) == DOCUMENT
    assert request.headers["Content-Type"] == "application/json"


def test_a_busy_server_is_tried_again(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/hook").respond_with_data("busy", status=503)
    httpserver.expect_oneshot_request("/hook").respond_with_data("slow down", status=429)
    httpserver.expect_request("/hook").respond_with_data("", status=204)
    delivery = post_json(httpserver.url_for("/hook"), DOCUMENT, LOOPBACK, retries=2, sleep=_no_wait)
    assert (delivery.status, delivery.http_status, delivery.attempts) == ("sent", 204, 3)


def test_retries_run_out(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook").respond_with_data("down", status=502)
    delivery = post_json(httpserver.url_for("/hook"), DOCUMENT, LOOPBACK, retries=1, sleep=_no_wait)
    assert delivery.as_dict() == {
        "status": "failed",
        "http_status": 502,
        "attempts": 2,
        "error": "HTTP 502 BAD GATEWAY",
    }


def test_a_refusal_is_final(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook").respond_with_data("no", status=404)
    delivery = post_json(httpserver.url_for("/hook"), DOCUMENT, LOOPBACK, retries=3, sleep=_no_wait)
    assert (delivery.status, delivery.attempts, delivery.error) == ("failed", 1, "HTTP 404 NOT FOUND")


def test_a_loopback_webhook_is_refused_unless_allowed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hook").respond_with_json({})
    delivery = post_json(httpserver.url_for("/hook"), DOCUMENT, AddressPolicy(), sleep=_no_wait)
    assert delivery.status == "failed" and delivery.error.startswith("blocked: ")
    assert "allow_private_networks" in delivery.error
    assert httpserver.log == []


def test_a_server_that_is_gone_is_a_failure_not_an_exception() -> None:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    url = server.url_for("/hook")
    server.stop()
    delivery = post_json(url, DOCUMENT, LOOPBACK, retries=2, sleep=_no_wait)
    assert (delivery.status, delivery.http_status, delivery.attempts) == ("failed", None, 3)
    assert delivery.error.startswith("ConnectError")
