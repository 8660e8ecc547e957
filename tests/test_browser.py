"""The rendered site in a real headless Chromium: no console errors, no sideways scrolling.

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-separated JSON) with the standard library only. Each page
is loaded at 1280 px and at 390 px; a screenshot of each at 1280 px is checked to
be a PNG that is not blank. Set ``WSG_SCREENSHOTS=DIR`` to keep the screenshots.
"""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_wsg

CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
        if p and os.path.exists(p)
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (Debian package 'chromium')"
)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]
PAGES = [
    "index.html",
    "events/2027-03-ai-accessibility-forum-geneva.html",
    "events/2026-03-ai-watermarking.html",
    "summary/2026.html",
    "groups/wsg.html",
    "themes.html",
]
WIDTHS = (1280, 390)
DEADLINE_SECONDS = 45


class DevTools:
    """Just enough of the DevTools protocol: commands, and the events seen meanwhile."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser_read, self._to_browser = (_above_4(fd) for fd in os.pipe())
        self._from_browser, from_browser_write = (_above_4(fd) for fd in os.pipe())

        def wire_pipes() -> None:  # in the child: Chromium reads fd 3 and writes fd 4
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes,
            close_fds=False,
            env={**os.environ, "TZ": "America/New_York", "LANG": "en_US.UTF-8"},
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.deadline = time.monotonic() + DEADLINE_SECONDS
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if self.session is not None:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise AssertionError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        while True:
            for index, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(index)
            self.events.append(self._read())

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise AssertionError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise AssertionError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def close(self) -> None:
        try:
            self.session = None
            self.send("Browser.close")
        except (AssertionError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


def _above_4(fd: int) -> int:
    """Move a pipe end above 4, so that the child's dup2 onto 3 and 4 clobbers nothing."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return moved


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    result = run_wsg(
        "render", "site", "--out", str(out), "--data", str(ROOT / "data"), "--today", "2026-11-28"
    )
    assert result.code == 0, result.err
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    assert CHROMIUM is not None
    tools = DevTools(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    try:
        target = tools.send("Target.createTarget", url="about:blank")["targetId"]
        tools.session = tools.send("Target.attachToTarget", targetId=target, flatten=True)[
            "sessionId"
        ]
        for domain in ("Page", "Runtime", "Log"):
            tools.send(f"{domain}.enable")
        yield tools
    finally:
        tools.close()


def load(browser: DevTools, url: str, width: int, height: int) -> list[str]:
    """Open ``url`` at that window size; return the errors it logged while loading."""
    browser.events.clear()
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    browser.send("Page.navigate", url=url)
    browser.wait_for("Page.loadEventFired")
    browser.send("Runtime.evaluate", expression="1", awaitPromise=True)  # let scripts settle
    errors = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(json.dumps(params["exceptionDetails"])[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(json.dumps(params.get("args"))[:300])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append(params["entry"].get("text", ""))
    return errors


def evaluate(browser: DevTools, expression: str) -> Any:
    reply = browser.send("Runtime.evaluate", expression=expression, returnByValue=True)
    return reply["result"].get("value")


def png_is_not_blank(data: bytes, width: int) -> bool:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">I", data[16:20])[0] == width
    chunks, offset = [], 8
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    pixels = zlib.decompress(b"".join(chunks))
    return len(set(pixels)) > 32  # a blank page has only a handful of distinct bytes


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_without_errors_and_never_scrolls_sideways(
    browser: DevTools, site: Path, page: str
) -> None:
    url = (site / page).as_uri()
    for width in WIDTHS:
        assert load(browser, url, width, 900) == [], (page, width)
        assert evaluate(browser, "document.styleSheets.length") == 1, "the stylesheet loaded"
        # not innerWidth: a mobile viewport widens itself to content that overflows
        overflow = evaluate(browser, "document.documentElement.scrollWidth") - width
        assert overflow <= 0, f"{page} is {overflow} px too wide at {width} px"


def test_agenda_script_adds_the_viewers_local_time(browser: DevTools, site: Path) -> None:
    url = (site / "events/2026-03-ai-watermarking.html").as_uri()
    assert load(browser, url, 1280, 900) == []
    first = evaluate(browser, "document.querySelector('.viewer-time').textContent")
    # 09:30 CET (UTC+01:00) is 04:30 EDT in New York: US summer time began on 8 March 2026
    assert first == "(your time: 04:30–05:00 EDT)"


def test_screenshots_are_not_blank(browser: DevTools, site: Path, tmp_path: Path) -> None:
    keep = Path(os.environ["WSG_SCREENSHOTS"]) if os.environ.get("WSG_SCREENSHOTS") else tmp_path
    keep.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        for width, height in ((1280, 2000), (390, 1600)):
            assert load(browser, (site / page).as_uri(), width, height) == []
            shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
            assert png_is_not_blank(shot, width), page
            name = page.replace("/", "_").removesuffix(".html")
            (keep / f"{name}-{width}.png").write_bytes(shot)
