// app.js — progressive enhancement only: everything works without it. On the questionnaire
// it keeps the progress bar in step as radio buttons are chosen and, before finishing, lists
// every question still open (on this step and, from the form's data-open, on earlier ones)
// with links to them, as the server does without JavaScript; a second button finishes anyway.
// Before printing it opens the folded parts of a result so the printout holds them. A button
// marked data-print prints the page (the Content-Security-Policy allows no inline handler).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button[data-print]").forEach((btn) => btn.addEventListener("click", () => window.print()));
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details.print-open").forEach((d) => { d.open = true; });
  });
  const form = document.querySelector("form.questionnaire");
  const bar = document.getElementById("progress");
  if (!form || !bar) return;
  const base = Number(bar.value);
  const initial = new Set([...form.querySelectorAll("input[type=radio]:checked")].map((i) => i.name));
  form.addEventListener("change", () => {
    const now = new Set([...form.querySelectorAll("input[type=radio]:checked")].map((i) => i.name));
    let added = 0;
    now.forEach((n) => { if (!initial.has(n)) added++; });
    bar.value = base + added;
    const count = document.getElementById("answered"); // 「回答済み N / 25」 moves with the bar
    if (count) count.textContent = String(base + added);
  });
  // The warning box: built with DOM calls (no markup from strings), the words from the form.
  const warn = (here, elsewhere) => {
    let box = document.getElementById("open-questions");
    if (!box) {
      box = document.createElement("div");
      box.id = "open-questions";
      box.className = "warning";
      box.setAttribute("role", "alert");
      form.before(box);
    }
    box.replaceChildren();
    const title = document.createElement("p");
    const strong = document.createElement("strong");
    const nOpen = here.length + elsewhere.length; // English pages take English brackets
    strong.textContent = document.documentElement.lang === "en" ? `${form.dataset.gapsTitle} (${nOpen})` : `${form.dataset.gapsTitle}（${nOpen}）`;
    title.append(strong);
    const help = document.createElement("p");
    help.textContent = form.dataset.gapsHelp;
    const list = document.createElement("ul");
    list.className = "open-list";
    const item = (href, id) => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = href;
      a.textContent = `${form.dataset.question} ${id}`;
      li.append(a);
      list.append(li);
    };
    elsewhere.forEach((o) => {
      const [id, step] = o.split(":");
      item(`/diagnose/${form.action.split("/").pop()}?draft=${form.dataset.draft}&step=${step}#q-${id}`, id);
    });
    here.forEach((f) => item(`#${f.id}`, f.id.slice(2)));
    box.append(title, help, list);
    // the confirming button goes beside the others, inside the form, so it posts the answers
    if (!form.querySelector("button[value=finish_gaps]")) {
      const go = document.createElement("button");
      go.type = "submit";
      go.name = "go";
      go.value = "finish_gaps";
      go.className = "secondary";
      go.textContent = form.dataset.gapsFinish;
      (form.querySelector("p.buttons") || form).append(go);
    }
    box.scrollIntoView({ block: "center" });
  };
  form.addEventListener("submit", (e) => {
    if (!e.submitter || e.submitter.value !== "finish") return;
    const here = [...form.querySelectorAll("fieldset.question")]
      .filter((f) => !f.querySelector("input[type=radio]:checked"));
    const elsewhere = (form.dataset.open || "").split(" ").filter((s) => s);
    here.forEach((f) => f.setAttribute("aria-invalid", "true"));
    if (here.length || elsewhere.length) {
      e.preventDefault();
      warn(here, elsewhere);
    }
  });
});
