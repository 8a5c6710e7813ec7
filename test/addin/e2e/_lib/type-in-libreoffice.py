"""
Types text into cells of an .xlsx in LibreOffice Calc (headless), as a person at the keyboard would: each cell is
selected and its text entered through the same command as typing and pressing Enter (.uno:EnterString), so that
Calc's own input reading (numbers, dates, text-formatted cells) decides what the cell holds. Then saves as .xlsx.

Reads one JSON object on stdin: {"input": path, "output": path, "sheet": name, "cells": {"B5": "text", ...},
"profile": dir}. Needs LibreOffice's Python UNO bridge (Debian python3-uno).
"""
import json
import os
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


def main():
    job = json.load(sys.stdin)
    pipe = "pts_uno_%d" % os.getpid()
    office = subprocess.Popen([
        "soffice", "-env:UserInstallation=file://" + job["profile"], "--headless", "--invisible", "--norestore",
        "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 90
        while True:
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if time.time() > deadline or office.poll() is not None:
                    raise
                time.sleep(0.2)
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job["input"]), "_blank", 0, (prop("Hidden", True),))
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
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
