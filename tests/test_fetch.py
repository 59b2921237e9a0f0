from __future__ import annotations

import mailbox

import pytest
from builders import raw_mail

from mailsum.errors import SourceError
from mailsum.sources.fetch import fetch_maildir, fetch_mbox, is_loopback, read_files


def mail(n: int) -> bytes:
    return raw_mail({"From": "a@acme.de", "Subject": f"Nr {n}", "Message-ID": f"<m{n}@acme.de>"},
                    f"Text {n}\n")


def make_maildir(path, count):
    box = mailbox.Maildir(path, create=True)
    return [box.add(mail(i)) for i in range(count)]


def test_maildir_yields_only_unseen_keys_in_batches(tmp_path):
    keys = make_maildir(tmp_path / "md", 5)
    batches = list(fetch_maildir("s", tmp_path / "md", set(keys[:2]), batch_size=2))
    got = [m.key for b in batches for m in b]
    assert sorted(got) == sorted(keys[2:])
    assert [len(b) for b in batches] == [2, 1]
    assert all(m.data.startswith(b"From: a@acme.de") for b in batches for m in b)


def test_maildir_key_is_stable_when_a_client_moves_new_to_cur(tmp_path):
    keys = make_maildir(tmp_path / "md", 1)
    box = mailbox.Maildir(tmp_path / "md", create=False)
    m = box[keys[0]]
    m.set_subdir("cur")
    m.add_flag("S")
    box[keys[0]] = m
    assert list(fetch_maildir("s", tmp_path / "md", set(keys))) == []


def test_not_a_maildir_is_a_source_error(tmp_path):
    with pytest.raises(SourceError, match="not a Maildir"):
        list(fetch_maildir("s", tmp_path, set()))


def test_mbox_keys_by_content_and_skips_seen(tmp_path):
    path = tmp_path / "box.mbox"
    box = mailbox.mbox(path)
    for i in range(3):
        box.add(mail(i))
    box.flush()
    first = [m for b in fetch_mbox("s", path, set()) for m in b]
    assert len(first) == 3
    seen = {first[0].key}
    again = [m for b in fetch_mbox("s", path, seen) for m in b]
    assert [m.key for m in again] == [m.key for m in first[1:]]


def test_read_files_takes_eml_mbox_and_maildir(tmp_path):
    (tmp_path / "one.eml").write_bytes(mail(1))
    box = mailbox.mbox(tmp_path / "x.mbox")
    box.add(mail(2))
    box.flush()
    make_maildir(tmp_path / "md", 2)
    got = list(read_files([tmp_path / "one.eml", tmp_path / "x.mbox", tmp_path / "md"]))
    assert len(got) == 4


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("imap.example.com") and not is_loopback("10.0.0.1")
