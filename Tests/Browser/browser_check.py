#!/usr/bin/env python3
"""Checks the Qualify web page in a real browser (headless Chromium) and with axe-core.

Usage: browser_check.py BASE_URL EXAMPLE_FILE [VALID_EXAMPLE QUALIFY_BINARY]

1. Uploads an invalid example and checks that the error summary and the findings appear.
2. Runs axe-core on the home page, the result page and two guidance pages; any violation fails.
3. With a valid example and the qualify program: fills in the web form (see form_check.py) and
   checks the downloaded file with `qualify check`; then, when the example has a JSON twin, types
   the whole submission from a blank start (see blank_form.py).
4. The booklet at /guidance does not scroll sideways in a window 1200 pixels wide.
Prints one line per check and exits 1 when anything fails, 2 when the browser cannot start.
"""
import json
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from selenium.common.exceptions import TimeoutException
from axe_selenium_python import Axe

from form_check import gone


def browser(downloads=None):
    options = Options()
    if downloads:
        options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def axe_violations(driver, label):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    violations = results["violations"]
    for violation in violations:
        nodes = ", ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
        print(f"  axe {label}: {violation['id']} ({violation['impact']}): {violation['help']} at {nodes}")
    print(f"axe {label}: {len(violations)} violations, {len(results['passes'])} rules passed")
    return len(violations)


def main():
    base, example = sys.argv[1], sys.argv[2]
    downloads = tempfile.mkdtemp(prefix="qualify-downloads-") if len(sys.argv) > 4 else None
    try:
        driver = browser(downloads)
    except Exception as error:  # the browser itself could not start
        print(f"browser could not start: {error}")
        return 2
    failures = 0
    try:
        driver.get(base + "/")
        failures += axe_violations(driver, "home")
        home = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, "file").send_keys(example)
        driver.find_element(By.CSS_SELECTOR, "form[action='/check'] button[type=submit]").click()
        # click() can return before the result page has loaded; wait for the new page, not a fixed time.
        try:
            # Not selenium's staleness_of: Chromium may answer "does not belong to the document".
            WebDriverWait(driver, 30).until(gone(home))
            WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
        except TimeoutException:
            print("upload: the result page did not load within 30 s")
        summary = driver.find_elements(By.ID, "error-summary-title")
        findings = driver.find_elements(By.CSS_SELECTOR, ".finding.must-fix")
        links = driver.find_elements(By.CSS_SELECTOR, ".error-summary a")
        ok = bool(summary) and summary[0].text == "There is a problem" and len(findings) >= 2 and len(links) == len(findings)
        print(f"upload: error summary {'shown' if summary else 'missing'}, {len(findings)} findings to fix, {len(links)} summary links")
        failures += 0 if ok else 1
        if links:
            target = links[0].get_attribute("href").split("#")[1]
            links[0].click()
            shown = driver.find_element(By.ID, target).is_displayed()
            print(f"summary link goes to its finding: {shown}")
            failures += 0 if shown else 1
        failures += axe_violations(driver, "result")
        for page in ("/guidance/case-study.too-old", "/guidance/topic.consortia"):
            driver.get(base + page)
            failures += axe_violations(driver, page)
        driver.set_window_size(1200, 900)
        driver.get(base + "/guidance")
        wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        header = bool(driver.find_elements(By.CSS_SELECTOR, "header .service"))
        print(f"booklet at 1200px: {'scrolls sideways by ' + str(wide) + 'px' if wide > 0 else 'no sideways scroll'}, site header {'shown' if header else 'missing'}")
        failures += 0 if wide <= 0 and header else 1
        if len(sys.argv) > 4:
            from form_check import fill_in_the_form
            failures += fill_in_the_form(driver, base, sys.argv[3], sys.argv[4], downloads, axe_violations)
            answers = os.path.splitext(sys.argv[3])[0] + ".json"
            if os.path.exists(answers):
                from blank_form import fill_from_blank
                failures += fill_from_blank(driver, base, answers, sys.argv[4], downloads, axe_violations)
    finally:
        driver.quit()
    print(json.dumps({"failures": failures}))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
