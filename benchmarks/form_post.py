#!/usr/bin/env python3
"""Times "posting a section back unchanged" on the web form, as a browser would send it.

Usage: form_post.py BASE_URL SUBMISSION_FILE SECTION [COUNT]

Carries on with the file, opens the section, then sends that page back COUNT times (200 by
default) with "Save and go back to the task list" and nothing changed. Each request carries the
whole draft, is read, applied, written, checked and drawn as the task list. Prints the median,
90th percentile and slowest round trip over loopback, which is the server's time plus a little.
Standard library only; talks to 127.0.0.1 only.
"""
import html
import re
import statistics
import sys
import time
import urllib.request
import uuid


def form_fields(page):
    """The fields a browser would send from the page (ticked boxes, chosen options, text)."""
    out = []
    for match in re.finditer(r'<(input|textarea|select)\b([^>]*)>', page):
        tag, attributes = match.groups()
        name = re.search(r' name="([^"]*)"', attributes)
        if not name:
            continue
        name = html.unescape(name.group(1))
        kind = (re.search(r' type="([^"]*)"', attributes) or [None, "text"])[1]
        if tag == "input":
            if kind in ("radio", "checkbox") and " checked" not in attributes:
                continue
            value = re.search(r' value="([^"]*)"', attributes)
            out.append((name, html.unescape(value.group(1)) if value else ""))
        elif tag == "textarea":
            body = page[match.end():page.index("</textarea>", match.end())]
            out.append((name, html.unescape(body[1:] if body.startswith("\n") else body)))
        else:
            options = page[match.end():page.index("</select>", match.end())]
            chosen = re.search(r'<option value="([^"]*)" selected', options)
            out.append((name, html.unescape(chosen.group(1)) if chosen else ""))
    return out


def multipart(fields, file=None):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n")
    if file:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="s"\r\n\r\n'.encode() + file + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def post(url, body, kind):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": kind})
    with urllib.request.urlopen(request) as response:
        return response.read().decode()


def main():
    base, submission, section = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    with open(submission, "rb") as handle:
        data = handle.read()
    tasks = post(base + "/form/upload", *multipart([], data))
    page = post(base + "/form/tasks", *multipart(form_fields(tasks) + [("action", f"open:{section}")]))
    body, kind = multipart(form_fields(page) + [("action", "tasks")])
    post(base + f"/form/section/{section}", body, kind)  # warm-up
    times = []
    for _ in range(count):
        start = time.perf_counter()
        post(base + f"/form/section/{section}", body, kind)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"file {len(data):,} bytes, request {len(body):,} bytes, {count} posts of '{section}': "
          f"median {statistics.median(times):.1f} ms, p90 {times[int(count * 0.9)]:.1f} ms, slowest {times[-1]:.1f} ms")


if __name__ == "__main__":
    main()
