"""Replies to updates: recognised, checked, applied and answered (DESIGN.md §6).

Part of the orchestrator, not a stage: the runner calls ``ReplyHandler.handle`` inside its
analysis transaction and sends the collected answers after that transaction committed, so a
crash can repeat an answer but never apply half a reply. Every reply is recorded once by its
Message-ID, accepted or not; a refused reply is logged and never answered (no backscatter).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid, parseaddr

from mailsum import msgid
from mailsum.config.loader import Config
from mailsum.models import (
    Customer,
    OutgoingMail,
    OwnerChangeRecord,
    ParsedMessage,
    PointRecord,
)
from mailsum.outbound import deliver
from mailsum.replies import interact
from mailsum.replies.commands import Command, parse_commands
from mailsum.state.store import StateStore

log = logging.getLogger("mailsum.run.replies")


# Every marker header name and every Message-ID of ours contains this word (is_reply's
# callers may prefilter stored mail by it).
REPLY_WORD = "mailsum"


def is_reply(msg: ParsedMessage) -> bool:
    """Mail that answers (or claims to answer) an update, or carries our own marker.

    Such mail never becomes a customer's open point, whether its signature checks out or not.
    """
    if any(h in msg.headers for h in interact.MARKER_HEADERS):
        return True
    refs = [*msg.references, *([msg.in_reply_to] if msg.in_reply_to else [])]
    return any(msgid.parse_message_id(r) for r in refs)


@dataclass
class Answer:
    reply_id: str
    mail: OutgoingMail


class ReplyHandler:
    def __init__(self, config: Config, store: StateStore, secret: bytes, now: datetime) -> None:
        self.config = config
        self.store = store
        self.secret = secret
        self.now = now
        self.customers = {c.id: c for c in config.rules.customers}
        self.answers: list[Answer] = []
        self.applied: list[dict[str, object]] = []  # for the run report

    def answers_us(self, msg: ParsedMessage) -> bool:
        """A reply to one of our updates for certain: our marker header, or a reference whose
        HMAC checks out. A customer's mail whose In-Reply-To only looks like one of ours (the
        HMAC fails) is customer mail, read for points, not lost as a refused reply (issue 19).
        """
        if any(h in msg.headers for h in interact.MARKER_HEADERS):
            return True
        return interact.update_key_of(msg, self.secret) is not None

    def handle(self, msg: ParsedMessage) -> None:
        if self.store.reply_known(msg.message_id):
            return
        key = interact.update_key_of(msg, self.secret)
        found = self.store.sent_update_by_key(key) if key else None
        update = customer = None
        if found is not None:
            sent, numbers = found
            update = interact.SentUpdate(
                update_key=key or "", customer_id=sent.customer_id,
                recipients=tuple(sent.recipients), sent_at=sent.sent_at or sent.created_at,
                numbers=numbers)
            customer = self.customers.get(sent.customer_id)
        verdict = interact.authorize(
            msg, update=update if customer else None, secret_ok=key is not None, now=self.now,
            max_age=timedelta(days=self.config.replies.max_age_days),
            allowed_senders=self._allowed_senders(customer),
            our_addresses=self._our_addresses(),
            require_dkim=self.config.replies.require_dkim,
            dkim_ok=self._dkim(msg),
        )
        cid = customer.id if customer else None
        self.store.add_reply(msg.message_id, cid, key, msg.from_addr, self.now,
                             verdict.accepted, verdict.reason)
        if not verdict.accepted or customer is None or update is None:
            log.warning("reply %s from %s not acted on: %s", msg.message_id, msg.from_addr,
                        verdict.reason)
            return
        self._act(msg, customer, update)

    # ------------------------------------------------------------------ checks

    def _allowed_senders(self, customer: Customer | None) -> set[str]:
        if customer is None:
            return set()
        return {a.lower() for a in (*customer.contact, *customer.team)}

    def _our_addresses(self) -> set[str]:
        d = self.config.delivery
        ours = {parseaddr(d.sender)[1].lower()}
        if d.reply_to:
            ours.add(parseaddr(d.reply_to)[1].lower())
        return {a for a in ours if a}

    def _dkim(self, msg: ParsedMessage) -> bool | None:
        if not self.config.replies.require_dkim:
            return None
        domain = msg.from_addr.rpartition("@")[2]
        return interact.authentication_results_pass(
            msg.headers, set(self.config.replies.authserv_ids), domain)

    def _allowed_owner(self, customer: Customer) -> Callable[[str], bool]:
        rules = self.config.rules
        listed = {a.lower() for a in (*customer.contact, *customer.cc, *customer.team)}
        if customer.owner:
            listed.add(customer.owner.lower())

        def allowed(address: str) -> bool:
            return address.lower() in listed or rules.team.contains(address)

        return allowed

    # ------------------------------------------------------------------ acting

    def _act(self, msg: ParsedMessage, customer: Customer, update: interact.SentUpdate) -> None:
        parsed = parse_commands(msg.text or msg.own_text)
        if parsed.commands and self._replayed(msg, update, parsed.commands):
            return
        points = {p.id: p for p in self.store.points(customer.id)}
        infos = {pid: interact.PointInfo(id=pid, status=p.status, owner=p.owner, text=p.text)
                 for pid, p in points.items()}
        plan = interact.plan_reply(parsed, update, customer_points=infos,
                                   allowed_owner=self._allowed_owner(customer), now=self.now)
        language = parsed.language or customer.language
        if plan.ok:
            self._apply(plan, msg, customer, points)
        if not parsed.commands and not plan.errors and not plan.help:
            log.info("reply %s from %s has no command; not answered", msg.message_id,
                     msg.from_addr)
            return
        since = self.now - timedelta(days=1)
        if interact.rate_limited(self.store.answers_since(msg.from_addr, since),
                                 self.config.replies.answers_per_day):
            log.warning("not answering %s: answer limit per day reached", msg.from_addr)
            return
        # jinja2 loads with the first answer to render: new mail without replies never needs it
        from mailsum.replies import render as reply_render

        tz = customer.timezone or self.config.timezone
        changed, unchanged = reply_render.describe(plan, language, tz)
        rendered = reply_render.render_answer(
            language, customer_name=customer.name, applied=changed, errors=plan.errors,
            help=plan.help, unchanged=unchanged, subject=msg.subject,
            templates_dir=self.config.templates)
        sender = self.config.delivery.sender
        domain = parseaddr(sender)[1].rpartition("@")[2] or "mailsum.invalid"
        refs = " ".join([*msg.references[-5:], msg.message_id])
        mail = deliver.build_mail(
            rendered, sender=sender, to=[msg.from_addr], cc=[], reply_to=None,
            message_id=make_msgid("mailsum-answer", domain=domain), date=self.now,
            extra_headers={"X-Mailsum-Reply": update.update_key,
                           "In-Reply-To": msg.message_id, "References": refs})
        self.answers.append(Answer(msg.message_id, mail))

    def _replayed(self, msg: ParsedMessage, update: interact.SentUpdate,
                  commands: list[Command]) -> bool:
        """Whether these commands were already applied as an answer to this update.

        A reply re-sent with a new Message-ID (a replay) once re-resolved a point the contact
        had reopened in between (issue 19): the commands of one reply apply once per update
        they answer. The fingerprint is kept as a row of the replies table (a key no
        Message-ID can have), so no schema change is needed.
        """
        digest = hashlib.sha256("\n".join(
            [update.update_key, *(f"{c.name} {c.numbers} {c.arg}" for c in commands)]
        ).encode()).hexdigest()[:32]
        key = f"replay:{digest}"
        if self.store.reply_known(key):
            log.warning("reply %s from %s repeats commands already applied to update %s; "
                        "not applied again", msg.message_id, msg.from_addr, update.update_key)
            return True
        self.store.add_reply(key, update.customer_id, update.update_key, "", self.now, True,
                             f"commands of {msg.message_id}")
        return False

    def _apply(self, plan: interact.Plan, msg: ParsedMessage, customer: Customer,
               points: dict[str, PointRecord]) -> None:
        who = msg.from_addr
        for change in plan.changes:
            p = points[change.point_id]
            if change.action == "done":
                p.status, p.resolved_at, p.resolved_by = "resolved", self.now, msg.message_id
                p.snoozed_until = None
            elif change.action == "reopen":
                p.status, p.resolved_at, p.resolved_by, p.snoozed_until = \
                    "open", None, None, None
            elif change.action == "snooze":
                p.status, p.snoozed_until = "snoozed", change.until
            elif change.action == "owner" and change.value:
                old = p.owner
                p.owner, p.owner_by_command = change.value, True
                self.store.add_owner_change(OwnerChangeRecord(
                    point_id=p.id, old=old, new=change.value, at=self.now,
                    reason=f"{who}: {change.action} {change.number} {change.value}",
                    recorded_at=self.now), msg.message_id)
            if change.action != "note":
                p.last_activity = self.now
                self.store.save_point(p)
            detail = change.value if change.action in ("owner", "note") else (
                change.until.isoformat() if change.until else None)
            self.store.add_event(customer.id, p.id, self.now, who, change.action, detail,
                                 msg.message_id)
            self.applied.append({"customer": customer.id, "point": p.id,
                                 "action": change.action, "value": detail, "by": who})
        if plan.send_update:
            self.store.set_customer_state(customer.id, update_requested=True)
            self.store.add_event(customer.id, None, self.now, who, "update", None,
                                 msg.message_id)
        if plan.pause_until:
            self.store.set_customer_state(customer.id, paused_until=plan.pause_until)
            self.store.add_event(customer.id, None, self.now, who, "pause",
                                 plan.pause_until.isoformat(), msg.message_id)
        if plan.resume:
            self.store.set_customer_state(customer.id, clear_pause=True)
            self.store.add_event(customer.id, None, self.now, who, "resume", None,
                                 msg.message_id)
