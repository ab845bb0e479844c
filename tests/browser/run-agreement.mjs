#!/usr/bin/env node
// Browser-agreement test: every scenario of scenarios.json runs (a) as a fetch() in real headless
// Chromium and (b) through `corscope check --format json`. A scenario passes when the verdict, stage and
// check id agree AND the preflights the server received carry the same Origin, Access-Control-Request-
// Method and Access-Control-Request-Headers. Exact console-message differences and differences in the
// other requests the server received are listed separately (informational).
//
//   node run-agreement.mjs --corscope /path/to/corscope     (or CORSCOPE_BIN=...)
//   node run-agreement.mjs --window /path/to/corscope-window-check   (WINDOW_SAMPLE through the window)
//   node run-agreement.mjs --chromium-only [--markdown out.md] [--json out.json]
//   node run-agreement.mjs --only <id>[,<id>...] [--verbose]
//
// The closing line is exactly `N passed, M failed` (CI reads it). Exit code 0 only when M is 0.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM, launchChromium, runProcess } from './chromium-harness.mjs';
import { CORS_KINDS } from './cors-kinds.mjs';
import { ScenarioServer } from './scenario-server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// The scenarios `--window` sends through the window's own path (corscope-window-check: the real MainWindow,
// offscreen, on the transport the window uses). One or more of each kind of outcome: allowed and blocked
// simple requests, empty and repeated header lines (which a Qt transport would drop or merge), credentials,
// preflights allowed and refused, redirects and the redirect modes, network errors including a server that
// closes without answering (which a Qt transport would silently send again). Scenarios with forbidden
// headers are left out: the window refuses such a request where `corscope check --drop-forbidden` sends it.
const WINDOW_SAMPLE = [
    'acao-absent', 'acao-star', 'acao-exact-origin', 'acao-empty-value', 'acao-two-star-lines', 'acao-padded-star',
    'cred-include-acac-true', 'cred-include-acao-star', 'post-json-allowed', 'post-json-preflight-404',
    'put-acam-absent', 'patch-lowercase-acam-upper', 'acah-empty-value', 'acah-star-authorization',
    'preflight-ok-actual-no-acao', 'actual-500-with-acao', 'head-no-preflight', 'redirect-cross-to-cross-star',
    'redirect-307-preflighted-new-preflight', 'redirect-mode-error', 'redirect-mode-manual',
    'network-connection-refused', 'network-close-actual', 'network-close-preflight',
];

function parseArgs(argv) {
    const args = { corscope: process.env.CORSCOPE_BIN || null, window: null, chromiumOnly: false, only: null,
                   markdown: null, json: null, verbose: false, scenarios: path.join(HERE, 'scenarios.json') };
    for (let i = 0; i < argv.length; ++i) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
            return argv[++i];
        };
        if (a === '--corscope') args.corscope = value();
        else if (a === '--window') args.window = value();
        else if (a === '--chromium-only') args.chromiumOnly = true;
        else if (a === '--only') args.only = value().split(',');
        else if (a === '--markdown') args.markdown = value();
        else if (a === '--json') args.json = value();
        else if (a === '--scenarios') args.scenarios = value();
        else if (a === '--verbose' || a === '-v') args.verbose = true;
        else throw new Error(`unknown argument ${a}`);
    }
    if (args.window && argv.includes('--corscope')) throw new Error('give either --corscope or --window, not both');
    return args;
}

function headerValue(headers, name) {
    const values = headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    return values.length ? values.join(', ') : null;
}

// What the server received for the preflights, and the Origin of every non-OPTIONS request.
function summarizeLog(log) {
    return {
        preflights: log.filter((e) => e.method === 'OPTIONS').map((e) => ({
            path: `${e.role} ${e.path}`,
            origin: headerValue(e.headers, 'origin'),
            acrm: headerValue(e.headers, 'access-control-request-method'),
            acrh: headerValue(e.headers, 'access-control-request-headers'),
        })),
        requests: log.filter((e) => e.method !== 'OPTIONS').map((e) => ({
            path: `${e.role} ${e.path}`, method: e.method, origin: headerValue(e.headers, 'origin'),
            status: e.status, action: e.action,
        })),
    };
}

