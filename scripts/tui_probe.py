#!/usr/bin/env python3
"""Measures the TUI as a user runs it, in a pseudo-terminal (120x40):
time to the first frame, CPU while idle, and peak memory after a session
of typing and opening every view. Prints one JSON object.

Usage: tui_probe.py BINARY [RUNS]"""
import fcntl
import json
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

BINARY = sys.argv[1]
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 30
CLK = os.sysconf("SC_CLK_TCK")


def spawn():
    """Starts the app in a 120x40 pty; returns (pid, fd, exec_time), where
    exec_time is the monotonic clock just before exec, taken in the child
    so that forking this Python process is not counted."""
    r, w = os.pipe()
    pid, fd = pty.fork()
    if pid == 0:
        os.close(r)
        os.environ["TERM"] = "xterm-256color"
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.write(w, repr(time.perf_counter()).encode())
        os.close(w)
        os.execv(BINARY, [BINARY])
    os.close(w)
    exec_time = float(os.read(r, 64).decode())
    os.close(r)
    return pid, fd, exec_time


def read_until(fd, marker, timeout=5.0):
    """Reads until `marker` shows up; returns (bytes, seconds waited)."""
    start, data = time.perf_counter(), b""
    while marker not in data:
        left = timeout - (time.perf_counter() - start)
        if left <= 0:
            raise TimeoutError(marker)
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            data += os.read(fd, 65536)
    return data, time.perf_counter() - start


def drain(fd, seconds):
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        if select.select([fd], [], [], left)[0]:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


def peak_rss_kib(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def quit_app(pid, fd):
    os.write(fd, b"\x03")
    os.waitpid(pid, 0)
    os.close(fd)


def first_frame_ms():
    pid, fd, exec_time = spawn()
    # The footer is the last thing drawn in the first frame.
    read_until(fd, b"origin")
    elapsed = (time.perf_counter() - exec_time) * 1000
    quit_app(pid, fd)
    return elapsed


frames = sorted(first_frame_ms() for _ in range(RUNS))

pid, fd, _ = spawn()
read_until(fd, b"origin")
drain(fd, 0.3)
before = cpu_seconds(pid)
drain(fd, 5.0)
idle_cpu_percent = (cpu_seconds(pid) - before) / 5.0 * 100

for keys in [b"unauth", b"\x1b", b"4xx", b"\t", b"jjjjj", b"c", b"\x1b", b"\x14", b"\x1b",
             b"\x07", b"1", b"\r", b"\x1b", b"\x15", b"gatway", b"?", b"\x1b"]:
    os.write(fd, keys)
    drain(fd, 0.15)
rss = peak_rss_kib(pid)
quit_app(pid, fd)

print(json.dumps({
    "first_frame_ms_median": round(statistics.median(frames), 2),
    "first_frame_ms_p90": round(frames[int(len(frames) * 0.9) - 1], 2),
    "idle_cpu_percent": round(idle_cpu_percent, 2),
    "peak_rss_mib": round(rss / 1024, 1),
}))
