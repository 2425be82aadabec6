#!/usr/bin/python3
"""A flame graph (SVG) from `perf script` output, for bench/profile.

    bench/flamegraph.py PERF_SCRIPT_TXT OUT.svg [TITLE]

Folds each sample's stack (outermost first) into the folded format
(frame;frame;frame count, also written beside OUT as .folded, which
speedscope and flamegraph.pl read), then draws one box per frame, as wide
as its share of the samples, its callees on top.  Hover a box for its
name, samples and share."""

import collections
import html
import re
import sys

WIDTH, ROW, FONT = 1200, 16, 11


def fold(text):
    """Counts of each stack, outermost frame first."""
    stacks = collections.Counter()
    frames = []
    for line in text.splitlines() + [""]:
        if not line.strip():
            if frames:
                stacks[";".join(reversed(frames))] += 1
            frames = []
            continue
        if line[0] not in " \t":
            continue  # the sample's header line: comm, pid, time, event
        m = re.match(r"\s*[0-9a-f]+\s+(.+?)(?:\+0x[0-9a-f]+)?\s+\((.*)\)$", line)
        if m:
            name = m.group(1)
            if name == "[unknown]":
                name = "[" + m.group(2).rsplit("/", 1)[-1] + "]"
            frames.append(name.replace(";", ":"))
    return stacks


def tree(stacks):
    root = {"n": 0, "kids": {}}
    for stack, count in stacks.items():
        node = root
        node["n"] += count
        for frame in stack.split(";"):
            node = node["kids"].setdefault(frame, {"n": 0, "kids": {}})
            node["n"] += count
    return root


def colour(name):
    h = sum(map(ord, name)) % 60
    return f"rgb({205 + h // 2},{80 + h * 2},{40 + h // 3})"


def draw(root, title):
    total = root["n"] or 1
    boxes, depth_max = [], 0

    def walk(node, name, x, depth):
        nonlocal depth_max
        w = WIDTH * node["n"] / total
        if w < 0.3:
            return
        depth_max = max(depth_max, depth)
        boxes.append((x, depth, w, name, node["n"]))
        for kid_name, kid in sorted(node["kids"].items()):
            walk(kid, kid_name, x, depth + 1)
            x += WIDTH * kid["n"] / total

    walk(root, "all", 0.0, 0)
    height = (depth_max + 3) * ROW
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
           f'font-family="monospace" font-size="{FONT}">',
           f'<text x="4" y="{ROW - 4}">{html.escape(title)} ({total} samples)</text>']
    for x, depth, w, name, n in boxes:
        y = height - (depth + 1) * ROW
        label = name if len(name) * FONT * 0.6 < w else name[:max(int(w / (FONT * 0.6)) - 2, 0)]
        label = label + ".." if label and label != name else label
        out.append(f'<g><title>{html.escape(name)}: {n} samples, {100 * n / total:.1f}%</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{ROW - 1}" '
                   f'fill="{colour(name)}"/>'
                   + (f'<text x="{x + 2:.1f}" y="{y + ROW - 4}">{html.escape(label)}</text>'
                      if label else "") + '</g>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    text = open(sys.argv[1], errors="replace").read()
    out = sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else out
    stacks = fold(text)
    with open(out.rsplit(".", 1)[0] + ".folded", "w") as f:
        for stack, count in stacks.most_common():
            f.write(f"{stack} {count}\n")
    with open(out, "w") as f:
        f.write(draw(tree(stacks), title))


if __name__ == "__main__":
    main()