function formatPreflights(summary) {
    if (!summary.preflights.length) return '—';
    return summary.preflights.map((p) => `${p.path}: Origin ${p.origin ?? '(none)'}; ACRM ${p.acrm ?? '(none)'}; `
        + `ACRH ${p.acrh ?? '(none)'}`).join(' / ');
}

function formatRequests(summary) {
    if (!summary.requests.length) return '—';
    const parts = summary.requests.map((r) => `${r.method} ${r.path} (Origin ${r.origin ?? '(none)'}) → `
        + `${r.action ?? r.status}`);
    if (parts.length > 4) parts.splice(2, parts.length - 3, `… ${parts.length - 3} more …`);
    return parts.join(' / ');
}

// Stage of a failure that is not a preflight: "redirect" when the response Chromium failed on was a
// redirect (a 3xx with Location, as the server log shows for the URL of the failed request), otherwise
// "actual" (a final response, or a new request that never got an answer).
function stageFromLog(log, origins, failedUrl) {
    const entries = log.filter((e) => e.method !== 'OPTIONS');
    const sameUrl = entries.filter((e) => failedUrl && `${origins[e.role]}${e.target}` === failedUrl);
    const last = sameUrl[sameUrl.length - 1];
    if (last && last.status >= 300 && last.status < 400 && last.location) return 'redirect';
    return 'actual';
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class ChromiumRunner {
    constructor(server) { this.server = server; }

    async start() {
        ({ context: this.context, userDataDir: this.userDataDir } = await launchChromium('corscope-chromium-'));
        this.page = this.context.pages()[0] ?? await this.context.newPage();
        this.events = null;
        this.cdp = await this.context.newCDPSession(this.page);
        const record = (kind) => (params) => { if (this.events) this.events.push({ kind, params }); };
        for (const e of ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.loadingFailed',
                         'Network.loadingFinished', 'Log.entryAdded']) {
            this.cdp.on(e, record(e));
        }
        await this.cdp.send('Network.enable');
        await this.cdp.send('Log.enable');
        this.page.on('console', (msg) => {
            if (this.events) this.events.push({ kind: 'console', params: { type: msg.type(), text: msg.text() } });
        });
        await this.page.goto(`${this.server.origins.app}/`);
        const version = this.context.browser()?.version() ?? (await this.cdp.send('Browser.getVersion')).product;
        this.version = version;
    }

    async stop() {
        await this.context?.close();
        if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
    }

    async run(scenario) {
        const id = scenario.id;
        this.server.clearLog(id);
        this.events = [];
        const url = this.server.expand(scenario.url ?? '{API}{S}/r', id);
        const init = { ...(scenario.fetch ?? {}) };
        if (init.headers) init.headers = init.headers.map(([n, v]) => [n, this.server.expand(v, id)]);
        const outcome = await this.page.evaluate(async ({ url, init }) => {
            const headers = new Headers();
            for (const [n, v] of init.headers ?? []) headers.append(n, v);
            const options = { ...init, headers };
            try {
                const response = await fetch(url, options);
                let body = null;
                try { body = await response.text(); } catch (e) { body = `(body failed: ${e})`; }
                return { resolved: true, status: response.status, type: response.type,
                         redirected: response.redirected, url: response.url,
                         headers: [...response.headers], body };
            } catch (e) {
                return { resolved: false, error: String(e) };
            }
        }, { url, init });
        // Console lines from the network service arrive a little after the promise settles.
        const deadline = Date.now() + 2000;
        const hasFailureLine = () => this.events.some((e) => e.kind === 'Log.entryAdded'
            && e.params.entry.text.startsWith('Failed to load resource'));
        if (!outcome.resolved) {
            while (Date.now() < deadline && !hasFailureLine()) await sleep(10);
        }
        await sleep(40);
        const events = this.events;
        this.events = null;
        const log = this.server.logOf(id);
        return this.derive(scenario, outcome, events, log);
    }

    derive(scenario, outcome, events, log) {
        const console = events.filter((e) => e.kind === 'Log.entryAdded').map((e) => e.params.entry.text);
        const failures = events.filter((e) => e.kind === 'Network.loadingFailed').map((e) => e.params);
        const requestsById = new Map();
        for (const e of events) {
            if (e.kind === 'Network.requestWillBeSent') requestsById.set(e.params.requestId, e.params);
        }
        const corsFailure = failures.find((f) => f.corsErrorStatus);
        const mainFailure = failures.find((f) => f.type !== 'Preflight');
        const failedUrl = mainFailure ? requestsById.get(mainFailure.requestId)?.request.url : null;
        const logStage = () => stageFromLog(log, this.server.origins, failedUrl);
        const corsLine = console.find((t) => t.includes('has been blocked by CORS policy'));
        const netLine = console.find((t) => t.startsWith('Failed to load resource'));
        const result = {
            id: scenario.id, outcome, console, log: summarizeLog(log),
            corsError: corsFailure?.corsErrorStatus ?? null,
            errorText: failures.map((f) => f.errorText),
            failedRequests: failures.map((f) => {
                const r = requestsById.get(f.requestId);
                return { type: f.type, errorText: f.errorText, url: r?.request.url, method: r?.request.method,
                         initiator: r?.initiator?.type };
            }),
        };
        if (outcome.resolved) {
            return { ...result, verdict: 'allowed', stage: null, check: null, message: null };
        }
        if (corsFailure) {
            const kind = corsFailure.corsErrorStatus.corsError;
            const [check, stage] = CORS_KINDS[kind] ?? ['other', null];
            return { ...result, verdict: 'blocked', check, stage: stage ?? logStage(),
                     message: corsLine ?? netLine ?? null };
        }
        if (corsLine) {
            return { ...result, verdict: 'blocked', check: 'other', stage: logStage(),
                     message: corsLine };
        }
        // A network error: the stage is the request that failed (a preflight the server dropped, a
        // redirect that could not be followed, or the actual request).
        const failedPreflight = result.failedRequests.some((f) => f.initiator === 'preflight'
            || f.type === 'Preflight');
        return { ...result, verdict: 'network-error', check: 'network-error',
                 stage: failedPreflight ? 'preflight' : logStage(), message: netLine ?? null };
    }
}

