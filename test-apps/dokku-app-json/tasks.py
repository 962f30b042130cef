"""Dokku's deployment tasks: app.json runs `python3 tasks.py predeploy` and `... postdeploy`."""
import os
import sys

print(f"{sys.argv[1]} task of {os.environ['GANTRY_APP']} {os.environ['GANTRY_RELEASE']}", flush=True)
