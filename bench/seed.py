#!/usr/bin/env python3
"""seed.py PORT TOKEN N — what the web benches load into a fresh server, through the API as a
client would: 40 organisations and N self-diagnoses spread over them (answers and notes of
varied length, the same every run: seeded), each answered 201 and saved as id 1 … N, over one
kept-alive connection. Shared by bench/web.sh and bench/instructions.sh."""
import http.client, json, random, sys

port, token, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
c = http.client.HTTPConnection("127.0.0.1", port)
H = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def call(method, url, body, want):
    c.request(method, url, json.dumps(body), H)
    r = c.getresponse()
    data = r.read()
    if r.status != want:
        sys.exit(f"{method} {url}: {r.status} {data[:200]!r}")
    return data


for o in range(1, 41):
    call("POST", "/api/v1/organizations", {"name": f"会社{o}", "industry": "ETFI"[o % 4], "employees": o * 5}, 201)
random.seed(7)
opts = ["yes", "partly", "no", "unknown"]
for i in range(1, n + 1):
    ans = {str(k): {"answer": random.choice(opts) if k <= 20 else random.choice(["yes", "no"]),
                    "note": "担当者に確認済み。" * random.randint(0, 20)} for k in range(1, 26)}
    got = json.loads(call("POST", "/api/v1/diagnoses", {"questionnaire": "jisha-shindan", "organization_id": i % 40 + 1, "answers": ans}, 201))
    if got["id"] != i:
        sys.exit(f"diagnosis {i} saved as {got['id']}")
