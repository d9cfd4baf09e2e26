#!/usr/bin/env python3
"""Renders an HTML page in headless Chromium through chromedriver (the WebDriver HTTP protocol, with
the standard library only) at several window widths. For each width it prints one line
`WIDTH SCROLLWIDTH INNERWIDTH ERRORS` and, with --shots DIR, saves DIR/NAME-WIDTH.png. Exits 1 when
the page overflows horizontally (scrollWidth > innerWidth) or the browser logged an error at some
width, 2 when it cannot run.

--contrast measures, as rendered, the WCAG 2.1 contrast ratio (relative luminance) of every element
with text of its own (its computed `color`, `fill` for SVG text) against its effective background
(the background colours of it and its ancestors composited over white), and of every SVG mark (rect,
circle, path, line, polygon: the better of its computed fill, but for a line, and stroke) against the background the
SVG sits on; marks of class grid, track or zero are decoration and left out. It does so in the light
scheme and again with `prefers-color-scheme: dark` emulated, and prints for each a line
`contrast SCHEME text|marks COUNT LOWEST FAILURES` (text needs 4.5:1, marks 3:1; WCAG 1.4.3, 1.4.11),
and each failure indented under it.

--print FILE.pdf prints the page to FILE (A4, through the WebDriver print endpoint) and, with print
media emulated (CDP Emulation.setEmulatedMedia) at the width inside A4's page less --print-margin mm
a side, prints `print WIDTH SCROLLWIDTH PAGES`: an overflow fails as above.

usage: report_browser.py [--shots DIR] [--name NAME] [--widths 400,1280,1920] [--contrast]
                         [--print FILE.pdf [--print-margin MM]] FILE
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

TEXT_MIN, MARK_MIN = 4.5, 3.0

# Run in the page: [[kind, ratio, what], ...] for every text element and SVG mark.
CONTRAST_JS = r"""
function rgba(c) {
  const m = /rgba?\(([^)]*)\)/.exec(c || "");
  if (!m) return null;
  const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {  // top composited over an opaque bottom
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function lum(c) {
  const l = c.slice(0, 3).map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}
function ratio(a, b) {
  const x = lum(a), y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function background(el) {
  const layers = [];
  for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let bg = [255, 255, 255, 1];
  for (let i = layers.length - 1; i >= 0; --i) bg = over(layers[i], bg);
  return bg;
}
function shown(el) {
  const s = getComputedStyle(el);
  return s.visibility !== "hidden" && s.display !== "none" && el.getClientRects().length > 0;
}
function what(el, c, bg) {
  const cls = el.getAttribute("class");
  const text = (el.textContent || "").trim().slice(0, 40);
  return el.tagName.toLowerCase() + (cls ? "." + cls.split(/\s+/).join(".") : "") + " rgb(" + c.slice(0, 3).map(Math.round)
         + ") on rgb(" + bg.slice(0, 3).map(Math.round) + ")" + (text ? " \"" + text + "\"" : "");
}
const out = [];
const skip = new Set(["TITLE", "DESC", "STYLE", "SCRIPT", "HEAD", "title", "desc", "style", "script"]);
for (const el of document.querySelectorAll("body *")) {
  if (skip.has(el.tagName) || el.closest("title, desc")) continue;
  const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.data.trim() !== "");
  if (!own || !shown(el)) continue;
  const svg = el instanceof SVGElement;
  const s = getComputedStyle(el);
  const c = rgba(svg ? s.fill : s.color);
  if (!c) continue;
  const bg = background(el);
  const fg = over([c[0], c[1], c[2], c[3] * parseFloat(s.opacity)], bg);
  out.push(["text", ratio(fg, bg), what(el, fg, bg)]);
}
const decoration = ["grid", "track", "zero"];
for (const el of document.querySelectorAll("svg rect, svg circle, svg ellipse, svg path, svg line, svg polyline, svg polygon")) {
  if (!shown(el) || decoration.some(k => el.classList.contains(k))) continue;
  const s = getComputedStyle(el);
  const bg = background(el);
  let best = null, shownColour = null;
  const paints = [[s.stroke, s.strokeOpacity, parseFloat(s.strokeWidth)]];
  if (el.tagName.toLowerCase() !== "line") paints.push([s.fill, s.fillOpacity, 1]);  // a line has no inside
  for (const [paint, opacity, width] of paints) {
    const c = rgba(paint);
    if (!c || c[3] * parseFloat(opacity) <= 0 || !(width > 0)) continue;
    const fg = over([c[0], c[1], c[2], c[3] * parseFloat(opacity) * parseFloat(s.opacity)], bg);
    const r = ratio(fg, bg);
    if (best === null || r > best) { best = r; shownColour = fg; }
  }
  if (best !== null) out.push(["marks", best, what(el, shownColour, bg)]);
}
return out;
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.session = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"{method} {path}: {e.code} {e.read()[:300]!r}") from None

    def s(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def js(self, script):
        return self.s("POST", "/execute/sync", {"script": script, "args": []})

    def cdp(self, cmd, params):
        return self.s("POST", "/goog/cdp/execute", {"cmd": cmd, "params": params})

    def viewport(self, w, url):
        """Sets the window so that the viewport is `w` px wide (the window less its frame) and loads url."""
        self.s("POST", "/window/rect", {"width": w, "height": 900})
        self.s("POST", "/url", {"url": url})
        inner = self.js("return window.innerWidth")
        if inner != w:
            self.s("POST", "/window/rect", {"width": 2 * w - inner, "height": 900})
            self.s("POST", "/url", {"url": url})


def contrast(d):
    """Prints the contrast lines of each scheme; True when something is below its minimum."""
    bad = False
    for scheme in ["light", "dark"]:
        d.cdp("Emulation.setEmulatedMedia", {"media": "", "features": [{"name": "prefers-color-scheme",
                                                                       "value": scheme}]})
        found = d.js(CONTRAST_JS)
        for kind, least in [("text", TEXT_MIN), ("marks", MARK_MIN)]:
            rs = [(r, w) for k, r, w in found if k == kind]
            fails = [(r, w) for r, w in rs if r < least]
            lowest = min((r for r, _ in rs), default=0)
            print(f"contrast {scheme} {kind} {len(rs)} {lowest:.2f} {len(fails)}")
            for r, w in sorted(fails)[:20]:
                print(f"  {r:.2f} < {least}: {w}")
            bad = bad or bool(fails)
    d.cdp("Emulation.setEmulatedMedia", {"media": "", "features": []})
    return bad


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))


