// What both browser tests need around Chromium: launching it exactly as a user's browser would run
// (plus headless and test isolation), and running corscope with a time limit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = process.env.CORSCOPE_CHROMIUM || '/usr/bin/chromium';

// A fresh profile in a temporary directory (the caller removes userDataDir when done).
// ignoreDefaultArgs: Playwright's own switches would change the browser under test (they disable
// features such as AvoidCorsURLLoaderRestartOnRedirect and the field-trial config), so Chromium
// gets only the switches below; *.test names resolve to 127.0.0.1.
export async function launchChromium(profilePrefix) {
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch (e) {
        throw new Error(`playwright-core is not installed in ${HERE}/node_modules: run scripts/browser-deps.sh (${e.message})`);
    }
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
    const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: CHROMIUM,
        headless: true,
        ignoreDefaultArgs: true,
        args: ['--remote-debugging-pipe', `--user-data-dir=${userDataDir}`,
               '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
               '--no-default-browser-check', '--disable-background-networking',
               '--disable-component-update', '--disable-sync', '--password-store=basic',
               '--host-resolver-rules=MAP *.test 127.0.0.1', 'about:blank'],
    });
    return { context, userDataDir };
}

// Runs a process to its end (killed after timeoutMs): { code, signal, stdout, stderr }.
export function runProcess(command, args, timeoutMs) {
    return new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => { stdout += d; });
        child.stderr.on('data', (d) => { stderr += d; });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', (e) => { clearTimeout(timer); resolve({ code: -1, stdout, stderr: String(e) }); });
        child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    });
}
