// A scripted HTTP/1.1 server on raw sockets (the `net` module, not `http`), so that every response is
// written byte for byte as the scenario says: duplicate header lines, empty values, odd status codes,
// no implicit headers except Content-Length (added only when the script has none and `noContentLength`
// is not set). Every connection carries exactly one exchange and is then closed (no keep-alive), so
// neither client ever retries a request on a stale pooled connection.
//
// Three listeners on 127.0.0.1, ephemeral ports: the page origin ("app"), the API ("api") and a third
// origin for cross-origin redirects ("other"). A fourth port is reserved and closed again ("closed") so
// that connecting to it is refused.
//
// Routes: scenario.routes is an object keyed by "<role> <path>" where <path> is relative to the
// scenario prefix /s/<id>; the value is { "OPTIONS": response, "default": response } (or a bare
// response for every method). A key ending in "/*" matches /<path>/<k> for an integer k and may use a
// chain: { "chain": N, "redirect": response, "final": response }: hops k < N answer `redirect`
// (with {next} = k + 1 in its strings), hop N answers `final`.
// A response: { status, reason?, headers: [[name, value] | "raw line"], body?, noContentLength?,
//               action?: "close" (read the request, then close without answering) }.
// Placeholders in header values and bodies: {ORIGIN} {APP} {API} {OTHER} {CLOSED} {S} {APP_PORT}
// {API_PORT} {OTHER_PORT} {CLOSED_PORT} {next}.

import net from 'node:net';

const REASONS = {
    200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
    205: 'Reset Content', 206: 'Partial Content', 300: 'Multiple Choices', 301: 'Moved Permanently',
    302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect',
    308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
    404: 'Not Found', 405: 'Method Not Allowed', 418: "I'm a teapot", 500: 'Internal Server Error',
    501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

const PAGE_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>corscope agreement</title>'
    + '<link rel="icon" href="data:,">'
    + '</head><body>corscope browser agreement page</body></html>';

function listen(handler) {
    return new Promise((resolve, reject) => {
        const server = net.createServer(handler);
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve(server));
    });
}

export class ScenarioServer {
    constructor() {
        this.scenarios = new Map(); // id -> scenario
        this.log = new Map();       // id -> [entry]
        this.sockets = new Set();
    }

    async start() {
        this.servers = {};
        this.ports = {};
        for (const role of ['app', 'api', 'other']) {
            this.servers[role] = await listen((socket) => this.onConnection(role, socket));
            this.ports[role] = this.servers[role].address().port;
        }
        const closed = await listen(() => {});
        this.ports.closed = closed.address().port;
        await new Promise((resolve) => closed.close(resolve));
        this.origins = {
            app: `http://app.test:${this.ports.app}`,
            api: `http://api.test:${this.ports.api}`,
            other: `http://other.test:${this.ports.other}`,
            closed: `http://api.test:${this.ports.closed}`,
        };
        return this;
    }

    async stop() {
        for (const socket of this.sockets) socket.destroy();
        await Promise.all(Object.values(this.servers).map((s) => new Promise((r) => s.close(r))));
    }

    addScenario(scenario) { this.scenarios.set(scenario.id, scenario); }
    clearLog(id) { this.log.set(id, []); }
    logOf(id) { return this.log.get(id) ?? []; }

    expand(text, id, extra = {}) {
        if (typeof text !== 'string') return text;
        const vars = {
            ORIGIN: this.origins.app, APP: this.origins.app, API: this.origins.api,
            OTHER: this.origins.other, CLOSED: this.origins.closed, S: `/s/${id}`,
            APP_PORT: String(this.ports.app), API_PORT: String(this.ports.api),
            OTHER_PORT: String(this.ports.other), CLOSED_PORT: String(this.ports.closed), ...extra,
        };
        return text.replace(/\{([A-Za-z_]+)\}/g, (m, name) => (name in vars ? vars[name] : m));
    }