// Runs a scenario through `corscope check`, or with window set through corscope-window-check, which takes the
// same request arguments, always answers in JSON and, as the window does, refuses forbidden headers.
class CorscopeRunner {
    constructor(server, binary, { window = false } = {}) {
        this.server = server;
        this.binary = binary;
        this.window = window;
    }

    commandFor(scenario) {
        const id = scenario.id;
        const s = this.server;
        const init = scenario.fetch ?? {};
        const args = [...(this.window ? [] : ['check']), s.expand(scenario.url ?? '{API}{S}/r', id), '--origin', s.origins.app,
                      '--method', init.method ?? 'GET'];
        for (const [n, v] of init.headers ?? []) args.push('-H', `${n}: ${s.expand(v, id)}`);
        args.push('--credentials', init.credentials ?? 'same-origin', '--redirect', init.redirect ?? 'follow');
        if (init.body !== undefined && init.body !== null) args.push('--data', init.body);
        args.push('--resolve', `app.test:${s.ports.app}:127.0.0.1`, '--resolve', `api.test:${s.ports.api}:127.0.0.1`,
                  '--resolve', `api.test:${s.ports.closed}:127.0.0.1`,
                  '--resolve', `other.test:${s.ports.other}:127.0.0.1`, '--timeout', '5');
        if (!this.window) args.push('--format', 'json', '--drop-forbidden');
        return args;
    }

    async run(scenario) {
        const id = scenario.id;
        this.server.clearLog(id);
        const args = this.commandFor(scenario);
        // The window starts a whole QApplication and main window per scenario: more time on a busy machine.
        const proc = await runProcess(this.binary, args, this.window ? 30000 : 15000);
        const log = this.server.logOf(id);
        const result = { id, args, exitCode: proc.code, stderr: proc.stderr.trim(), log: summarizeLog(log) };
        let json;
        try {
            json = JSON.parse(proc.stdout);
        } catch (e) {
            return { ...result, verdict: `(no JSON, exit ${proc.code})`, stage: null, check: null, message: null,
                     error: `${e.message}; stdout: ${proc.stdout.slice(0, 300)}` };
        }
        const failure = json.failure ?? null;
        const expectedCode = { allowed: 0, blocked: 1, 'network-error': 3 }[json.verdict];
        return { ...result, json, verdict: json.verdict, stage: failure?.stage ?? null, check: failure?.check ?? null,
                 message: failure?.message ?? null,
                 exitCodeMismatch: expectedCode !== undefined && expectedCode !== proc.code };
    }
}

