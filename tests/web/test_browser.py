"""The web page in a real browser: Debian's Chromium, headless, driven by Selenium with the system driver.

An officer types the question, sees the answer, opens the page view and the
indicator chart; each page's screenshot goes under this run's tmp folder
(screenshots/), where the README's pictures are taken from.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1000"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: make install")
    if not (CHROMIUM.exists() and DRIVER.exists()):
        pytest.skip("Chromium is not installed (make test installs Debian's chromium and chromium-driver; "
                    "it could not here: no root and no sudo)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in [*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    return tmp_path_factory.getbasetemp() / "screenshots"


def shot(browser, folder: Path, name: str) -> None:
    folder.mkdir(exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1200, min(max(height, 600), 2400))
    assert browser.save_screenshot(str(folder / f"{name}.png"))
    browser.set_window_size(1200, 1000)


def test_type_the_question_see_the_answer_open_the_page(browser, server, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("when was SGO performance last discussed?")
    box.submit()
    answer = browser.find_element(By.CSS_SELECTOR, "section.answer")
    assert answer.is_displayed()
    assert "Last discussed: February 2022" in answer.text and "Corporate Parenting Service Update" in answer.text
    shot(browser, screenshots, "ask")
    answer.find_element(By.PARTIAL_LINK_TEXT, "page 2").click()
    image = browser.find_element(By.CSS_SELECTOR, "img.page-image")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) >= 990
    marked = browser.find_element(By.CSS_SELECTOR, "p.note").text.lower()
    assert "special guardianship order" in marked and "sgo" in marked
    shot(browser, screenshots, "page-view")


def test_the_meeting_page(browser, server, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(server + "/meetings")
    browser.find_element(By.LINK_TEXT, "2017-03-28").click()
    assert "Corporate Parenting Panel, 2017-03-28" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "article.minute")
    shot(browser, screenshots, "meeting")


def test_the_chart_renders(browser, server, screenshots):
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/indicators?q={quote('special guardianship')}")
    browser.find_element(By.PARTIAL_LINK_TEXT, "ceased to be looked").click()
    chart = browser.find_element(By.CSS_SELECTOR, "svg.chart")
    assert chart.size["width"] > 300 and chart.size["height"] > 100
    dots = chart.find_elements(By.CSS_SELECTOR, "circle.value")
    assert len(dots) >= 5 and all(d.is_displayed() for d in dots)
    shot(browser, screenshots, "indicator")
    dots[0].find_element(By.XPATH, "..").click()  # the dot's link: the page its value was printed on
    assert browser.find_element(By.CSS_SELECTOR, "img.page-image").is_displayed()


def test_other_pages_render(browser, server, screenshots):
    from selenium.webdriver.common.by import By

    for name, path in {"person": "/who?name=Hedley", "followups": "/followups", "saved": "/saved"}.items():
        browser.get(server + path)
        assert browser.find_element(By.TAG_NAME, "h1").is_displayed()
        shot(browser, screenshots, name)


def test_screenshots_are_kept(screenshots):
    assert shutil.which("true")  # ordering: this runs after the tests above wrote them
    assert {p.stem for p in screenshots.glob("*.png")} >= {"ask", "page-view", "meeting", "indicator"}
