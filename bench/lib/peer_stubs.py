"""The peers' data for bench/run.sh section 1, from the bodies our server answered (peer_bodies).

  peer_stubs.py wiremock DIR PIPELINE OPPORTUNITY DUP_PIPELINE     WireMock stub mappings (JSON)
  peer_stubs.py json-server DIR PIPELINE OPPORTUNITY DUP_PIPELINE  json-server's store (db.json)
"""
import json
import sys


def read(d, name):
    with open(f"{d}/{name}", encoding="utf-8") as f:
        return f.read()


def stub(method, url, body, pattern=False):
    return {"request": {"method": method, ("urlPathPattern" if pattern else "urlPath"): url},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"}, "body": body}}


def main():
    kind, d, pipeline, opportunity, dup = sys.argv[1:]
    if kind == "wiremock":
        print(json.dumps({"mappings": [
            stub("GET", f"/v1/pipelines/{pipeline}/opportunities/{opportunity}", read(d, "get.json")),
            stub("GET", f"/v1/pipelines/{pipeline}/opportunities", read(d, "list.json")),
            stub("POST", f"/v1/pipelines/{dup}/opportunities", read(d, "create.json")),
            # The create warm-up deletes what it made (wrk/opportunities.lua, churn).
            stub("DELETE", f"/v1/pipelines/{dup}/opportunities/[^/]+", '{"succeded":true}', pattern=True),
        ]}))
    elif kind == "json-server":
        print(json.dumps({"opportunities": [json.loads(read(d, "get.json"))]}, indent=2))
    else:
        sys.exit(f"peer_stubs.py: unknown kind {kind}")


if __name__ == "__main__":
    main()
