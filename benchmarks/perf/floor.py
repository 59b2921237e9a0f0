"""The floor of our stack: fetch every message over IMAP and parse it, nothing else.

Run as a subprocess by run.py (``python floor.py PORT USER BATCH [--no-parse]``, password in
``$MAILSUM_BENCH_PASSWORD``) so its time and memory are its own. Prints one JSON line.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from email import message_from_bytes, policy


def main(port: int, user: str, batch: int, parse: bool = True) -> dict[str, float]:
    import mailparser
    from imapclient import IMAPClient

    fetch_s = parse_s = compat_s = 0.0
    count = size = 0
    start = time.perf_counter()
    with IMAPClient("127.0.0.1", port=port, ssl=False, timeout=60) as client:
        client.login(user, os.environ["MAILSUM_BENCH_PASSWORD"])
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search(["ALL"]))
        fetch_s += time.perf_counter() - start
        for first in range(0, len(uids), batch):
            t = time.perf_counter()
            chunk = uids[first:first + batch]
            bodies = client.fetch(chunk, ["BODY.PEEK[]"])
            fetch_s += time.perf_counter() - t
            for uid in chunk:
                data = bytes(bodies[uid][b"BODY[]"])
                count += 1
                size += len(data)
                if not parse:
                    continue
                t = time.perf_counter()
                mailparser.parse_from_bytes(data)
                parse_s += time.perf_counter() - t
                t = time.perf_counter()
                message_from_bytes(data, policy=policy.compat32).get_payload()
                compat_s += time.perf_counter() - t
    return {"messages": count, "bytes": size, "fetch_s": fetch_s, "parse_s": parse_s,
            "total_s": fetch_s + parse_s, "compat32_parse_s": compat_s,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                          parse=sys.argv[4:] != ["--no-parse"])))
