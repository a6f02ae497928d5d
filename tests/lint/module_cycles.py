#!/usr/bin/env python3
"""The core's module graph: no cycles, and every dependency pointing down the layers.

Reads core/src (every `crate::...` and `super::...` path, `use` trees included) and checks:
  1. between the top-level modules, every edge points down the layers below (a module may use
     another of its own layer only if that makes no cycle);
  2. between any two modules (files), there is no cycle. A module and its own parent or children
     (a folder's `mod.rs` and its files) are one unit and not counted.
Prints "no module cycles" and exits 0 when clean; otherwise names each bad edge or cycle and
exits 1. Run by `make lint`; `python3 tests/lint/module_cycles.py --graph` prints the edges.
"""

import os
import re
import sys

ROOT = os.environ.get("CORE_SRC") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "src"
)

# Highest first. A module may use modules of lower layers; within a layer, only without a cycle.
LAYERS = [
    ["screens"],
    ["rules"],
    # sync: the team's records leave and arrive through the vault's storage; screens may show its
    # status, and it knows no domain type (records travel as the JSON they are stored as).
    ["sync"],
    ["domain", "backup"],
    ["vault"],
    ["storage"],
    ["crypto"],
    # words: the Fluent messages, which know no records, so error and every module above word
    # things through them.
    ["error", "time", "validate", "words"],
]
# The crate root and the test-only door see everything; nothing may depend on them.
ABOVE_ALL = {"", "test_support"}


def modules(root):
    """Module path (tuple) -> file, for every .rs file under root."""
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), root)
            parts = rel[:-3].split(os.sep)
            if parts[-1] in ("mod", "lib"):
                parts = parts[:-1]
            out[tuple(parts)] = os.path.join(dirpath, f)
    return out


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


IDENT = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|\*)")


def use_tree(text, i, prefix, out):
    """Parse a path / use tree at text[i:], adding every full path (list of segments) to out."""
    path = list(prefix)
    while True:
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if j < len(text) and text[j] == "{":
            i = j + 1
            while True:
                i = use_tree(text, i, path, out)
                while i < len(text) and text[i].isspace():
                    i += 1
                if i < len(text) and text[i] == ",":
                    i += 1
                    while i < len(text) and text[i].isspace():
                        i += 1
                    if i < len(text) and text[i] == "}":
                        return i + 1
                    continue
                return i + 1 if i < len(text) and text[i] == "}" else i
        m = IDENT.match(text, i)
        if not m:
            out.append(path)
            return i
        seg = m.group(1)
        i = m.end()
        if seg not in ("self", "*"):
            path.append(seg)
        if text.startswith("::", i):
            i += 2
            continue
        out.append(path)
        return i


def deps(mod, text, known):
    """The modules `mod` refers to."""
    paths = []
    for m in re.finditer(r"(?<![A-Za-z0-9_$])(crate|super)::", text):
        if m.group(1) == "crate":
            base = []
        else:
            base = list(mod[:-1])
            k = m.end()
            while text.startswith("super::", k):
                base = base[:-1]
                k += len("super::")
            use_tree(text, k, base, paths)
            continue
        use_tree(text, m.end(), base, paths)
    found = set()
    for p in paths:
        # The longest prefix of the path that is a module.
        for n in range(len(p), 0, -1):
            if tuple(p[:n]) in known:
                found.add(tuple(p[:n]))
                break
    return found


def related(a, b):
    """One is the other's ancestor (a folder's mod.rs and its files are one unit)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def cycles(nodes, edges):
    """Strongly connected components with more than one node (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def name(mod):
    return "::".join(mod) or "crate"


def main():
    known = modules(ROOT)
    rank = {m: r for r, layer in enumerate(LAYERS) for m in layer}
    problems = []
    file_edges, top_edges = {}, {}
    for mod, path in sorted(known.items()):
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        for dep in sorted(deps(mod, text, known)):
            if related(mod, dep):
                continue
            file_edges.setdefault(mod, set()).add(dep)
            a, b = (mod[0] if mod else ""), dep[0]
            if a == b:
                continue
            top_edges.setdefault(a, set()).add(b)
            if b in ABOVE_ALL:
                problems.append(f"{name(mod)} -> {name(dep)}: nothing may depend on `{b or 'crate'}`")
            elif a in ABOVE_ALL:
                continue
            elif a not in rank or b not in rank:
                unknown = a if a not in rank else b
                problems.append(f"{name(mod)} -> {name(dep)}: `{unknown}` is in no layer "
                                "(add it to LAYERS in tests/lint/module_cycles.py)")
            elif rank[a] > rank[b]:
                problems.append(f"{name(mod)} -> {name(dep)}: points up the layers "
                                f"({a} is below {b})")
    if "--graph" in sys.argv:
        for a in sorted(file_edges):
            print(f"{name(a)} -> {', '.join(name(b) for b in sorted(file_edges[a]))}")
    for comp in cycles(set(top_edges) | {b for s in top_edges.values() for b in s}, top_edges):
        problems.append("cycle between top-level modules: " + " <-> ".join(comp))
    for comp in cycles(set(known), file_edges):
        problems.append("module cycle: " + " <-> ".join(name(m) for m in comp))
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} module dependency problem(s)")
        return 1
    print("no module cycles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
