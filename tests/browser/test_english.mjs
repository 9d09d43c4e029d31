// test_english.mjs — what the browser's own script writes on an English page is English too
// (issue 17; tests/http/test_english_http.sh reads the server's pages, this the script's additions):
// finishing the self-diagnosis with questions left open shows the warning box that static/app.js
// builds, titled "… (N)" with ASCII brackets on an English page and 「…（N）」 on a Japanese one,
// with no Japanese in the English box. Prints "english-browser: N passed, N failed".
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { chromium } from "playwright-core";
import { PASSWORD, signIn } from "./auth.mjs";

const root = resolve(import.meta.dirname, "../..");
const bin = resolve(root, process.env.MAMORU_BIN || "mamoru");
const tmp = mkdtempSync(join(tmpdir(), "mamoru-english-"));
const db = join(tmp, "e.db");
const env = { ...process.env, MAMORU_CONTENT: process.env.MAMORU_CONTENT || join(root, "content"), MAMORU_STATIC: join(root, "static") };
let passed = 0, failed = 0;
const check = (name, cond, detail = "") => {
  if (cond) passed++;
  else { failed++; console.log(`FAIL: ${name} ${detail}`); }
};
const cli = (...args) => execFileSync(bin, ["--db", db, ...args], { env, input: `${PASSWORD}\n` }).toString();
cli("org", "add", "--name", "Minato Works Ltd", "--industry", "E", "--employees", "20");
cli("user", "add", "admin@example.test", "--name", "Test Admin", "--role", "admin", "--password-stdin");

const port = await new Promise((res) => {
  const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => res(p)); });
});
const server = spawn(bin, ["--db", db, "serve", "--listen", `127.0.0.1:${port}`], { env, stdio: ["ignore", "ignore", "pipe"] });
let serverLog = "";
server.stderr.on("data", (d) => { serverLog += d; });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 50; i++) {
  try { await fetch(`${base}/healthz`); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/;
try {
  const page = await browser.newPage();
  await signIn(page, base, "admin@example.test");
  const open = async (lang, next, finish) => {
    await page.goto(`${base}/diagnose/jisha-shindan?org=1&lang=${lang}`);
    await page.getByRole("button", { name: next, exact: true }).click();
    await page.getByRole("button", { name: finish, exact: true }).click();
    return (await page.locator("#open-questions").textContent()) || "";
  };
  const en = await open("en", "Next", "See the result");
  check("English: the warning's title has ASCII brackets", /\(25\)/.test(en), en.slice(0, 120));
  check("English: no Japanese in the warning", !JAPANESE.test(en), (en.match(JAPANESE) || [""])[0] + " in " + en.slice(0, 120));
  const ja = await open("ja", "次へ", "結果を見る");
  check("Japanese: the warning's title keeps 「（25）」", ja.includes("（25）"), ja.slice(0, 120));
} catch (e) {
  check("english browser run", false, e.stack);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  await new Promise((r) => server.on("exit", r));
  check("no sanitizer report", !/runtime error|Sanitizer/.test(serverLog), serverLog.slice(-500));
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`english-browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
