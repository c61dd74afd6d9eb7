"""A whole submission typed into the web form from a blank start (run by browser_check.py).

The answers come from a valid example in JSON. The filler knows nothing of the form's sections:
each input's name is the JSON pointer of its field (dates add ":day", ":month" and so on), so it
types what the example holds at that pointer, presses "Add another" until a list has as many
items as the example, and saves section after section until "Check your answers". It plants one
mistake (an email address without "@"), fixes it when the page reports it, downloads the XML
and runs `qualify check` on it, which must find nothing to fix.
"""
import glob
import json
import os
import subprocess
import time

from selenium.webdriver.common.by import By

from form_check import press, report

PLANTED = ("/applicant/contact/email", "jo.whitaker at eastgatewomen.org.uk")


def at(answers, pointer):
    """The example's value at a JSON pointer, or None."""
    value = answers
    for token in [t for t in pointer.split("/") if t != ""]:
        if isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        elif isinstance(value, dict) and token in value:
            value = value[token]
        else:
            return None
    return value


def as_form(value):
    """Yes and no as the form's values."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {key: as_form(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_form(item) for item in value]
    return value


def date_part(value, part):
    """'2026-02-17T11:42:05+00:00' split into the boxes of the GOV.UK date input."""
    date, _, clock = value.partition("T")
    year, month, day = date.split("-")
    hour, minute = (clock.split(":") + ["", ""])[:2]
    return {"day": day, "month": month, "year": year, "hour": hour, "minute": minute}.get(part)


def item_count(driver, pointer):
    """How many items of the list at `pointer` the page shows, counted from the inputs' names."""
    names = driver.execute_script("return Array.from(document.querySelectorAll('[name]')).map(e => e.name)")
    prefix = pointer + "/"
    return len({name[len(prefix):].split("/")[0].split(":")[0] for name in names if name.startswith(prefix)})


def add_items(driver, answers):
    """Presses "Add another" until each list on the page has the example's number of items."""
    for _ in range(50):
        for button in driver.find_elements(By.CSS_SELECTOR, "button[value^='add:']"):
            pointer = button.get_attribute("value")[len("add:"):]
            wanted = at(answers, pointer)
            if isinstance(wanted, list) and item_count(driver, pointer) < len(wanted):
                press(driver, f"button[value='add:{pointer}']")
                break
        else:
            return


def fill(driver, answers, planted):
    for box in driver.find_elements(By.CSS_SELECTOR, "input[type=text], textarea"):
        name, _, part = box.get_attribute("name").partition(":")
        value = at(answers, name)
        if value is None or isinstance(value, (list, dict)):
            continue
        text = date_part(value, part) if part else value
        if name == PLANTED[0] and not planted:
            text = PLANTED[1]
        box.clear()
        box.send_keys(str(text))
    for choice in driver.find_elements(By.CSS_SELECTOR, "input[type=radio], input[type=checkbox]"):
        value = at(answers, choice.get_attribute("name"))
        wanted = choice.get_attribute("value") in (value if isinstance(value, list) else [value])
        if wanted != choice.is_selected():
            driver.find_element(By.CSS_SELECTOR, f"label[for='{choice.get_attribute('id')}']").click()
    for select in driver.find_elements(By.TAG_NAME, "select"):
        value = at(answers, select.get_attribute("name"))
        if value is not None:
            select.find_element(By.CSS_SELECTOR, f"option[value='{value}']").click()


def fill_from_blank(driver, base, answers_file, qualify, downloads, axe_violations):
    failures = 0
    with open(answers_file) as handle:
        # Numbers stay as written ("181640.00"), and yes or no as the form's values.
        answers = json.load(handle, parse_float=str, parse_int=str)
    answers = as_form(answers)
    driver.get(base + "/")
    press(driver, "a[href='/form']")
    failures = report("a blank submission starts at the task list", "Your qualification submission" in driver.title, failures)
    press(driver, ".task-link")
    failures += axe_violations(driver, "a page of small questions")
    planted, fixed, seen = False, False, []
    for _ in range(60):
        if driver.find_elements(By.XPATH, "//h1[text()='Check your answers']"):
            break
        seen.append(driver.find_element(By.CSS_SELECTOR, ".caption").text)
        add_items(driver, answers)
        fill(driver, answers, planted or fixed)
        planted = planted or bool(driver.find_elements(By.NAME, PLANTED[0]))
        press(driver, ".actions button[value=save]")
        if driver.title.startswith("Error: "):
            messages = [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".error-summary a")]
            if planted and not fixed and any("email" in m.lower() for m in messages):
                fixed = True
                continue
            print(f"form from blank: unexpected errors on {seen[-1]}: {messages}")
            failures += 1
            break
    print(f"form from blank: sections saved: {len(seen)} ({'; '.join(seen)})")
    failures = report("from blank, every section saved through to Check your answers",
                      bool(driver.find_elements(By.XPATH, "//h1[text()='Check your answers']")), failures)
    failures = report("from blank, the planted mistake was reported and fixed", fixed, failures)
    failures = report("from blank, nothing left to fix on Check your answers",
                      not driver.find_elements(By.CSS_SELECTOR, ".error-summary a"), failures)
    # A folder of its own, so the file cannot be confused with the earlier download of the same name.
    downloads = os.path.join(downloads, "from-blank")
    os.makedirs(downloads, exist_ok=True)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    before = set(glob.glob(os.path.join(downloads, "*")))
    driver.find_element(By.CSS_SELECTOR, "button[value='download:xml']").click()
    files = []
    for _ in range(60):
        files = sorted(set(glob.glob(os.path.join(downloads, "*.xml"))) - before)
        if files:
            break
        time.sleep(0.5)
    if files:
        check = subprocess.run([qualify, "check", files[0]], capture_output=True, text=True)
        print(check.stdout.strip())
        failures = report("from blank, qualify check finds nothing to fix in the download", check.returncode == 0, failures)
    else:
        failures = report("from blank, the XML file downloads", False, failures)
    return failures
