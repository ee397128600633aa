"""guidecheck's runtime inside a forked child, installed before the snippet runs.

stdout keeps the buffering `python3 file.py` has on a pipe (block-buffered), so
a snippet prints exactly what it prints under python3. To attribute output to
top-level statements anyway, the text and buffer layers keep a ledger of which
statement wrote each byte, and the raw layer frames every flush in-band on
fd 1 (see output_protocol.h). Bytes written to fd 1 directly (os.write,
subprocesses, C printf) are attributed by the host from statement markers.
"""
import collections
import io
import os
import sys
import traceback

# Header and payload together stay below PIPE_BUF (4096), so every frame is
# one atomic write even when subprocesses write to the same pipe.
_MAX_PAYLOAD = 3900


class Ledger:
    """Which statement wrote the bytes waiting in each layer, in byte order."""

    def __init__(self):
        self.line = 0
        self.text = collections.deque()
        self.buffer = collections.deque()
        self.text_depth = 0

    @staticmethod
    def add(entries, line, count):
        if count <= 0:
            return
        if entries and entries[-1][0] == line:
            entries[-1][1] += count
        else:
            entries.append([line, count])

    def take(self, entries, count):
        """Removes `count` bytes' worth from the front; returns [(line, n)]."""
        taken = []
        while count > 0 and entries:
            entry = entries[0]
            n = min(entry[1], count)
            taken.append((entry[0], n))
            entry[1] -= n
            count -= n
            if entry[1] == 0:
                entries.popleft()
        if count > 0:
            taken.append((self.line, count))
        return taken


class AttributedText(io.TextIOWrapper):
    def write(self, s):
        ledger = _ledger
        if isinstance(s, str):
            try:
                ledger.add(ledger.text, ledger.line, len(s.encode(self.encoding, self.errors)))
            except Exception:
                pass  # the real write below raises the error python3 would
        ledger.text_depth += 1
        try:
            return super().write(s)
        finally:
            ledger.text_depth -= 1

    def flush(self):
        _ledger.text_depth += 1
        try:
            return super().flush()
        finally:
            _ledger.text_depth -= 1


class AttributedBuffer(io.BufferedWriter):
    def write(self, b):
        ledger = _ledger
        count = memoryview(b).nbytes
        if ledger.text_depth:
            # The text layer is flushing its pending bytes: they were
            # attributed when write() was called, in the same order.
            for line, n in ledger.take(ledger.text, count):
                ledger.add(ledger.buffer, line, n)
        else:
            ledger.add(ledger.buffer, ledger.line, count)
        return super().write(b)


class FramedRaw(io.RawIOBase):
    def __init__(self, fd, marker):
        self._fd = fd
        self._marker = marker
        self.name = "<stdout>"

    def writable(self):
        return True

    def fileno(self):
        return self._fd

    def isatty(self):
        return os.isatty(self._fd)

    def write(self, b):
        data = bytes(b)
        for start in range(0, len(data), _MAX_PAYLOAD):
            payload = data[start:start + _MAX_PAYLOAD]
            segments = _ledger.take(_ledger.buffer, len(payload))
            header = b"P%d;%s\n" % (len(payload), b",".join(b"%d:%d" % s for s in segments))
            frame = memoryview(self._marker + header + payload)
            while frame:
                frame = frame[os.write(self._fd, frame):]
        return len(data)


_ledger = Ledger()


def print_session_exception(exc_type, exc, tb):
    """What python3's interactive prompt shows for an exception a statement
    raised, but on stdout: there it is attributed to that statement and
    judged as its output, as doctest judges a shown traceback."""
    sys.last_type, sys.last_value, sys.last_traceback = exc_type, exc, tb
    try:
        traceback.print_exception(exc_type, exc, tb, file=sys.stdout)
    except Exception:
        # No usable stdout (closed, or replaced by something that cannot
        # write): the prompt's own fallback is stderr.
        sys.__excepthook__(exc_type, exc, tb)


def install(marker, env_restore):
    """Rebuilds the standard streams on fds 0-2 as python3 would, with the
    encoding the interpreter chose at start-up, and restores the environment
    variables the zygote changed for itself."""
    encoding = sys.__stdout__.encoding if sys.__stdout__ else "utf-8"
    errors = sys.__stdout__.errors if sys.__stdout__ else "strict"
    in_errors = sys.__stdin__.errors if sys.__stdin__ else errors

    raw = FramedRaw(1, marker)
    stdout = AttributedText(AttributedBuffer(raw), encoding=encoding, errors=errors,
                            line_buffering=False, write_through=False)
    stdout.mode = "w"
    stderr = io.TextIOWrapper(io.open(2, "wb", closefd=False), encoding=encoding,
                              errors="backslashreplace", line_buffering=True)
    stderr.mode = "w"
    stdin = io.TextIOWrapper(io.open(0, "rb", closefd=False), encoding=encoding,
                             errors=in_errors, line_buffering=False)
    stdin.mode = "r"
    sys.stdin = sys.__stdin__ = stdin
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr

    for name, value in env_restore.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value

    # numpy's legacy global generator was seeded once in the zygote; python3
    # seeds it afresh in every process. (`random` reseeds itself after fork.)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    return _ledger
