#!/usr/bin/env node
// HAR round trip: a page in real headless Chromium makes several cross-origin fetch() calls against a small
// server on 127.0.0.1; the network log is written as a DevTools-format HAR; then
//   1. `corscope import that.har --to c.json` must turn every request into an item, pair each preflight with
//      its actual request (no OPTIONS item) and keep the script's headers, body, origin and credentials;
//   2. `corscope analyze that.har --format json` must give, for every fetch(), the verdict, stage and check
//      id Chromium itself reported (the promise resolved or threw; CDP's corsErrorStatus names the check),
//      and pair the same preflight entry Chromium's own initiator link names.
//
//   node har-roundtrip.mjs --corscope /path/to/corscope [--keep DIR] [--verbose]
//
// How the HAR is made, and why not Playwright's `recordHar`: playwright-core 1.65.1's HAR recorder builds
// its entries from Playwright's own Request objects. It has no entry for the OPTIONS preflights (Chromium's
// network service sends them itself; Playwright never surfaces them as requests), and a CORS-blocked
// request gets "status": -1 with no response headers. That is not what a user's "Export HAR" gives.
// So this file records CDP Network.* events (where Chromium reports each preflight as a request of its own,
// initiator {type: "preflight", requestId: <actual request>}) and writes them the way DevTools' HAR writer
// (front_end/models/har/Log.ts) does:
//   - one entry per hop, in the order the requests started (Network.requestWillBeSent), so a preflight comes
//     AFTER the request it was made for; a redirect gives one entry per hop;
//   - request headers are the wire headers of requestWillBeSentExtraInfo when the request was sent, else the
//     renderer's headers of requestWillBeSent (a request blocked at its preflight has no Origin header);
//   - response status and headers come from responseReceivedExtraInfo when present (a CORS-blocked response
//     has no responseReceived, yet DevTools shows its status and headers), else from responseReceived;
//   - "_resourceType" is DevTools' resource type name ("fetch", "preflight", "document"...), "_initiator"
//     keeps type/url/requestId/lineNumber/stack, and the failure text is "response._error";
//   - content.text carries the body of finished responses (Network.getResponseBody), as DevTools does.
// Timings are simplified (the whole time under "wait"): nothing in corscope reads them.
//
// The closing line is exactly `N passed, M failed` (CI reads it). Exit code 0 only when M is 0.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM, launchChromium, runProcess } from './chromium-harness.mjs';
import { CORS_KINDS } from './cors-kinds.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
    const args = { corscope: process.env.CORSCOPE_BIN || null, keep: null, verbose: false };
    for (let i = 0; i < argv.length; ++i) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
            return argv[++i];
        };
        if (a === '--corscope') args.corscope = value();
        else if (a === '--keep') args.keep = value();
        else if (a === '--verbose' || a === '-v') args.verbose = true;
        else throw new Error(`unknown argument ${a}`);
    }
    return args;
}

