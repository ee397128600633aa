#!/usr/bin/python3
"""The floor under a fork-per-sample runner on this machine: a plain
python3 that forks N times, each child running a tiny sample (compile, exec,
print) and exiting, against children that exit at once. guidecheck's cost
per trivial sample (bench/scale.sh) is to be read against these figures:
nothing that forks a fresh interpreter per sample can go below them.

Usage: bench/fork_floor.py [N]
"""
import gc
import os
import sys
import time

SAMPLE = compile("x = sum(range(10))\nprint(x)\n", "sample.py", "exec")


def measure(label, child, count):
    start_wall = time.perf_counter()
    start = os.times()
    for _ in range(count):
        pid = os.fork()
        if pid == 0:
            child()
            os._exit(0)
        os.waitpid(pid, 0)
    end = os.times()
    cpu = sum(end[:4]) - sum(start[:4])
    print(f"{label:32} {(time.perf_counter() - start_wall) / count * 1e3:.2f} ms wall, "
          f"{cpu / count * 1e3:.2f} ms CPU per fork")


def run_sample():
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    exec(SAMPLE, {"__name__": "__main__"})
    sys.stdout.flush()


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    gc.collect()
    gc.freeze()
    measure("fork, exit at once", lambda: None, count)
    measure("fork, tiny sample, exit", run_sample, count)


if __name__ == "__main__":
    main()