function triple(r) {
    if (!r) return '';
    return r.verdict === 'allowed' ? 'allowed' : `${r.verdict}/${r.stage ?? '-'}/${r.check ?? '-'}`;
}

function pad(text, width) { return text.length >= width ? text : text + ' '.repeat(width - text.length); }

function escapeCell(text) {
    return String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function markdownTable(rows, meta, server) {
    const names = { app: 'PAGE_PORT', api: 'API_PORT', other: 'OTHER_PORT', closed: 'CLOSED_PORT' };
    const cell = (text) => {
        let out = escapeCell(text);
        for (const [role, name] of Object.entries(names)) out = out.replaceAll(`:${server.ports[role]}`, `:${name}`);
        return out;
    };
    const lines = [];
    lines.push(`<!-- generated by run-agreement.mjs --chromium-only --markdown; ${meta} -->`);
    lines.push('| # | Scenario | Chromium verdict / stage / check | CorsError (CDP) | fetch() outcome | Console message (exact) | Preflight(s) received by the server | Other requests received |');
    lines.push('|---|---|---|---|---|---|---|---|');
    rows.forEach(({ scenario, chromium: c }, i) => {
        const outcome = c.outcome.resolved
            ? `resolved ${c.outcome.status} ${c.outcome.type}`
            : `rejected (${c.errorText.join(', ') || 'no loadingFailed'})`;
        const cors = c.corsError ? `${c.corsError.corsError}${c.corsError.failedParameter ? ` (\`${c.corsError.failedParameter}\`)` : ''}` : '—';
        const msg = c.console.length ? c.console.map((t) => `\`${t}\``).join('<br>') : '—';
        lines.push(`| ${i + 1} | **${scenario.id}**: ${cell(scenario.name)} | ${triple(c)} | ${cell(cors)} | ${cell(outcome)} | ${cell(msg)} | ${cell(formatPreflights(c.log))} | ${cell(formatRequests(c.log))} |`);
    });
    return lines.join('\n') + '\n';
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const started = Date.now();
    const all = JSON.parse(fs.readFileSync(args.scenarios, 'utf8')).scenarios;
    const selection = args.only ?? (args.window ? WINDOW_SAMPLE : null);
    for (const id of selection ?? []) {
        if (!all.some((s) => s.id === id)) throw new Error(`no scenario ${id} in ${args.scenarios}`);
    }
    const scenarios = all.filter((s) => !selection || selection.includes(s.id));
    if (!scenarios.length) throw new Error('no scenario selected');
    const ids = new Set();
    for (const s of scenarios) {
        if (!/^[a-z0-9-]+$/.test(s.id) || ids.has(s.id)) throw new Error(`bad or duplicate scenario id ${s.id}`);
        ids.add(s.id);
    }
    const binary = args.window ?? args.corscope;
    if (!args.chromiumOnly) {
        if (!binary) throw new Error('give the corscope binary with --corscope PATH (or CORSCOPE_BIN), or --window PATH, or use --chromium-only');
        if (!fs.existsSync(binary)) throw new Error(`binary not found: ${binary}`);
    }
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);

    const server = await new ScenarioServer().start();
    for (const s of scenarios) server.addScenario(s);
    const chromium = new ChromiumRunner(server);
    const corscope = args.chromiumOnly ? null : new CorscopeRunner(server, binary, { window: Boolean(args.window) });
    const rows = [];
    try {
        await chromium.start();
        console.log(`Chromium ${chromium.version}; page ${server.origins.app}; api ${server.origins.api}; `
            + `other ${server.origins.other}; closed ${server.origins.closed}`
            + (args.window ? `; ${scenarios.length} scenarios through the window (${binary})` : ''));
        for (const scenario of scenarios) {
            const c = await chromium.run(scenario);
            const k = corscope ? await corscope.run(scenario) : null;
            rows.push({ scenario, chromium: c, corscope: k });
        }
    } finally {
        await chromium.stop();
        await server.stop();
    }

    const idWidth = Math.max(...scenarios.map((s) => s.id.length), 4);
    let passed = 0;
    let failed = 0;
    const messageDiffs = [];
    const preflightDiffs = [];
    const requestDiffs = [];
    const under = args.window ? 'window' : 'corscope';
    console.log(`${pad('id', idWidth)}  ${pad('chromium', 52)}  ${args.chromiumOnly ? '' : pad(under, 52) + '  result'}`);
    for (const row of rows) {
        const c = row.chromium;
        const k = row.corscope;
        if (!k) {
            console.log(`${pad(row.scenario.id, idWidth)}  ${triple(c)}`);
            if (args.verbose) console.log(JSON.stringify(c, null, 2));
            continue;
        }
        const sameTriple = c.verdict === k.verdict && c.stage === k.stage && c.check === k.check;
        // Origin/ACRM/ACRH of each preflight, in order; an identical preflight repeated right after
        // another (a transport retry after the server closed the connection) counts once here and
        // shows up in the informational list of request differences.
        const pf = (log) => JSON.stringify(log.preflights.map(({ path: p, origin, acrm, acrh }) => ({ p, origin, acrm, acrh }))
            .filter((x, i, all) => i === 0 || JSON.stringify(x) !== JSON.stringify(all[i - 1])));
        const samePreflights = pf(c.log) === pf(k.log);
        const agree = sameTriple && samePreflights;
        if (agree) ++passed; else ++failed;
        const verdictText = agree ? 'OK' : (sameTriple ? 'DIFF (preflight request)' : 'DIFF');
        console.log(`${pad(row.scenario.id, idWidth)}  ${pad(triple(c), 52)}  ${pad(triple(k), 52)}  ${verdictText}`);
        if (!sameTriple && k.error) console.log(`    corscope: ${k.error}${k.stderr ? `; stderr: ${k.stderr}` : ''}`);
        if (k.exitCodeMismatch) console.log(`    corscope exit code ${k.exitCode} does not fit verdict ${k.verdict}`);
        if (args.verbose) console.log(JSON.stringify({ chromium: c, corscope: k }, null, 2));
        if ((c.message ?? null) !== (k.message ?? null)) {
            messageDiffs.push({ id: row.scenario.id, chromium: c.message, corscope: k.message });
        }
        if (!samePreflights) {
            preflightDiffs.push({ id: row.scenario.id, chromium: formatPreflights(c.log), corscope: formatPreflights(k.log) });
        }
        if (formatRequests(c.log) !== formatRequests(k.log) || formatPreflights(c.log) !== formatPreflights(k.log)) {
            requestDiffs.push({ id: row.scenario.id,
                                chromium: `${formatPreflights(c.log)} | ${formatRequests(c.log)}`,
                                corscope: `${formatPreflights(k.log)} | ${formatRequests(k.log)}` });
        }
    }
    if (corscope) {
        console.log('');
        console.log(`Console message differences (${messageDiffs.length}, informational):`);
        for (const d of messageDiffs) {
            console.log(`  ${d.id}\n    chromium: ${d.chromium ?? '(none)'}\n    corscope: ${d.corscope ?? '(none)'}`);
        }
        console.log(`Preflight request differences (${preflightDiffs.length}; Origin, ACRM and ACRH must match, each counts as a failure):`);
        for (const d of preflightDiffs) {
            console.log(`  ${d.id}\n    chromium: ${d.chromium}\n    corscope: ${d.corscope}`);
        }
        console.log(`Other request differences (${requestDiffs.length}, informational: method, path, Origin, answer):`);
        for (const d of requestDiffs) {
            console.log(`  ${d.id}\n    chromium: ${d.chromium}\n    corscope: ${d.corscope}`);
        }
    }
    if (args.markdown) {
        fs.writeFileSync(args.markdown, markdownTable(rows, `Chromium ${chromium.version}, ${rows.length} scenarios`, server));
        console.log(`wrote ${args.markdown}`);
    }
    if (args.json) {
        fs.writeFileSync(args.json, JSON.stringify(rows.map((r) => ({ id: r.scenario.id, chromium: r.chromium, corscope: r.corscope })), null, 2));
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (args.chromiumOnly) {
        console.log(`${rows.length} passed, 0 failed`);
        return 0;
    }
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
    console.error(`run-agreement: ${e.stack ?? e}`);
    console.log('0 passed, 1 failed');
    process.exit(2);
});
