// Progressive enhancement only: every page works without this file.
"use strict";

document.documentElement.classList.add("js");

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {
      // fall through to the selection-based copy
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.className = "offscreen";
  document.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch (error) {
    copied = false;
  }
  area.remove();
  return copied;
}

function citationText(citation) {
  return typeof citation === "string" ? citation : JSON.stringify(citation, null, 2);
}

function setupCitation(form) {
  const select = form.querySelector("select");
  const output = form.querySelector("pre.citation");
  const button = form.querySelector("button.copy");
  const status = form.querySelector(".copy-status");
  const say = (message, failed) => {
    status.textContent = message;
    status.classList.toggle("failed", Boolean(failed));
  };
  button.hidden = false;
  form.dataset.style = select.value;
  select.addEventListener("change", async () => {
    say("", false);
    try {
      const response = await fetch(`${form.dataset.citeUrl}?style=${encodeURIComponent(select.value)}`, {
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      output.textContent = citationText(body.citation);
      form.dataset.style = select.value;
    } catch (error) {
      form.submit(); // the server renders the chosen style
    }
  });
  form.addEventListener("submit", (event) => {
    if (form.dataset.style === select.value) event.preventDefault();
  });
  button.addEventListener("click", async () => {
    const ok = await copyText(output.textContent);
    say(ok ? form.dataset.copied : form.dataset.copyFailed, !ok);
    if (!ok) {
      const range = document.createRange();
      range.selectNodeContents(output);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      output.focus();
    }
  });
}

function collapseFiltersOnPhones() {
  const details = document.querySelector(".facets details");
  if (details && window.matchMedia("(max-width: 48rem)").matches && !document.querySelector(".chips")) {
    details.open = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form.cite[data-cite-url]").forEach(setupCitation);
  collapseFiltersOnPhones();
});
