"""A tiny Chrome DevTools protocol client over --remote-debugging-pipe (no sockets).

Used by the browser test: open an exported HTML file in headless Chromium, record every
network request and console message, inject axe-core through DevTools (the page itself
forbids scripts), and print to PDF with the page's own CSS page size.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--remote-debugging-pipe"]
DEADLINE = 120.0  # seconds: generous, the machine may be busy


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    def __init__(self, executable: str):
        self.profile = tempfile.mkdtemp(prefix="checklist-tui-chromium-")
        to_child_r, self._to_child = _high(os.pipe())
        self._from_child, from_child_w = _high(os.pipe())
        # The child expects the protocol on fds 3 (commands in) and 4 (replies out).
        self.proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=_map_fds(to_child_r, from_child_w))
        os.close(to_child_r)
        os.close(from_child_w)
        self._next = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                break
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                with self._cond:
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self.events.append(message)
                    self._cond.notify_all()

    def send(self, method: str, params: dict | None = None, session: str | None = None
             ) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        with self._cond:
            if not self._cond.wait_for(lambda: ident in self._replies, DEADLINE):
                raise TimeoutError(f"no reply to {method} within {DEADLINE} s")
            reply = self._replies.pop(ident)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str) -> dict[str, Any]:
        with self._cond:
            found = self._cond.wait_for(lambda: any(
                e["method"] == method and e.get("sessionId") == session for e in self.events),
                DEADLINE)
        if not found:
            raise TimeoutError(f"no {method} within {DEADLINE} s")
        return next(e for e in self.events if e["method"] == method)

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_child, self._from_child):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


def _high(fds: tuple[int, int]) -> tuple[int, int]:
    """The pipe moved above fd 100, so that mapping it onto 3 and 4 cannot clobber it."""
    moved = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 100) for fd in fds)
    for fd in fds:
        os.close(fd)
    return moved[0], moved[1]


def _map_fds(to_child_r: int, from_child_w: int):
    def setup() -> None:
        os.dup2(to_child_r, 3)
        os.dup2(from_child_w, 4)
    return setup


def check_page(browser: Browser, html: Path, axe_js: str, pdf: Path) -> dict[str, Any]:
    """Open ``html``; return requests, scripts, console messages, axe violations; print PDF."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target,
                                                     "flatten": True})["sessionId"]
    for domain in ("Page", "Network", "Runtime", "Log"):
        browser.send(f"{domain}.enable", session=session)
    start = len(browser.events)
    browser.send("Page.navigate", {"url": html.as_uri()}, session=session)
    browser.wait_event("Page.loadEventFired", session)
    time.sleep(0)  # events so far belong to the page alone
    page_events = [e for e in browser.events[start:] if e.get("sessionId") == session]
    requests = [e["params"]["request"]["url"] for e in page_events
                if e["method"] == "Network.requestWillBeSent"]
    console = [e["params"] for e in page_events
               if e["method"] in ("Runtime.consoleAPICalled", "Log.entryAdded")]

    def evaluate(expression: str) -> Any:
        result = browser.send("Runtime.evaluate", {
            "expression": expression, "awaitPromise": True, "returnByValue": True},
            session=session)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    scripts = evaluate("document.scripts.length + document.querySelectorAll("
                       "'[onload],[onerror],[onclick],iframe,object,embed').length")
    resources = evaluate("performance.getEntriesByType('resource').length")
    evaluate(axe_js)
    violations = evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
        "v => ({id: v.id, impact: v.impact, help: v.help, "
        "nodes: v.nodes.map(n => n.target.join(' '))})))")
    data = browser.send("Page.printToPDF", {"preferCSSPageSize": True,
                                            "printBackground": True}, session=session)["data"]
    pdf.write_bytes(base64.b64decode(data))
    browser.send("Target.closeTarget", {"targetId": target})
    return {"requests": requests, "console": console, "scripts": scripts,
            "resources": resources, "violations": violations}
