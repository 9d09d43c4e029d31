// test_english.mjs — what the browser's own script writes on an English page is English too
// (issue 17; tests/http/test_english_http.sh reads the server's pages, this the script's additions):
// finishing the self-diagnosis with questions left open shows the warning box that static/app.js
// builds, titled "… (N)" with ASCII brackets on an English page and 「…（N）」 on a Japanese one,
// with no Japanese in the English box. Prints "english-browser: N passed, N failed".
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PASSWORD, signIn } from "./auth.mjs";
import { bin, env, harness } from "./harness.mjs";

const { tmp, check, start, launch, finish } = harness("english");
const db = join(tmp, "e.db");
const cli = (...args) => execFileSync(bin, ["--db", db, ...args], { env, input: `${PASSWORD}\n` }).toString();
cli("org", "add", "--name", "Minato Works Ltd", "--industry", "E", "--employees", "20");
cli("user", "add", "admin@example.test", "--name", "Test Admin", "--role", "admin", "--password-stdin");

const base = await start(db);
const browser = await launch();
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/;
try {
  const page = await browser.newPage();
  await signIn(page, base, "admin@example.test");
  const open = async (lang, next, see) => {
    await page.goto(`${base}/diagnose/jisha-shindan?org=1&lang=${lang}`);
    await page.getByRole("button", { name: next, exact: true }).click();
    await page.getByRole("button", { name: see, exact: true }).click();
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
  await finish("english-browser");
}
