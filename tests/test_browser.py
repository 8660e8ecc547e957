"""The rendered site in a real headless Chromium, as its readers get it.

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-separated JSON) with the standard library only. Every page
kind is loaded at 1280, 390 and 320 px and checked for: console errors, failed
requests, sideways scrolling, tables or scroll boxes wider than the screen, and
axe-core (``tests/browser``: the npm package, pinned; ``npm ci`` there installs it)
with the WCAG 2.2 A/AA and best-practice rules, no violation of any impact allowed.
Keyboard focus is walked with real Tab presses and its ring measured against what
is behind it; print is checked in print media and in a PDF.

Set ``WSG_SCREENSHOTS=DIR`` to keep full-page screenshots (cut into screen-sized
pieces): CI keeps them as artifacts. Under ``CI`` a missing Chromium or axe-core
fails the run instead of skipping it.
"""

# The rendered text uses the en dash (09:30–10:00) on purpose.
# ruff: noqa: RUF001, RUF003

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
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

from tests.conftest import ROOT, run_wsg, skip_or_fail

CHROMIUM = next(
    (
        p
        for p in (shutil.which("chromium"), "/usr/bin/chromium", shutil.which("chromium-browser"))
        if p and os.path.exists(p)
    ),
    None,
)
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

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
TODAY = "2026-11-28"
PAGES = [
    "index.html",
    "events/2026-03-ai-watermarking.html",  # held, full programme with parallel rooms
    "events/2027-03-ai-accessibility-forum-geneva.html",  # upcoming, clocks change mid-event
    "events/2026-10-security-trust-muscat.html",  # cancelled
    "events/2026-09-qos-digital-inclusion-suva.html",  # postponed
    "groups/wsg.html",
    "groups/index.html",
    "summary/2026.html",
    "summary/2027.html",  # a year that has not started
    "themes.html",
    "years/2026.html",
    "topics.html",
    "summary/2026-resolution-53.html",
]
WIDTHS = (1280, 390, 320)
HEIGHT = 900
DEADLINE_SECONDS = 120


def _missing() -> str | None:
    if CHROMIUM is None:
        return "headless Chromium is not installed (Debian package 'chromium')"
    if not AXE.is_file():
        return "axe-core is not installed: run 'npm ci' in tests/browser"
    return None


