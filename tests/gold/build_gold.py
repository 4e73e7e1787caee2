#!/usr/bin/env python3
"""Builds the gold files of the annotated Wikinews articles and checks them.

    python3 tests/gold/build_gold.py

For each split (dev, test) it reads wikinews_<split>.jsonl (the articles as
stored) and annotations_<split>.py (the hand annotation), finds every
fragment (statement content, cue, fact text) in its article, and writes
wikinews_<split>.gold.json in the shape of seeds.json, with the fragment
copied from the text (so it is always an exact substring) and its code point
offsets. Typing differences in apostrophes and spaces are tolerated when
locating a fragment; anything else that is not found stops the build.
"""
import importlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

APOS = "'\u2019"


def pattern(fragment):
    out = []
    for ch in fragment:
        if ch in APOS:
            out.append("['\u2019]")
        elif ch.isspace():
            out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return re.compile("".join(out))


def locate(text, fragment, after=0):
    """First occurrence at or after `after`, else the first anywhere."""
    pat = pattern(fragment)
    m = pat.search(text, after) or pat.search(text)
    return (m.start(), m.end()) if m else None


def build(split):
    articles = {}
    with open(os.path.join(HERE, f"wikinews_{split}.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            articles[a["id"]] = a
    ann = importlib.import_module(f"annotations_{split}").ARTICLES
    errors = []
    missing = set(articles) - set(ann)
    if missing:
        errors.append(f"articles without annotation: {sorted(missing)}")
    gold = dict(about=f"Hand-annotated Wikinews articles ({split} split), see README.md. "
                      "Offsets are code point offsets into the `text` field.",
                documents={}, statements=[], facts=[])
    for doc, a in ann.items():
        if doc not in articles:
            errors.append(f"{doc}: annotated but not in wikinews_{split}.jsonl")
            continue
        text = articles[doc]["text"]
        gold["documents"][doc] = dict(date=articles[doc]["date"], date_source="field",
                                      title=articles[doc]["title"])
        cursor = 0
        for n, s in enumerate(a["statements"], 1):
            span = locate(text, s["content"], cursor)
            if not span:
                errors.append(f"{doc} #{n}: content not found: {s['content'][:70]!r}")
                continue
            cursor = span[0]
            if s["cue"] and not locate(text, s["cue"]):
                errors.append(f"{doc} #{n}: cue not found: {s['cue']!r}")
            entry = dict(id=f"{doc}-{n}", doc=doc, speaker=s["speaker"],
                         speaker_aliases=s["speaker_aliases"], side=s["side"], cue=s["cue"],
                         kind=s["kind"], content=text[span[0]:span[1]],
                         start=span[0], end=span[1], date=s["date"], required=s["required"])
            gold["statements"].append(entry)
        for fact in a["facts"]:
            span = locate(text, fact["text"])
            if not span:
                errors.append(f"{doc}: fact not found: {fact['text']!r}")
                continue
            entry = dict(doc=doc, text=text[span[0]:span[1]], start=span[0], end=span[1])
            entry.update({k: v for k, v in fact.items() if k != "text" and v is not None})
            gold["facts"].append(entry)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    out = os.path.join(HERE, f"wikinews_{split}.gold.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")
    req = sum(1 for s in gold["statements"] if s["required"])
    print(f"{split}: {len(gold['documents'])} articles, {len(gold['statements'])} statements "
          f"({req} required), {len(gold['facts'])} facts -> {os.path.relpath(out)}")


if __name__ == "__main__":
    for split in sys.argv[1:] or ["dev", "test"]:
        build(split)
