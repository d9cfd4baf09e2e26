#!/usr/bin/env python3
"""Renders an HTML page in headless Chromium through chromedriver (the WebDriver HTTP protocol, with
the standard library only) at several window widths. For each width it prints one line
`WIDTH SCROLLWIDTH INNERWIDTH ERRORS` and, with --shots DIR, saves DIR/NAME-WIDTH.png. Exits 1 when
the page overflows horizontally (scrollWidth > innerWidth) or the browser logged an error at some
width, 2 when it cannot run.

usage: report_browser.py [--shots DIR] [--name NAME] [--widths 400,1280,1920] FILE
"""

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shots")
    ap.add_argument("--name", default="report")
    ap.add_argument("--widths", default="400,1280,1920")
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
            d.s("POST", "/window/rect", {"width": w, "height": 900})
            d.s("POST", "/url", {"url": url})
            # The viewport is the window less its frame: set the window so that the viewport is `w`.
            inner = d.s("POST", "/execute/sync", {"script": "return window.innerWidth", "args": []})
            if inner != w:
                d.s("POST", "/window/rect", {"width": 2 * w - inner, "height": 900})
                d.s("POST", "/url", {"url": url})
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
