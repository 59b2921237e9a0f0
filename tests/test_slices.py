"""Analysis slices keep conversations whole (run/slices.py)."""

from __future__ import annotations

from mailsum.run.slices import cut


def test_messages_linked_by_a_reference_share_a_slice_even_when_far_apart_in_time():
    order = ["a1", "b1", "c1", "d1", "a2"]  # oldest first; a2 replies to a1
    keys = [("a1", "id", "a1"), ("b1", "id", "b1"), ("c1", "id", "c1"), ("d1", "id", "d1"),
            ("a2", "id", "a2"), ("a2", "ref", "a1")]
    assert cut(order, keys, 2) == [["a1", "a2"], ["b1", "c1"], ["d1"]]


def test_siblings_under_a_missing_parent_and_ticket_tags_and_subjects_link():
    order = ["x", "y", "t1", "s1", "t2", "s2", "lone"]
    keys = [("x", "ref", "ghost"), ("y", "ref", "ghost"),  # replies to a mail we never saw
            ("t1", "tag", "ACME-7"), ("t2", "tag", "ACME-7"),
            ("s1", "subj", "drucker"), ("s2", "subj", "drucker"), ("lone", "id", "lone")]
    assert cut(order, keys, 3) == [["x", "y"], ["t1", "t2"], ["s1", "s2", "lone"]]


def test_same_text_in_different_key_kinds_does_not_link():
    # a ticket tag that reads like a subject key is another key
    keys = [("a", "tag", "vpn"), ("b", "subj", "vpn")]
    assert cut(["a", "b"], keys, 1) == [["a"], ["b"]]


def test_a_conversation_larger_than_a_slice_is_cut_by_date_and_the_rest_keeps_its_order():
    order = ["s", "c0", "c1", "c2", "c3", "c4", "t"]
    keys = [("s", "id", "s"), ("t", "id", "t"),
            *[(f"c{i}", "ref", "root") for i in range(5)]]
    assert cut(order, keys, 2) == [["s"], ["c0", "c1"], ["c2", "c3"], ["c4"], ["t"]]


def test_every_message_is_in_exactly_one_slice_and_no_slice_is_too_big():
    import random

    rnd = random.Random(5)
    order = [f"m{i}" for i in range(500)]
    keys = [(m, "ref", f"r{rnd.randrange(120)}") for m in order if rnd.random() < 0.7]
    keys += [(m, "id", m) for m in order]
    parts = cut(order, keys, 25)
    flat = [m for p in parts for m in p]
    assert sorted(flat) == sorted(order) and len(flat) == len(order)
    assert all(0 < len(p) <= 25 for p in parts)
    # a group that fits is never split
    where = {m: i for i, p in enumerate(parts) for m in p}
    by_ref: dict[str, set[int]] = {}
    for m, _, r in keys:
        if r.startswith("r"):
            by_ref.setdefault(r, set()).add(where[m])
    sizes = {r: sum(1 for m, _, k in keys if k == r) for r in by_ref}
    assert all(len(s) == 1 for r, s in by_ref.items() if sizes[r] <= 10)


def test_keys_of_messages_not_in_the_order_are_ignored():
    assert cut(["a"], [("z", "id", "z"), ("a", "ref", "z")], 5) == [["a"]]
