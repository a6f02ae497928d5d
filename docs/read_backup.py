#!/usr/bin/env python3
"""An independent reader for Alongside backup files (format versions 2 and 1), written from
docs/backup-format.md alone with Python's `cryptography` package and, for version 2's Argon2id,
`argon2-cffi` (the reference C implementation; `pip install argon2-cffi`). It checks the whole
file and prints what it holds; with --rows it prints every row as JSON (blobs in hex), with
--data-key the data key in hex as well (careful: that key reads the whole caseload).

    ALONGSIDE_BACKUP_PASSPHRASE=... python3 docs/read_backup.py FILE [--rows] [--data-key]

Exit codes: 0 good, 3 wrong passphrase, 4 damaged or truncated, 1 newer format.
"""

import hashlib
import hmac
import json
import os
import struct
import sys

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand

MAGIC = b"ALONGSIDE-BACKUP"
SUPPORTED = 2
TAG = 16
# Per version: (bytes the key check covers, bytes the digest covers, header length).
LAYOUT = {1: (51, 83, 115), 2: (59, 91, 123)}


class Damaged(Exception):
    pass


class WrongPassphrase(Exception):
    pass


class TooNew(Exception):
    pass


def read_full(f, n):
    out = b""
    while len(out) < n:
        piece = f.read(n - len(out))
        if not piece:
            break
        out += piece
    return out


def open_header(f, passphrase):
    head = read_full(f, 18)
    if len(head) < 18 or head[:16] != MAGIC:
        raise Damaged("not an Alongside backup")
    (version,) = struct.unpack(">H", head[16:18])
    if version > SUPPORTED:
        raise TooNew(version)
    if version == 0:
        raise Damaged("format version 0")
    checked, digested, header_len = LAYOUT[version]
    h = head + read_full(f, header_len - 18)
    if len(h) < header_len:
        raise Damaged("truncated header")
    if hashlib.sha256(h[:digested]).digest() != h[digested:header_len]:
        raise Damaged("header digest")
    password = passphrase.encode("utf-8")
    if version == 1:
        if h[18] != 1:
            raise Damaged("unknown key derivation")
        (iterations,) = struct.unpack(">I", h[19:23])
        if not (1_000 <= iterations <= 10_000_000):
            raise Damaged("parameters out of range")
        at = 23
        salt = h[at : at + 16]
        ikm = hashlib.pbkdf2_hmac("sha256", password, salt, iterations, 32)
    else:
        if h[18] != 2:
            raise Damaged("unknown key derivation")
        m, t, p = struct.unpack(">III", h[19:31])
        if not (1 <= p <= 4 and 8 * p <= m <= 262_144 and 1 <= t <= 10 and m * t <= 786_432):
            raise Damaged("parameters out of range")
        at = 31
        salt = h[at : at + 16]
        from argon2.low_level import Type, hash_secret_raw

        ikm = hash_secret_raw(password, salt, t, m, p, 32, Type.ID, version=0x13)
    if h[at + 16] != 1:
        raise Damaged("unknown cipher")
    (chunk,) = struct.unpack(">I", h[at + 17 : at + 21])
    prefix = h[at + 21 : at + 28]
    if not (64 <= chunk <= 1 << 20):
        raise Damaged("parameters out of range")
    hkdf_salt = b"alongside/backup/v%d" % version
    prk = hmac.new(hkdf_salt, ikm, hashlib.sha256).digest()  # HKDF-Extract
    k_stream = HKDFExpand(hashes.SHA256(), 32, b"stream key").derive(prk)
    k_check = HKDFExpand(hashes.SHA256(), 32, b"key check").derive(prk)
    mac = hmac.new(k_check, h[:checked], hashlib.sha256).digest()
    if not hmac.compare_digest(mac, h[checked:digested]):
        raise WrongPassphrase()
    return AESGCM(k_stream), prefix, chunk, h[digested:header_len]


def plaintext_chunks(f, aead, prefix, chunk, ad):
    i = 0
    while True:
        data = read_full(f, chunk + TAG)
        if len(data) < TAG:
            raise Damaged("truncated")
        last = len(data) < chunk + TAG
        nonce = prefix + struct.pack(">I", i) + (b"\x01" if last else b"\x00")
        try:
            yield aead.decrypt(nonce, data, ad)
        except InvalidTag:
            raise Damaged(f"chunk {i} does not authenticate")
        if last:
            return
        i += 1