// The fetch() calls of the page, in order. `intent` (and `preflight`) is what the call is there to exercise;
// the test fails when Chromium does not do that (the scenario would no longer test what it says), never on it alone.
// Three hosts on one port: the page app.corscope.test, the API api.corscope.test, and other.corscope.test as a
// redirect target. They are one site (corscope.test), so the page's cookie goes with credentials: 'include'.
const CALLS = [
    { id: 'simple-get-allowed', path: '/simple', init: {}, intent: 'resolves' },
    { id: 'simple-get-no-acao', path: '/no-acao', init: {}, intent: 'throws: no Access-Control-Allow-Origin' },
    { id: 'put-preflight-allowed', path: '/put',
      init: { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Request-Id': '7' }, body: '{"name":"demo"}' },
      intent: 'resolves after a preflight', preflight: true },
    { id: 'put-preflight-cached', path: '/put',
      init: { method: 'PUT', headers: { 'Content-Type': 'application/json', 'X-Request-Id': '8' }, body: '{"name":"again"}' },
      intent: 'resolves from the preflight cache the PUT before filled' },
    { id: 'header-blocked-by-preflight', path: '/header', init: { headers: { 'X-Trace': 'abc' } },
      intent: 'throws at the preflight: X-Trace not allowed', preflight: true },
    { id: 'authorization-blocked-by-preflight', path: '/auth', init: { headers: { Authorization: 'Bearer demo-token' } },
      intent: 'throws at the preflight: Authorization not allowed', preflight: true },
    { id: 'delete-method-blocked', path: '/delete', init: { method: 'DELETE' },
      intent: 'throws at the preflight: DELETE not allowed', preflight: true },
    { id: 'credentials-wildcard', path: '/cred', init: { credentials: 'include' },
      intent: 'throws: * with credentials' },
    { id: 'redirect-cross-origin', path: '/redirect', init: {}, intent: 'resolves after a redirect to other.corscope.test' },
    // Not CORS requests: analyze must leave them out, though they carry Origin and are typed "fetch". Chromium
    // sends Sec-Fetch-Mode only to potentially trustworthy URLs: the first one goes to localhost, so it says
    // "no-cors"; the others go to plain http://api.corscope.test and say nothing. Chromium records the empty
    // 204 as "_error": "net::ERR_ABORTED", the 200 with a body with no error.
    { id: 'no-cors-post-localhost', host: 'localhost', path: '/beacon', init: { method: 'POST', mode: 'no-cors', body: 'ping' },
      intent: 'resolves with an opaque response: no CORS check', noCors: true, secFetchMode: true },
    { id: 'no-cors-post', path: '/beacon', init: { method: 'POST', mode: 'no-cors', body: 'pong' },
      intent: 'resolves with an opaque response: no CORS check', noCors: true },
    { id: 'no-cors-get', path: '/pixel', init: { mode: 'no-cors' },
      intent: 'resolves with an opaque response: no CORS check', noCors: true },
];

const sameUrl = (a, b) => (a.host ?? 'api') === (b.host ?? 'api') && a.path === b.path;

class TestServer {
    async start() {
        this.log = [];
        this.server = http.createServer((req, res) => this.handle(req, res));
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, '127.0.0.1', resolve);
        });
        this.port = this.server.address().port;
        this.app = `http://app.corscope.test:${this.port}`;
        this.api = `http://api.corscope.test:${this.port}`;
        this.other = `http://other.corscope.test:${this.port}`;
        this.localhost = `http://localhost:${this.port}`;
        return this;
    }

    stop() {
        this.server.closeAllConnections?.();
        return new Promise((resolve) => this.server.close(resolve));
    }

    handle(req, res) {
        const host = (req.headers.host ?? '').replace(/:\d+$/, '');
        const origin = req.headers.origin ?? '';
        const url = new URL(req.url, 'http://x');
        this.log.push({ method: req.method, host, path: url.pathname, headers: req.headers });
        const send = (status, headers, body = '') => {
            res.writeHead(status, headers);
            res.end(body);
        };
        if (host === 'app.corscope.test') {
            // A cross-origin image: a no-cors request (no Origin header, no CORS check), as on most real pages.
            return send(200, { 'Content-Type': 'text/html; charset=utf-8' },
                        '<!doctype html><title>corscope HAR round trip</title><link rel="icon" href="data:,">'
                        + `<img src="${this.api}/logo.svg" alt="">`);
        }
        const json = { 'Content-Type': 'application/json' };
        switch (`${host} ${url.pathname}`) {
        case 'api.corscope.test /logo.svg':
            return send(200, { 'Content-Type': 'image/svg+xml' },
                        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
        case 'api.corscope.test /simple':
            return send(200, { ...json, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }, '{"simple":true}');
        case 'api.corscope.test /no-acao':
            return send(200, json, '{"secret":true}');
        case 'api.corscope.test /put':
            if (req.method === 'OPTIONS') {
                return send(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET, PUT',
                                   'Access-Control-Allow-Headers': 'content-type, x-request-id', Vary: 'Origin' });
            }
            return send(200, { ...json, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }, '{"stored":true}');
        case 'api.corscope.test /header':
            if (req.method === 'OPTIONS') {
                return send(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'content-type' });
            }
            return send(200, { ...json, 'Access-Control-Allow-Origin': origin }, '{}');
        case 'api.corscope.test /auth':
            if (req.method === 'OPTIONS') {
                return send(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Headers': 'content-type' });
            }
            return send(200, { ...json, 'Access-Control-Allow-Origin': origin }, '{}');
        case 'api.corscope.test /delete':
            if (req.method === 'OPTIONS') {
                return send(204, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET, POST' });
            }
            return send(200, { ...json, 'Access-Control-Allow-Origin': origin }, '{}');
        case 'api.corscope.test /beacon':
        case 'localhost /beacon':
            return send(204, {});
        case 'api.corscope.test /pixel':
            return send(200, { 'Content-Type': 'image/gif' }, 'GIF89a');
        case 'api.corscope.test /cred':
            return send(200, { ...json, 'Access-Control-Allow-Origin': '*' }, '{"user":"demo"}');
        case 'api.corscope.test /redirect':
            return send(302, { Location: `${this.other}/final`, 'Access-Control-Allow-Origin': '*' });
        case 'other.corscope.test /final':
            return send(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' }, 'final');
        default:
            return send(404, { 'Content-Type': 'text/plain' }, 'not found');
        }
    }
}

// DevTools' resource type names (front_end/core/common/ResourceType.ts) for CDP Network.ResourceType.
const RESOURCE_TYPES = {
    Document: 'document', Stylesheet: 'stylesheet', Image: 'image', Media: 'media', Font: 'font',
    Script: 'script', TextTrack: 'texttrack', XHR: 'xhr', Fetch: 'fetch', Prefetch: 'prefetch',
    EventSource: 'eventsource', WebSocket: 'websocket', Manifest: 'manifest', SignedExchange: 'signed-exchange',
    Ping: 'ping', CSPViolationReport: 'csp-violation-report', Preflight: 'preflight', FedCM: 'fedcm', Other: 'other',
};

// A CDP header object -> HAR header list; a value with "\n" is several header lines (as DevTools splits it).
function harHeaders(object) {
    const out = [];
    for (const [name, value] of Object.entries(object ?? {})) {
        for (const line of String(value).split('\n')) out.push({ name, value: line });
    }
    return out;
}

function httpVersion(protocol) {
    if (!protocol) return '';
    return protocol === 'h2' ? 'http/2.0' : protocol;
}

// Collects CDP Network.* events and writes them as a DevTools HAR (see the top of this file).
class HarRecorder {
    constructor() {
        this.hops = [];          // every hop in the order it started
        this.current = new Map(); // requestId -> its latest hop
        this.requestExtra = new Map(); // requestId -> [requestWillBeSentExtraInfo], one per sent hop
        this.responseExtra = new Map();
    }

    attach(cdp) {
        this.cdp = cdp;
        cdp.on('Network.requestWillBeSent', (p) => this.onRequest(p));
        cdp.on('Network.requestWillBeSentExtraInfo', (p) => this.push(this.requestExtra, p));
        cdp.on('Network.responseReceivedExtraInfo', (p) => this.push(this.responseExtra, p));
        cdp.on('Network.responseReceived', (p) => {
            const hop = this.current.get(p.requestId);
            if (!hop) return;
            hop.response = p.response;
            hop.type = p.type ?? hop.type;
        });
        cdp.on('Network.loadingFinished', (p) => {
            const hop = this.current.get(p.requestId);
            if (!hop) return;
            hop.end = p.timestamp;
            hop.finished = true;
            hop.transferSize = p.encodedDataLength;
            if (hop.type !== 'Preflight') {
                hop.body = cdp.send('Network.getResponseBody', { requestId: p.requestId }).catch(() => null);
            }
        });
        cdp.on('Network.loadingFailed', (p) => {
            const hop = this.current.get(p.requestId);
            if (!hop) return;
            hop.end = p.timestamp;
            hop.finished = true;
            hop.type = p.type ?? hop.type;
            hop.errorText = p.errorText;
            hop.corsErrorStatus = p.corsErrorStatus ?? null;
        });
    }

    push(map, p) {
        if (!map.has(p.requestId)) map.set(p.requestId, []);
        map.get(p.requestId).push(p);
    }

    onRequest(p) {
        const previous = this.current.get(p.requestId);
        if (previous && p.redirectResponse) {
            previous.response = p.redirectResponse;
            previous.end = p.timestamp;
            previous.finished = true;
            previous.redirected = true;
        }
        const hop = {
            requestId: p.requestId, hopIndex: previous ? previous.hopIndex + 1 : 0, request: p.request,
            initiator: p.initiator, type: p.type ?? 'Other', start: p.timestamp, wallTime: p.wallTime,
            finished: false, response: null,
        };
        this.hops.push(hop);
        this.current.set(p.requestId, hop);
    }

    // Which hops of a request got extra info, matched in order (DevTools' ExtraInfoBuilder does the same).
    extraFor(hop, map) {
        const list = map.get(hop.requestId) ?? [];
        return list[hop.hopIndex] ?? null;
    }

    async har(pageUrl) {
        const entries = [];
        const recorded = [];
        for (const hop of this.hops) {
            const url = hop.request.url;
            if (!hop.finished || !/^https?:/.test(url)) continue; // DevTools exports finished HTTP requests
            const requestExtra = this.extraFor(hop, this.requestExtra);
            const responseExtra = this.extraFor(hop, this.responseExtra);
            const initiator = { type: hop.initiator?.type ?? 'other' };
            for (const key of ['url', 'requestId', 'lineNumber', 'stack']) {
                if (hop.initiator?.[key] !== undefined) initiator[key] = hop.initiator[key];
            }
            const request = {
                method: hop.request.method,
                url: url.split('#')[0],
                httpVersion: httpVersion(hop.response?.protocol),
                headers: harHeaders(requestExtra ? requestExtra.headers : hop.request.headers),
                queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
                cookies: [],
                headersSize: -1,
                bodySize: hop.request.postData ? Buffer.byteLength(hop.request.postData) : 0,
            };
            if (hop.request.postData !== undefined) {
                const contentType = Object.entries(hop.request.headers).find(([n]) => n.toLowerCase() === 'content-type');
                request.postData = { mimeType: contentType ? contentType[1] : '', text: hop.request.postData };
            }
            const status = responseExtra?.statusCode || hop.response?.status || 0;
            const responseHeaders = harHeaders(responseExtra ? responseExtra.headers : hop.response?.headers);
            const location = responseHeaders.find((h) => h.name.toLowerCase() === 'location');
            const content = { size: 0, mimeType: hop.response?.mimeType || 'x-unknown' };
            const body = hop.body ? await hop.body : null;
            if (body) {
                content.text = body.body;
                content.size = body.base64Encoded ? Buffer.from(body.body, 'base64').length : Buffer.byteLength(body.body);
                if (body.base64Encoded) content.encoding = 'base64';
            }
            const time = Math.max(0, ((hop.end ?? hop.start) - hop.start) * 1000);
            const entry = {
                _initiator: initiator,
                _priority: hop.request.initialPriority ?? 'High',
                _resourceType: RESOURCE_TYPES[hop.type] ?? 'other',
                cache: {},
                request,
                response: {
                    status,
                    statusText: hop.response?.statusText ?? '',
                    httpVersion: httpVersion(hop.response?.protocol),
                    headers: responseHeaders,
                    cookies: [],
                    content,
                    redirectURL: location ? location.value : '',
                    headersSize: -1,
                    bodySize: -1,
                    _transferSize: hop.transferSize ?? 0,
                    _error: hop.errorText ?? null,
                    _fetchedViaServiceWorker: false,
                },
                serverIPAddress: hop.response?.remoteIPAddress ?? '',
                startedDateTime: new Date(hop.wallTime * 1000).toISOString(),
                time,
                timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: time, receive: 0, _blocked_queueing: -1 },
                pageref: 'page_1',
            };
            if (hop.response?.remotePort) entry.connection = String(hop.response.remotePort);
            entries.push(entry);
            recorded.push(hop);
        }
        const first = entries[0]?.startedDateTime ?? new Date().toISOString();
        return {
            har: {
                log: {
                    version: '1.2',
                    creator: { name: 'WebInspector', version: '537.36' },
                    pages: [{ startedDateTime: first, id: 'page_1', title: pageUrl,
                              pageTimings: { onContentLoad: -1, onLoad: -1 } }],
                    entries,
                },
            },
            hops: recorded, // hops[i] is entries[i]
        };
    }
}

