// harness.mjs — what every browser suite shares besides signing in (auth.mjs): the mamoru binary
// (MAMORU_BIN) and a folder of the suite's own, the checks' tally, the server on a free port,
// Debian's Chromium (CHROMIUM), and the end of a run: the browser closed, the server stopped as
// systemd would and what a sanitizer build said on its way out checked, the folder removed and the
// "NAME: N passed, N failed" line printed for tests/run-all.sh.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const root = resolve(import.meta.dirname, "../..");
export const bin = resolve(root, process.env.MAMORU_BIN || "mamoru");
export const env = { ...process.env, MAMORU_CONTENT: process.env.MAMORU_CONTENT || join(root, "content"), MAMORU_STATIC: join(root, "static") };

// harness(name): { tmp, check, start, launch, finish } for the suite called name
export function harness(name) {
  const tmp = mkdtempSync(join(tmpdir(), `mamoru-${name}-`));
  let passed = 0, failed = 0, server = null, serverLog = "", browser = null;
  const check = (what, cond, detail = "") => {
    if (cond) passed++;
    else { failed++; console.log(`FAIL: ${what} ${detail}`); }
  };
  // start(db): `mamoru serve` on that database and a free loopback port; resolves to its base URL
  // once it answers /healthz
  const start = async (db) => {
    const port = await new Promise((res) => {
      const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
    });
    server = spawn(bin, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`], { env, stdio: ["ignore", "ignore", "pipe"] });
    server.stderr.on("data", (d) => { serverLog += d; });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try { await fetch(`${base}/healthz`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
    }
    return base;
  };
  const launch = async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"],
    });
    return browser;
  };
  // finish(summary): the end of the run (call it from the suite's finally); exits the process
  const finish = async (summary) => {
    if (browser) await browser.close();
    if (server) {
      server.kill("SIGTERM");
      await new Promise((r) => server.on("exit", r));
      check("no sanitizer report", !/runtime error|Sanitizer/.test(serverLog), serverLog.slice(-500));
    }
    rmSync(tmp, { recursive: true, force: true });
    console.log(`${summary}: ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  };
  return { tmp, check, start, launch, finish };
}
