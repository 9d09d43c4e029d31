// app.js — progressive enhancement only: everything works without it. On the questionnaire
// it keeps the progress bar in step as radio buttons are chosen, and marks the questions
// still unanswered when the user tries to finish.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
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
  });
  form.addEventListener("submit", (e) => {
    if (!e.submitter || e.submitter.value !== "finish") return;
    const open = [...form.querySelectorAll("fieldset.question")]
      .filter((f) => !f.querySelector("input[type=radio]:checked"));
    open.forEach((f) => f.setAttribute("aria-invalid", "true"));
    if (open.length && !form.dataset.warned) {
      form.dataset.warned = "1";
      e.preventDefault();
      open[0].scrollIntoView({ block: "center" });
      open[0].querySelector("input").focus();
    }
  });
});