async function recordInChromium(server) {
    // The same launch as run-agreement.mjs: only the switches a user's browser has, nothing of Playwright's own.
    const { context, userDataDir } = await launchChromium('corscope-har-chromium-');
    try {
        const page = context.pages()[0] ?? await context.newPage();
        const cdp = await context.newCDPSession(page);
        const recorder = new HarRecorder();
        recorder.attach(cdp);
        await cdp.send('Network.enable');
        await page.goto(`${server.app}/`);
        const outcomes = await page.evaluate(async ({ bases, calls }) => {
            document.cookie = 'session=demo; domain=corscope.test; path=/';
            const results = [];
            for (const call of calls) {
                try {
                    const response = await fetch(bases[call.host ?? 'api'] + call.path, call.init);
                    await response.text();
                    results.push({ id: call.id, resolved: true, status: response.status, url: response.url });
                } catch (e) {
                    results.push({ id: call.id, resolved: false, error: String(e) });
                }
            }
            return results;
        }, { bases: { api: server.api, localhost: server.localhost }, calls: CALLS });
        // Let the last loadingFinished/loadingFailed events arrive.
        const deadline = Date.now() + 3000;
        while (Date.now() < deadline && recorder.hops.some((h) => !h.finished)) {
            await new Promise((r) => setTimeout(r, 20));
        }
        const { har, hops } = await recorder.har(`${server.app}/`);
        const version = context.browser()?.version() ?? (await cdp.send('Browser.getVersion')).product;
        return { outcomes, har, hops, version };
    } finally {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
    }
}

