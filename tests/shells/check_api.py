#!/usr/bin/env python3
"""Every call the phone shells make into the generated bindings must exist in them.

Neither the Android SDK nor Xcode exists where `make test` runs, so the Compose and SwiftUI code
is never compiled here. This check reads it instead:

  Kotlin: android/app/src/**/*.kt against build/bindings/kotlin/**/*.kt (and the app's Kotlin
          layer, android/core-kotlin, which the JVM tests compile)
  Swift:  ios/App/**/*.swift against build/bindings/swift/*.swift

Both sides are indexed by the same small parsers (types, properties, functions with their
parameters and Swift argument labels, enum cases, sealed subclasses, companion objects,
extensions). The shell code is then walked scope by scope: declared types, `val x = ...` and
`let x = ...`, lambda and closure parameters (explicit, or from the function they are passed to:
`withWorker { w -> }`, `forEach`, `items(list) { }`, `ForEach(list) { }`), smart-cast-free sealed
types, generics (`StateHolder<T>`, `ScreenModel<T>`), and `by`-delegated Compose state. Every
member chain whose receiver has a known type is followed link by link. It fails, with file, line
and the nearest existing name, on:

  - a member (method, property, field, enum case, sealed subclass) that a bindings or Kotlin-layer
    type does not have;
  - a call with the wrong number of arguments, unknown named arguments (Kotlin) or argument labels
    that do not match (Swift), for bindings and Kotlin-layer functions, constructors and cases;
  - an import from org.alongside.core / org.alongside.state / org.alongside.app that names
    nothing, or a wildcard import from those packages;
  - a PlatformKey implementation whose methods do not match the generated interface or protocol;
  - a Swift `case .x` in a switch over a bindings enum, or an implicit `.x` argument of a bindings
    enum type, that is not one of its cases;
  - on a receiver whose type it cannot follow, a member or free function name that exists nowhere
    but is one or two letters away from a bindings name (a misspelling).

It prints how many references to the bindings it checked. Usage:
  tests/shells/check_api.py [--root DIR] [--verbose]
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# ----------------------------------------------------------------------------------------------
# Lexer (Kotlin and Swift): identifiers (backticks removed), operators, string placeholders with
# their template expressions re-lexed in parentheses, comments dropped.
# ----------------------------------------------------------------------------------------------


@dataclass
class Tok:
    kind: str  # id | op | str | num
    text: str
    line: int


OPS = sorted(
    """?. ?: !! :: -> ... ..< == != <= >= && || += -= *= /= ++ -- => === !== !.
    { } ( ) [ ] < > , ; : . = + - * / % ! ? @ # & | ^ ~ \\ $""".split(),
    key=len,
    reverse=True,
)


OP_RE = re.compile("|".join(re.escape(o) for o in OPS))
ID_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
SWIFT_DOLLAR_RE = re.compile(r"\$[A-Za-z0-9_]+")
NUM_RE = re.compile(r"0[xXbB][0-9A-Fa-f_]+[uUL]*|[0-9][0-9_]*(\.[0-9][0-9_]*)?([eE][+-]?[0-9]+)?[fFLuU]*")
DIRECTIVE_RE = re.compile(r"#(if|elseif|else|endif)\b[^\n]*")
SPACE_RE = re.compile(r"[ \t\r\f]+")


def lex(src: str, lang: str) -> list[Tok]:
    toks: list[Tok] = []
    i, n, line = 0, len(src), 1

    def add(kind: str, text: str, ln: int) -> None:
        toks.append(Tok(kind, text, ln))

    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
            continue
        if c in " \t\r\f":
            i = SPACE_RE.match(src, i).end()
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if src.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif src.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            line += src.count("\n", i, j)
            i = j
            continue
        if lang == "swift" and c == "#":
            # A compiler directive line (#if, #endif, #else): both branches are kept.
            m = DIRECTIVE_RE.match(src, i)
            if m and src[src.rfind("\n", 0, i) + 1 : i].strip() == "":
                i = m.end()
                continue
        if c == '"':
            i, line = lex_string(src, i, line, lang, toks)
            continue
        if c == "'" and lang == "kotlin":
            m = re.match(r"'(\\.|[^'\\])*'", src[i:])
            if m:
                add("str", "'", line)
                i += m.end()
                continue
        if c == "`":
            j = src.find("`", i + 1)
            add("id", src[i + 1 : j], line)
            i = j + 1
            continue
        if c.isalpha() or c == "_":
            m = ID_RE.match(src, i)
            add("id", m.group(0), line)
            i = m.end()
            continue
        if c == "$" and lang == "swift" and i + 1 < n and (src[i + 1].isalnum() or src[i + 1] == "_"):
            m = SWIFT_DOLLAR_RE.match(src, i)
            add("id", m.group(0), line)
            i = m.end()
            continue
        if c.isdigit():
            m = NUM_RE.match(src, i)
            add("num", m.group(0), line)
            i = m.end()
            continue
        m = OP_RE.match(src, i)
        if m:
            add("op", m.group(0), line)
            i = m.end()
        else:
            i += 1
    return toks


def lex_string(src: str, i: int, line: int, lang: str, toks: list[Tok]) -> tuple[int, int]:
    """A string literal becomes one `str` token followed by `( expr )` for each template."""
    start_line = line
    triple = src.startswith('"""', i)
    quote = '"""' if triple else '"'
    j = i + len(quote)
    parts: list[tuple[str, int]] = []
    n = len(src)
    while j < n:
        if src.startswith(quote, j):
            j += len(quote)
            break
        ch = src[j]
        if ch == "\n":
            line += 1
        if ch == "\\":
            if lang == "swift" and j + 1 < n and src[j + 1] == "(":
                k, depth = j + 2, 1
                while k < n and depth:
                    if src[k] == "(":
                        depth += 1
                    elif src[k] == ")":
                        depth -= 1
                    elif src[k] == '"':
                        # a string inside the interpolation
                        k2 = k + 1
                        while k2 < n and src[k2] != '"':
                            k2 += 2 if src[k2] == "\\" else 1
                        k = k2
                    k += 1
                parts.append((src[j + 2 : k - 1], line))
                j = k
                continue
            j += 2
            continue
        if lang == "kotlin" and ch == "$":
            if j + 1 < n and src[j + 1] == "{":
                k, depth = j + 2, 1
                while k < n and depth:
                    if src[k] == "{":
                        depth += 1
                    elif src[k] == "}":
                        depth -= 1
                    k += 1
                parts.append((src[j + 2 : k - 1], line))
                j = k
                continue
            m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)", src[j:])
            if m:
                parts.append((m.group(1), line))
                j += m.end()
                continue
        j += 1
    toks.append(Tok("str", '"', start_line))
    for text, ln in parts:
        toks.append(Tok("op", "(", ln))
        for t in lex(text, lang):
            toks.append(Tok(t.kind, t.text, ln + t.line - 1))
        toks.append(Tok("op", ")", ln))
    return j, line


def match_brackets(toks: list[Tok]) -> dict[int, int]:
    pairs, stack = {}, []
    openers = {"(": ")", "[": "]", "{": "}"}
    for k, t in enumerate(toks):
        if t.kind != "op":
            continue
        if t.text in openers:
            stack.append(k)
        elif t.text in (")", "]", "}"):
            while stack:
                o = stack.pop()
                if openers[toks[o].text] == t.text:
                    pairs[o] = k
                    pairs[k] = o
                    break
    return pairs


# ----------------------------------------------------------------------------------------------
# Types
# ----------------------------------------------------------------------------------------------


@dataclass
class TypeRef:
    name: str  # e.g. "List", "TodayView", "->" for function types, "?" unknown
    args: list["TypeRef"] = field(default_factory=list)
    receiver: "TypeRef | None" = None  # Kotlin `T.() -> R`

    def __str__(self) -> str:
        if self.name == "->":
            ps = ", ".join(map(str, self.args[:-1]))
            r = f"{self.receiver}." if self.receiver else ""
            return f"{r}({ps}) -> {self.args[-1]}"
        return self.name + (f"<{', '.join(map(str, self.args))}>" if self.args else "")


UNKNOWN = TypeRef("?")

SKIP_TYPE_WORDS = {"out", "in", "@escaping", "inout", "some", "any", "reified", "crossinline", "noinline", "vararg", "suspend", "sending", "borrowing", "consuming", "isolated"}


def norm_name(name: str) -> str:
    """kotlin.String -> String, org.alongside.core.Day -> Day, AlongsideException.Invalid stays."""
    parts = name.split(".")
    while len(parts) > 1 and parts[0][:1].islower():
        parts.pop(0)
    return ".".join(parts)


def parse_type(toks: list[Tok], i: int, end: int, lang: str) -> tuple[TypeRef, int]:
    """Parse one type starting at toks[i]; return it and the index after it."""
    while i < end and (toks[i].text in SKIP_TYPE_WORDS or (toks[i].text == "@" and i + 1 < end)):
        # @Composable, @escaping, @Sendable, @MainActor: attributes in a type say nothing of its shape
        i += 2 if toks[i].text == "@" else 1
    if i >= end:
        return UNKNOWN, i
    t = toks[i]
    # Function types: (A, B) -> R, possibly a receiver type first (Kotlin T.() -> R).
    if t.text == "(":
        depth, j, params, cur = 0, i, [], i + 1
        while j < end:
            if toks[j].text in "([{<" and toks[j].kind == "op":
                depth += 1
            elif toks[j].text in ")]}>" and toks[j].kind == "op":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        # split params at top-level commas
        k = i + 1
        while k < j:
            if toks[k].kind == "id" and k + 1 < j and toks[k + 1].text == ":" and lang == "kotlin":
                k += 2  # named function-type parameter (name: Type)
            if lang == "swift" and toks[k].kind == "id" and k + 1 < j and toks[k + 1].text == ":":
                k += 2
            if lang == "swift" and toks[k].text == "_" and k + 2 < j and toks[k + 2].text == ":":
                k += 3
            p, k = parse_type(toks, k, j, lang)
            params.append(p)
            while k < j and toks[k].text != ",":
                k += 1
            k += 1
        k = j + 1
        while k < end and toks[k].text in ("throws", "async", "rethrows"):
            k += 1
        if k < end and toks[k].text == "->":
            ret, k = parse_type(toks, k + 1, end, lang)
            return TypeRef("->", params + [ret]), k
        inner = params[0] if len(params) == 1 else UNKNOWN
        return opt_suffix(toks, inner, j + 1, end)
    if t.text == "[" and lang == "swift":
        inner, k = parse_type(toks, i + 1, end, lang)
        if k < end and toks[k].text == ":":
            val, k = parse_type(toks, k + 1, end, lang)
            ref = TypeRef("Dictionary", [inner, val])
        else:
            ref = TypeRef("Array", [inner])
        if k < end and toks[k].text == "]":
            k += 1
        return opt_suffix(toks, ref, k, end)
    if t.kind != "id":
        return UNKNOWN, i + 1
    name, k = t.text, i + 1
    while k + 1 < end and toks[k].text == "." and toks[k + 1].kind == "id" and toks[k + 1].text not in ("Type", "self"):
        name += "." + toks[k + 1].text
        k += 2
    args: list[TypeRef] = []
    if k < end and toks[k].text == "<":
        k += 1
        while k < end and toks[k].text != ">":
            if toks[k].text == "*":
                args.append(UNKNOWN)
                k += 1
            else:
                a, k = parse_type(toks, k, end, lang)
                args.append(a)
            if k < end and toks[k].text == ",":
                k += 1
            elif k < end and toks[k].text not in (">",):
                break
        k += 1
    ref = TypeRef(norm_name(name), args)
    # Kotlin receiver function type: T.() -> R
    if lang == "kotlin" and k + 1 < end and toks[k].text == "." and toks[k + 1].text == "(":
        fn, k2 = parse_type(toks, k + 1, end, lang)
        if fn.name == "->":
            fn.receiver = ref
            return fn, k2
    return opt_suffix(toks, ref, k, end)


def opt_suffix(toks: list[Tok], ref: TypeRef, k: int, end: int) -> tuple[TypeRef, int]:
    while k < end and toks[k].text in ("?", "!") and toks[k].kind == "op":
        k += 1
    if k < end and toks[k].text == "...":
        ref = TypeRef("Array", [ref])
        k += 1
    return ref, k


def subst(t: TypeRef, env: dict[str, TypeRef]) -> TypeRef:
    if not env:
        return t
    if t.name in env and not t.args:
        return env[t.name]
    return TypeRef(t.name, [subst(a, env) for a in t.args], subst(t.receiver, env) if t.receiver else None)


# ----------------------------------------------------------------------------------------------
# Declarations
# ----------------------------------------------------------------------------------------------


@dataclass
class Param:
    label: str | None  # Swift argument label (None: unlabelled); Kotlin: the name
    name: str
    type: TypeRef
    default: bool = False


@dataclass
class Member:
    name: str
    kind: str  # prop | func | case | init | nested
    type: TypeRef = field(default_factory=lambda: UNKNOWN)
    params: list[Param] | None = None
    static: bool = False
    generics: list[str] = field(default_factory=list)
    owner: "Decl | None" = None
    value: tuple[int, int] | None = None  # token range of `val x = <expr>`, for inference
    file: "Source | None" = None


