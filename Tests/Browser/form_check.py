"""The web form in a real browser, as a volunteer would use it (run by browser_check.py).

It carries on with a saved valid example for most answers, then types one whole section, the
declaration, by hand with a mistake in its date. It fixes the mistake once the page reports it,
adds and removes a case study, downloads the XML from "Check your answers" and runs
`qualify check` on the file, which must find nothing to fix. axe-core runs on the task list, a
section with errors, the date input, a section of repeated items and "Check your answers".
"""
import glob
import os
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def gone(element):
    """True once the element has left the page. Chromium may answer a question about a node of
    the old page with an error other than 'stale element', so any error counts as gone."""
    def check(_):
        try:
            element.is_enabled()
            return False
        except Exception:
            return True
    return check


def press(driver, css):
    """Clicks a button and waits for the next page to load."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, css).click()
    WebDriverWait(driver, 30).until(gone(old))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def type_into(driver, element_id, text):
    box = driver.find_element(By.ID, element_id)
    box.clear()
    box.send_keys(text)


def report(label, ok, failures):
    print(f"form: {label}: {'yes' if ok else 'NO'}")
    return failures + (0 if ok else 1)


def fill_in_the_form(driver, base, valid_example, qualify, downloads, axe_violations):
    failures = 0
    driver.set_window_size(1280, 1600)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.get(base + "/")
    driver.find_element(By.ID, "draft-file").send_keys(valid_example)
    press(driver, "form[action='/form/upload'] button[type=submit]")
    failures = report("task list shown after carrying on with a file", "Your qualification submission" in driver.title, failures)
    failures += axe_violations(driver, "task list")

    # One whole section typed by hand, with a date that does not exist.
    press(driver, "#task-declaration")
    failures += axe_violations(driver, "date input")
    type_into(driver, "f-declaration-signatoryName", "Margaret Lowe")
    type_into(driver, "f-declaration-signatoryRole", "Chair of Trustees")
    type_into(driver, "f-declaration-signedOn-day", "31")
    type_into(driver, "f-declaration-signedOn-month", "2")
    type_into(driver, "f-declaration-signedOn-year", "2026")
    driver.find_element(By.CSS_SELECTOR, "label[for='f-declaration-confirmsTrueAndComplete-0']").click()
    driver.find_element(By.CSS_SELECTOR, "label[for='f-declaration-authorisedToCommit-0']").click()
    press(driver, ".actions button[value=save]")
    summary = driver.find_elements(By.CSS_SELECTOR, ".error-summary a")
    failures = report("the planted mistake is reported", driver.title.startswith("Error: ") and len(summary) >= 1, failures)
    failures += axe_violations(driver, "section with errors")
    if summary:
        summary[0].click()
        focused = driver.switch_to.active_element.get_attribute("id")
        failures = report(f"the summary link goes to the day box ({focused})", focused == "f-declaration-signedOn-day", failures)
    kept = driver.find_element(By.ID, "f-declaration-signedOn-day").get_attribute("value")
    failures = report("what was typed is kept", kept == "31", failures)
    type_into(driver, "f-declaration-signedOn-day", "16")
    press(driver, ".actions button[value=save]")
    failures = report("fixed, the form moves on to Check your answers", driver.find_elements(By.XPATH, "//h1[text()='Check your answers']") != [], failures)

    # Repeated items: add and remove a case study on the server.
    press(driver, ".back")
    press(driver, "#task-caseStudies")
    failures += axe_violations(driver, "repeated items")
    press(driver, "button[value='add:/caseStudies']")
    failures = report("a case study is added", driver.find_elements(By.ID, "f-caseStudies-2-heading") != [], failures)
    press(driver, "button[value='remove:/caseStudies/2']")
    failures = report("and removed", driver.find_elements(By.ID, "f-caseStudies-2-heading") == [], failures)
    press(driver, ".actions button[value=tasks]")
    press(driver, "button[value=check-answers]")
    failures += axe_violations(driver, "check your answers")

    before = set(glob.glob(os.path.join(downloads, "*")))
    driver.find_element(By.CSS_SELECTOR, "button[value='download:xml']").click()
    files = []
    for _ in range(60):
        files = [f for f in set(glob.glob(os.path.join(downloads, "*.xml"))) - before]
        if files:
            break
        time.sleep(0.5)
    failures = report("the XML file downloads", bool(files), failures)
    if files:
        check = subprocess.run([qualify, "check", files[0]], capture_output=True, text=True)
        print(check.stdout.strip().splitlines()[0] if check.stdout.strip() else check.stderr.strip())
        failures = report("qualify check finds nothing to fix in the download", check.returncode == 0, failures)
    return failures