    onConnection(role, socket) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
        let buffer = Buffer.alloc(0);
        let done = false;
        socket.on('data', (chunk) => {
            if (done) return;
            buffer = Buffer.concat([buffer, chunk]);
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) return;
            const head = buffer.subarray(0, end).toString('latin1');
            const lines = head.split('\r\n');
            const [method, target, version] = lines[0].split(' ');
            const headers = lines.slice(1).map((line) => {
                const colon = line.indexOf(':');
                return [line.slice(0, colon), line.slice(colon + 1).trim()];
            });
            const lengthHeader = headers.find(([n]) => n.toLowerCase() === 'content-length');
            const length = lengthHeader ? Number(lengthHeader[1]) : 0;
            if (buffer.length < end + 4 + length) return;
            done = true;
            const body = buffer.subarray(end + 4, end + 4 + length).toString('latin1');
            this.handle(role, socket, { method, target, version, headers, body });
        });
    }

    handle(role, socket, request) {
        const path = request.target.split('?')[0];
        if (role === 'app' && (path === '/' || path === '/favicon.ico')) {
            const body = path === '/' ? PAGE_HTML : '';
            const status = path === '/' ? '200 OK' : '404 Not Found';
            socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/html; charset=utf-8\r\n`
                + `Cache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
            return;
        }
        const match = /^\/s\/([^/]+)(\/.*)?$/.exec(path);
        const id = match?.[1];
        const rest = match?.[2] ?? '/';
        const scenario = id && this.scenarios.get(id);
        let response = null;
        let next = null;
        if (scenario) {
            let route = scenario.routes[`${role} ${rest}`];
            if (!route) {
                const chainMatch = /^(.*)\/(\d+)$/.exec(rest);
                if (chainMatch) {
                    const chain = scenario.routes[`${role} ${chainMatch[1]}/*`];
                    if (chain) {
                        const k = Number(chainMatch[2]);
                        next = String(k + 1);
                        route = k < chain.chain ? chain.redirect : chain.final;
                    }
                }
            }
            if (route) {
                const perMethod = route.OPTIONS !== undefined || route.default !== undefined;
                response = perMethod
                    ? (request.method === 'OPTIONS' ? route.OPTIONS : route.default) ?? null
                    : route;
            }
        }
        if (!response) response = { status: 404, headers: [['Content-Type', 'text/plain']], body: 'no route' };
        const entry = { role, method: request.method, target: request.target, path: rest,
                        headers: request.headers, body: request.body, status: null, location: null,
                        action: response.action ?? null, time: Date.now() };
        if (id) {
            if (!this.log.has(id)) this.log.set(id, []);
            this.log.get(id).push(entry);
        }
        if (response.action === 'close') {
            socket.destroy();
            return;
        }
        const extra = next ? { next } : {};
        const status = response.status ?? 200;
        const reason = response.reason ?? REASONS[status] ?? 'Status';
        const body = request.method === 'HEAD' ? '' : this.expand(response.body ?? '', id, extra);
        let head = `HTTP/1.1 ${status} ${reason}\r\n`;
        let hasLength = false;
        for (const header of response.headers ?? []) {
            if (typeof header === 'string') {
                head += `${this.expand(header, id, extra)}\r\n`;
                if (/^content-length\s*:/i.test(header)) hasLength = true;
                continue;
            }
            const [name, value] = header;
            const expanded = this.expand(value, id, extra);
            head += `${name}: ${expanded}\r\n`;
            if (name.toLowerCase() === 'content-length') hasLength = true;
            if (name.toLowerCase() === 'location') entry.location = expanded;
        }
        if (!hasLength && !response.noContentLength) {
            head += `Content-Length: ${Buffer.byteLength(response.body ? this.expand(response.body, id, extra) : '', 'latin1')}\r\n`;
        }
        entry.status = status;
        socket.end(Buffer.from(`${head}\r\n${body}`, 'latin1'));
    }
}