@dataclass
class Decl:
    name: str  # qualified for nested: Outer.Inner
    kind: str  # class | interface | object | enum | struct | protocol | sealed | alias
    origin: str  # bindings | layer | app
    lang: str
    generics: list[str] = field(default_factory=list)
    supers: list[TypeRef] = field(default_factory=list)
    members: dict[str, list[Member]] = field(default_factory=dict)
    subclasses: list["Decl"] = field(default_factory=list)
    alias: TypeRef | None = None
    file: "Source | None" = None
    private: bool = False

    def add(self, m: Member) -> None:
        m.owner = self
        self.members.setdefault(m.name, []).append(m)


@dataclass
class Source:
    path: Path
    lang: str
    origin: str
    toks: list[Tok]
    pairs: dict[int, int]
    rel: str


class Index:
    """Every declaration of one language: bindings, the Kotlin layer, the app."""

    def __init__(self, lang: str):
        self.lang = lang
        self.types: dict[str, list[Decl]] = {}
        self.funcs: dict[str, list[Member]] = {}
        self.extensions: dict[str, list[Member]] = {}  # type name -> members added by extensions
        self.packages: dict[str, set[str]] = {}  # Kotlin package -> top-level names

    def add_type(self, d: Decl) -> None:
        self.types.setdefault(d.name, []).append(d)

    def type(self, name: str, near: Source | None = None) -> Decl | None:
        ds = self.types.get(name)
        if not ds:
            return None
        if near is not None:
            for d in ds:
                if d.file is near:
                    return d
        public = [d for d in ds if not d.private]
        return (public or ds)[0]

    def names_of(self, origin: str) -> set[str]:
        out = set()
        for ds in self.types.values():
            for d in ds:
                if d.origin == origin:
                    for n in d.members:
                        out.add(n)
        for fs in self.funcs.values():
            for f in fs:
                if f.file and f.file.origin == origin:
                    out.add(f.name)
        return out


KOTLIN_MODIFIERS = {
    "public", "private", "protected", "internal", "open", "abstract", "final", "override", "data",
    "sealed", "enum", "inner", "inline", "crossinline", "noinline", "reified", "suspend", "operator",
    "infix", "tailrec", "external", "annotation", "lateinit", "const", "value", "expect", "actual",
}
SWIFT_MODIFIERS = {
    "public", "private", "fileprivate", "internal", "open", "final", "static", "override", "mutating",
    "nonmutating", "convenience", "required", "lazy", "weak", "unowned", "indirect", "dynamic",
    "nonisolated", "package", "prefix", "postfix", "infix", "optional",
}


def skip_annotation(toks: list[Tok], i: int, end: int, pairs: dict[int, int]) -> int:
    """toks[i] is '@': skip `@Name`, `@file:Name(...)`, `@Name.Sub(...)`."""
    i += 1
    if i < end and toks[i].kind == "id" and i + 1 < end and toks[i + 1].text == ":" and toks[i].text in ("file", "get", "set", "param", "field", "property"):
        i += 2
    while i < end and toks[i].kind == "id":
        i += 1
        if i + 1 < end and toks[i].text == "." and toks[i + 1].kind == "id":
            i += 1
            continue
        break
    if i < end and toks[i].text == "(" and i in pairs:
        i = pairs[i] + 1
    return i


def parse_generics(toks: list[Tok], i: int, end: int) -> tuple[list[str], int]:
    names: list[str] = []
    if i < end and toks[i].text == "<":
        depth = 0
        j = i
        expect_name = True
        while j < end:
            t = toks[j].text
            if t == "<":
                depth += 1
                expect_name = depth == 1
            elif t == ">":
                depth -= 1
                if depth == 0:
                    return names, j + 1
            elif t == "," and depth == 1:
                expect_name = True
            elif depth == 1 and expect_name and toks[j].kind == "id" and t not in ("out", "in", "reified"):
                names.append(t)
                expect_name = False
            j += 1
    return names, i


def kotlin_params(src: Source, i: int, close: int, as_props: list | None = None) -> list[Param]:
    """(a: T, b: U = x) from '(' at i to ')' at close. `val`/`var` params are also properties."""
    toks, params = src.toks, []
    k = i + 1
    while k < close:
        while k < close and (toks[k].text == "@" or toks[k].text in KOTLIN_MODIFIERS or toks[k].text in ("vararg",)):
            k = skip_annotation(toks, k, close, src.pairs) if toks[k].text == "@" else k + 1
        is_prop = k < close and toks[k].text in ("val", "var")
        if is_prop:
            k += 1
        if k + 1 < close and toks[k].kind == "id" and toks[k + 1].text == ":":
            name = toks[k].text
            ty, k = parse_type(toks, k + 2, close, "kotlin")
            default = False
            if k < close and toks[k].text == "=":
                default = True
            params.append(Param(name, name, ty, default))
            if is_prop and as_props is not None:
                as_props.append(Member(name, "prop", ty, file=src))
        depth = 0
        while k < close:
            t = toks[k].text
            if t in "([{" and toks[k].kind == "op":
                depth += 1
            elif t in ")]}" and toks[k].kind == "op":
                depth -= 1
            elif t == "," and depth == 0:
                break
            k += 1
        k += 1
    return params


def swift_params(src: Source, i: int, close: int) -> list[Param]:
    toks, params = src.toks, []
    k = i + 1
    while k < close:
        while k < close and toks[k].text == "@":
            k = skip_annotation(toks, k, close, src.pairs)
        if k < close and toks[k].kind == "id":
            first = toks[k].text
            if k + 1 < close and toks[k + 1].kind == "id" and toks[k + 2].text == ":" if k + 2 < close else False:
                label, name, k = (None if first == "_" else first), toks[k + 1].text, k + 3
            elif k + 1 < close and toks[k + 1].text == ":":
                label, name, k = first, first, k + 2
            else:
                label, name = None, first
                k += 1
            ty, k = parse_type(toks, k, close, "swift")
            default = k < close and toks[k].text == "="
            params.append(Param(label, name, ty, default))
        depth = 0
        while k < close:
            t = toks[k].text
            if t in "([{" and toks[k].kind == "op":
                depth += 1
            elif t in ")]}" and toks[k].kind == "op":
                depth -= 1
            elif t == "," and depth == 0:
                break
            k += 1
        k += 1
    return params


DECL_STARTERS_KT = {"fun", "val", "var", "class", "interface", "object", "typealias", "init", "constructor", "companion", "@", "}", "enum", "data", "sealed", "import", "package"} | KOTLIN_MODIFIERS


def next_decl(toks: list[Tok], i: int, end: int, pairs: dict[int, int], lang: str) -> int:
    """From an expression (a property initialiser or expression body), find where the next
    declaration starts: a declaration keyword on a later line at the same depth."""
    start_line = toks[i].line if i < end else 0
    starters = DECL_STARTERS_KT if lang == "kotlin" else {"func", "var", "let", "struct", "class", "enum", "protocol", "extension", "init", "case", "typealias", "@", "}", "import", "deinit", "subscript"} | SWIFT_MODIFIERS
    k = i
    while k < end:
        t = toks[k]
        if t.kind == "op" and t.text in "([{" and k in pairs:
            k = pairs[k] + 1
            continue
        if t.line > start_line and t.text in starters and not (k > 0 and toks[k - 1].text == "."):
            # `get() = ...` belongs to the property
            return k
        k += 1
    return end


def kotlin_receiver(toks: list[Tok], j: int, end: int, pairs: dict[int, int], fun: bool) -> tuple[TypeRef | None, int]:
    """`fun Type.name(` / `val Type.name`: the receiver type and the index of the name. The
    name is the identifier before the parameter list (fun) or before `:`/`=`/`by` (val)."""
    k, last_dot = j, None
    while k < end:
        t = toks[k]
        if t.text == "<" and t.kind == "op":
            depth = 0
            while k < end:
                depth += toks[k].text == "<"
                depth -= toks[k].text == ">"
                k += 1
                if depth == 0:
                    break
            continue
        if t.text in (".", "?.") and k + 1 < end and toks[k + 1].kind == "id":
            last_dot = k
            k += 2
            continue
        if t.kind == "id" or t.text == "?":
            k += 1
            continue
        break
    # k: first token after the qualified name (`(` for fun, `:`/`=`/`by` for val)
    if last_dot is None:
        return None, j
    rt, _ = parse_type(toks[:last_dot] + [Tok("op", ";", 0)], j, last_dot + 1, "kotlin")
    return rt, last_dot + 1


def index_kotlin(src: Source, idx: Index, start: int, end: int, container: Decl | None, static: bool = False) -> None:
    toks, pairs = src.toks, src.pairs
    i = start
    while i < end:
        t = toks[i]
        if t.text == "package" and container is None:
            j = i + 1
            parts = []
            while j < end and (toks[j].kind == "id" or toks[j].text == ".") and toks[j].line == t.line:
                if toks[j].kind == "id":
                    parts.append(toks[j].text)
                j += 1
            src.package = ".".join(parts)  # type: ignore[attr-defined]
            i = j
            continue
        if t.text == "import":
            j = i + 1
            while j < end and (toks[j].kind == "id" or toks[j].text in (".", "*")) and toks[j].line == t.line:
                j += 1
            i = j
            continue
        if t.text == "@":
            i = skip_annotation(toks, i, end, pairs)
            continue
        private = False
        mods = set()
        while i < end and (toks[i].text in KOTLIN_MODIFIERS or toks[i].text == "@"):
            if toks[i].text == "@":
                i = skip_annotation(toks, i, end, pairs)
                continue
            mods.add(toks[i].text)
            i += 1
        private = "private" in mods
        if i >= end:
            break
        t = toks[i]
        if t.text == "companion" and i + 1 < end and toks[i + 1].text == "object":
            j = i + 2
            if j < end and toks[j].kind == "id" and toks[j].text not in (":",):
                j += 1
            while j < end and toks[j].text not in ("{",) and toks[j].line == t.line:
                j += 1
            if j < end and toks[j].text == "{" and container is not None:
                index_kotlin(src, idx, j + 1, pairs[j], container, static=True)
                i = pairs[j] + 1
            else:
                i = j
            continue
        if t.text in ("class", "interface", "object") or (t.text == "fun" and i + 1 < end and toks[i + 1].text == "interface"):
            if t.text == "fun":
                i += 1
            kind = {"class": "class", "interface": "interface", "object": "object"}[toks[i].text]
            if "enum" in mods:
                kind = "enum"
            if "sealed" in mods:
                kind = "sealed"
            j = i + 1
            if j >= end or toks[j].kind != "id":
                i = j
                continue
            name = toks[j].text
            qname = f"{container.name}.{name}" if container else name
            d = Decl(qname, kind, src.origin, "kotlin", file=src, private=private)
            d.generics, j = parse_generics(toks, j + 1, end)
            while j < end and (toks[j].text in KOTLIN_MODIFIERS or toks[j].text in ("constructor", "@")):
                j = skip_annotation(toks, j, end, pairs) if toks[j].text == "@" else j + 1
            props: list[Member] = []
            if j < end and toks[j].text == "(" and j in pairs:
                ctor = kotlin_params(src, j, pairs[j], props)
                d.add(Member("<init>", "init", TypeRef(qname), ctor, file=src))
                for p in props:
                    d.add(p)
                j = pairs[j] + 1
            elif kind in ("class",):
                d.add(Member("<init>", "init", TypeRef(qname), [], file=src))
            if j < end and toks[j].text == ":":
                j += 1
                while j < end:
                    sup, j = parse_type(toks, j, end, "kotlin")
                    d.supers.append(sup)
                    if j < end and toks[j].text == "(" and j in pairs:
                        j = pairs[j] + 1
                    if j < end and toks[j].text == "by":  # delegation
                        j += 1
                        while j < end and toks[j].kind == "id" or (j < end and toks[j].text == "."):
                            j += 1
                    if j < end and toks[j].text == ",":
                        j += 1
                        continue
                    break
            idx.add_type(d)
            if container is not None:
                container.add(Member(name, "nested", TypeRef(qname), static=True, file=src))
            if j < end and toks[j].text == "{" and j in pairs:
                body_end = pairs[j]
                k = j + 1
                if kind == "enum":
                    while k < body_end and toks[k].text != ";" and toks[k].text != "}":
                        if toks[k].kind == "id" and (toks[k + 1].text in (",", ";", "(", "{", "}")):
                            d.add(Member(toks[k].text, "case", TypeRef(qname), static=True, file=src))
                            k += 1
                            if toks[k].text in ("(", "{") and k in pairs:
                                k = pairs[k] + 1
                            continue
                        if toks[k].text == "@":
                            k = skip_annotation(toks, k, body_end, pairs)
                            continue
                        k += 1
                index_kotlin(src, idx, k, body_end, d)
                i = body_end + 1
            else:
                i = j
            continue
        if t.text == "fun":
            j = i + 1
            gens, j = parse_generics(toks, j, end)
            receiver, j = kotlin_receiver(toks, j, end, pairs, True)
            if j >= end or toks[j].kind != "id":
                i = j
                continue
            name = toks[j].text
            j += 1
            more, j = parse_generics(toks, j, end)
            gens += more
            if j < end and toks[j].text == "(" and j in pairs:
                params = kotlin_params(src, j, pairs[j])
                j = pairs[j] + 1
            else:
                params = []
            ret = TypeRef("Unit")
            if j < end and toks[j].text == ":":
                ret, j = parse_type(toks, j + 1, end, "kotlin")
            m = Member(name, "func", ret, params, static=static, generics=gens, file=src)
            if j < end and toks[j].text == "=" and ret.name == "Unit":
                e = next_decl(toks, j + 1, end, pairs, "kotlin")
                m.value = (j + 1, e)
                m.type = UNKNOWN
            if receiver is not None:
                m.generics += []
                idx.extensions.setdefault(receiver.name, []).append(m)
            elif container is not None:
                container.add(m)
            else:
                idx.funcs.setdefault(name, []).append(m)
            # skip the body
            while j < end and toks[j].text == "where":
                j += 1
                while j < end and toks[j].text not in ("{", "="):
                    j += 1
            if j < end and toks[j].text == "{" and j in pairs:
                i = pairs[j] + 1
            elif j < end and toks[j].text == "=":
                i = next_decl(toks, j + 1, end, pairs, "kotlin")
            else:
                i = j
            continue
        if t.text in ("val", "var"):
            j = i + 1
            gens, j = parse_generics(toks, j, end)
            if j < end and toks[j].text == "(":  # destructuring
                i = pairs.get(j, j) + 1
                continue
            # extension property
            receiver, j = kotlin_receiver(toks, j, end, pairs, False)
            if j >= end or toks[j].kind != "id":
                i = j
                continue
            name = toks[j].text
            j += 1
            ty = UNKNOWN
            value = None
            if j < end and toks[j].text == ":":
                ty, j = parse_type(toks, j + 1, end, "kotlin")
            if j < end and toks[j].text in ("=", "by"):
                e = next_decl(toks, j + 1, end, pairs, "kotlin")
                if ty is UNKNOWN:
                    value = (j + 1, e)
                    if toks[j].text == "by":
                        value = (j, e)
                j = e
            else:
                j = next_decl(toks, j, end, pairs, "kotlin") if j < end and toks[j].line == toks[i].line else j
            m = Member(name, "prop", ty, static=static, file=src, value=value)
            if receiver is not None:
                idx.extensions.setdefault(receiver.name, []).append(m)
            elif container is not None:
                container.add(m)
            else:
                idx.funcs.setdefault(name, []).append(m)
            i = max(j, i + 1)
            continue
        if t.text == "typealias":
            if i + 1 < end and toks[i + 1].kind == "id":
                name = toks[i + 1].text
                gens, j = parse_generics(toks, i + 2, end)
                if j < end and toks[j].text == "=":
                    ty, j = parse_type(toks, j + 1, end, "kotlin")
                    d = Decl(name, "alias", src.origin, "kotlin", file=src, alias=ty)
                    idx.add_type(d)
                    i = j
                    continue
            i += 1
            continue
        if t.text in ("init",) and i + 1 < end and toks[i + 1].text == "{":
            i = pairs[i + 1] + 1
            continue
        if t.text == "constructor" and i + 1 < end and toks[i + 1].text == "(":
            j = pairs[i + 1] + 1
            if container is not None:
                container.add(Member("<init>", "init", TypeRef(container.name), kotlin_params(src, i + 1, pairs[i + 1]), file=src))
            if j < end and toks[j].text == ":":
                j += 1
                while j < end and toks[j].kind == "id":
                    j += 1
                if j < end and toks[j].text == "(":
                    j = pairs[j] + 1
            if j < end and toks[j].text == "{":
                j = pairs[j] + 1
            i = j
            continue
        if t.kind == "op" and t.text in "([{" and i in pairs:
            i = pairs[i] + 1
            continue
        i += 1