class Checks {
    constructor(verbose) { this.passed = 0; this.failed = 0; this.verbose = verbose; }

    check(ok, what, detail) {
        if (ok) {
            ++this.passed;
            if (this.verbose) console.log(`  ok    ${what}`);
        } else {
            ++this.failed;
            console.log(`  FAIL  ${what}${detail !== undefined ? `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : ''}`);
        }
        return ok;
    }
}

function headerOf(headers, name) {
    const found = (headers ?? []).find((h) => (Array.isArray(h) ? h[0] : h.name).toLowerCase() === name.toLowerCase());
    if (!found) return null;
    return Array.isArray(found) ? found[1] : found.value;
}

function flattenItems(items) {
    const out = [];
    for (const item of items ?? []) {
        if (item.items) out.push(...flattenItems(item.items));
        else out.push(item);
    }
    return out;
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const started = Date.now();
    if (!args.corscope) throw new Error('give the corscope binary with --corscope PATH (or CORSCOPE_BIN)');
    if (!fs.existsSync(args.corscope)) throw new Error(`corscope binary not found: ${args.corscope}`);
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);

    const server = await new TestServer().start();
    let recording;
    try {
        recording = await recordInChromium(server);
    } finally {
        await server.stop();
    }
    const { outcomes, har, hops, version } = recording;
    const dir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'corscope-har-'));
    fs.mkdirSync(dir, { recursive: true });
    const harPath = path.join(dir, 'chromium.har');
    const collectionPath = path.join(dir, 'c.json');
    fs.rmSync(collectionPath, { force: true });
    fs.writeFileSync(harPath, JSON.stringify(har, null, 2));
    const entries = har.log.entries;
    console.log(`Chromium ${version}; page ${server.app}; ${entries.length} HAR entries `
        + `(${entries.filter((e) => e._resourceType === 'preflight').length} preflights) in ${harPath}`);

    const checks = new Checks(args.verbose);
    const chromiumView = new Map(); // call id -> what Chromium did
    for (const [n, call] of CALLS.entries()) {
        const url = (call.host === 'localhost' ? server.localhost : server.api) + call.path;
        const outcome = outcomes.find((o) => o.id === call.id);
        // Calls to the same URL are made one after the other: the k-th such call is the k-th such request.
        const sameUrlBefore = CALLS.slice(0, n).filter((c) => sameUrl(c, call)).length;
        const firstIndex = hops.map((h, i) => ({ h, i }))
            .filter(({ h }) => h.hopIndex === 0 && h.request.url === url && h.type !== 'Preflight')[sameUrlBefore]?.i ?? -1;
        const first = hops[firstIndex];
        const requestId = first?.requestId;
        const chain = hops.map((h, i) => ({ h, i })).filter(({ h }) => h.requestId === requestId);
        const preflightIndex = hops.findIndex((h) => h.initiator?.type === 'preflight' && h.initiator.requestId === requestId);
        const last = chain[chain.length - 1];
        const cors = last?.h.corsErrorStatus ?? null;
        const [check, stage] = cors ? (CORS_KINDS[cors.corsError] ?? ['other', null]) : [null, null];
        // A failure that is not the preflight's is on a redirect when the response Chromium refused was a 3xx.
        const failedStatus = last ? entries[last.i].response.status : 0;
        const responseStage = failedStatus >= 300 && failedStatus < 400 ? 'redirect' : 'actual';
        chromiumView.set(call.id, {
            url, outcome, entry: firstIndex, chain: chain.map(({ i }) => i), preflight: preflightIndex,
            verdict: outcome?.resolved ? 'allowed' : (cors ? 'blocked' : 'network-error'),
            check, stage: outcome?.resolved ? null : (stage ?? responseStage),
            corsError: cors,
        });
    }

    console.log('Chromium (each fetch, its HAR entries, the CORS error CDP reported):');
    for (const call of CALLS) {
        const c = chromiumView.get(call.id);
        console.log(`  ${call.id}: ${c.verdict}${c.check ? ` ${c.stage}/${c.check}` : ''}; entry ${c.entry + 1}`
            + `${c.chain.length > 1 ? ` -> ${c.chain.slice(1).map((i) => i + 1).join(' -> ')}` : ''}`
            + `${c.preflight >= 0 ? `, preflight entry ${c.preflight + 1}` : ''}`);
    }

    // Scenario sanity: each call must still exercise what it is there for.
    console.log('Scenario sanity:');
    for (const call of CALLS) {
        const c = chromiumView.get(call.id);
        const wantsResolve = call.intent.startsWith('resolves');
        const wantsPreflight = !!call.preflight;
        checks.check(c.entry >= 0, `${call.id}: the request is in the HAR`);
        checks.check(!!c.outcome && c.outcome.resolved === wantsResolve, `${call.id}: Chromium ${call.intent}`, c.outcome);
        checks.check((c.preflight >= 0) === wantsPreflight,
            `${call.id}: Chromium ${wantsPreflight ? 'sent' : 'did not send'} a preflight`);
        if (call.id === 'redirect-cross-origin') checks.check(c.chain.length === 2, `${call.id}: two hops recorded`, c.chain);
        if (call.noCors) {
            const request = entries[c.entry]?.request.headers;
            const mode = call.secFetchMode ? 'no-cors' : null;
            const origin = call.init.method === 'POST' ? server.app : null; // a no-cors GET sends no Origin
            checks.check(headerOf(request, 'sec-fetch-mode') === mode && headerOf(request, 'origin') === origin,
                `${call.id}: recorded with ${origin ? 'Origin' : 'no Origin'} and `
                + `${mode ? `Sec-Fetch-Mode: ${mode}` : 'no Sec-Fetch-Mode'}`, request);
        }
        if (call.id === 'credentials-wildcard') {
            checks.check(headerOf(entries[c.entry]?.request.headers, 'cookie') !== null,
                `${call.id}: the page's cookie went with the request (the HAR's only sign of credentials)`);
        }
    }

    // 1. import
    console.log('corscope import:');
    const imported = await runProcess(args.corscope, ['import', harPath, '--to', collectionPath], 20000);
    let collection = null;
    if (checks.check(imported.code === 0, 'corscope import exits 0', `exit ${imported.code}; ${imported.stderr.trim()}`)) {
        try {
            collection = JSON.parse(fs.readFileSync(collectionPath, 'utf8'));
        } catch (e) {
            checks.check(false, 'the collection is JSON', e.message);
        }
    }
    if (collection) {
        const items = flattenItems(collection.items);
        const expectedCount = hops.filter((h) => h.type !== 'Preflight' && h.hopIndex === 0).length;
        checks.check(items.length === expectedCount,
            `one item per request (${expectedCount}: every non-preflight request, redirect hops folded in)`,
            items.map((i) => `${i.request?.method ?? i.method} ${i.request?.url ?? i.url}`));
        checks.check(!imported.stderr.includes('only the preflight was recorded'),
            'no preflight is left unpaired', imported.stderr.trim());
        const requestOf = (item) => item.request ?? item;
        checks.check(!items.some((i) => requestOf(i).method === 'OPTIONS'), 'no OPTIONS item');
        for (const [n, call] of CALLS.entries()) {
            const c = chromiumView.get(call.id);
            const matching = items.filter((i) => requestOf(i).url === c.url);
            const calls = CALLS.filter((other) => sameUrl(other, call)).length;
            const k = CALLS.slice(0, n).filter((other) => sameUrl(other, call)).length;
            if (!checks.check(matching.length === calls, `${call.id}: ${calls} item(s) for ${c.url}`, matching.length)) continue;
            const r = requestOf(matching[k]);
            const method = call.init.method ?? 'GET';
            checks.check((r.method ?? 'GET') === method, `${call.id}: method ${method}`, r.method);
            checks.check(JSON.stringify(r.origins) === JSON.stringify([server.app]), `${call.id}: origin ${server.app}`, r.origins);
            for (const [name, value] of Object.entries(call.init.headers ?? {})) {
                checks.check(headerOf(r.headers, name) === value, `${call.id}: header ${name}: ${value}`, r.headers);
            }
            if (call.init.body !== undefined) checks.check(r.body === call.init.body, `${call.id}: body`, r.body);
            if (call.init.credentials === 'include') {
                checks.check(r.credentials === 'include', `${call.id}: credentials include (from the Cookie header)`, r.credentials);
            }
            if (c.chain.length > 1) {
                checks.check((matching[k].description ?? '').includes(`${server.other}/final`),
                    `${call.id}: the item says where it was redirected`, matching[k].description);
            }
        }
        checks.check(!items.some((i) => requestOf(i).url === `${server.other}/final`), 'no item for the redirect follow-up');
    }

    // 2. analyze; 3. analyze what DevTools' default "Export HAR (sanitized)" gives: no Cookie, Set-Cookie or
    // Authorization headers. The verdicts must not change; a note must say what corscope inferred.
    const analyze = async (file, noteFor) => {
        const analyzed = await runProcess(args.corscope, ['analyze', file, '--format', 'json'], 20000);
        let exchanges = null;
        checks.check(analyzed.code === 0 || analyzed.code === 1, 'corscope analyze exits 0 or 1',
            `exit ${analyzed.code}; ${analyzed.stderr.trim()}`);
        try {
            exchanges = JSON.parse(analyzed.stdout);
        } catch (e) {
            checks.check(false, 'corscope analyze prints JSON', `${e.message}; ${analyzed.stdout.slice(0, 300)}`);
            return;
        }
        const corsCalls = CALLS.filter((call) => !call.noCors).length;
        checks.check(exchanges.length === corsCalls, `one exchange per cross-origin CORS fetch (${corsCalls})`,
            exchanges.map((x) => `${x.harEntry}: ${x.request?.method} ${x.request?.url}`));
        for (const call of CALLS) {
            const c = chromiumView.get(call.id);
            const x = exchanges.find((e) => e.harEntry === c.entry + 1);
            if (call.noCors) {
                checks.check(!x, `${call.id}: not analyzed (the browser checked nothing)`, x?.verdict);
                continue;
            }
            if (!checks.check(!!x, `${call.id}: analyzed (HAR entry ${c.entry + 1})`)) continue;
            const k = { verdict: x.verdict, stage: x.failure?.stage ?? null, check: x.failure?.check ?? null };
            const same = k.verdict === c.verdict && (c.verdict === 'allowed' || (k.stage === c.stage && k.check === c.check));
            checks.check(same, `${call.id}: corscope ${k.verdict}${k.check ? ` ${k.stage}/${k.check}` : ''} = Chromium `
                + `${c.verdict}${c.check ? ` ${c.stage}/${c.check}` : ''}`, x.note ?? undefined);
            checks.check((x.harPreflightEntry ?? -1) === (c.preflight >= 0 ? c.preflight + 1 : -1),
                `${call.id}: preflight entry ${c.preflight >= 0 ? c.preflight + 1 : '(none)'}`, x.harPreflightEntry);
            checks.check(x.origin === server.app, `${call.id}: origin ${server.app}`, x.origin);
            const note = noteFor(call);
            if (note) checks.check((x.note ?? '').includes(note), `${call.id}: a note says "${note}"`, x.note);
            else checks.check(!x.note, `${call.id}: no note`, x.note);
            if (call.init.credentials === 'include') {
                checks.check(x.request?.credentials === 'include', `${call.id}: credentials include`, x.request?.credentials);
            }
        }
    };
    console.log('corscope analyze:');
    await analyze(harPath, () => null);

    console.log('corscope analyze, the sanitized export:');
    const sensitive = new Set(['cookie', 'set-cookie', 'authorization']);
    const sanitized = structuredClone(har);
    for (const entry of sanitized.log.entries) {
        for (const part of [entry.request, entry.response]) {
            part.headers = part.headers.filter((h) => !sensitive.has(h.name.toLowerCase()));
            part.cookies = [];
        }
    }
    const sanitizedPath = path.join(dir, 'chromium-sanitized.har');
    fs.writeFileSync(sanitizedPath, JSON.stringify(sanitized, null, 2));
    await analyze(sanitizedPath, (call) => {
        if (call.init.credentials === 'include') return "credentials: 'include'";
        const asked = Object.keys(call.init.headers ?? {}).filter((name) => sensitive.has(name.toLowerCase()));
        return asked.length ? `no value for ${asked.map((n) => n.toLowerCase()).join(', ')}` : null;
    });

    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`${checks.passed} passed, ${checks.failed} failed`);
    return checks.failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`har-roundtrip: ${e.stack ?? e}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
});