class Stream:
    def __init__(self, chunks):
        self.chunks = chunks
        self.buf = b""
        self.done = False

    def take(self, n):
        while len(self.buf) < n:
            nxt = next(self.chunks, None)
            if nxt is None:
                raise Damaged("payload ends before its end marker")
            self.buf += nxt
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def at_end(self):
        while not self.buf:
            nxt = next(self.chunks, None)
            if nxt is None:
                return True
            self.buf += nxt
        return False


class Body:
    def __init__(self, b):
        self.b = b

    def take(self, n):
        if len(self.b) < n:
            raise Damaged("short entry")
        out, self.b = self.b[:n], self.b[n:]
        return out

    def u32(self):
        return struct.unpack(">I", self.take(4))[0]

    def u64(self):
        return struct.unpack(">Q", self.take(8))[0]

    def i64(self):
        return struct.unpack(">q", self.take(8))[0]

    def bytes(self):
        return self.take(self.u32())

    def text(self):
        return self.bytes().decode("utf-8")

    def opt(self, f):
        m = self.take(1)[0]
        if m == 0:
            return None
        if m == 1:
            return f()
        raise Damaged("bad optional marker")

    def done(self):
        if self.b:
            raise Damaged("long entry")


def read_backup(path, passphrase):
    with open(path, "rb") as f:
        aead, prefix, chunk, ad = open_header(f, passphrase)
        s = Stream(plaintext_chunks(f, aead, prefix, chunk, ad))

        def entry():
            head = s.take(5)
            (n,) = struct.unpack(">I", head[1:])
            if n > 16 << 20:
                raise Damaged("entry too large")
            return head[0], Body(s.take(n))

        tag, b = entry()
        if tag != 0x01:
            raise Damaged("no vault entry first")
        schema, data_key = b.u32(), b.take(32)
        b.done()
        rows = {"meta": [], "records": [], "audit": []}
        order = {0x02: (1, "meta"), 0x03: (2, "records"), 0x04: (3, "audit")}
        phase = 0
        while True:
            tag, b = entry()
            if tag == 0x7F:
                counts = (b.u64(), b.u64(), b.u64())
                b.done()
                if counts != tuple(len(rows[k]) for k in ("meta", "records", "audit")):
                    raise Damaged("counts differ from the end marker")
                if not s.at_end():
                    raise Damaged("data after the end marker")
                return schema, data_key, rows
            if tag not in order:
                raise Damaged("unknown entry")
            p, table = order[tag]
            if p < phase:
                raise Damaged("entries out of order")
            phase = p
            if tag == 0x02:
                row = {"name": b.text(), "value": b.bytes().hex()}
            elif tag == 0x03:
                row = {
                    "id": b.text(),
                    "kind": b.text(),
                    "owner": b.opt(b.text),
                    "day_tag": (lambda v: v and v.hex())(b.opt(b.bytes)),
                    "rev": b.i64(),
                    "body": b.bytes().hex(),
                }
            else:
                row = {"seq": b.i64(), "body": b.bytes().hex(), "mac": b.bytes().hex()}
            b.done()
            rows[table].append(row)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    passphrase = os.environ.get("ALONGSIDE_BACKUP_PASSPHRASE")
    if not passphrase:
        import getpass

        passphrase = getpass.getpass("Backup passphrase: ")
    try:
        schema, data_key, rows = read_backup(args[0], passphrase)
    except WrongPassphrase:
        print("wrong backup passphrase", file=sys.stderr)
        return 3
    except Damaged as e:
        print(f"damaged or incomplete: {e}", file=sys.stderr)
        return 4
    except TooNew as e:
        print(f"newer format: {e}", file=sys.stderr)
        return 1
    out = {
        "schema_version": schema,
        "meta_rows": len(rows["meta"]),
        "records": len(rows["records"]),
        "audit_entries": len(rows["audit"]),
    }
    if "--data-key" in sys.argv:
        out["data_key"] = data_key.hex()
    if "--rows" in sys.argv:
        out["rows"] = rows
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