def print_check(d, url, out, margin_mm):
    """Prints to `out` (A4), then measures the page under print media at the printable width."""
    pdf = base64.b64decode(d.s("POST", "/print", {"page": {"width": 21.0, "height": 29.7},
                                                    "margin": {"top": 0, "bottom": 0, "left": 0, "right": 0},
                                                    "background": True}))
    with open(out, "wb") as f:
        f.write(pdf)
    width = round((210 - 2 * margin_mm) / 25.4 * 96)
    d.viewport(width, url)
    d.cdp("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    sw, iw = d.js("return [document.documentElement.scrollWidth, window.innerWidth]")
    d.cdp("Emulation.setEmulatedMedia", {"media": "", "features": []})
    print(f"print {iw} {sw} {pdf_pages(pdf)}")
    return sw > iw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shots")
    ap.add_argument("--name", default="report")
    ap.add_argument("--widths", default="400,1280,1920")
    ap.add_argument("--contrast", action="store_true")
    ap.add_argument("--print", dest="pdf")
    ap.add_argument("--print-margin", type=float, default=12)
    ap.add_argument("file")
    a = ap.parse_args()
    chromedriver = shutil.which("chromedriver")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromedriver or not chromium:
        print("report_browser: chromedriver or chromium not found", file=sys.stderr)
        return 2
    port = free_port()
    profile = tempfile.mkdtemp(prefix="pops-chrome-")
    proc = subprocess.Popen([chromedriver, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    d = Driver(port)
    bad = False
    try:
        for _ in range(100):
            try:
                if d.call("GET", "/status").get("ready"):
                    break
            except (OSError, RuntimeError):
                pass
            time.sleep(0.1)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
                "--disable-background-networking", "--disable-sync", "--disable-component-update",
                "--hide-scrollbars", f"--user-data-dir={profile}"]},
            "goog:loggingPrefs": {"browser": "ALL"}}}}
        d.session = d.call("POST", "/session", caps)["sessionId"]
        url = "file://" + os.path.abspath(a.file)
        for w in [int(x) for x in a.widths.split(",")]:
            d.viewport(w, url)
            sw, iw = d.s("POST", "/execute/sync", {
                "script": "return [document.documentElement.scrollWidth, window.innerWidth]", "args": []})
            logs = d.s("POST", "/se/log", {"type": "browser"}) or []
            errors = [e for e in logs if e.get("level") == "SEVERE"]
            print(f"{w} {sw} {iw} {len(errors)}")
            for e in errors:
                print(f"  console error: {e.get('message', '')[:200]}")
            if sw > iw or errors:
                bad = True
            if a.shots:
                os.makedirs(a.shots, exist_ok=True)
                # The whole page: the window as tall as the document.
                h = d.s("POST", "/execute/sync", {"script": "return document.documentElement.scrollHeight",
                                                  "args": []})
                rect = d.s("GET", "/window/rect")
                d.s("POST", "/window/rect", {"width": rect["width"], "height": min(int(h) + 100, 16000)})
                png = base64.b64decode(d.s("GET", "/screenshot"))
                with open(os.path.join(a.shots, f"{a.name}-{w}.png"), "wb") as f:
                    f.write(png)
        if a.contrast and contrast(d):
            bad = True
        if a.pdf and print_check(d, url, a.pdf, a.print_margin):
            bad = True
        logs = d.s("POST", "/se/log", {"type": "browser"}) or []
        for e in logs:
            if e.get("level") == "SEVERE":
                print(f"  console error: {e.get('message', '')[:200]}")
                bad = True
        d.s("DELETE", "")
    except (RuntimeError, OSError, KeyError, TypeError) as e:
        print(f"report_browser: {e}", file=sys.stderr)
        return 2
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
