#!/usr/bin/env python3
"""Writes the starting corpora of the fuzz targets into fuzz/corpus/<target>/
(ignored by git): the repository's seeds and test fixtures, Wikinews lines of
the test reference, and hostile strings. Run from anywhere:
    python3 fuzz/seed.py
"""
import glob
import hashlib
import json
import os

FUZZ = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(FUZZ)

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(document.cookie)",
    '"><svg onload=alert(1)>',
    "\u202eKarabakh\u202c \u2066isolé\u2069 \u200f",
    "Kara\u200bbakh \u200d\u200c\u2060\ufeff",
    "e\u0301\u0301\u0301 a\u0308\u0308",
    "🙂 👨‍👩‍👧‍👦 🇫🇷",
    "2\u00a0000 soldats\u202fet 3\u00a0%",
    "« « « « citation » » » »",
    "\u201c\u201c\u201c \u201d",
    "le 99 février 99999",
    "le 31 février 2020, le 0 mars 0000",
    "99999999999999999999999999999999999999 morts",
    "1e308 1,7976931348623157e308 -0,0",
    "-'\"«»…—–()[]{}<>/\\|@#$%^&*_+=~`",
    "Selon Bakou,",
    "a déclaré : « ",
    "l'l'l'l'd'd'qu'qu'",
]

QUOTE_NEST = "« " * 200 + "mot" + " »" * 200


def read(path):
    with open(path, "rb") as f:
        return f.read()


def write(target, data):
    d = os.path.join(FUZZ, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def files(*patterns):
    out = []
    for p in patterns:
        out += sorted(glob.glob(os.path.join(ROOT, p)))
    return [read(p) for p in out]


def main():
    seeds = files("seeds/*.txt")
    compare = files("tests/fixtures/compare/*.txt")
    pages = os.path.join(ROOT, "tests/fixtures/ingestion/pages")
    hostile = [h.encode() for h in HOSTILE + [QUOTE_NEST]]
    hostile_text = (
        "Le ministre a déclaré : « " + " ".join(HOSTILE) + " », selon l'AFP.\n"
    ).encode()
    wikinews = []
    for path in ("tests/gold/wikinews_dev.jsonl", "tests/gold/wikinews_test.jsonl"):
        with open(os.path.join(ROOT, path), "rb") as f:
            wikinews += [line for line in f.read().splitlines() if line.strip()][:15]

    texts = seeds + compare + files("tests/fixtures/ingestion/pages/*.txt")
    for t in texts + hostile + [hostile_text]:
        write("ingest_txt", t)
        write("extract", t)
    for t in texts[:3]:
        write("ingest_txt", b" date 2020-11-10 " + t)
    for t in files("tests/fixtures/ingestion/pages/*.md") + seeds[:2] + hostile:
        write("ingest_md", t)
    write("ingest_md", b"---\ntitle: " + hostile_text + b"date: 2020-11\n---\n# Titre\n\n" + seeds[0])
    for t in files("tests/fixtures/ingestion/pages/*.html"):
        write("ingest_html", t)
    for h in HOSTILE:
        write(
            "ingest_html",
            f"<html><head><title>{h}</title><meta property=\"article:published_time\" content=\"{h}\"></head>"
            f"<body><article><h1>{h}</h1><p>Le ministre a déclaré : « {h} ».</p></article></body></html>".encode(),
        )
    for t in files("tests/fixtures/ingestion/pages/*.jsonl") + wikinews:
        write("ingest_jsonl", t)
    for h in HOSTILE:
        write("ingest_jsonl", json.dumps({"id": h, "date": h, "title": h, "text": h}).encode())
        write("ingest_jsonl", json.dumps({"id": 1, "date": "2020-11-10", "title": h, "text": h + " selon Bakou."}).encode())

    for i in range(len(seeds)):
        write("extract", seeds[i] + b"\0" + seeds[(i + 1) % len(seeds)])
    for group in ([0, 2], [1, 2], [3, 4], [5], [6, 7]):
        docs = b"\0".join(compare[k] for k in group if k < len(compare))
        for q in ("le séisme a fait 12 morts", "", "Paris", "signé le 10 novembre 2020"):
            write("compare", docs + b"\0" + q.encode())
    for q in ("accord signé le 10 novembre", "Latchine", "soldats de la paix", "000_ac38b55d5438f45b.txt#1"):
        write("compare", b"\0".join(seeds[:3]) + b"\0" + q.encode())
    write("compare", hostile_text + b"\0" + seeds[0] + b"\0" + HOSTILE[0].encode())

    queries = [q["q"] for f in ("seed_queries.json", "seed_queries_extra.json")
               for q in json.load(open(os.path.join(ROOT, "tests/fixtures", f)))["queries"]]
    queries += HOSTILE + ['"soldats de la paix" -Erevan Bakou OR Moscou', "Pachinyan", "2 000", "x" * 10000]
    for i, q in enumerate(queries):
        write("query", bytes([i % 256, (i * 7) % 256]) + q.encode())
        write("query", bytes([0x80 | (i % 128), 0x83]) + q.encode()
              + b"\x002020-11\x002020-12-31\x00000_ac38b55d5438f45b.txt,x\x00Le Monde\x000,1,x\x00Arm\xc3\xa9nie\x002020-11,2020")
        write("boundary", b"\x00" + json.dumps([q, {"page": i, "perPage": 5, "prefix": True}]).encode())
    for sel, obj in [
        (1, {"speaker": "Pachinian", "kind": "direct", "text": "accord"}),
        (1, {"doc": "000_ac38b55d5438f45b.txt", "side": "Arménie"}),
        (2, {"kind": "number", "text": "soldats"}),
        (3, {"from": "2020-11-01", "to": "2020-11-30", "speaker": "Poutine"}),
        (3, {"from": "le 99 février 99999", "to": "9999-99-99/0"}),
        (4, "l'accord a été signé le 10 novembre"),
        (4, {"statement": "000_ac38b55d5438f45b.txt#1"}),
        (4, {"conflict": "c1"}),
        (5, "002_8ed4da36b7d67b1b.txt"),
        (6, None),
    ]:
        write("boundary", bytes([sel]) + json.dumps(obj, ensure_ascii=False).encode())
    for h in HOSTILE:
        write("boundary", b"\x04" + json.dumps(h).encode())
        write("boundary", b"\x01" + json.dumps({"text": h, "speaker": h}).encode())


if __name__ == "__main__":
    main()
