"""guidecheck's runtime inside a forked child, installed before the snippet runs.

stdout keeps the buffering `python3 file.py` has on a pipe (block-buffered), so
a snippet prints exactly what it prints under python3. To attribute output to
top-level statements anyway, the text and buffer layers keep a ledger of which
statement wrote each byte (and which line of the sample's module code was
running: a `with` or a loop holds several printing lines), and the raw layer
frames every flush in-band on fd 1 (see output_protocol.h). Bytes written to
fd 1 directly (os.write, subprocesses, C printf) are attributed by the host
from statement markers.
"""
import _thread
import collections
import io
import os
import sys

_get_ident = _thread.get_ident

# A frame (marker, header and payload) stays below PIPE_BUF (4096), so every
# frame is one atomic write even when subprocesses write to the same pipe.
_MAX_FRAME = 4000
_MAX_PAYLOAD = 3900


class Ledger:
    """Who wrote the bytes waiting in each layer, in byte order: entries
    [statement line, source line, byte count]."""

    def __init__(self):
        self.line = 0
        self.thread = None  # the thread that runs the sample (install() sets it)
        self.enter(None)
        self.text = collections.deque()
        self.buffer = collections.deque()
        self.text_depth = 0

    def enter(self, code):
        """The code object of the sample's top-level statement about to run
        (its frame is the module frame); None outside its statements."""
        self.code = code
        # Its frame once a write found it, and the line of each of its
        # instruction offsets seen (f_lineno scans the line table each time).
        self.frame = None
        self.lines = {}

    def source_line(self):
        """The line of the sample's module code running now: the line where
        the statement's frame stands. 0 when there is none (another thread,
        a prelude, an atexit handler)."""
        if self.code is None or _get_ident() != self.thread:
            return 0
        frame = self.frame
        if frame is None:
            # The module frame stays on the stack while its statement runs,
            # at the line of the call that led here: found once, it is read,
            # never searched for again.
            code = self.code
            frame = sys._getframe(1)
            while frame is not None and frame.f_code is not code:
                frame = frame.f_back
            if frame is None:
                return 0
            self.frame = frame
        lasti = frame.f_lasti
        line = self.lines.get(lasti)
        if line is None:
            line = self.lines[lasti] = frame.f_lineno
        return line

    @staticmethod
    def add(entries, line, source, count):
        if count <= 0:
            return
        if entries:
            last = entries[-1]
            if last[0] == line and last[1] == source:
                last[2] += count
                return
        entries.append([line, source, count])

    def take(self, entries, count):
        """Removes `count` bytes' worth from the front; returns the entries
        (whole ones as they were)."""
        taken = []
        while count > 0 and entries:
            entry = entries[0]
            if entry[2] <= count:
                taken.append(entries.popleft())
                count -= entry[2]
            else:
                taken.append([entry[0], entry[1], count])
                entry[2] -= count
                count = 0
        if count > 0:
            taken.append([self.line, 0, count])
        return taken

    def move(self, count):
        """The text layer flushed `count` bytes into the buffer: their
        entries move along, in the same order."""
        taken = self.take(self.text, count)
        buffer = self.buffer
        if buffer and taken:
            last, first = buffer[-1], taken[0]
            if last[0] == first[0] and last[1] == first[1]:
                last[2] += first[2]
                del taken[0]
        buffer.extend(taken)


class AttributedText(io.TextIOWrapper):
    def write(self, s):
        ledger = _ledger
        # print() writes its `end` even when it is "": nothing to attribute.
        if isinstance(s, str) and s:
            try:
                count = len(s.encode(self.encoding, self.errors))
            except Exception:
                count = 0  # the real write below raises the error python3 would
            if count:
                # Ledger.add and the usual case of source_line, inlined: this
                # runs for every write a snippet makes.
                frame = ledger.frame
                source = None
                if frame is not None and _get_ident() == ledger.thread:
                    source = ledger.lines.get(frame.f_lasti)
                if source is None:
                    source = ledger.source_line()
                line = ledger.line
                entries = ledger.text
                last = entries[-1] if entries else None
                if last is not None and last[0] == line and last[1] == source:
                    last[2] += count
                else:
                    entries.append([line, source, count])
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
            ledger.move(count)
        else:
            ledger.add(ledger.buffer, ledger.line, ledger.source_line(), count)
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
        # Each segment's header text is paid for out of the frame's room, so
        # many short segments (two lines of a loop taking turns) make shorter
        # payloads, never frames over PIPE_BUF.
        room = _MAX_FRAME - len(self._marker) - len(b"P0000;\n")
        start, size, used, segments = 0, 0, 0, []
        append = segments.append
        for line, source, n in _ledger.take(_ledger.buffer, len(data)):
            segment = b"%d:%d:%d" % (line, n, source)
            cost = len(segment) + 1 + n
            if size + n <= _MAX_PAYLOAD and used + cost <= room:
                append(segment)  # the usual case: it fits whole
                size += n
                used += cost
                continue
            # Split it (its count at its widest, 4 digits) across frames.
            cost = len(b"%d::%d," % (line, source)) + 4
            while n:
                k = min(n, _MAX_PAYLOAD - size, room - used - cost)
                if k <= 0 and segments:
                    self._send(data[start:start + size], segments)
                    start, size, used = start + size, 0, 0
                    segments.clear()
                    continue
                k = max(k, 1)
                segments.append(b"%d:%d:%d" % (line, k, source))
                size += k
                used += cost + k
                n -= k
        if segments:
            self._send(data[start:start + size], segments)
        return len(data)

    def _send(self, payload, segments):
        header = b"P%d;%s\n" % (len(payload), b",".join(segments))
        frame = memoryview(self._marker + header + payload)
        while frame:
            frame = frame[os.write(self._fd, frame):]


