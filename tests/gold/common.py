"""Helpers for the hand annotation files (annotations_*.py)."""


def S(content, speaker, aliases, cue, kind, side, required=True, date=None):
    assert kind in ("direct", "indirect", "mixed", "according_to"), kind
    return dict(content=content, speaker=speaker, speaker_aliases=aliases, cue=cue,
                kind=kind, side=side, required=required, date=date)


def F(text, value, qualifier="exact", unit=None):
    return dict(text=text, value=value, qualifier=qualifier, unit=unit)


def D(text, value):
    return dict(text=text, value=value, kind="date")
