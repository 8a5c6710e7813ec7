"""
Types text into cells of an .xlsx in LibreOffice Calc (headless), as a person at the keyboard would: each cell is
selected and its text entered through the same command as typing and pressing Enter (.uno:EnterString), so that
Calc's own input reading (numbers, dates, text-formatted cells) decides what the cell holds. Then saves as .xlsx.

Reads one JSON object on stdin: {"input": path, "output": path, "sheet": name, "cells": {"B5": "text", ...},
"profile": dir}. Needs LibreOffice's Python UNO bridge (Debian python3-uno).
"""
import json
import os
import signal
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile, pipe):
    return subprocess.Popen([
        "soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore",
        "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 90
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.2)


def type_and_store(context, job):
    smgr = context.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["input"]), "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        raise RuntimeError("LibreOffice could not open " + job["input"])
    sheet = doc.Sheets.getByName(job["sheet"])
    controller = doc.CurrentController
    controller.setActiveSheet(sheet)
    frame = controller.Frame
    for address, text in job["cells"].items():
        controller.select(sheet.getCellRangeByName(address))
        dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))
    doc.storeToURL(uno.systemPathToFileUrl(job["output"]), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    try:
        doc.close(True)
        desktop.terminate()
    except Exception:
        pass  # the office may close the bridge while it shuts down: the file is already stored


def stop_office(office):
    # The office runs in a session of its own: end all of it (a restarted soffice.bin included).
    try:
        os.killpg(office.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    office.wait()
    time.sleep(0.5)


def make_profile(job):
    """Lets a one-shot office make the fresh profile (its first start restarts itself), so that the office the
    bridge talks to starts on a profile that is ready."""
    out = job["profile"] + "-warm-up"
    subprocess.run(["soffice", "-env:UserInstallation=file://" + job["profile"], "--headless", "--norestore",
                    "--convert-to", "csv", "--outdir", out, job["input"]],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)


def main():
    job = json.load(sys.stdin)
    make_profile(job)
    # On its first start with a fresh profile LibreOffice restarts itself, which drops the bridge or the
    # document it was opening: the job is then done again by a new office on the profile now made.
    for attempt in range(3):
        pipe = "pts_uno_%d_%d" % (os.getpid(), attempt)
        office = start_office(job["profile"], pipe)
        try:
            type_and_store(connect(pipe), job)
            return
        except Exception as error:
            sys.stderr.write("attempt %d: %r\n" % (attempt + 1, error))
            if attempt == 2:
                raise
        finally:
            stop_office(office)


if __name__ == "__main__":
    main()