_ledger = Ledger()


def print_session_exception(exc_type, exc, tb):
    """What python3's interactive prompt shows for an exception a statement
    raised, but on stdout: there it is attributed to that statement and
    judged as its output, as doctest judges a shown traceback. The prompt's
    own printer writes it (sys.__excepthook__, in C, to sys.stderr): the
    traceback module prints the same, but importing it (and re, tokenize,
    textwrap) in the zygote made every run's fork and exit dearer."""
    sys.last_type, sys.last_value, sys.last_traceback = exc_type, exc, tb
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is None or getattr(stdout, "closed", False):
        # No usable stdout: the prompt's own fallback is stderr.
        sys.__excepthook__(exc_type, exc, tb)
        return
    sys.stderr = stdout
    try:
        sys.__excepthook__(exc_type, exc, tb)
    finally:
        sys.stderr = stderr


def set_environment(changes):
    """Sets ({name: value}) or unsets ({name: None}) variables through
    os.environ, so that it and the C environment stay one."""
    for name, value in changes.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


# The zygote's own standard streams, kept: the prepared ones replace them
# (or a run's own do), and freeing them in a run would write to (so copy)
# every page they touch, in every run.
_ZYGOTE_STREAMS = (sys.stdin, sys.stdout, sys.stderr, sys.__stdin__, sys.__stdout__, sys.__stderr__)


def make_streams(stdin_fd, stdout_fd, stderr_fd, marker):
    """The standard streams as python3 builds them, with the encoding the
    interpreter chose at start-up; stdout framed and attributed."""
    encoding = sys.__stdout__.encoding if sys.__stdout__ else "utf-8"
    errors = sys.__stdout__.errors if sys.__stdout__ else "strict"
    in_errors = sys.__stdin__.errors if sys.__stdin__ else errors

    raw = FramedRaw(stdout_fd, marker)
    stdout = AttributedText(AttributedBuffer(raw), encoding=encoding, errors=errors,
                            line_buffering=False, write_through=False)
    stdout.mode = "w"
    stderr = io.TextIOWrapper(io.open(stderr_fd, "wb", closefd=False), encoding=encoding,
                              errors="backslashreplace", line_buffering=True)
    stderr.mode = "w"
    stdin = io.TextIOWrapper(io.open(stdin_fd, "rb", closefd=False), encoding=encoding,
                             errors=in_errors, line_buffering=False)
    stdin.mode = "r"
    return stdin, stdout, stderr


# The streams the next run starts with, made in the zygote (prepare_streams).
_prepared = None


def _wear(stdin, stdout, stderr):
    sys.stdin = sys.__stdin__ = stdin
    sys.stdout = sys.__stdout__ = stdout
    sys.stderr = sys.__stderr__ = stderr
    _ledger.thread = _get_ident()  # a fork keeps the forking thread's


def prepare_streams():
    """In the zygote, once, while fds 0-2 are stand-ins of the kinds a run's
    are (what the streams ask of an fd when made: its size of block, whether
    it seeks): the streams every run starts with, worn by the zygote itself
    (which runs no Python once it serves). A run whose fds fit them changes
    their marker and nothing else, so the many pages that making and wearing
    them writes are written once, here. Returns the raw stdout, whose marker
    each run sets."""
    global _prepared
    _prepared = make_streams(0, 1, 2, b"")
    _wear(*_prepared)
    return _prepared[1].buffer.raw


def install(marker, env_changes, prepared):
    """Puts the run's standard streams on fds 0-2 (the prepared ones, already
    worn, when its fds are of the kinds they were made for) and applies the
    run's own environment changes (usually none: the zygote wears its runs')."""
    if prepared and _prepared is not None:
        _prepared[1].buffer.raw._marker = marker
    else:
        _wear(*make_streams(0, 1, 2, marker))

    if env_changes:
        set_environment(env_changes)

    # numpy's legacy global generator was seeded once in the zygote; python3
    # seeds it afresh in every process. (`random` reseeds itself after fork.)
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()
    return _ledger


_REHEARSAL = compile("print('rehearsal', 1, file=stream)\nstream.write(f'{2.5!r} ' * 3 + '\\n')\n",
                     "<rehearsal>", "exec")


def rehearse(fd, times):
    """In the zygote, before any fork: takes the streams' and the ledger's
    paths `times` times on throwaway streams writing to `fd`. The interpreter
    specialises the bytecode of what it runs often, which writes to the code
    objects (and the allocator to its pools): done once here, not in every
    run, where each page written is a page copied. Leaves no trace but that."""
    for _ in range(times):
        stdin, stdout, stderr = make_streams(fd, fd, fd, b"rehearsal:")
        _ledger.thread = _get_ident()
        _ledger.line = 1
        _ledger.enter(_REHEARSAL)
        exec(_REHEARSAL, {"stream": stdout})
        stdout.flush()
        stderr.write("rehearsal\n")
        stdin.read()
    _ledger.__init__()
