#!/usr/bin/env python3
"""Writes a Chrome-DevTools-style HAR of N entries and about SIZE_MB megabytes (bodies pad it):
every 4th request is preflighted (OPTIONS entry + actual), others are simple cross-origin GETs,
a tenth of them blocked (no Access-Control-Allow-Origin). Usage: gen_har.py OUT.har [entries] [size_mb]"""
import json, sys
out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
size_mb = float(sys.argv[3]) if len(sys.argv) > 3 else 100
pad = max(0, int((size_mb * 1024 * 1024 - n * 1000) / (n * 0.8)))
origin = "http://localhost:3000"
def h(pairs): return [{"name": k, "value": v} for k, v in pairs]
common = [("accept", "*/*"), ("accept-language", "en-US"), ("sec-fetch-mode", "cors"), ("user-agent", "Mozilla/5.0 Chrome/156")]
with open(out, "w") as f:
    f.write('{"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [], "entries": [\n')
    first = True
    i = 0
    written = 0
    while written < n:
        url = f"https://api{i % 7}.example.com/v1/items/{i}"
        t = f"2025-05-01T10:{(i // 600) % 60:02d}:{(i // 10) % 60:02d}.{i % 1000:03d}Z"
        entries = []
        allow = [("access-control-allow-origin", origin), ("vary", "Origin"), ("content-type", "application/json")]
        if i % 4 == 0:
            entries.append({"startedDateTime": t, "time": 3, "_resourceType": "preflight",
                "request": {"method": "OPTIONS", "url": url, "httpVersion": "http/2.0", "headers": h([("origin", origin), ("access-control-request-method", "PUT"), ("access-control-request-headers", "content-type")] + common), "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
                "response": {"status": 204, "statusText": "", "httpVersion": "http/2.0", "headers": h([("access-control-allow-origin", origin), ("access-control-allow-methods", "PUT"), ("access-control-allow-headers", "content-type")]), "cookies": [], "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1, "bodySize": 0},
                "cache": {}, "timings": {"send": 0, "wait": 2, "receive": 1}})
            method, extra = "PUT", [("content-type", "application/json")]
        else:
            method, extra = "GET", []
        if i % 10 == 3:
            allow = [("content-type", "application/json")]
        entries.append({"startedDateTime": t, "time": 5, "_resourceType": "fetch", "_initiator": {"type": "script", "url": origin + "/main.js"},
            "request": {"method": method, "url": url, "httpVersion": "http/2.0", "headers": h(common + [("origin", origin)] + extra), "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
            "response": {"status": 200, "statusText": "", "httpVersion": "http/2.0", "headers": h(allow), "cookies": [], "content": {"size": pad, "mimeType": "application/json", "text": '{"data":"' + "x" * pad + '"}'}, "redirectURL": "", "headersSize": -1, "bodySize": pad},
            "cache": {}, "timings": {"send": 0, "wait": 4, "receive": 1}})
        for e in entries:
            if written >= n: break
            f.write(("" if first else ",\n") + json.dumps(e))
            first = False
            written += 1
        i += 1
    f.write("\n]}}\n")
