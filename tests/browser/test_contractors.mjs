// test_contractors.mjs — contractors and cloud services (docs/contractors.md) in Debian's headless
// Chromium, driven by playwright-core, once in Japanese and once in English: a company registers a
// contractor through the form and finds it in the register; it sends chosen items of the
// contractor requirements through a respondent link, which the contractor opens in a fresh browser
// without signing in and answers — only those items, once; back as the company it sees the answers,
// records its review with a note and finds it stored; it builds the confidentiality clauses with
// chosen clauses and the parties filled in, and downloads them as a PDF; it adds a cloud service,
// answers the 15 checks, sees the score and the next review date, and a check with an item left
// open shows the error and saves nothing. At 390 px the register and the cloud list do not scroll
// sideways. Prints "contractors-browser: N passed, N failed".
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PASSWORD, signIn } from "./auth.mjs";
import { bin, env, harness } from "./harness.mjs";

const { tmp, check, start, launch, finish } = harness("contractors");
const db = join(tmp, "c.db");
const started = Date.now();

// the workspace, its administrator and one company come from the command line: this suite is
// about what happens after that (test_browser.mjs creates them in the browser)
const cli = (...args) => execFileSync(bin, ["--db", db, ...args], { env, input: `${PASSWORD}\n` }).toString();
cli("org", "add", "--name", "株式会社みなと製作所", "--industry", "E", "--employees", "20");
cli("user", "add", "admin@example.test", "--name", "管理 花子", "--role", "admin", "--password-stdin");
const sql = (q) => execFileSync("sqlite3", [db, q]).toString().trim();

const base = await start(db);
const browser = await launch();
const errors = [];
const watch = (page) => {
  // the refused cloud check answers 422 and the used link 410 (Gone) on purpose
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4(10|22)/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
};

// what the user reads and clicks, in each language (content/ui.yaml, content/answer-sets.yaml)
const today = new Date();
const pad = (n) => String(n).padStart(2, "0");
const nextYear = { y: today.getFullYear() + 1, m: today.getMonth() + 1, d: today.getDate() };
const L = {
  ja: {
    locale: "ja-JP", name: "データ入力株式会社", handles: "顧客名簿の入力", service: "クラウド会計",
    ctName: "委託先の名前", ctContact: "連絡先", ctHandles: "委託する業務・扱う情報", ctStart: "契約開始日", ctEnd: "契約終了日",
    ctReview: "見直し日", ctNote: "メモ", ctAdd: "委託先を追加", none: "委託先はまだ登録されていません。", due: "【見直し時期】",
    send: "リンクを作る", items: "9 項目", sendAnswers: "回答を送る", respondent: "回答者のお名前（任意）",
    thanks: "ご回答ありがとうございました", done: "実施している", partly: "一部実施している", notDone: "実施していない",
    reviewNote: "5.1-3 は次回までに改善を依頼", reviewed: "確認済み", review: "回答を確認した", clauseLink: "機密保持条項をつくる",
    date: "締結日", reportBy: "管理責任者などの報告期限（機密保持 3(3)）", years: "機密保持の存続期間（年）",
    subcontract: "再委託", results: "成果の帰属", damages: "損害賠償", make: "条文をつくる",
    partyA: "甲：株式会社みなと製作所", partyB: "乙：データ入力株式会社", agreed: "締結日：2026年4月1日",
    hasArticle: "第　条（損害賠償）", noArticle: "（再委託）", print: "印刷",
    cloudNone: "クラウドサービスはまだ登録されていません。", cloudName: "サービス名", cloudProvider: "提供事業者",
    cloudPurpose: "使っている業務・扱う情報", cloudAdd: "クラウドサービスを追加", never: "まだ確認していません",
    ok: "確認済み（問題なし）", ng: "未確認・問題あり", save: "確認結果を保存",
    nextReview: `${nextYear.y}年${nextYear.m}月${nextYear.d}日`,
  },
  en: {
    locale: "en-US", name: "Data Entry Ltd.", handles: "Customer list entry", service: "Cloud Books",
    ctName: "Contractor's name", ctContact: "Contact", ctHandles: "Work and information handled", ctStart: "Contract starts",
    ctEnd: "Contract ends", ctReview: "Review date", ctNote: "Note", ctAdd: "Add a contractor", none: null, due: "[review due]",
    send: "Make the link", items: "9 items", sendAnswers: "Send the answers", respondent: "Your name (optional)",
    thanks: "Thank you for your answers", done: "Done", partly: "Partly done", notDone: "Not done",
    reviewNote: "Asked them to improve 5.1-3 by the next review", reviewed: "Reviewed", review: "Mark the answers reviewed",
    clauseLink: "Build the confidentiality clauses", date: "Date agreed", reportBy: "Report names by (Confidentiality 3(3))",
    years: "Confidentiality survives (years)", print: "Print", subcontract: null, results: null, damages: null, make: "Build the text",
    partyA: "株式会社みなと製作所", partyB: "Data Entry Ltd.", agreed: null, hasArticle: "Article 2 (Subcontracting)", noArticle: null,
    cloudNone: null, cloudName: "Service", cloudProvider: "Provider", cloudPurpose: "Used for, information handled",
    cloudAdd: "Add a cloud service", never: "Not checked yet", ok: "Checked (in order)", ng: "Not checked, or a problem",
    save: "Save the check", nextReview: null,
  },
};

