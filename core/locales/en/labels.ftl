## What the worker's screens show: labels for every kind, status and state, and counts.