@pytest.fixture(scope="module", autouse=True)
def _requirements() -> None:
    """Skip on a developer's machine without them; fail in CI, where they must be."""
    missing = _missing()
    if missing is not None:
        skip_or_fail(missing)


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
        deadline = time.monotonic() + DEADLINE_SECONDS
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
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
        "render", "site", "--out", str(out), "--data", str(ROOT / "data"), "--today", TODAY
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
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.send(f"{domain}.enable")
        yield tools
    finally:
        tools.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def load(browser: DevTools, url: str, width: int, height: int = HEIGHT) -> list[str]:
    """Open ``url`` at that window size; return the errors and failed requests of loading."""
    browser.send("Emulation.setEmulatedMedia", media="screen")
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=width,
        height=height,
        deviceScaleFactor=1,
        mobile=width < 600,
    )
    browser.events.clear()
    browser.send("Page.navigate", url=url)
    browser.wait_for("Page.loadEventFired")
    browser.send("Runtime.evaluate", expression="1", awaitPromise=True)  # let scripts settle
    problems = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append(json.dumps(params["exceptionDetails"])[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append(json.dumps(params.get("args"))[:300])
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append(params["entry"].get("text", ""))
        elif method == "Network.loadingFailed":
            problems.append(f"request failed: {params.get('errorText')} ({params.get('type')})")
        elif method == "Network.responseReceived" and params["response"].get("status", 0) >= 400:
            problems.append(f"HTTP {params['response']['status']}: {params['response']['url']}")
        elif method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if not requested.startswith(("file:", "data:")):
                problems.append(f"request outside the site: {requested}")
    return problems


def evaluate(browser: DevTools, expression: str, wait: bool = False) -> Any:
    reply = browser.send(
        "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=wait
    )
    if "exceptionDetails" in reply:
        raise AssertionError(json.dumps(reply["exceptionDetails"])[:500])
    return reply["result"].get("value")


# What is wider than the screen: the page, a table, or a box that scrolls sideways.
OVERFLOW = """(() => {
  const width = %d, found = [];
  const page = document.documentElement.scrollWidth;
  if (page > width) found.push("the page is " + page + " px wide");
  for (const table of document.querySelectorAll("table")) {
    const box = table.getBoundingClientRect();
    if (box.left < -0.5 || box.right > width + 0.5)
      found.push("table '" + (table.caption ? table.caption.textContent : "") + "' spans "
                 + Math.round(box.left) + ".." + Math.round(box.right));
  }
  for (const el of document.querySelectorAll("body *")) {
    const style = getComputedStyle(el);
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      found.push(el.tagName.toLowerCase() + "." + el.className + " scrolls sideways");
  }
  return found;
})()"""


def axe_violations(browser: DevTools, source: str) -> list[str]:
    evaluate(browser, source)
    options = json.dumps(
        {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    )
    found = evaluate(
        browser,
        f"axe.run(document, {options}).then(r => r.violations.map(v => "
        "v.id + ' (' + v.impact + '): ' + v.help + ' at ' + "
        "v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))",
        wait=True,
    )
    assert isinstance(found, list)
    return [str(v) for v in found]


def screenshots(browser: DevTools, name: str, width: int) -> list[bytes]:
    """The whole page, cut into pieces of at most two screens."""
    height = int(evaluate(browser, "document.documentElement.scrollHeight"))
    piece = 2 * HEIGHT
    shots = []
    for top in range(0, height, piece):
        clip = {"x": 0, "y": top, "width": width, "height": min(piece, height - top), "scale": 1}
        data = browser.send(
            "Page.captureScreenshot", format="png", clip=clip, captureBeyondViewport=True
        )["data"]
        shots.append(base64.b64decode(data))
    return shots


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
def test_page_is_accessible_and_fits_every_screen(
    browser: DevTools, site: Path, axe_source: str, page: str
) -> None:
    keep = Path(os.environ["WSG_SCREENSHOTS"]) if os.environ.get("WSG_SCREENSHOTS") else None
    url = (site / page).as_uri()
    for width in WIDTHS:
        assert load(browser, url, width) == [], (page, width)
        header = "getComputedStyle(document.querySelector('header')).backgroundColor"
        assert evaluate(browser, header) == "rgb(18, 63, 107)", "the stylesheet loaded"
        assert evaluate(browser, OVERFLOW % width) == [], (page, width)
        assert axe_violations(browser, axe_source) == [], (page, width)
        shots = screenshots(browser, page, width)
        assert png_is_not_blank(shots[0], width), (page, width)
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            name = page.replace("/", "_").removesuffix(".html")
            for number, shot in enumerate(shots, 1):
                (keep / f"{name}-{width}-{number}.png").write_bytes(shot)


def test_agenda_script_adds_the_viewers_local_time(browser: DevTools, site: Path) -> None:
    url = (site / "events/2026-03-ai-watermarking.html").as_uri()
    assert load(browser, url, 1280) == []
    first = evaluate(browser, "document.querySelector('.viewer-time').textContent")
    # 09:30 CET (UTC+01:00) is 04:30 EDT in New York: US summer time began on 8 March 2026
    assert first == "(your time: 04:30–05:00 EDT)"


def test_every_page_kind_reads_in_full_without_javascript(browser: DevTools, site: Path) -> None:
    # the script only adds the viewer's own time; with scripts off nothing else is missing
    browser.send("Emulation.setScriptExecutionDisabled", value=True)
    try:
        for page, expected in [
            ("events/2026-03-ai-watermarking.html", "09:30–10:00 CET (UTC+01:00)"),
            ("events/2026-10-security-trust-muscat.html", "Cancelled"),
            ("summary/2026.html", "Fellowships by event"),
            ("topics.html", "Countering fraud in mobile money services"),
            ("index.html", "What the statuses mean"),
        ]:
            assert load(browser, (site / page).as_uri(), 390) == [], page
            shown = evaluate(browser, "document.body.innerText")
            assert expected in shown, page
            assert "your time" not in shown, page
            assert evaluate(browser, OVERFLOW % 390) == [], page
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", value=False)


# --- keyboard focus ----------------------------------------------------------------------

FOCUSED = """(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  let behind = el.parentElement, background = "rgba(0, 0, 0, 0)";
  while (behind) {
    background = getComputedStyle(behind).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(background) && background !== "transparent") break;
    behind = behind.parentElement;
  }
  if (!behind) background = "rgb(255, 255, 255)";
  const box = el.getBoundingClientRect();
  return {what: el.tagName.toLowerCase() + " " + (el.textContent || "").trim().slice(0, 40),
          style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          color: style.outlineColor, background: background,
          visible: box.width > 0 && box.height > 0};
})()"""


def _luminance(css: str) -> float:
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def tab(browser: DevTools) -> None:
    for kind in ("keyDown", "keyUp"):
        browser.send(
            "Input.dispatchKeyEvent", type=kind, key="Tab", code="Tab", windowsVirtualKeyCode=9
        )


@pytest.mark.parametrize(
    "page", ["index.html", "events/2026-03-ai-watermarking.html", "summary/2026.html"]
)
@pytest.mark.parametrize("width", [1280, 390])
def test_every_focus_stop_shows_a_ring_of_three_to_one(
    browser: DevTools, site: Path, page: str, width: int
) -> None:
    """WCAG 1.4.11: the focus ring contrasts 3:1 with what is behind it, header included."""
    assert load(browser, (site / page).as_uri(), width) == []
    stops, seen_header = [], False
    for _ in range(400):
        tab(browser)
        focused = evaluate(browser, FOCUSED)
        if focused is None or (stops and focused["what"] == stops[0]):
            break
        stops.append(focused["what"])
        seen_header |= bool(evaluate(browser, "!!document.activeElement.closest('header')"))
        assert focused["visible"], focused
        assert focused["style"] not in ("none", "hidden") and focused["width"] >= 2, focused
        ratio = contrast(focused["color"], focused["background"])
        assert ratio >= 3, (focused, round(ratio, 2))
    assert len(stops) > 5 and seen_header, stops


# --- print -------------------------------------------------------------------------------

EMPTY_HEADINGS = """(() => {
  const shown = el => el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== "hidden";
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter(shown);
  const empty = [];
  for (const heading of headings) {
    const level = Number(heading.tagName[1]);
    const walker = document.createTreeWalker(
      document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    walker.currentNode = heading;
    let content = false, node = heading;
    while (!content && (node = walker.nextNode())) {
      if (heading.contains(node)) continue;
      if (node.nodeType === 1 && /^H[1-6]$/.test(node.tagName) && shown(node)
          && Number(node.tagName[1]) <= level) break;
      if (node.nodeType === 3 && node.textContent.trim() && shown(node.parentElement)
          && !node.parentElement.closest("h1, h2, h3, h4, h5, h6, footer")) content = true;
    }
    if (!content) empty.push(heading.textContent.trim());
  }
  return empty;
})()"""


def print_pdf(browser: DevTools) -> tuple[list[int], list[float]]:
    """The page printed as PDF: how many runs of text each sheet shows, and its size in pt."""
    data = base64.b64decode(
        browser.send("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"]
    )
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}
    tree = next(body for body in objects.values() if re.search(rb"/Type\s*/Pages\b", body))
    kids = re.search(rb"/Kids\s*\[(.*?)\]", tree, re.S)
    assert kids is not None
    runs = []
    for page in (int(k) for k in re.findall(rb"(\d+) 0 R", kids[1])):
        contents = re.search(rb"/Contents\s+(\d+) 0 R", objects[page])
        assert contents is not None
        stream = objects[int(contents[1])]
        raw = re.split(rb"stream\r?\n", stream, maxsplit=1)[1]
        text = zlib.decompressobj().decompress(raw) if b"/FlateDecode" in stream else raw
        runs.append(len(re.findall(rb"T[Jj]\b", text)))
    box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert runs and box is not None
    return runs, [float(box[3]), float(box[4])]


@pytest.mark.parametrize(
    "page",
    [
        "events/2027-03-ai-accessibility-forum-geneva.html",
        "events/2026-03-ai-watermarking.html",
        "summary/2026.html",
        "index.html",
    ],
)
def test_printed_on_a4_without_empty_headings_or_a_lonely_footer(
    browser: DevTools, site: Path, page: str
) -> None:
    """The footer prints in every page's bottom margin: in the flow, Chromium put it
    alone on a fifth sheet of the forum's page (its ``break-before: avoid`` is ignored
    after a list's collapsing margins)."""
    assert load(browser, (site / page).as_uri(), 1280) == []
    browser.send("Emulation.setEmulatedMedia", media="print")
    assert evaluate(browser, EMPTY_HEADINGS) == []
    footer = evaluate(browser, "document.querySelector('footer p').textContent")
    assert evaluate(browser, "getComputedStyle(document.querySelector('footer')).display") == "none"
    margin = evaluate(browser, "document.querySelector('style[media=print]').textContent")
    assert "@bottom-left" in margin and footer.split(" · ")[0] in margin
    runs, size = print_pdf(browser)
    assert abs(size[0] - 595.3) < 2 and abs(size[1] - 841.9) < 2, f"not A4: {size} pt"
    evaluate(
        browser,
        "document.querySelector('style[media=print]').textContent = "
        "'@page { @bottom-left { content: none } @bottom-right { content: none } }'",
    )
    bare = print_pdf(browser)[0]
    assert len(bare) == len(runs), "the footer in the margin takes no room"
    assert all(bare), f"a sheet with nothing but the footer: {bare}"


def test_print_keeps_the_clock_change_notice_whole_and_shows_outcome_addresses(
    browser: DevTools, site: Path
) -> None:
    assert (
        load(browser, (site / "events/2027-03-ai-accessibility-forum-geneva.html").as_uri(), 1280)
        == []
    )
    browser.send("Emulation.setEmulatedMedia", media="print")
    notices = evaluate(
        browser,
        "[...document.querySelectorAll('.clock-change')].map(n => getComputedStyle(n).breakInside)",
    )
    assert notices == ["avoid"]
    assert load(browser, (site / "events/2026-03-ai-watermarking.html").as_uri(), 1280) == []
    browser.send("Emulation.setEmulatedMedia", media="print")
    printed = evaluate(
        browser,
        "[...document.querySelectorAll('.outcomes a[href^=\"http\"]')].map("
        "a => [a.href, getComputedStyle(a, '::after').content])",
    )
    assert printed, "the page lists outcome links"
    for href, after in printed:
        assert href in after, (href, after)