// one language's run by the signed-in company in page; n is the id of the contractor and of the
// cloud service it creates
async function run(page, lang, n) {
  const t = L[lang];
  const tag = `(${lang})`;
  await page.setViewportSize({ width: 1100, height: 900 });

  // the register, and a contractor through its form
  await page.goto(`${base}/organizations/1/contractors`);
  if (lang === "en") { // the language switch, as a user finds it; the choice stays for the pages after
    await page.getByRole("link", { name: "English" }).click();
    check("the register in English", (await page.locator("h1").textContent()) === "Contractors");
  }
  if (t.none) check(`the register starts empty ${tag}`, (await page.locator("#ct-none").textContent()) === t.none);
  await page.getByLabel(t.ctName, { exact: true }).fill(t.name);
  await page.getByLabel(t.ctContact, { exact: true }).fill("佐藤 03-1111-2222");
  await page.getByLabel(t.ctHandles, { exact: true }).fill(t.handles);
  await page.getByLabel(t.ctStart, { exact: true }).fill("2026-04-01");
  await page.getByLabel(t.ctEnd, { exact: true }).fill("2027-03-31");
  await page.getByLabel(t.ctReview, { exact: true }).fill("2026-01-15"); // already come: marked in the register
  await page.getByLabel(t.ctNote, { exact: true }).fill("年1回、対策事項を確認する");
  await page.getByRole("button", { name: t.ctAdd }).click();
  check(`the contractor's page opens ${tag}`, (await page.locator("h1").textContent()) === t.name, await page.locator("h1").textContent());
  await page.goto(`${base}/organizations/1/contractors`);
  const row = page.locator("#contractors tbody tr", { has: page.getByRole("link", { name: t.name, exact: true }) });
  check(`the contractor is in the register ${tag}`, (await row.count()) === 1 && (await row.textContent()).includes(t.handles),
        await page.locator("#contractors").textContent());
  check(`its review date has come and is marked ${tag}`, (await row.locator("td.due").count()) === 1
        && (await row.locator("td.due").textContent()).includes(t.due), await row.innerHTML());

  // chosen items sent through a respondent link: section 1.2 (8 items) and item 5.1-3
  await row.getByRole("link", { name: t.name }).click();
  await page.getByRole("checkbox", { name: /^1\.2 / }).check();
  await page.getByRole("checkbox", { name: /^5\.1-3 / }).check();
  await page.getByRole("button", { name: t.send }).click();
  const link = (await page.locator("#link").textContent()).trim();
  check(`the link is shown once, with the number of items ${tag}`, /^http:\/\/127\.0\.0\.1:\d+\/r\/[0-9a-f]{16,}$/.test(link)
        && (await page.locator("main").textContent()).includes(t.items), link);

  // the contractor: a fresh browser, no account, only the items sent
  const them = await browser.newContext({ locale: t.locale, viewport: { width: 1100, height: 900 } });
  const rp = await them.newPage();
  watch(rp);
  await rp.goto(link);
  const qs = await rp.locator("fieldset.question").evaluateAll((fs) => fs.map((f) => f.id));
  check(`the contractor is asked only the items sent ${tag}`, qs.length === 9 && qs.every((id) => /^q-1\.2-\d+$/.test(id) || id === "q-5.1-3")
        && qs.includes("q-5.1-3"), qs.join(","));
  check(`no sign-in is asked ${tag}`, !rp.url().includes("/login") && (await rp.locator("#who").count()) === 0, rp.url());
  for (const id of qs) {
    const answer = id === "q-5.1-3" ? t.notDone : id === "q-1.2-3" ? t.partly : t.done;
    await rp.locator(`[id="${id}"]`).getByLabel(answer, { exact: true }).check();
  }
  await rp.getByLabel(t.respondent).fill("佐藤 一郎");
  await rp.getByRole("button", { name: t.sendAnswers }).click();
  check(`the contractor is thanked ${tag}`, (await rp.locator("h1").textContent()) === t.thanks, await rp.locator("h1").textContent());
  await rp.goto(link);
  check(`the link works once ${tag}`, (await rp.locator("fieldset.question").count()) === 0);
  await them.close();

  // back as the company: the answers, item by item, and the review with a note
  await page.goto(`${base}/organizations/1/contractors/${n}`);
  const req = page.locator("section.ct-request");
  check(`one request with its nine answers ${tag}`, (await req.count()) === 1 && (await req.locator("tbody tr").count()) === 9);
  const answers = Object.fromEntries(await req.locator("tbody tr").evaluateAll((rows) =>
    rows.map((tr) => [tr.querySelector("th").textContent, tr.querySelector("td.answer").textContent])));
  check(`the answers are the contractor's ${tag}`, answers["5.1-3"] === t.notDone && answers["1.2-3"] === t.partly
        && answers["1.2-1"] === t.done && answers["1.2-8"] === t.done, JSON.stringify(answers));
  await req.locator("textarea[name=note]").fill(t.reviewNote);
  await req.getByRole("button", { name: t.review }).click();
  await page.goto(`${base}/organizations/1/contractors/${n}`);
  check(`the review is stored with who and the note ${tag}`, (await req.locator("h3").textContent()).endsWith(t.reviewed)
        && (await req.locator("p.reviewed").textContent()).includes("admin@example.test")
        && (await req.locator("p.note").textContent()) === t.reviewNote && (await req.locator("textarea[name=note]").inputValue()) === t.reviewNote,
        await req.locator("h3").textContent());
  check(`the review is in the store ${tag}`, sql(`select count(*) from contractor_requests where contractor_id = ${n} and reviewed_at <> ''`) === "1");

  // the confidentiality clauses, with the parties, chosen clauses, and the PDF
  await page.getByRole("link", { name: t.clauseLink }).click();
  await page.getByLabel(t.date, { exact: true }).fill("2026-04-01");
  await page.getByLabel(t.reportBy, { exact: true }).fill("2026-04-30");
  await page.getByLabel(t.years, { exact: true }).fill("3");
  if (lang === "ja") { // in Japanese, drop 再委託 and one related clause; in English keep them all
    await page.getByLabel(t.subcontract, { exact: true }).uncheck();
    await page.getByLabel(t.results, { exact: true }).uncheck();
  }
  await page.getByRole("button", { name: t.make }).click();
  const text = await page.locator("#clause").textContent();
  check(`the clauses name both parties ${tag}`, text.includes(t.partyA) && text.includes(t.partyB), text.slice(0, 200));
  if (t.agreed) check(`the date agreed is filled in ${tag}`, text.includes(t.agreed) && text.includes("2026年4月30日までに"), text.slice(0, 300));
  check(`a chosen clause is there ${tag}`, text.includes(t.hasArticle), text.slice(-700));
  if (t.noArticle) check(`a dropped clause is not ${tag}`, !text.includes(t.noArticle) && !text.includes("成果の帰属"));
  // every related box left ticked survives, not only the first
  check(`the ticked related clauses all survive ${tag}`, lang === "ja"
        ? text.includes("第　条（権利義務の譲渡）、第　条（損害賠償）、第　条（法令等の遵守義務）、第　条（協議事項）、第　条（紛争の解決）の規定は")
        : text.includes("Article __ (Ownership of results), Article __ (Damages)") && text.includes("Article 3 (Survival)"), text.slice(-400));
  await page.evaluate(() => { window.printed = 0; window.print = () => { window.printed++; }; });
  await page.getByRole("button", { name: t.print, exact: true }).click();
  check(`the print button prints ${tag}`, (await page.evaluate(() => window.printed)) === 1);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("#clause-pdf").click()]);
  const pdf = join(tmp, `clause-${lang}.pdf`);
  await dl.saveAs(pdf);
  const bytes = readFileSync(pdf);
  check(`the clauses download as a PDF ${tag}`, /^[\w.-]+\.pdf$/.test(dl.suggestedFilename()) && dl.suggestedFilename().includes("clause")
        && bytes.subarray(0, 5).toString() === "%PDF-", `${dl.suggestedFilename()} ${bytes.subarray(0, 8)}`);
  const pdfText = execFileSync("pdftotext", ["-raw", pdf, "-"]).toString().replace(/\s/g, "");
  check(`the PDF holds the same parties ${tag}`, pdfText.includes(t.partyB.replace(/\s/g, "")) && pdfText.includes("株式会社みなと製作所")
        && (!t.noArticle || !pdfText.includes(t.noArticle)), pdfText.slice(0, 200));

  // a cloud service, its 15 checks: one left open is refused and saves nothing
  await page.goto(`${base}/organizations/1/cloud`);
  if (t.cloudNone) check(`the cloud list starts empty ${tag}`, (await page.locator("#cloud-none").textContent()) === t.cloudNone);
  await page.getByLabel(t.cloudName, { exact: true }).fill(t.service);
  await page.getByLabel(t.cloudProvider, { exact: true }).fill("会計サービス株式会社");
  await page.getByLabel(t.cloudPurpose, { exact: true }).fill("経理");
  await page.getByRole("button", { name: t.cloudAdd }).click();
  check(`the service's page opens, never checked ${tag}`, (await page.locator("h1").textContent()) === t.service
        && (await page.locator("#last-check").textContent()) === t.never);
  const diagnoses = () => sql("select count(*) from diagnoses where questionnaire = 'cloud'");
  const before = diagnoses();
  for (let i = 1; i <= 14; i++) // item 15 left open
    await page.locator(`#q-${i}`).getByLabel(i === 4 || i === 9 ? t.ng : t.ok, { exact: true }).check();
  const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/check")), page.getByRole("button", { name: t.save }).click()]);
  const alert = page.getByRole("alert");
  check(`an open item is refused, naming it ${tag}`, refused.status() === 422 && (await alert.count()) === 1 && /15/.test(await alert.textContent()),
        `${refused.status()} ${await alert.count() ? await alert.textContent() : ""}`);
  check(`the refused check saved nothing ${tag}`, diagnoses() === before && (await page.locator("#last-check").textContent()) === t.never,
        `${before} -> ${diagnoses()}`);
  check(`the answers given are kept in the form ${tag}`, await page.locator("#q-3").getByLabel(t.ok, { exact: true }).isChecked()
        && await page.locator("#q-4").getByLabel(t.ng, { exact: true }).isChecked());
  await page.locator("#q-15").getByLabel(t.ok, { exact: true }).check();
  await page.getByRole("button", { name: t.save }).click();
  await page.goto(`${base}/organizations/1/cloud/${n}`);
  const last = await page.locator("#last-check").textContent();
  check(`the score is shown ${tag}`, last.startsWith("13 / 15"), last);
  const due = await page.locator("#review-due").textContent();
  check(`the review date moved a year on ${tag}`, t.nextReview ? due === t.nextReview : due.includes(String(nextYear.y)) && !due.includes(t.due), due);
  check(`one check stored ${tag}`, diagnoses() === String(Number(before) + 1) && sql(`select diagnosis_id is not null from cloud_services where id = ${n}`) === "1");
  await page.goto(`${base}/organizations/1/cloud`);
  const crow = page.locator("#cloud tbody tr", { has: page.getByRole("link", { name: t.service, exact: true }) });
  check(`the cloud list shows the score and no due mark ${tag}`, (await crow.textContent()).includes("13 / 15") && (await crow.locator("td.due").count()) === 0,
        await crow.innerHTML());

  // a phone: the register and the cloud list fit 390 px
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["contractors", "cloud"]) {
    await page.goto(`${base}/organizations/1/${path}`);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    check(`/${path} fits 390 px ${tag}`, w <= 390, `scrollWidth ${w}`);
  }
}

try {
  const ctx = await browser.newContext({ locale: "ja-JP", acceptDownloads: true });
  const page = await ctx.newPage();
  watch(page);
  await signIn(page, base, "admin@example.test");
  await run(page, "ja", 1);
  await run(page, "en", 2);
  await ctx.close();
  check("no console errors", errors.length === 0, errors.join("; "));
} catch (e) {
  check("contractors browser run", false, e.stack);
} finally {
  console.log(`took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await finish("contractors-browser");
}