def index_swift(src: Source, idx: Index, start: int, end: int, container: Decl | None) -> None:
    toks, pairs = src.toks, src.pairs
    i = start
    while i < end:
        t = toks[i]
        if t.text == "import":
            i += 2
            continue
        mods = set()
        while i < end and (toks[i].text in SWIFT_MODIFIERS or toks[i].text == "@" or (toks[i].text == "class" and i + 1 < end and toks[i + 1].text in ("func", "var", "let"))):
            if toks[i].text == "@":
                i = skip_annotation(toks, i, end, pairs)
                continue
            mods.add(toks[i].text)
            i += 1
            if i < end and toks[i].text == "(" and toks[i - 1].text in ("private", "fileprivate", "internal", "public", "package") and i in pairs:
                i = pairs[i] + 1  # private(set)
        if i >= end:
            break
        t = toks[i]
        static = bool(mods & {"static", "class"})
        private = bool(mods & {"private", "fileprivate"})
        if t.text in ("struct", "class", "enum", "protocol", "actor", "extension"):
            j = i + 1
            if j >= end or toks[j].kind != "id":
                i = j
                continue
            name_ref, j = parse_type(toks, j, end, "swift") if t.text == "extension" else (TypeRef(toks[j].text), j + 1)
            if t.text == "extension":
                d = Decl(name_ref.name, "extension", src.origin, "swift", file=src)
            else:
                qname = f"{container.name}.{name_ref.name}" if container else name_ref.name
                kind = {"struct": "struct", "class": "class", "enum": "enum", "protocol": "protocol", "actor": "class"}[t.text]
                d = Decl(qname, kind, src.origin, "swift", file=src, private=private)
                d.generics, j = parse_generics(toks, j, end)
            if j < end and toks[j].text == ":":
                j += 1
                while j < end:
                    sup, j = parse_type(toks, j, end, "swift")
                    d.supers.append(sup)
                    if j < end and toks[j].text == ",":
                        j += 1
                        continue
                    break
            while j < end and toks[j].text != "{":
                j += 1
            if t.text == "extension":
                target = idx.type(d.name)
                holder = Decl(d.name, "extension", src.origin, "swift", file=src)
                if j < end:
                    index_swift(src, idx, j + 1, pairs[j], holder)
                for ms in holder.members.values():
                    for m in ms:
                        idx.extensions.setdefault(d.name, []).append(m)
                for s in d.supers:
                    idx.extensions.setdefault(d.name, []).append(Member(f"<super:{s.name}>", "super", s, file=src))
                i = pairs[j] + 1 if j < end else j
                continue
            idx.add_type(d)
            if container is not None:
                container.add(Member(name_ref.name, "nested", TypeRef(d.name), static=True, file=src))
            if j < end:
                index_swift(src, idx, j + 1, pairs[j], d)
                i = pairs[j] + 1
            else:
                i = j
            continue
        if t.text == "case" and container is not None and container.kind == "enum":
            j = i + 1
            while j < end:
                if toks[j].kind != "id":
                    break
                name = toks[j].text
                j += 1
                params: list[Param] = []
                if j < end and toks[j].text == "(" and j in pairs:
                    params = swift_params(src, j, pairs[j])
                    j = pairs[j] + 1
                if j < end and toks[j].text == "=":
                    j += 2
                container.add(Member(name, "case", TypeRef(container.name), params, static=True, file=src))
                if j < end and toks[j].text == ",":
                    j += 1
                    continue
                break
            i = j
            continue
        if t.text in ("func", "init") or (t.text == "subscript"):
            j = i + 1
            if t.text == "func":
                if j >= end:
                    break
                name = toks[j].text
                j += 1
            else:
                name = "<init>"
                if j < end and toks[j].text in ("?", "!"):
                    j += 1
            gens, j = parse_generics(toks, j, end)
            params: list[Param] = []
            if j < end and toks[j].text == "(" and j in pairs:
                params = swift_params(src, j, pairs[j])
                j = pairs[j] + 1
            while j < end and toks[j].text in ("async", "throws", "rethrows"):
                j += 1
            ret = TypeRef("Void")
            if j < end and toks[j].text == "->":
                ret, j = parse_type(toks, j + 1, end, "swift")
            if name == "<init>" and container is not None:
                ret = TypeRef(container.name)
            while j < end and toks[j].text != "{" and toks[j].line == toks[i].line:
                j += 1
            m = Member(name, "init" if name == "<init>" else "func", ret, params, static=static or name == "<init>", generics=gens, file=src)
            if t.text != "subscript":
                if container is not None:
                    container.add(m)
                else:
                    idx.funcs.setdefault(name, []).append(m)
            if j < end and toks[j].text == "{" and j in pairs:
                i = pairs[j] + 1
            else:
                i = j
            continue
        if t.text in ("var", "let"):
            j = i + 1
            if j >= end or toks[j].kind != "id":
                i = j
                continue
            name = toks[j].text
            j += 1
            ty = UNKNOWN
            value = None
            if j < end and toks[j].text == ":":
                ty, j = parse_type(toks, j + 1, end, "swift")
            if j < end and toks[j].text == "=":
                e = next_decl(toks, j + 1, end, pairs, "swift")
                value = (j + 1, e)
                j = e
            if j < end and toks[j].text == "{" and j in pairs and toks[j].line == toks[i].line:
                j = pairs[j] + 1  # computed property or observers
            m = Member(name, "prop", ty, static=static, file=src, value=value if ty is UNKNOWN else None)
            if container is not None:
                container.add(m)
            else:
                idx.funcs.setdefault(name, []).append(m)
            i = max(j, i + 1)
            continue
        if t.text == "typealias" and i + 1 < end:
            name = toks[i + 1].text
            if i + 2 < end and toks[i + 2].text == "=":
                ty, j = parse_type(toks, i + 3, end, "swift")
                d = Decl(f"{container.name}.{name}" if container else name, "alias", src.origin, "swift", file=src, alias=ty)
                idx.add_type(d)
                if container is not None:
                    container.add(Member(name, "nested", TypeRef(d.name), static=True, file=src))
                i = j
                continue
        if t.kind == "op" and t.text in "([{" and i in pairs:
            i = pairs[i] + 1
            continue
        i += 1


# ----------------------------------------------------------------------------------------------
# Platform knowledge: the few generic library types whose members carry element types through.
# ----------------------------------------------------------------------------------------------

KOTLIN_SEQ = {"List", "MutableList", "Collection", "Iterable", "Set", "MutableSet", "Array", "Sequence", "ArrayList"}
SWIFT_SEQ = {"Array", "Set", "ArraySlice"}
# higher-order members whose lambda gets the element (E), the receiver (R), or (index, E)
ELEM_LAMBDA = {
    "forEach", "map", "mapNotNull", "filter", "filterNot", "first", "firstOrNull", "last", "lastOrNull", "single",
    "any", "all", "none", "count", "associate", "associateBy", "associateWith", "sortedBy", "sortedByDescending",
    "groupBy", "find", "takeWhile", "dropWhile", "sumOf", "maxByOrNull", "minByOrNull", "partition", "flatMap",
    "onEach", "indexOfFirst", "compactMap", "contains", "allSatisfy", "sorted", "firstIndex", "removeAll",
    "flatMapTo", "mapTo", "joinToString", "filterTo",
}
INDEXED_LAMBDA = {"forEachIndexed", "mapIndexed", "filterIndexed", "itemsIndexed"}
SELF_LAMBDA = {"let", "also", "takeIf", "takeUnless", "map_optional"}
RECEIVER_LAMBDA = {"apply", "run", "with"}
SEQ_RETURNS_ELEM = {"first", "firstOrNull", "last", "lastOrNull", "single", "singleOrNull", "get", "getOrNull", "find", "removeFirst", "removeLast", "randomOrNull", "elementAt", "maxByOrNull", "minByOrNull", "popLast"}
SEQ_RETURNS_SELF = {"filter", "filterNot", "sortedBy", "sortedByDescending", "drop", "take", "reversed", "orEmpty", "toList", "distinct", "plus", "minus", "subList", "dropLast", "takeLast", "shuffled", "dropFirst", "prefix", "suffix", "sorted", "toMutableList", "filterIndexed", "onEach", "ifEmpty", "also", "apply"}
FREE_ELEM_LAMBDA = {"items", "ForEach", "List"}  # items(list) { e -> }, ForEach(list) { e in }

# free functions of Compose / Kotlin whose result wraps the type of their value
PLATFORM_STATE_FUNCS = {
    "remember": "same", "rememberSaveable": "same", "mutableStateOf": "MutableState", "derivedStateOf": "State",
    "staticCompositionLocalOf": "CompositionLocal", "compositionLocalOf": "CompositionLocal",
    "MutableStateFlow": "MutableStateFlow", "lazy": "Lazy",
}

KOTLIN_STDLIB_FREE = {
    "listOf", "listOfNotNull", "emptyList", "mutableListOf", "setOf", "mapOf", "emptyMap", "mutableMapOf", "error",
    "check", "require", "requireNotNull", "checkNotNull", "maxOf", "minOf", "repeat", "run", "with", "lazy", "TODO",
    "arrayOf", "byteArrayOf", "println", "print", "buildString", "buildList", "synchronized", "also", "apply", "let",
}


