"""A built site opened in a real headless browser: Debian's chromium, driven by
Selenium through Debian's chromedriver (`.ci/run` installs both).

The site is served over HTTP from its folder, as GitHub Pages serves it, so pretty
URLs (`posts/<slug>/`) open their index.html. What a page shows is read after the
browser has loaded it: its text, its tables, and each image with the width it
decoded to (0 for an image that did not load).
"""

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = "chromium"
CHROMEDRIVER = "chromedriver"


@dataclass(frozen=True)
class Shown:
    """One page as the browser shows it."""

    text: str
    tables: list[str]
    # (src, natural width) of each image; an image that did not load is 0 wide.
    images: list[tuple[str, int]]
    links: list[str]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # every request on stderr would bury a failure's output


@contextmanager
def browser_on(site: Path) -> Iterator:
    """`visit(address)` for pages of `site`; skips the test without chromium."""
    chromium, driver_path = shutil.which(CHROMIUM), shutil.which(CHROMEDRIVER)
    if not (chromium and driver_path):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # No sandbox: CI runs as root, where chromium refuses to start with one.
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    root = f"http://127.0.0.1:{server.server_port}/"

    def visit(address: str) -> Shown:
        driver.get(root + address.lstrip("/"))
        return Shown(
            text=driver.execute_script("return document.body.innerText"),
            tables=driver.execute_script(
                "return Array.from(document.querySelectorAll('table'),"
                " table => table.innerText)"
            ),
            images=[
                (src, int(width))
                for src, width in driver.execute_script(
                    "return Array.from(document.images,"
                    " image => [image.getAttribute('src'), image.naturalWidth])"
                )
            ],
            links=driver.execute_script(
                "return Array.from(document.links, link => link.getAttribute('href'))"
            ),
        )

    try:
        yield visit
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
