"""The worker process type: a line every few seconds, which logs shows."""
import itertools
import time

for tick in itertools.count(1):
    print(f"python-stdlib worker tick {tick}", flush=True)
    time.sleep(3)
