"""The system's Firefox (``firefox-esr`` on Debian), driven over WebDriver BiDi, the W3C protocol it speaks itself.

Playwright drives only its own patched Firefox builds (its support for a stock
Firefox over BiDi asks the browser for commands the ESR does not have yet), and
Selenium needs geckodriver, which no system package provides. Firefox needs
neither: started with ``--remote-debugging-port`` it listens for WebDriver
BiDi on a WebSocket. This is a small client for the few commands the tests use:
open a page, run a script, click and type with real input events, and record
every request, console error and dialog the page causes.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
from typing import Any

from tests.browser import installed

#: Where Debian and others put Firefox; ``ARGMAP_FIREFOX`` names another.
CANDIDATES = ("firefox-esr", "firefox", "/usr/lib/firefox-esr/firefox-esr")
#: WebDriver's key for Enter.
ENTER = "\ue007"
#: A profile that starts quietly and never reaches out by itself.
PREFERENCES = {
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.page": 0,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.newtabpage.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "browser.region.network.url": "",
    "remote.prefs.recommended": True,
}
_LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def firefox() -> str | None:
    """The path of a Firefox binary, or None."""
    return installed("ARGMAP_FIREFOX", CANDIDATES)


class BidiError(RuntimeError):
    """A command the browser refused."""


class Firefox:
    """A headless Firefox and one tab of it.

    Attributes:
        requests: the URL of every request the tab made.
        errors: every console error and uncaught exception.
        dialogs: the message of every alert, confirm or prompt (each dismissed).
    """

    def __init__(self, binary: str, width: int = 1200, height: int = 800) -> None:
        from websockets.sync.client import connect

        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self._profile = tempfile.mkdtemp(prefix="argmap-firefox-")
        with open(os.path.join(self._profile, "user.js"), "w", encoding="utf-8") as prefs:
            prefs.writelines(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFERENCES.items())
        command = [binary, "--headless", "--remote-debugging-port=0", "--profile", self._profile, "--no-remote"]
        self._process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        self._resources = contextlib.ExitStack()
        self._socket = self._resources.enter_context(
            connect(self._endpoint() + "/session", max_size=None, open_timeout=30)
        )
        self._next = 0
        self._answers: dict[int, dict[str, Any]] = {}
        self._arrived = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.command("session.new", {"capabilities": {"alwaysMatch": {"unhandledPromptBehavior": "ignore"}}})
        self.context = self.command("browsingContext.getTree", {"maxDepth": 0})["contexts"][0]["context"]
        events = ["network.beforeRequestSent", "log.entryAdded", "browsingContext.userPromptOpened"]
        self.command("session.subscribe", {"events": events})
        self.command(
            "browsingContext.setViewport", {"context": self.context, "viewport": {"width": width, "height": height}}
        )

    def _endpoint(self, timeout: float = 60.0) -> str:
        """The WebSocket address Firefox prints once it listens (its log is read, and drained, by a thread)."""
        found: queue.Queue[str] = queue.Queue()
        seen: list[str] = []

        def read_log() -> None:
            assert self._process.stderr is not None
            for line in self._process.stderr:
                seen.append(line)
                listening = _LISTENING.search(line)
                if listening:
                    found.put(listening.group(1))
            found.put("")  # Firefox has stopped

        threading.Thread(target=read_log, daemon=True).start()
        try:
            address = found.get(timeout=timeout)
        except queue.Empty:
            address = ""
        if not address:
            self._process.kill()
            self._process.wait()
            shutil.rmtree(self._profile, ignore_errors=True)
            raise BidiError("Firefox did not start listening: " + "".join(seen[-5:]))
        return address

    def _read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        while True:
            try:
                raw = self._socket.recv()
            except ConnectionClosed:
                return
            message = json.loads(raw)
            if "id" in message and message.get("type") != "event":
                with self._arrived:
                    self._answers[message["id"]] = message
                    self._arrived.notify_all()
            else:
                self._event(message.get("method", ""), message.get("params", {}))

    def _event(self, method: str, params: dict[str, Any]) -> None:
        if method == "network.beforeRequestSent":
            self.requests.append(params["request"]["url"])
        elif method == "log.entryAdded" and params.get("level") == "error":
            self.errors.append(str(params.get("text")))
        elif method == "browsingContext.userPromptOpened":
            self.dialogs.append(str(params.get("message")))
            threading.Thread(
                target=self.command,
                args=("browsingContext.handleUserPrompt", {"context": params["context"], "accept": False}),
                daemon=True,
            ).start()

    def command(self, method: str, params: dict[str, Any], timeout: float = 60.0) -> dict[str, Any]:
        """Send one command; its result."""
        with self._arrived:
            self._next += 1
            ident = self._next
        self._socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        with self._arrived:
            if not self._arrived.wait_for(lambda: ident in self._answers, timeout):
                raise BidiError(f"{method}: no answer in {timeout} s")
            answer = self._answers.pop(ident)
        if answer.get("type") == "error":
            raise BidiError(f"{method}: {answer.get('error')}: {answer.get('message')}")
        result: dict[str, Any] = answer.get("result", {})
        return result

    def open(self, url: str) -> None:
        """Go to ``url`` and wait for its load event."""
        self.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def evaluate(self, expression: str) -> Any:
        """The value of a script expression (anything JSON can carry), awaited if it is a promise."""
        wrapped = f"(async () => JSON.stringify(await ({expression})))()"
        result = self.command(
            "script.evaluate",
            {"expression": wrapped, "target": {"context": self.context}, "awaitPromise": True},
        )
        if result.get("type") == "exception":
            raise BidiError(f"{expression}: {result['exceptionDetails'].get('text')}")
        text = result["result"].get("value")
        return None if text is None else json.loads(text)

    def wait_for(self, expression: str, timeout: float = 30.0) -> None:
        """Wait until a script expression is true."""
        script = (
            f"new Promise((done, fail) => {{ const until = Date.now() + {int(timeout * 1000)};"
            f" (function poll() {{ if ({expression}) done(true);"
            f" else if (Date.now() > until) fail(new Error('timed out'));"
            f" else setTimeout(poll, 20); }})(); }})"
        )
        self.evaluate(script)

    def click(self, x: float, y: float) -> None:
        """A real mouse click at a point of the page."""
        actions = [
            {"type": "pointerMove", "x": round(x), "y": round(y)},
            {"type": "pointerDown", "button": 0},
            {"type": "pointerUp", "button": 0},
        ]
        self._perform([{"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": actions}])

    def click_on(self, selector: str) -> None:
        """A real mouse click at the centre of the first element ``selector`` finds."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
        )
        self.click(box["x"], box["y"])

    def type(self, text: str) -> None:
        """Real key presses for each character of ``text`` (``ENTER`` for Enter)."""
        actions = []
        for key in text:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self._perform([{"type": "key", "id": "keyboard", "actions": actions}])

    def _perform(self, actions: list[dict[str, Any]]) -> None:
        self.command("input.performActions", {"context": self.context, "actions": actions})
        self.command("input.releaseActions", {"context": self.context})

    def close(self) -> None:
        """Close the browser and remove its profile."""
        try:
            self.command("browser.close", {}, timeout=10)
        except (BidiError, OSError):
            pass
        finally:
            self._resources.close()
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            shutil.rmtree(self._profile, ignore_errors=True)
