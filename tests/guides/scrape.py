#!/usr/bin/python3
"""Render a Markdown or reST guide as the plain text a web-page scrape gives.

    scrape.py GUIDE [-o OUT] [--keep-blank-lines]

A guide copied from a rendered web page keeps its words and loses its
markup: no fences, no directives, no heading underlines, every line flush
left, and (by default) no blank lines, which is the shape of the bundled
guide. score.py --scraped scores guidecheck on these renderings, with the
answer key's lines carried over by the line map that render() returns.

The renderer is deliberately simple and line-based: it models what a scrape
keeps, not every corner of Markdown or reST.
"""

import argparse
import re
import sys

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
SETEXT_OR_RULE = re.compile(r"^\s{0,3}(=+|-+|\*{3,}|_{3,})\s*$")
RST_ADORNMENT = re.compile(r"""^([=\-~^"'`#*+:.!_<>])\1{2,}\s*$""")
RST_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:-]+)::(.*)$")
RST_COMMENT = re.compile(r"^(\s*)\.\.(\s|$)")
RST_OPTION = re.compile(r"^\s+:[\w -]+:")
RST_FIELD = re.compile(r"^:([\w -]+):\s*(.*)$")
# Directives a page shows nothing of (their content is a table of contents,
# a hidden setup block, or metadata).
LIST_ITEM = re.compile(r"^([-*+]|\d+[.)]|#\.)\s")
RST_HIDDEN = {"contents", "toctree", "testsetup", "testcleanup", "index", "meta", "highlight",
              "currentmodule", "module", "only", "raw", "include", "image", "figure"}


def outside_code_spans(text, transform):
    """Applies transform to the text between `code spans`, and unwraps the spans."""
    parts = re.split(r"(`+)(.+?)\1", text)
    out = []
    for i in range(0, len(parts), 3):
        out.append(transform(parts[i]))
        if i + 2 < len(parts):
            out.append(parts[i + 2])
    return "".join(out)


def md_emphasis(text):
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)        # images -> alt text
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)         # links -> their text
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"<!--.*?-->", "", text)


def md_inline(text):
    text = re.sub(r"^\s*>\s?", "", text)                          # block quotes
    if text.strip().startswith("|") and text.strip().endswith("|"):
        cells = [c.strip() for c in text.strip().strip("|").split("|")]
        if all(re.fullmatch(r":?-+:?", c) for c in cells if c):
            return ""
        text = " ".join(cells)
    return outside_code_spans(text, md_emphasis)


def rst_inline(text):
    text = re.sub(r":[\w:+-]+:`([^`<]*?)(\s*<[^>]*>)?`", r"\1", text)   # roles
    text = re.sub(r"`([^`<]*?)\s*<[^>]*>`_{1,2}", r"\1", text)          # named links
    text = re.sub(r"``(.+?)``", r"\1", text)
    text = re.sub(r"`([^`]+)`_{0,2}", r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"\|([\w -]+)\|", r"\1", text)
    stripped = text.rstrip()
    if stripped.endswith("::"):                                     # "Output::" -> "Output:"
        head = stripped[:-2].rstrip()
        text = "" if not head else (head if stripped[-3:-2].isspace() else head + ":")
    field = RST_FIELD.match(text.strip())
    if field:
        text = f"{field.group(1)}: {field.group(2)}"
    return text


def render_markdown(lines):
    """-> list of (text, source line number or None) for each kept line"""
    out = []
    fence = None
    for number, line in enumerate(lines, 1):
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(1)[0] * len(m.group(1))
            continue
        if fence is not None:
            if m and m.group(1).startswith(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            else:
                out.append((line, number, "code"))
            continue
        heading = MD_HEADING.match(line)
        if heading:
            out.append((md_inline(heading.group(1)), number, "heading"))
            continue
        if SETEXT_OR_RULE.match(line):
            continue
        if (line.strip() and number < len(lines) and re.match(r"^\s{0,3}(=+|-+)\s*$", lines[number])
                and not LIST_ITEM.match(line.strip())):
            out.append((md_inline(line), number, "heading"))     # a setext heading
            continue
        if line.startswith("    ") or line.startswith("\t"):
            out.append((line, number, "code"))   # indented code, or a list's continuation
            continue
        out.append((md_inline(line), number, "text"))
    return out


def render_rst(lines):
    out = []
    block_indent = None     # the indentation that ends the current directive or literal block
    block_kind = None       # "code" or "hidden"
    literal_next = None     # the indentation of a paragraph that ended in "::"
    in_doctest = False      # a doctest block runs from ">>>" to the next blank line
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip())
        in_doctest = in_doctest and bool(line.strip())
        if block_indent is not None:
            if not line.strip():
                continue
            if indent > block_indent:
                if block_kind == "code" and not (out and out[-1][2] == "opening" and RST_OPTION.match(line)):
                    out.append((line, number, "code"))
                continue
            block_indent = block_kind = None
        if not line.strip():
            continue
        directive = RST_DIRECTIVE.match(line)
        if directive:
            name = directive.group(2)
            block_indent = indent
            block_kind = "hidden" if name in RST_HIDDEN else "code"
            out.append(("", number, "opening"))     # keeps option lines out of the content
            literal_next = None
            continue
        if RST_COMMENT.match(line):
            block_indent, block_kind = indent, "hidden"
            continue
        if RST_ADORNMENT.match(line):
            continue
        if literal_next is not None and indent > literal_next:
            block_indent, block_kind = literal_next, "code"
            out.append((line, number, "code"))
            literal_next = None
            continue
        literal_next = indent if line.rstrip().endswith("::") else None
        if line.lstrip().startswith(">>>") or in_doctest:
            in_doctest = True
            out.append((line, number, "code"))
            continue
        out.append((rst_inline(line), number, "text"))
    return [entry for entry in out if entry[2] != "opening"]


def render(path, keep_blank_lines=False):
    """-> (scraped lines, {source line: scraped line})"""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    rendered = render_rst(lines) if path.endswith((".rst", ".rest")) else render_markdown(lines)
    text, line_map = [], {}
    previous = (None, None)     # the kind and source line of the last line kept
    for content, number, kind in rendered:
        content = content.strip()
        if not content:
            if keep_blank_lines:
                text.append("")
                line_map[number] = len(text)
                previous = ("blank", number)
            continue
        # A page reflows a paragraph into one line; list items and field
        # lines stay lines of their own.
        if (kind == "text" and previous == ("text", number - 1) and text
                and not LIST_ITEM.match(content) and not RST_FIELD.match(lines[number - 1].strip())):
            text[-1] += " " + content
        else:
            text.append(content)
        line_map[number] = len(text)
        previous = (kind, number)
    return text, line_map


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("guide")
    ap.add_argument("-o", "--output", help="write here instead of standard output")
    ap.add_argument("--keep-blank-lines", action="store_true")
    args = ap.parse_args(argv)
    text, _ = render(args.guide, args.keep_blank_lines)
    body = "\n".join(text) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(body)
    else:
        sys.stdout.write(body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
