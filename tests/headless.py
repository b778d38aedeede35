"""Headless Chromium for the HTML tests, driven over the DevTools protocol on a pipe.

``--remote-debugging-pipe`` makes Chromium read commands from file descriptor 3 and write
replies and events to 4, NUL-separated JSON: no port is opened, and nothing beyond the
standard library is needed. The page records every network request, console message,
exception and JavaScript dialog, so a test can assert that there were none.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# quiet, offline, throwaway: no first-run dialogs, no update or sync traffic, no GPU
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
)
EXECUTABLES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT = 30.0
_BASH = shutil.which("bash") or "/bin/bash"  # dash cannot redirect descriptors above 9


def find_chromium() -> str | None:
    for name in EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


class BrowserError(RuntimeError):
    pass


@dataclass
class Page:
    """One tab, and everything it did since it was opened."""

    browser: Chromium
    session: str
    target: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)  # (level, text)
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    loaded: bool = False

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def navigate(self, url: str) -> None:
        self.loaded = False
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise BrowserError(f"cannot open {url}: {reply['errorText']}")
        self.browser.wait_until(lambda: self.loaded)

    def evaluate(self, expression: str):
        reply = self.send("Runtime.evaluate", {"expression": expression,
                                               "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in reply:
            raise BrowserError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (of its first line, for a link
        that wraps), as a user would make it."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " return [r.x + r.width / 2, r.y + r.height / 2, r.width * r.height]; })()")
        x, y, area = box
        if not area:
            raise BrowserError(f"{selector} is not visible")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y,
                                                   "button": "left", "clickCount": 1})

    def screenshot(self, path: Path, width: int = 1366) -> bytes:
        """A PNG of the whole page at ``width`` CSS pixels."""
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False}
        self.send("Emulation.setDeviceMetricsOverride", metrics)  # lay out at this width
        height = self.evaluate("document.documentElement.scrollHeight")
        metrics["height"] = min(int(height), 8000)
        self.send("Emulation.setDeviceMetricsOverride", metrics)
        data = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        path.write_bytes(data)
        return data

    def close(self) -> None:
        self.browser.close_page(self)

    def _event(self, method: str, params: dict) -> None:
        if method == "Page.loadEventFired":
            self.loaded = True
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
            self.console.append((params["type"], text))
        elif method == "Log.entryAdded":
            self.console.append((params["entry"]["level"], params["entry"]["text"]))
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(json.dumps(params["exceptionDetails"]))
        elif method == "Page.javascriptDialogOpening":
            self.dialogs.append(params.get("message", ""))
            self.send("Page.handleJavaScriptDialog", {"accept": True})


def _high_pipe() -> tuple[int, int]:
    """A pipe on descriptors above 9, clear of the 3 and 4 they are moved to."""
    read, write = os.pipe()
    high = (fcntl.fcntl(read, fcntl.F_DUPFD_CLOEXEC, 10),
            fcntl.fcntl(write, fcntl.F_DUPFD_CLOEXEC, 10))
    os.close(read)
    os.close(write)
    return high


class Chromium:
    """A headless Chromium with a fresh profile, for the length of a test session."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="checker-chromium-")
        commands_read, self._commands = _high_pipe()
        self._replies, replies_write = _high_pipe()
        # bash puts the pipes on descriptors 3 and 4 and becomes Chromium: no Python
        # runs between fork and exec (a preexec_fn could deadlock beside other threads)
        redirect = (f'exec "$@" 3<&{commands_read} 4>&{replies_write} '
                    f"{commands_read}<&- {replies_write}>&-")
        self.log = Path(self.profile) / "chromium.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [_BASH, "-c", redirect, "bash", executable, *FLAGS,
                 f"--user-data-dir={self.profile}", "about:blank"],
                pass_fds=(commands_read, replies_write), stdin=subprocess.DEVNULL,
                stdout=log, stderr=log)
        os.close(commands_read)
        os.close(replies_write)
        self._buffer = b""
        self._next_id = 0
        self._replies_by_id: dict[int, dict] = {}
        self._pages: dict[str, Page] = {}

    # ------------------------------------------------------------ protocol

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        number = self._next_id
        message: dict = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode("utf-8") + b"\0")
        self.wait_until(lambda: number in self._replies_by_id)
        reply = self._replies_by_id.pop(number)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_until(self, condition, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("Chromium did not answer in time")
            ready, _, _ = select.select([self._replies], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._replies, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium exited: {self.log.read_text(errors='replace')}")
            self._buffer += chunk
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                self._dispatch(json.loads(raw))

    def _dispatch(self, message: dict) -> None:
        if "id" in message:
            self._replies_by_id[message["id"]] = message
            return
        page = self._pages.get(message.get("sessionId", ""))
        if page is not None:
            page._event(message["method"], message.get("params", {}))

    # ------------------------------------------------------------ pages

    def new_page(self, javascript: bool = True) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target,
                                                      "flatten": True})["sessionId"]
        page = Page(self, session, target)
        self._pages[session] = page
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.send(f"{domain}.enable")
        if not javascript:
            page.send("Emulation.setScriptExecutionDisabled", {"value": True})
        return page

    def close_page(self, page: Page) -> None:
        self.send("Target.closeTarget", {"targetId": page.target})
        self._pages.pop(page.session, None)

    def close(self) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for descriptor in (self._commands, self._replies):
            with contextlib.suppress(OSError):
                os.close(descriptor)
        shutil.rmtree(self.profile, ignore_errors=True)
