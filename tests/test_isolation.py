"""No customer's data in another customer's update: a property over random mail and rules.

Hypothesis draws a rule set (customers with domain, subject-tag and header matches) and a mix
of mail: customer mail, our replies, replies that cross-quote another customer, unknown
senders. The whole real pipeline runs in-process; then every update must contain only points,
threads and text of messages whose thread was routed to that very customer.
"""

from __future__ import annotations

import textwrap
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailsum.config.loader import load_config
from mailsum.run.runner import CollectingDelivery, Runner, RunOptions
from mailsum.state.store import StateStore

NOW = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)
NAMES = ["alpha", "beta", "gamma", "delta"]


@st.composite
def scenario(draw):
    n_customers = draw(st.integers(min_value=2, max_value=4))
    customers = NAMES[:n_customers]
    kinds = draw(st.lists(st.sampled_from(["domain", "tag", "header"]), min_size=n_customers,
                          max_size=n_customers))
    mails = []
    for i in range(draw(st.integers(min_value=3, max_value=14))):
        who = draw(st.sampled_from([*customers, "stranger"]))
        parent = draw(st.none() | st.integers(min_value=0, max_value=max(0, i - 1))) if i else None
        ours = draw(st.booleans())
        quote_other = draw(st.sampled_from(customers))
        mails.append((i, who, parent, ours, quote_other))
    return customers, kinds, mails


def build(tmp: Path, customers, kinds, mails):
    rules = ["team:\n  domains: [provider.de]\ncustomers:"]
    for name, kind in zip(customers, kinds, strict=True):
        match = {"domain": f"- from_domain: {name}.example",
                 "tag": f"- subject: '\\[{name.upper()}-\\d+\\]'",
                 "header": f"- header: {{X-Customer: {name}}}"}[kind]
        rules.append(textwrap.indent(textwrap.dedent(f"""\
            - id: {name}
              name: {name.title()} AG
              match:
                {match}
                - from_domain: {name}.example
              contact: contact.{name}@provider.de
              owner: tech.{name}@provider.de
              quiet_update: false
            """), "  "))
    (tmp / "rules.yaml").write_text("\n".join(rules) + "\nfallback:\n  contact: lead@provider.de\n")
    box = tmp / "mail.mbox"
    with box.open("w") as fh:
        for i, who, parent, ours, quote_other in mails:
            sender = (f"tech.{who}@provider.de" if ours and who != "stranger"
                      else f"user{i}@{who}.example")
            subject = f"[{who.upper()}-{i}] Anliegen {who} {i}" if who != "stranger" else "Hallo"
            headers = f"X-Customer: {who}\n" if who != "stranger" else ""
            if parent is not None:
                headers += f"In-Reply-To: <m{parent}@t>\nReferences: <m{parent}@t>\n"
            fh.write(
                f"From MAILER-DAEMON Mon Nov 23 09:00:00 2026\nFrom: {sender}\n"
                f"To: it-support@provider.de\nSubject: {subject}\n"
                f"Date: Mon, 23 Nov 2026 09:{i:02d}:00 +0100\nMessage-ID: <m{i}@t>\n{headers}"
                f"Content-Type: text/plain; charset=utf-8\n\n"
                f"Können Sie bitte Vorgang SECRET-{who}-{i} bis Freitag prüfen?\n\n"
                f"> Zitat aus einer alten Mail von {quote_other}\n\n")
    (tmp / "config.yaml").write_text(textwrap.dedent(f"""\
        state: {tmp}/state.db
        sources: [{{name: box, kind: mbox, path: {box}}}]
        delivery: {{kind: directory, path: {tmp}/out, from: "Desk <desk@provider.de>"}}
        rules: {tmp}/rules.yaml
        """))
    return load_config(tmp / "config.yaml")


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scenario())
def test_no_customer_sees_another_customers_mail(tmp_path_factory, data):
    customers, kinds, mails = data
    tmp = tmp_path_factory.mktemp("iso")
    config = build(tmp, customers, kinds, mails)
    store = StateStore.open(config.state_path)
    delivery = CollectingDelivery()
    report = Runner(config, store, delivery, RunOptions(now=NOW, force=True)).run()
    owner_of = {m: t.customer_id for t in store.threads() for m in t.message_ids}
    for update, mail in zip((u for u, _ in report.rendered), delivery.sent, strict=True):
        cid = update.customer_id
        body = mail.data.decode("utf-8", "replace")
        for p in update.points:
            assert owner_of[p.message_id] == cid
        for t in update.threads:
            assert all(owner_of[m] == cid for m in t.message_ids)
        for mid, other in owner_of.items():
            if other != cid:
                i = int(mid[2:].split("@")[0])
                who = mails[i][1]
                assert f"SECRET-{who}-{i} " not in body, (cid, mid)
        for other in customers:
            if other != cid:
                assert f"contact.{other}@" not in body
