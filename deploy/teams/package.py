#!/usr/bin/env python3
"""Builds the Teams app package to sideload: manifest.json with your ids filled in, plus the two icons, zipped.

Usage: BOT_ID=<Teams:AppId> BOT_DOMAIN=<your host> [TEAMS_APP_ID=<a GUID>] deploy/teams/package.py [OUT.zip]
"""
import os, pathlib, re, sys, uuid, zipfile

here = pathlib.Path(__file__).resolve().parent
values = {"BOT_ID": os.environ.get("BOT_ID"), "BOT_DOMAIN": os.environ.get("BOT_DOMAIN"),
          "TEAMS_APP_ID": os.environ.get("TEAMS_APP_ID") or os.environ.get("BOT_ID") or str(uuid.uuid4())}
missing = [k for k, v in values.items() if not v]
if missing:
    sys.exit("package.py: set " + ", ".join(missing))
manifest = re.sub(r"\$\{\{(\w+)\}\}", lambda m: values[m.group(1)], (here / "manifest.json").read_text())
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "alignbot-teams.zip")
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
    package.writestr("manifest.json", manifest)
    package.write(here / "color.png", "color.png")
    package.write(here / "outline.png", "outline.png")
print(f"wrote {out}")