# ----------------------------------------------------------------------------------------------
# The walk over the shells' code
# ----------------------------------------------------------------------------------------------


@dataclass
class Scope:
    parent: "Scope | None" = None
    names: dict[str, TypeRef] = field(default_factory=dict)
    receiver: TypeRef | None = None  # implicit `this`
    receiver_checked: bool = False  # unqualified calls must resolve on the receiver (or be known)

    def get(self, name: str) -> TypeRef | None:
        s: Scope | None = self
        while s:
            if name in s.names:
                return s.names[name]
            s = s.parent
        return None

    def recv(self) -> tuple[TypeRef | None, bool]:
        s: Scope | None = self
        while s:
            if s.receiver is not None:
                return s.receiver, s.receiver_checked
            s = s.parent
        return None, False


@dataclass
class Finding:
    file: str
    line: int
    message: str


def damerau(a: str, b: str, limit: int = 3) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


# Misspelling look-ups, per language: the bindings' names do not change within a run.
_NEAR_CACHE: dict[str, dict[str, str | None]] = {}


class Checker:
    def __init__(self, idx: Index, lang: str, verbose: bool):
        self.idx = idx
        self.lang = lang
        self.verbose = verbose
        self.findings: list[Finding] = []
        self.checked = 0  # references into the bindings that were verified
        self.checked_layer = 0
        self.unresolved = 0
        self.src: Source | None = None
        self.binding_names = idx.names_of("bindings") | {n for n, fs in idx.funcs.items() if any(f.file and f.file.origin == "bindings" for f in fs)}
        self.binding_names |= {n.split(".")[-1] for n, ds in idx.types.items() if any(d.origin == "bindings" for d in ds)}
        # methods, properties, fields and free functions of the bindings (not types, not cases)
        self.binding_callables: set[str] = set()
        for ds in idx.types.values():
            for d in ds:
                if d.origin == "bindings":
                    for n, ms in d.members.items():
                        if any(m.kind in ("func", "prop") for m in ms) and n[:1].islower():
                            self.binding_callables.add(n)
        for n, fs in idx.funcs.items():
            if any(f.file and f.file.origin == "bindings" for f in fs) and n[:1].islower():
                self.binding_callables.add(n)
        self.foreign: set[str] = set()
        self.near_cache = _NEAR_CACHE.setdefault(lang, {})
        self.sub_cache: dict[str, list[Decl]] = {}
        self.in_pattern = False
        # member names of the bindings met on a receiver whose type could not be followed
        self.unverified: list[Finding] = []
        self.all_names: set[str] = set()
        for ds in idx.types.values():
            for d in ds:
                self.all_names.add(d.name.split(".")[-1])
                self.all_names.update(d.members)
        self.all_names.update(idx.funcs)
        for ms in idx.extensions.values():
            self.all_names.update(m.name for m in ms)
        self.seen_in_shell: set[str] = set()

    # -- reporting --------------------------------------------------------------------------

    def fail(self, tok: Tok, message: str) -> None:
        self.findings.append(Finding(self.src.rel, tok.line, message))

    def nearest(self, name: str, candidates) -> str:
        best = sorted(((damerau(name, c), c) for c in candidates), key=lambda x: x[0])
        if best and best[0][0] <= 3:
            return f" (nearest: {best[0][1]})"
        return ""

    # -- type helpers -----------------------------------------------------------------------

    def decl(self, t: TypeRef) -> Decl | None:
        seen = 0
        if t.name in self.foreign:
            return None
        d = self.idx.type(t.name, self.src)
        while d is not None and d.kind == "alias" and d.alias is not None and seen < 5:
            t = d.alias
            d = self.idx.type(t.name, self.src)
            seen += 1
        return d

    def unalias(self, t: TypeRef) -> TypeRef:
        for _ in range(5):
            d = self.idx.type(t.name, self.src)
            if d is None or d.kind != "alias" or d.alias is None:
                return t
            t = d.alias
        return t

    def checkable(self, d: Decl | None) -> bool:
        return d is not None and d.origin in ("bindings", "layer", "resources")

    def elem(self, t: TypeRef) -> TypeRef:
        t = self.unalias(t)
        seqs = KOTLIN_SEQ if self.lang == "kotlin" else SWIFT_SEQ
        if t.name in seqs and t.args:
            return t.args[0]
        if t.name in ("Map", "Dictionary") and len(t.args) == 2:
            return UNKNOWN
        return UNKNOWN

    def members(self, t: TypeRef, name: str, static: bool | None = None, depth: int = 0) -> tuple[list[tuple[Member, dict]], bool]:
        """Members called `name` on type t (with the generic substitution for each), and whether
        the answer is complete (every supertype known): only then can absence be an error."""
        t = self.unalias(t)
        d = self.decl(t)
        out: list[tuple[Member, dict]] = []
        complete = d is not None
        if d is None or depth > 6:
            return out, False
        env = {g: (t.args[k] if k < len(t.args) else UNKNOWN) for k, g in enumerate(d.generics)}
        for m in d.members.get(name, []):
            out.append((m, env))
        for m in self.idx.extensions.get(d.name, []) + self.idx.extensions.get(d.name.split(".")[-1], []):
            if m.name == name:
                out.append((m, env))
        supers = list(d.supers) + [m.type for m in self.idx.extensions.get(d.name, []) if m.kind == "super"]
        if self.lang == "kotlin" and d.origin == "bindings" and d.name.endswith("") and not any(s.name == d.name + "Interface" for s in supers):
            iface = self.idx.type(d.name + "Interface")
            if iface is not None:
                supers.append(TypeRef(iface.name))
        for s in supers:
            s2 = subst(s, env)
            if self.decl(s2) is None:
                if s2.name not in BUILTIN_SUPERS:
                    complete = False
                else:
                    if name in BUILTIN_SUPERS[s2.name]:
                        out.append((Member(name, "func" if name not in ("message", "cause") else "prop", UNKNOWN, None), {}))
                continue
            sub, comp = self.members(s2, name, static, depth + 1)
            out.extend(sub)
            complete = complete and comp
        if not out and d.kind in ("sealed", "class", "interface", "enum") and depth == 0:
            # No smart casts here: a member of any subclass is accepted on the base type.
            for sub in self.subclasses(d):
                sm, _ = self.members(TypeRef(sub.name), name, static, depth + 1)
                out.extend(sm)
        if not out:
            builtin = BUILTIN_MEMBERS.get((self.lang, d.kind), set()) | BUILTIN_MEMBERS.get((self.lang, "*"), set())
            if name in builtin:
                out.append((Member(name, "func", UNKNOWN, None), {}))
        return out, complete

    def subclasses(self, d: Decl) -> list[Decl]:
        if d.name in self.sub_cache:
            return self.sub_cache[d.name]
        subs: list[Decl] = []
        self.sub_cache[d.name] = subs
        for ds in self.idx.types.values():
            for x in ds:
                if any(s.name == d.name or s.name == d.name.split(".")[-1] for s in x.supers):
                    subs.append(x)
        self.sub_cache[d.name] = subs
        return subs

    # -- the walk ---------------------------------------------------------------------------

    def run(self, src: Source) -> None:
        self.src = src
        self.foreign = set()
        if self.lang == "kotlin":
            toks = src.toks
            for i, t in enumerate(toks):
                if t.text == "import" and (i == 0 or toks[i - 1].line != t.line):
                    parts, j = [], i + 1
                    while j < len(toks) and toks[j].line == t.line and (toks[j].kind == "id" or toks[j].text == "."):
                        if toks[j].kind == "id":
                            parts.append(toks[j].text)
                        j += 1
                    if parts and not ".".join(parts).startswith("org.alongside."):
                        self.foreign.add(parts[-1])
        self.check_imports(src)
        self.block(0, len(src.toks), Scope())

    def check_imports(self, src: Source) -> None:
        if self.lang != "kotlin":
            return
        toks = src.toks
        for i, t in enumerate(toks):
            if t.text != "import" or (i > 0 and toks[i - 1].line == t.line):
                continue
            parts, j = [], i + 1
            while j < len(toks) and toks[j].line == t.line and (toks[j].kind == "id" or toks[j].text in (".", "*")):
                if toks[j].text != ".":
                    parts.append(toks[j].text)
                j += 1
            pkg = ".".join(parts[:-1])
            name = parts[-1] if parts else ""
            if pkg in ("org.alongside.core", "org.alongside.state") or pkg.startswith("org.alongside.app"):
                if name == "*":
                    self.fail(t, f"wildcard import from {pkg}: import each name, so every one is checked")
                    continue
                origin = "bindings" if pkg == "org.alongside.core" else "layer" if pkg == "org.alongside.state" else "app"
                known = self.top_level_names(pkg)
                if name not in known:
                    near = self.nearest(name, known)
                    self.fail(t, f"import {pkg}.{name}: no such name in the {origin_label(origin)}{near}")
                elif origin == "bindings":
                    self.checked += 1

    def top_level_names(self, pkg: str) -> set[str]:
        names = set()
        for n, ds in self.idx.types.items():
            for d in ds:
                if d.file is not None and getattr(d.file, "package", None) == pkg and "." not in d.name:
                    names.add(n)
        for n, fs in self.idx.funcs.items():
            for f in fs:
                if f.file is not None and getattr(f.file, "package", None) == pkg:
                    names.add(n)
        for n, ms in self.idx.extensions.items():
            for m in ms:
                if m.file is not None and getattr(m.file, "package", None) == pkg:
                    names.add(m.name)
        return names

    KT_KEYWORDS = {
        "if", "else", "when", "while", "for", "do", "try", "catch", "finally", "return", "throw", "break",
        "continue", "in", "is", "as", "null", "true", "false", "object", "package", "import", "typealias",
        "where", "by", "get", "set", "init", "super", "constructor", "field", "it_", "out",
    }
    SW_KEYWORDS = {
        "if", "else", "switch", "case", "default", "while", "for", "in", "do", "try", "catch", "return",
        "throw", "break", "continue", "guard", "defer", "repeat", "nil", "true", "false", "is", "as", "await",
        "async", "throws", "some", "any", "where", "import", "get", "set", "willSet", "didSet", "inout",
        "super", "Self", "fallthrough", "rethrows", "associatedtype", "operator", "precedencegroup",
    }

    def keywords(self) -> set[str]:
        return self.KT_KEYWORDS if self.lang == "kotlin" else self.SW_KEYWORDS

    def block(self, i: int, end: int, scope: Scope) -> None:
        """Walk toks[i:end] in `scope`."""
        toks, pairs = self.src.toks, self.src.pairs
        kt = self.lang == "kotlin"
        while i < end:
            t = toks[i]
            if t.text == "@":
                i = skip_annotation(toks, i, end, pairs)
                continue
            if t.text in ("import", "package") and (i == 0 or toks[i - 1].line != t.line):
                j = i + 1
                while j < end and toks[j].line == t.line:
                    j += 1
                i = j
                continue
            if kt and t.text == "fun":
                i = self.kotlin_fun(i, end, scope)
                continue
            if not kt and t.text in ("func", "init") and (t.text == "func" or (i + 1 < end and toks[i + 1].text in ("(", "?", "!"))):
                i = self.swift_func(i, end, scope)
                continue
            if t.text in ("class", "interface", "object", "struct", "enum", "protocol", "extension", "actor") and not (i > 0 and toks[i - 1].text in (".", "::")):
                i = self.type_decl(i, end, scope)
                continue
            if t.text in ("val", "var", "let") and not (i > 0 and toks[i - 1].text == "."):
                i = self.local_decl(i, end, scope)
                continue
            if t.text == "for" and i + 1 < end:
                i = self.for_loop(i, end, scope)
                continue
            if kt and t.text == "catch" and i + 1 < end and toks[i + 1].text == "(" and (i + 1) in pairs:
                close = pairs[i + 1]
                if i + 3 < close and toks[i + 2].kind == "id" and toks[i + 3].text == ":":
                    ty, _ = parse_type(toks, i + 4, close, "kotlin")
                    scope.names[toks[i + 2].text] = ty
                i = close + 1
                continue
            if not kt and t.text == "switch":
                i = self.swift_switch(i, end, scope)
                continue
            if not kt and t.text in ("if", "guard", "while") and i + 1 < end:
                # Swift conditions take no trailing closure: the first `{` at this depth is the body
                k = i + 1
                while k < end and not (toks[k].text == "{" and toks[k].kind == "op"):
                    if toks[k].text in ("(", "[") and k in pairs:
                        k = pairs[k] + 1
                        continue
                    k += 1
                self.block(i + 1, k, scope)
                if k < end and k in pairs:
                    self.block(k + 1, pairs[k], Scope(scope))
                    i = pairs[k] + 1
                else:
                    i = k
                continue
            if not kt and t.text == "case" and i + 1 < end:
                # `if case Pattern = value` / `for case`: the pattern up to `=`
                j = i + 1
                while j < end and toks[j].text in ("let", "var"):
                    j += 1
                if j < end and toks[j].kind == "id" and toks[j].text not in self.keywords():
                    self.in_pattern = True
                    try:
                        _, j = self.chain(j, end, scope)
                    finally:
                        self.in_pattern = False
                i = max(j, i + 1)
                continue
            if t.text == "{" and i in pairs:
                self.block(i + 1, pairs[i], Scope(scope))
                i = pairs[i] + 1
                continue
            if t.text == "(" and i in pairs and not (i > 0 and (toks[i - 1].kind == "id" or toks[i - 1].text in (")", "]", ">"))):
                # a parenthesised expression, perhaps followed by members: (x as? T)?.y
                close = pairs[i]
                inner, e = self.expression(i + 1, close, scope)
                if e < close:
                    self.block(e, close, scope)
                if close + 1 < end and toks[close + 1].text in (".", "?.") and toks[close + 1].line == toks[close].line:
                    _, i = self.postfix(inner, close + 1, end, scope)
                else:
                    i = close + 1
                continue
            if t.kind == "id" and t.text not in self.keywords() and not (i > 0 and toks[i - 1].text in (".", "?.", "::", "!.", "\\")):
                _, j = self.chain(i, end, scope)
                i = max(j, i + 1)
                continue
            if not kt and t.text == "." and i + 1 < end and toks[i + 1].kind == "id" and (i == 0 or toks[i - 1].kind == "op" and toks[i - 1].text in ("(", ",", "=", ":", "return", "==", "!=", "??")):
                # implicit member expression with no known context: walk its arguments
                j = i + 2
                if j < end and toks[j].text == "(" and j in pairs:
                    self.block(j + 1, pairs[j], scope)
                    j = pairs[j] + 1
                i = j
                continue
            i += 1

    # -- declarations inside the walk -----------------------------------------------------------

    def kotlin_fun(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        j = i + 1
        _, j = parse_generics(toks, j, end)
        receiver, j = kotlin_receiver(toks, j, end, pairs, True)
        j += 1  # name
        _, j = parse_generics(toks, j, end)
        inner = Scope(scope)
        if receiver is not None:
            inner.receiver = receiver
            inner.names["this"] = receiver
        if j < end and toks[j].text == "(" and j in pairs:
            for p in kotlin_params(self.src, j, pairs[j]):
                inner.names[p.name] = p.type
            # default values are expressions too
            self.block(j + 1, pairs[j], scope)
            j = pairs[j] + 1
        if j < end and toks[j].text == ":":
            _, j = parse_type(toks, j + 1, end, "kotlin")
        while j < end and toks[j].text == "where":
            j += 1
            while j < end and toks[j].text not in ("{", "="):
                j += 1
        if j < end and toks[j].text == "{" and j in pairs:
            self.block(j + 1, pairs[j], inner)
            return pairs[j] + 1
        if j < end and toks[j].text == "=":
            e = next_decl(toks, j + 1, end, pairs, "kotlin")
            self.block(j + 1, e, inner)
            return e
        return j

    def swift_func(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        j = i + 1
        if toks[i].text == "func":
            j += 1
        elif j < end and toks[j].text in ("?", "!"):
            j += 1
        _, j = parse_generics(toks, j, end)
        inner = Scope(scope)
        if j < end and toks[j].text == "(" and j in pairs:
            for p in swift_params(self.src, j, pairs[j]):
                inner.names[p.name] = p.type
            j = pairs[j] + 1
        while j < end and toks[j].text not in ("{",) and toks[j].line == toks[i].line:
            j += 1
        if j < end and toks[j].text == "{" and j in pairs:
            self.block(j + 1, pairs[j], inner)
            return pairs[j] + 1
        return j

    def type_decl(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        j = i + 1
        if j < end and toks[j].text == "interface":  # fun interface
            j += 1
        if j >= end or toks[j].kind != "id":
            return j
        name = toks[j].text
        me = TypeRef(name)
        inner = Scope(scope)
        d = self.idx.type(name, self.src)
        if toks[i].text == "extension":
            me, j = parse_type(toks, j, end, self.lang)
        else:
            j += 1
            gens, j = parse_generics(toks, j, end)
            me = TypeRef(d.name if d else name, [TypeRef(g) for g in gens])
        inner.receiver = me
        inner.names["this" if self.lang == "kotlin" else "self"] = me
        while j < end and toks[j].text in KOTLIN_MODIFIERS | {"constructor"}:
            j += 1
        if j < end and toks[j].text == "(" and j in pairs and self.lang == "kotlin":
            for p in kotlin_params(self.src, j, pairs[j]):
                inner.names[p.name] = p.type
            self.block(j + 1, pairs[j], scope)
            j = pairs[j] + 1
        # supertypes and their constructor arguments
        while j < end and toks[j].text != "{" and not (toks[j].line > toks[i].line and toks[j].text in DECL_STARTERS_KT | {"func", "struct", "let"}):
            if toks[j].text == "(" and j in pairs:
                self.block(j + 1, pairs[j], inner)
                j = pairs[j] + 1
                continue
            j += 1
        if self.lang == "kotlin" or toks[i].text in ("struct", "class", "enum", "extension", "actor", "protocol"):
            self.check_platform_key_impl(i, j, end, name)
        if j < end and toks[j].text == "{" and j in pairs:
            self.block(j + 1, pairs[j], inner)
            return pairs[j] + 1
        return j

    def check_platform_key_impl(self, i: int, body: int, end: int, name: str) -> None:
        """A class declaring PlatformKey as a supertype implements exactly its methods."""
        toks, pairs = self.src.toks, self.src.pairs
        header = [t.text for t in toks[i:body]]
        if "PlatformKey" not in header:
            return
        iface = self.idx.type("PlatformKey")
        if iface is None or body >= end or toks[body].text != "{":
            return
        required = {m.name: m for ms in iface.members.values() for m in ms if m.kind == "func"}
        close = pairs[body]
        found: dict[str, Tok] = {}
        k = body + 1
        while k < close:
            t = toks[k]
            if t.text == "{" and k in pairs:
                k = pairs[k] + 1
                continue
            if t.text in ("fun", "func") and k + 1 < close:
                fname = toks[k + 1].text
                p = k + 2
                if fname in required and p < close and toks[p].text == "(":
                    params = kotlin_params(self.src, p, pairs[p]) if self.lang == "kotlin" else swift_params(self.src, p, pairs[p])
                    want = required[fname].params or []
                    if self.lang == "swift":
                        got_labels = [q.label for q in params]
                        want_labels = [q.label for q in want]
                        if got_labels != want_labels:
                            self.fail(t, f"{name}.{fname}: labels {fmt_labels(got_labels)} do not match the protocol's {fmt_labels(want_labels)}")
                    elif len(params) != len(want):
                        self.fail(t, f"{name}.{fname}: {len(params)} parameters, the interface has {len(want)}")
                    found[fname] = t
                    self.checked += 1
                elif self.lang == "kotlin" and k > 0 and toks[k - 1].text == "override" and fname not in required:
                    self.fail(t, f"{name} overrides {fname}, which PlatformKey does not declare{self.nearest(fname, required)}")
            k += 1
        for fname in required:
            if fname not in found:
                self.fail(toks[i], f"{name} implements PlatformKey but has no {fname}")

    def local_decl(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        j = i + 1
        if j < end and toks[j].text == "(" and j in pairs:  # destructuring
            for k in range(j + 1, pairs[j]):
                if toks[k].kind == "id":
                    scope.names[toks[k].text] = UNKNOWN
            j = pairs[j] + 1
            if j < end and toks[j].text == "=":
                _, e = self.chain(j + 1, end, scope) if toks[j + 1].kind == "id" else (None, j + 1)
                return e
            return j
        if j >= end or toks[j].kind != "id":
            return j
        # Kotlin extension property in a body is rare; treat Name as the variable
        name = toks[j].text
        j += 1
        ty: TypeRef | None = None
        if j < end and toks[j].text == ":":
            ty, j = parse_type(toks, j + 1, end, self.lang)
        if j < end and toks[j].text in ("=", "by"):
            delegated = toks[j].text == "by"
            j += 1
            val, e = self.expression(j, end, scope)
            if ty is None:
                ty = val
                if delegated:
                    ty = self.delegate(val)
            scope.names[name] = ty or UNKNOWN
            return e
        if ty is None and self.lang == "swift" and i > 0 and toks[i - 1].text in ("if", "guard", ",") and toks[i].text in ("let", "var"):
            ty = scope.get(name)  # `if let x {` unwraps the x already in scope
        scope.names[name] = ty or UNKNOWN
        if not self.lang == "kotlin" and j < end and toks[j].text == "{" and j in pairs:
            # computed property (Swift) or getter block
            self.block(j + 1, pairs[j], Scope(scope))
            return pairs[j] + 1
        return j

    def delegate(self, t: TypeRef) -> TypeRef:
        t = self.unalias(t)
        if t.name in ("State", "MutableState", "StateFlow", "MutableStateFlow") and t.args:
            return t.args[0]
        if t.name == "Lazy" and t.args:
            return t.args[0]
        return UNKNOWN

    def expression(self, i: int, end: int, scope: Scope) -> tuple[TypeRef, int]:
        """An expression starting at i: its type when it is one chain, and where it ends (the
        rest of the line's expression is walked too)."""
        toks = self.src.toks
        for kw in ("try", "await", "try?", "try!"):
            pass
        while i < end and toks[i].text in ("try", "await", "!", "-"):
            i += 1
            if i < end and toks[i].text in ("?", "!") and toks[i - 1].text == "try":
                i += 1
        if i >= end:
            return UNKNOWN, i
        if toks[i].kind == "id" and toks[i].text not in self.keywords():
            ty, j = self.chain(i, end, scope)
            # `a ?: b`, `a ?? b`: the type of a
            if j < end and toks[j].text in ("?:", "??"):
                _, j2 = self.expression(j + 1, end, scope)
                return ty, j2
            return ty, j
        if toks[i].text == "if" or toks[i].text == "when":
            return UNKNOWN, i
        return UNKNOWN, i + 1 if toks[i].kind != "op" or toks[i].text not in "({[" else i

    def for_loop(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        if self.lang == "kotlin":
            if toks[i + 1].text != "(" or (i + 1) not in pairs:
                return i + 1
            close = pairs[i + 1]
            k = i + 2
            names = []
            if toks[k].text == "(":
                names = [t.text for t in toks[k + 1 : pairs[k]] if t.kind == "id"]
                k = pairs[k] + 1
            elif toks[k].kind == "id":
                names = [toks[k].text]
                k += 1
            ty = None
            if toks[k].text == ":":
                ty, k = parse_type(toks, k + 1, close, "kotlin")
            if toks[k].text == "in":
                src_ty, _ = self.expression(k + 1, close, scope)
                self.block(k + 1, close, scope)
                for n in names:
                    scope.names[n] = ty or (self.elem(src_ty) if len(names) == 1 else UNKNOWN)
            return close + 1
        # swift: for x in expr {
        k = i + 1
        names = []
        if toks[k].text == "(" and k in pairs:
            names = [t.text for t in toks[k + 1 : pairs[k]] if t.kind == "id"]
            k = pairs[k] + 1
        elif toks[k].kind == "id":
            names = [toks[k].text]
            k += 1
        ty = None
        if toks[k].text == ":":
            ty, k = parse_type(toks, k + 1, end, "swift")
        if toks[k].text == "in":
            src_ty, e = self.expression(k + 1, end, scope)
            inner = Scope(scope)
            for n in names:
                inner.names[n] = ty or (self.elem(src_ty) if len(names) == 1 else UNKNOWN)
            while e < end and toks[e].text != "{":
                e += 1
            if e < end and e in pairs:
                self.block(e + 1, pairs[e], inner)
                return pairs[e] + 1
            return e
        return k

    def swift_switch(self, i: int, end: int, scope: Scope) -> int:
        toks, pairs = self.src.toks, self.src.pairs
        subject, j = self.expression(i + 1, end, scope)
        while j < end and toks[j].text != "{":
            j += 1
        if j >= end or j not in pairs:
            return j
        close = pairs[j]
        d = self.decl(subject)
        k = j + 1
        while k < close:
            t = toks[k]
            if t.text == "{" and k in pairs:
                self.block(k + 1, pairs[k], Scope(scope))
                k = pairs[k] + 1
                continue
            if t.text == "case":
                # case .a, .b(let x): / case Type.a: / case let .a(x):
                m = k + 1
                while m < close and toks[m].text != ":":
                    if toks[m].text == "(" and m in pairs:
                        m = pairs[m] + 1
                        continue
                    if toks[m].text == "." and m + 1 < close and toks[m + 1].kind == "id" and (toks[m - 1].text in ("case", ",", "let", "var", "?")):
                        if self.checkable(d) and d.kind == "enum":
                            self.check_case(toks[m + 1], subject, toks[m + 1].text)
                        m += 2
                        continue
                    if toks[m].kind == "id" and toks[m].text not in self.keywords() and toks[m - 1].text not in (".",):
                        self.in_pattern = True
                        try:
                            _, m2 = self.chain(m, close, scope)
                        finally:
                            self.in_pattern = False
                        m = max(m2, m + 1)
                        continue
                    m += 1
                k = m + 1
                continue
            if t.kind == "id" and t.text not in self.keywords() and toks[k - 1].text not in (".", "?.", "\\"):
                _, k2 = self.chain(k, close, scope)
                k = max(k2, k + 1)
                continue
            if t.text in ("val", "var", "let"):
                k = self.local_decl(k, close, scope)
                continue
            if t.text == "for":
                k = self.for_loop(k, close, scope)
                continue
            if t.text == "switch":
                k = self.swift_switch(k, close, scope)
                continue
            k += 1
        return close + 1

    def check_case(self, tok: Tok, enum_type: TypeRef, name: str) -> None:
        ms, complete = self.members(enum_type, name)
        d = self.decl(enum_type)
        if ms:
            if d and d.origin == "bindings":
                self.checked += 1
            return
        if complete:
            cases = [n for n, mm in d.members.items() if any(m.kind == "case" for m in mm)]
            self.fail(tok, f"{d.name} has no case .{name}{self.nearest(name, cases)}")

    # -- chains ---------------------------------------------------------------------------------

    def chain(self, i: int, end: int, scope: Scope) -> tuple[TypeRef, int]:
        """A postfix chain from an identifier at i: resolve and check each link."""
        toks, pairs = self.src.toks, self.src.pairs
        kt = self.lang == "kotlin"
        t = toks[i]
        name = t.text
        self.seen_in_shell.add(name)
        j = i + 1
        cur: TypeRef = UNKNOWN
        static_of: Decl | None = None  # a type name: the next member is static (cases, companions)
        bound = scope.get(name)
        # Swift `if let x` / `guard let x = expr` handled by local_decl through `let`.
        if name in ("this", "self") and bound is None:
            bound = scope.get("this" if kt else "self")
        if name == "it" and bound is None and kt:
            bound = UNKNOWN
        if bound is not None:
            cur = bound
        else:
            d = None if name in self.foreign else self.idx.type(name, self.src)
            recv, recv_checked = scope.recv()
            recv_members, recv_complete = self.members(recv, name) if recv is not None else ([], False)
            if recv_members:
                cur, j = self.apply_member(t, recv, recv_members, j, end, scope, name)
            elif d is not None and d.kind != "alias" or (d is not None and d.kind == "alias"):
                # a type: constructor call, generic constructor, or static access
                gen_args: list[TypeRef] = []
                if j < end and toks[j].text == "<" and not kt:
                    ty, j2 = parse_type(toks, i, end, self.lang)
                    gen_args = ty.args
                    j = j2
                if j < end and toks[j].text == "(" or (j < end and toks[j].text == "{" and not kt and toks[j].line == t.line and self.is_trailing_closure(j)):
                    target = TypeRef(d.name, gen_args)
                    ctor = [m for m, _ in self.members(target, "<init>")[0]]
                    if d.kind == "alias":
                        cur, j = self.call_args(t, None, j, end, scope, f"{name}(...)")
                    else:
                        cur, j = self.call(t, target, ctor, j, end, scope, f"{d.name}", is_ctor=True)
                        if not ctor:
                            cur = target
                elif j < end and toks[j].text in ("?", "?.") and not kt:
                    # Optional<Type>: .none / .some(...)
                    cur = UNKNOWN
                    j += 1 if toks[j].text == "?" else 0
                    if j < end and toks[j].text == "." and j + 1 < end:
                        j += 2
                    elif j < end and toks[j].text == "?.":
                        j += 2
                else:
                    static_of = self.decl(TypeRef(d.name)) or d
                    cur = TypeRef(static_of.name)
            elif name in self.idx.funcs:
                fns = self.idx.funcs[name]
                if any(f.kind == "prop" for f in fns):
                    f = fns[0]
                    cur = f.type if f.type is not UNKNOWN else self.infer_value(f)
                else:
                    cur, j = self.call(t, None, fns, j, end, scope, name)
            elif name in PLATFORM_STATE_FUNCS:
                cur, j = self.platform_state(t, name, j, end, scope)
            else:
                if recv is not None and recv_checked and j < end and toks[j].text in ("(", "{") and not recv_members:
                    if name not in KOTLIN_STDLIB_FREE and name not in self.idx.funcs and recv_complete:
                        d2 = self.decl(recv)
                        self.fail(t, f"{d2.name if d2 else recv} has no {name}{self.nearest(name, self.member_names(recv))}")
                elif j < end and toks[j].text in ("(", "{") and name not in self.all_names and name[:1].islower():
                    self.near_miss(t, name, "function")
                cur = UNKNOWN
                if j < end and toks[j].text == "(" and j in pairs:
                    cur, j = self.call_args(t, None, j, end, scope, name, free_elem=name in FREE_ELEM_LAMBDA)
                elif j < end and toks[j].text == "{" and self.is_trailing_closure(j):
                    cur, j = self.call_args(t, None, j, end, scope, name)
                if name == "it" or name == "$0":
                    cur = UNKNOWN
        return self.postfix(cur, j, end, scope, static_of)

    def postfix(self, cur: TypeRef, j: int, end: int, scope: Scope, static_of: "Decl | None" = None) -> tuple[TypeRef, int]:
        """The links after a chain's start: `.member`, calls, `[index]`, `!!`, `as T`."""
        toks, pairs = self.src.toks, self.src.pairs
        kt = self.lang == "kotlin"
        while j < end:
            tk = toks[j]
            if tk.text in (".", "?.", "!.") and j + 1 < end and toks[j + 1].kind == "id":
                mname = toks[j + 1].text
                mt = toks[j + 1]
                self.seen_in_shell.add(mname)
                j += 2
                if static_of is not None:
                    cur, j = self.static_member(mt, static_of, mname, j, end, scope)
                    static_of = self.decl(cur) if (self.decl(cur) is not None and self.decl(cur).kind != "enum" and cur.name.endswith(mname)) else None
                    continue
                cur, j = self.member(mt, cur, mname, j, end, scope)
                continue
            if tk.text in ("!!", "!") and kt == (tk.text == "!!") and tk.line == toks[j - 1].line:
                j += 1
                continue
            if not kt and tk.text == "?" and j + 1 < end and toks[j + 1].text == "." and tk.line == toks[j - 1].line:
                j += 1
                continue
            if tk.text == "[" and j in pairs:
                self.block(j + 1, pairs[j], scope)
                c = self.unalias(cur)
                if c.name in ("Map", "Dictionary") and len(c.args) == 2:
                    cur = c.args[1]
                else:
                    cur = self.elem(cur)
                j = pairs[j] + 1
                continue
            if tk.text == "as" and j + 1 < end:
                k = j + 1
                if toks[k].text in ("?", "!"):
                    k += 1
                cur, j = parse_type(toks, k, end, self.lang)
                continue
            if tk.text == "(" and j in pairs and tk.line == toks[j - 1].line:
                # calling a function value
                cur, j = self.call_args(tk, None, j, end, scope, "call")
                continue
            break
        return cur, j

    def platform_state(self, tok: Tok, name: str, j: int, end: int, scope: Scope) -> tuple[TypeRef, int]:
        """Compose and Kotlin state holders whose type carries a value's type: remember { x },
        mutableStateOf<T>(v), staticCompositionLocalOf<T> { }."""
        toks, pairs = self.src.toks, self.src.pairs
        explicit: TypeRef | None = None
        if j < end and toks[j].text == "<":
            ref, j = parse_type(toks, j - 1, end, self.lang)
            explicit = ref.args[0] if ref.args else None
        value: TypeRef = UNKNOWN
        k = j
        if k < end and toks[k].text == "(" and k in pairs:
            spans = self.split_args(k)
            for n, (s0, e0) in enumerate(spans):
                ty, e1 = self.expression(s0, e0, scope)
                if e1 < e0:
                    self.block(e1, e0, scope)
                if n == 0:
                    value = ty
            k = pairs[k] + 1
        if k < end and toks[k].text == "{" and k in pairs and toks[k].line == toks[k - 1].line:
            inner = Scope(scope)
            body = self.lambda_params(k, pairs[k], inner, [])
            self.block(body, pairs[k], inner)
            ty, e = self.quiet(lambda: self.expression(body, pairs[k], inner))
            if e >= pairs[k]:
                value = ty
            k = pairs[k] + 1
        inner_type = explicit or value
        kind = PLATFORM_STATE_FUNCS[name]
        if kind == "same":
            return inner_type, k
        return TypeRef(kind, [inner_type]), k

    def member_names(self, t: TypeRef) -> set[str]:
        d = self.decl(t)
        names = set()
        if d is not None:
            names.update(d.members)
            for s in d.supers:
                sd = self.decl(s)
                if sd:
                    names.update(sd.members)
            iface = self.idx.type(d.name + "Interface")
            if iface:
                names.update(iface.members)
        names.discard("<init>")
        return names

    def is_trailing_closure(self, j: int) -> bool:
        return True

    def near_miss(self, tok: Tok, name: str, what: str) -> None:
        if name in self.near_cache:
            best = self.near_cache[name]
            if best:
                self.fail(tok, f"{what} {name} exists nowhere; the bindings have {best}")
            return
        self.near_cache[name] = None
        if len(name) < 5 or name in self.all_names or name in IGNORED_NAMES or "_" in name or not name[:1].islower():
            return
        limit = 1 if len(name) < 10 else 2
        best = None
        for c in self.binding_callables:
            if c == name or abs(len(c) - len(name)) > limit:
                continue
            dist = damerau(name, c, limit)
            if dist <= limit and (best is None or dist < best[0]):
                best = (dist, c)
        if best:
            self.near_cache[name] = best[1]
            self.fail(tok, f"{what} {name} exists nowhere; the bindings have {best[1]}")

    def static_member(self, tok: Tok, d: Decl, name: str, j: int, end: int, scope: Scope) -> tuple[TypeRef, int]:
        """Type.member: an enum case, a sealed subclass, a companion function, a nested type."""
        toks = self.src.toks
        t = TypeRef(d.name)
        ms, complete = self.members(t, name)
        builtin_enum = {"entries", "values", "valueOf", "allCases", "self", "Type"}
        if not ms:
            if name in builtin_enum or name == "Companion":
                return (TypeRef("List", [t]) if name in ("entries", "values") else UNKNOWN), j
            if self.checkable(d) and complete:
                near = self.nearest(name, self.member_names(t))
                self.fail(tok, f"{d.name} has no {name}{near}")
            elif d.origin == "app" and complete and d.kind in ("enum",):
                self.fail(tok, f"{d.name} has no {name}{self.nearest(name, self.member_names(t))}")
            return UNKNOWN, j
        self.count(d)
        m = ms[0][0]
        if m.kind == "nested":
            nd = self.decl(m.type)
            if j < end and toks[j].text in ("(",) or (j < end and toks[j].text == "{" and toks[j].line == tok.line and self.lang == "swift" and nd and nd.kind != "enum"):
                ctor = [x for x, _ in self.members(m.type, "<init>")[0]]
                return self.call(tok, m.type, ctor, j, end, scope, m.type.name, is_ctor=True)
            return m.type, j
        if m.kind == "case":
            if j < end and toks[j].text == "(" and toks[j].line == tok.line:
                return self.call(tok, t, [mm for mm, _ in ms], j, end, scope, f"{d.name}.{name}", is_ctor=True)
            return t, j
        return self.apply_member(tok, t, ms, j, end, scope, name)

    def count(self, d: Decl | None) -> None:
        if d is None:
            return
        if d.origin == "bindings":
            self.checked += 1
        elif d.origin == "layer":
            self.checked_layer += 1

    def member(self, tok: Tok, cur: TypeRef, name: str, j: int, end: int, scope: Scope) -> tuple[TypeRef, int]:
        toks, pairs = self.src.toks, self.src.pairs
        c = self.unalias(cur)
        d = self.decl(c)
        if self.lang == "kotlin" and name in SELF_LAMBDA | RECEIVER_LAMBDA and c.name != "?" and not (d and name in d.members):
            if j < end and toks[j].text in ("(", "{"):
                _, j = self.call_args(tok, None, j, end, scope, name, lam_params=[c] if name in SELF_LAMBDA else [], lam_receiver=c if name in RECEIVER_LAMBDA else None)
            return (c if name in ("also", "takeIf", "takeUnless", "apply") else UNKNOWN), j
        seqs = KOTLIN_SEQ if self.lang == "kotlin" else SWIFT_SEQ
        if d is None:
            # platform types: carry element types through the common collection members
            elem = self.elem(c)
            result = UNKNOWN
            lam_params: list[TypeRef] | None = None
            if c.name in seqs or c.name in ("Map", "Dictionary"):
                if name in SEQ_RETURNS_ELEM:
                    result = elem
                elif name in SEQ_RETURNS_SELF:
                    result = c
                elif name in ("indices", "count", "size", "isEmpty"):
                    result = UNKNOWN
                if name in ELEM_LAMBDA:
                    lam_params = [elem]
                elif name in INDEXED_LAMBDA:
                    lam_params = [TypeRef("Int"), elem]
                if name in ("keys",) and c.args:
                    result = TypeRef("Set", [c.args[0]])
                if name in ("values",) and len(c.args) == 2:
                    result = TypeRef("List", [c.args[1]])
            elif name in ("value",) and c.name in ("State", "MutableState", "StateFlow", "MutableStateFlow") and c.args:
                result = c.args[0]
            elif name == "current" and c.name == "CompositionLocal" and c.args:
                result = c.args[0]
            elif name in ("collectAsState", "collectAsStateWithLifecycle") and c.name in ("StateFlow", "MutableStateFlow", "Flow") and c.args:
                result = TypeRef("State", c.args)
            elif name in ("first", "second") and c.name == "Pair" and len(c.args) == 2:
                result = c.args[0 if name == "first" else 1]
            if name in SELF_LAMBDA and c.name != "?":
                lam_params = [c]
                result = c if name in ("also", "takeIf", "takeUnless") else UNKNOWN
            if name in RECEIVER_LAMBDA:
                result = c if name == "apply" else UNKNOWN
            if c.name == "?" and name not in self.all_names:
                self.near_miss(tok, name, "member")
            if c.name == "?":
                self.unresolved += 1
                if name in self.binding_callables:
                    self.unverified.append(Finding(self.src.rel, tok.line, name))
            # arguments and lambdas
            if j < end and toks[j].text in ("(", "{") and (toks[j].line == toks[j - 1].line or toks[j].text == "("):
                if name in SELF_LAMBDA | RECEIVER_LAMBDA and c.name != "?":
                    _, j = self.call_args(tok, None, j, end, scope, name, lam_params=lam_params, lam_receiver=c if name in RECEIVER_LAMBDA else None)
                else:
                    _, j = self.call_args(tok, None, j, end, scope, name, lam_params=lam_params)
            return result, j
        ms, complete = self.members(c, name)
        if not ms:
            if (self.checkable(d) and complete) or (d.origin == "app" and complete and d.kind in ("enum",)):
                near = self.nearest(name, self.member_names(c))
                self.fail(tok, f"{d.name} has no {name}{near}")
            elif name not in self.all_names:
                self.near_miss(tok, name, "member")
            if j < end and toks[j].text in ("(",):
                _, j = self.call_args(tok, None, j, end, scope, name)
            return UNKNOWN, j
        self.count(d if ms[0][0].owner is None else ms[0][0].owner)
        return self.apply_member(tok, c, ms, j, end, scope, name)

    def apply_member(self, tok: Tok, owner: TypeRef, ms: list[tuple[Member, dict]], j: int, end: int, scope: Scope, name: str) -> tuple[TypeRef, int]:
        toks = self.src.toks
        m, env = ms[0]
        if m.kind in ("prop", "nested", "case"):
            ty = subst(m.type, env)
            if ty is UNKNOWN and m.value is not None:
                ty = self.infer_value(m)
            if m.kind == "case" and j < end and toks[j].text == "(" and toks[j].line == tok.line:
                return self.call(tok, owner, [x for x, _ in ms], j, end, scope, name, is_ctor=True)
            # a property of function type may be called
            if j < end and toks[j].text == "(" and toks[j].line == tok.line and ty.name == "->":
                _, j = self.call_args(tok, None, j, end, scope, name)
                return ty.args[-1] if ty.args else UNKNOWN, j
            return ty, j
        funcs = [x for x, _ in ms if x.kind in ("func", "init")]
        if j < end and toks[j].text in ("(", "{") and (toks[j].text == "(" or toks[j].line == tok.line):
            return self.call(tok, owner, funcs, j, end, scope, name, env=env)
        # a function reference without a call (Kotlin `::f`, Swift `store.lock` as a value)
        return UNKNOWN, j

    def infer_value(self, m: Member) -> TypeRef:
        if m.value is None or m.file is None:
            return UNKNOWN
        saved = self.src
        self.src = m.file
        s, e = m.value
        toks = self.src.toks
        try:
            if toks[s].text == "by":
                ty, _ = self.quiet(lambda: self.expression(s + 1, e, Scope()))
                return self.delegate(ty)
            ty, _ = self.quiet(lambda: self.expression(s, e, Scope()))
            return ty
        finally:
            self.src = saved

    def quiet(self, fn):
        """Run an inference without reporting or counting (it is checked where it is written)."""
        saved = (len(self.findings), self.checked, self.checked_layer, self.unresolved)
        try:
            return fn()
        finally:
            del self.findings[saved[0] :]
            self.checked, self.checked_layer, self.unresolved = saved[1], saved[2], saved[3]

    # -- calls ----------------------------------------------------------------------------------

    def split_args(self, open_i: int) -> list[tuple[int, int]]:
        toks, pairs = self.src.toks, self.src.pairs
        close = pairs[open_i]
        out, k, start, depth = [], open_i + 1, open_i + 1, 0
        while k < close:
            t = toks[k]
            if t.kind == "op" and t.text in "([{" and k in pairs:
                k = pairs[k] + 1
                continue
            if t.text == "," and t.kind == "op":
                out.append((start, k))
                start = k + 1
            k += 1
        if start < close:
            out.append((start, close))
        return out

    def call(self, tok: Tok, owner: TypeRef | None, fns: list[Member], j: int, end: int, scope: Scope, what: str, is_ctor: bool = False, env: dict | None = None) -> tuple[TypeRef, int]:
        """Check a call's arguments against the candidates (any overload may match), walk the
        arguments with lambda parameters typed from the chosen overload, return its type."""
        toks, pairs = self.src.toks, self.src.pairs
        env = dict(env or {})
        if owner is not None:
            d = self.decl(owner)
            if d is not None:
                for k, g in enumerate(d.generics):
                    if g not in env:
                        env[g] = owner.args[k] if k < len(owner.args) else UNKNOWN
        # the call's shape
        args: list[tuple[str | None, int, int]] = []  # (label/name, start, end)
        k = j
        if k < end and toks[k].text == "(" and k in pairs:
            for s, e in self.split_args(k):
                label = None
                if self.lang == "kotlin":
                    if e - s >= 2 and toks[s].kind == "id" and toks[s + 1].text == "=":
                        label, s = toks[s].text, s + 2
                else:
                    if e - s >= 2 and toks[s].kind == "id" and toks[s + 1].text == ":":
                        label, s = toks[s].text, s + 2
                args.append((label, s, e))
            k = pairs[k] + 1
        trailing: list[tuple[str | None, int, int]] = []
        while k < end and toks[k].text == "{" and k in pairs and toks[k].line == toks[k - 1].line:
            trailing.append(("{}", k, pairs[k] + 1))
            k = pairs[k] + 1
            # Swift multiple trailing closures: `} label: {`
            if self.lang == "swift" and k + 2 < end and toks[k].kind == "id" and toks[k + 1].text == ":" and toks[k + 2].text == "{" and toks[k].line == toks[k - 1].line:
                trailing.append((toks[k].text, k + 2, pairs[k + 2] + 1))
                k = pairs[k + 2] + 1
        origin = None
        if fns and fns[0].owner is not None:
            origin = fns[0].owner.origin
        elif fns and fns[0].file is not None:
            origin = fns[0].file.origin
        checked = origin in ("bindings", "layer")
        chosen, problem = self.choose(fns, args, trailing)
        if chosen is None and checked and fns:
            self.fail(tok, f"{what}: {problem}")
        if chosen is not None and origin == "bindings" and not is_ctor:
            pass
        # walk each argument; lambdas get their parameter types
        params = chosen.params if chosen is not None and chosen.params is not None else []
        mapping = self.map_args(params, args, trailing)
        generic_env = dict(env)
        for (label, s, e), p in mapping:
            pt = subst(p.type, generic_env) if p is not None else UNKNOWN
            if toks[s].text == "{" and s in pairs:
                self.lambda_(s, pairs[s], scope, pt, generic_env, chosen)
                continue
            if self.lang == "swift" and toks[s].text == "." and s + 1 < e and toks[s + 1].kind == "id" and p is not None:
                pd = self.decl(pt)
                if pd is not None and pd.kind == "enum" and self.checkable(pd):
                    self.check_case(toks[s + 1], pt, toks[s + 1].text)
                    if s + 2 < e and toks[s + 2].text == "(" and (s + 2) in pairs:
                        self.block(s + 3, pairs[s + 2], scope)
                    continue
            at, _ = self.expression(s, e, scope)
            self.block(s, e, scope) if not (toks[s].kind == "id" and toks[s].text not in self.keywords()) else self.block(_ if _ < e else e, e, scope)
            # infer generic parameters from plain arguments
            if p is not None and p.type.name in (chosen.generics if chosen else []) and at is not UNKNOWN:
                generic_env[p.type.name] = at
        ret = UNKNOWN
        if chosen is not None:
            ret = subst(chosen.type, generic_env)
            if chosen.type.name in (chosen.generics or []) and chosen.type.name not in generic_env:
                ret = UNKNOWN
            if ret is not UNKNOWN and self.has_unbound(ret, chosen.generics):
                ret = subst(ret, generic_env)
        elif is_ctor and owner is not None:
            ret = owner
        return ret, k

    def has_unbound(self, t: TypeRef, gens: list[str]) -> bool:
        return t.name in gens or any(self.has_unbound(a, gens) for a in t.args)

    def lambda_(self, s: int, close: int, scope: Scope, pt: TypeRef, env: dict, chosen: Member | None) -> None:
        """A lambda or closure at toks[s] ('{'): bind its parameters from the expected function
        type `pt`, walk its body, and bind generic parameters from its result."""
        toks = self.src.toks
        inner = Scope(scope)
        ptypes = list(pt.args[:-1]) if pt.name == "->" else []
        if pt.name == "->" and pt.receiver is not None:
            inner.receiver = subst(pt.receiver, env)
            inner.receiver_checked = self.checkable(self.decl(inner.receiver))
            inner.names["this"] = inner.receiver
        body = self.lambda_params(s, close, inner, [subst(x, env) for x in ptypes])
        self.block(body, close, inner)
        # the lambda's result (a single expression) can bind a generic return type
        if pt.name == "->" and chosen is not None and pt.args and pt.args[-1].name in chosen.generics:
            rt, e = self.quiet(lambda: self.expression(body, close, inner))
            if e >= close and rt is not UNKNOWN:
                env[pt.args[-1].name] = rt

    def lambda_params(self, s: int, close: int, inner: Scope, ptypes: list[TypeRef]) -> int:
        """Bind `{ a, b -> }` (Kotlin) or `{ a, b in }` / `{ (a: T) in }` (Swift), or the implicit
        `it` / `$0`. Returns where the body starts."""
        toks, pairs = self.src.toks, self.src.pairs
        kt = self.lang == "kotlin"
        arrow = "->" if kt else "in"
        k = s + 1
        # find the arrow before any statement
        j = k
        names: list[tuple[str, TypeRef | None]] = []
        if not kt and j < close and toks[j].text == "[" and j in pairs:  # capture list
            j = pairs[j] + 1
        if j < close and toks[j].text == "(" and j in pairs and not kt:
            close_p = pairs[j]
            for p in swift_params(self.src, j, close_p):
                names.append((p.name, p.type if p.type is not UNKNOWN else None))
            if close_p + 1 < close and toks[close_p + 1].text in ("async", "throws"):
                close_p += 1
            if close_p + 1 < close and toks[close_p + 1].text == "->":
                _, close_p = parse_type(toks, close_p + 2, close, "swift")
                close_p -= 1
            if close_p + 1 < close and toks[close_p + 1].text == "in":
                for n, (pn, ptyp) in enumerate(names):
                    inner.names[pn] = ptyp or (ptypes[n] if n < len(ptypes) else UNKNOWN)
                return close_p + 2
        m = j
        while m < close:
            tm = toks[m]
            if tm.text == arrow:
                break
            if tm.kind == "id" or tm.text in (",", ":", "_", "(", ")", "?", "<", ">", ".", "*"):
                m += 1
                continue
            m = close
            break
        if m < close and toks[m].text == arrow:
            # parse a, b: T, (c, d)
            n = j
            pos = 0
            while n < m:
                if toks[n].text == "(" and n in pairs:  # destructuring in Kotlin
                    for q in range(n + 1, pairs[n]):
                        if toks[q].kind == "id":
                            inner.names[toks[q].text] = UNKNOWN
                    n = pairs[n] + 1
                    pos += 1
                    continue
                if toks[n].kind == "id":
                    pname = toks[n].text
                    ptype = None
                    n += 1
                    if n < m and toks[n].text == ":":
                        ptype, n = parse_type(toks, n + 1, m, self.lang)
                    inner.names[pname] = ptype or (ptypes[pos] if pos < len(ptypes) else UNKNOWN)
                    pos += 1
                    continue
                n += 1
            return m + 1
        # implicit parameter
        if kt:
            inner.names["it"] = ptypes[0] if ptypes else UNKNOWN
        else:
            for n in range(4):
                inner.names[f"${n}"] = ptypes[n] if n < len(ptypes) else UNKNOWN
        return s + 1

    def map_args(self, params: list[Param], args, trailing) -> list[tuple[tuple, Param | None]]:
        out = []
        used = set()
        pos = 0
        for a in args:
            label = a[0]
            p = None
            if label is not None:
                for q, prm in enumerate(params):
                    if (prm.label == label or prm.name == label) and q not in used:
                        p = prm
                        used.add(q)
                        break
            else:
                while pos < len(params) and (pos in used or (self.lang == "swift" and params[pos].label is not None and False)):
                    pos += 1
                if pos < len(params):
                    p = params[pos]
                    used.add(pos)
                    pos += 1
            out.append((a, p))
        # trailing closures take the last function-typed parameters
        rest = [q for q in range(len(params)) if q not in used]
        fn_rest = [q for q in rest if self.unalias(params[q].type).name == "->" or params[q].type.name in ("->",)]
        targets = fn_rest[-len(trailing):] if trailing and len(fn_rest) >= len(trailing) else rest[-len(trailing):] if trailing else []
        for n, a in enumerate(trailing):
            q = targets[n] if n < len(targets) else None
            out.append((a, params[q] if q is not None else None))
        return out

    def choose(self, fns: list[Member], args, trailing) -> tuple[Member | None, str]:
        """The overload the call's shape fits, or why none does."""
        if not fns:
            return None, "no declaration"
        problems = []
        for f in fns:
            if f.params is None:
                return f, ""
            ok, why = self.fits(f, args, trailing)
            if ok:
                return f, ""
            problems.append(why)
        return None, problems[0] if len(problems) == 1 else "; ".join(sorted(set(problems)))

    def fits(self, f: Member, args, trailing) -> tuple[bool, str]:
        params = f.params or []
        n_args = len(args) + len(trailing)
        if self.lang == "swift" and self.in_pattern and f.kind == "case":
            # a pattern: `case .invalid(let field, _, let summary)`; labels may be left out
            labels = [a[0] for a in args]
            want = [p.label for p in params]
            if len(args) != len(params) and not (len(args) == 1 and len(params) > 1):
                return False, f"{len(args)} values in the pattern, the case has {len(params)} ({fmt_labels(want)})"
            for lab, w in zip(labels, want):
                if lab is not None and lab != w:
                    return False, f"pattern label {lab}: does not match ({fmt_labels(want)})"
            return True, ""
        if self.lang == "swift":
            # labels must match in order; unlabelled where the declaration says `_`
            labels = [a[0] for a in args]
            want = [p.label for p in params]
            k = 0
            for lab in labels:
                while k < len(params) and params[k].label != lab and params[k].default:
                    k += 1
                if k >= len(params) or params[k].label != lab:
                    return False, f"argument labels {fmt_labels(labels)} do not match ({fmt_labels(want)})"
                k += 1
            rest = params[k:]
            closures = [p for p in rest if not p.default]
            if len(trailing) > len(rest):
                return False, f"{n_args} arguments, at most {len(params)} expected ({fmt_labels(want)})"
            missing = [p for p in rest if not p.default]
            if len(missing) > len(trailing):
                need = missing[len(trailing):] if trailing else missing
                return False, f"missing argument {fmt_labels([p.label for p in need])} (expects {fmt_labels(want)})"
            return True, ""
        names = [p.name for p in params]
        named = [a[0] for a in args if a[0] is not None]
        for nm in named:
            if nm not in names:
                return False, f"no parameter named {nm} (parameters: {', '.join(names) or 'none'})"
        positional = [a for a in args if a[0] is None]
        if len(positional) + len(trailing) > len(params) and not any(p.type.name == "Array" and False for p in params):
            return False, f"{n_args} arguments, at most {len(params)} expected ({', '.join(names)})"
        given = set(named) | set(names[: len(positional)])
        if trailing:
            fn_params = [p.name for p in params if p.type.name == "->" and p.name not in given]
            given |= set(fn_params[-len(trailing):]) if fn_params else set(names[len(names) - len(trailing):])
        missing = [p.name for p in params if not p.default and p.name not in given]
        if missing:
            return False, f"missing argument {', '.join(missing)} ({len(params)} parameters: {', '.join(names)})"
        return True, ""

    def call_args(self, tok: Tok, owner, j: int, end: int, scope: Scope, what: str, lam_params=None, lam_receiver=None, free_elem: bool = False) -> tuple[TypeRef, int]:
        """A call to something unchecked: walk its arguments; lambdas get `lam_params` (or, for
        items()/ForEach(), the element type of the first argument)."""
        toks, pairs = self.src.toks, self.src.pairs
        k = j
        first_type = UNKNOWN
        if k < end and toks[k].text == "(" and k in pairs:
            spans = self.split_args(k)
            for n, (s, e) in enumerate(spans):
                if self.lang == "kotlin" and e - s >= 2 and toks[s].kind == "id" and toks[s + 1].text == "=":
                    s += 2
                elif self.lang == "swift" and e - s >= 2 and toks[s].kind == "id" and toks[s + 1].text == ":":
                    s += 2
                if toks[s].text == "{" and s in pairs:
                    ptypes = lam_params or ([self.elem(first_type)] if free_elem else [])
                    fake = TypeRef("->", ptypes + [UNKNOWN], lam_receiver)
                    self.lambda_(s, pairs[s], scope, fake, {}, None)
                    continue
                ty, e2 = self.expression(s, e, scope)
                if e2 < e:
                    self.block(e2, e, scope)
                if n == 0:
                    first_type = ty
            k = pairs[k] + 1
        while k < end and toks[k].text == "{" and k in pairs and toks[k].line == toks[k - 1].line:
            ptypes = lam_params or ([self.elem(first_type)] if free_elem else [])
            fake = TypeRef("->", ptypes + [UNKNOWN], lam_receiver)
            self.lambda_(k, pairs[k], scope, fake, {}, None)
            k = pairs[k] + 1
            if self.lang == "swift" and k + 2 < end and toks[k].kind == "id" and toks[k + 1].text == ":" and toks[k + 2].text == "{" and toks[k].line == toks[k - 1].line:
                k += 2
        return UNKNOWN, k


def fmt_labels(labels) -> str:
    return "(" + "".join(f"{l or '_'}:" for l in labels) + ")"


def origin_label(origin: str) -> str:
    return {"bindings": "generated bindings", "layer": "Kotlin layer (android/core-kotlin)", "app": "app"}[origin]


BUILTIN_SUPERS = {
    "AutoCloseable": {"close"},
    "Disposable": {"destroy", "close"},
    "Exception": {"message", "cause", "printStackTrace", "stackTrace"},
    "kotlin.Exception": {"message", "cause"},
    "Throwable": {"message", "cause"},
    "Any": set(),
    "Equatable": set(),
    "Hashable": {"hashValue", "hash"},
    "Sendable": set(),
    "AnyObject": set(),
    "Swift.Error": set(),
    "Error": {"localizedDescription"},
    "Foundation.LocalizedError": {"errorDescription", "localizedDescription"},
    "LocalizedError": {"errorDescription", "localizedDescription"},
    "CustomStringConvertible": {"description"},
    "CustomDebugStringConvertible": {"debugDescription"},
    "Identifiable": {"id"},
}
BUILTIN_MEMBERS = {
    ("kotlin", "*"): {"equals", "hashCode", "toString", "copy", "component1", "component2", "component3", "close", "destroy", "name", "ordinal", "javaClass", "let", "also", "apply", "run", "takeIf", "takeUnless"},
    ("swift", "*"): {"hashValue", "hash", "self", "map", "flatMap"},
}
IGNORED_NAMES = {"entries", "values"}


# ----------------------------------------------------------------------------------------------
# Main
# ----------------------------------------------------------------------------------------------


_LEXED: dict[tuple[str, str], tuple[list[Tok], dict[int, int]]] = {}


def load(paths: list[Path], lang: str, origin: str, root: Path, overrides: dict[Path, str] | None = None) -> list[Source]:
    """Lex each file (the same text is lexed once per process; `overrides` replaces a file's
    text, for the self-test's deliberate mistakes)."""
    out = []
    for p in paths:
        text = (overrides or {}).get(p)
        if text is None:
            text = p.read_text(encoding="utf-8")
        key = (lang, text)
        if key not in _LEXED:
            toks = lex(text, lang)
            _LEXED[key] = (toks, match_brackets(toks))
        toks, pairs = _LEXED[key]
        out.append(Source(p, lang, origin, toks, pairs, str(p.relative_to(root))))
    return out


def android_resources(root: Path, idx: Index) -> None:
    """The app's generated R class, from res/: R.string.x, R.plurals.x, R.xml.x, R.style.x, so a
    misspelt resource name fails here too."""
    import xml.etree.ElementTree as ET

    res = root / "android/app/src/main/res"
    if not res.is_dir():
        return
    holder = Source(res, "kotlin", "resources", [], {}, str(res.relative_to(root)))
    holder.package = "org.alongside.app"  # type: ignore[attr-defined]
    r = Decl("R", "object", "resources", "kotlin", file=holder)
    groups: dict[str, set[str]] = {}
    for values in sorted(res.glob("values*/*.xml")):
        for el in ET.parse(values).getroot():
            kind = {"string": "string", "plurals": "plurals", "string-array": "array", "style": "style", "color": "color", "dimen": "dimen", "bool": "bool", "integer": "integer"}.get(el.tag)
            if kind and el.get("name"):
                groups.setdefault(kind, set()).add(el.get("name").replace(".", "_"))
    for folder in sorted(p for p in res.iterdir() if p.is_dir() and not p.name.startswith("values")):
        kind = folder.name.split("-")[0]
        for f in folder.iterdir():
            groups.setdefault(kind, set()).add(f.name.split(".")[0])
    for kind, names in groups.items():
        g = Decl(f"R.{kind}", "object", "resources", "kotlin", file=holder)
        for n in names:
            g.add(Member(n, "prop", TypeRef("Int"), static=True))
        idx.add_type(g)
        r.add(Member(kind, "nested", TypeRef(f"R.{kind}"), static=True))
    idx.add_type(r)


def check_language(
    root: Path, lang: str, bindings: list[Path], layer: list[Path], app: list[Path], verbose: bool = False,
    overrides: dict[Path, str] | None = None,
) -> tuple[Checker, list[Source]]:
    idx = Index(lang)
    sources = (
        load(bindings, lang, "bindings", root)
        + load(layer, lang, "layer", root, overrides)
        + load(app, lang, "app", root, overrides)
    )
    for s in sources:
        if lang == "kotlin":
            index_kotlin(s, idx, 0, len(s.toks), None)
        else:
            index_swift(s, idx, 0, len(s.toks), None)
    if lang == "kotlin":
        android_resources(root, idx)
    checker = Checker(idx, lang, verbose)
    apps = [s for s in sources if s.origin == "app"]
    for s in apps:
        checker.run(s)
    return checker, apps


def inputs(root: Path) -> dict[str, list[Path]]:
    return {
        "kt_bindings": sorted((root / "build/bindings/kotlin").rglob("*.kt")),
        "sw_bindings": sorted((root / "build/bindings/swift").glob("*.swift")),
        "kt_layer": sorted((root / "android/core-kotlin/src").rglob("*.kt")),
        "kt_app": sorted((root / "android/app/src").rglob("*.kt")),
        "sw_app": sorted((root / "ios/App").rglob("*.swift")),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(Path(__file__).resolve().parents[2]))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    root = Path(args.root)
    kt_bindings = sorted((root / "build/bindings/kotlin").rglob("*.kt"))
    sw_bindings = sorted((root / "build/bindings/swift").glob("*.swift"))
    if not kt_bindings or not sw_bindings:
        print("check_api: no generated bindings in build/bindings (run `make bindings` first)", file=sys.stderr)
        return 2
    kt_layer = sorted((root / "android/core-kotlin/src").rglob("*.kt"))
    kt_app = sorted((root / "android/app/src").rglob("*.kt"))
    sw_app = sorted((root / "ios/App").rglob("*.swift"))
    if not kt_app or not sw_app:
        print("check_api: no shell sources found (android/app/src, ios/App)", file=sys.stderr)
        return 2

    failed = False
    for lang, bindings, layer, app in (("kotlin", kt_bindings, kt_layer, kt_app), ("swift", sw_bindings, [], sw_app)):
        checker, apps = check_language(root, lang, bindings, layer, app, args.verbose)
        shell = "Android (Kotlin)" if lang == "kotlin" else "iOS (Swift)"
        layer_note = f", {checker.checked_layer} into the Kotlin layer" if lang == "kotlin" else ""
        if checker.findings:
            failed = True
            print(f"check_api: {shell}: {len(checker.findings)} call(s) that the generated API does not have:")
            for f in sorted(checker.findings, key=lambda f: (f.file, f.line)):
                print(f"  {f.file}:{f.line}: {f.message}")
        if args.verbose:
            for f in checker.unverified:
                print(f"  not followed: {f.file}:{f.line}: .{f.message} (receiver type unknown; only the misspelling check applied)")
        print(
            f"check_api: {shell}: {len(apps)} files, {checker.checked} references into the bindings checked"
            f"{layer_note}; {'FAILED' if checker.findings else 'all exist'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
