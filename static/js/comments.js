// A story's page is the same bytes for every reader, so that an edge cache can keep it:
// it carries no one's CSRF token or form time. A comment or report form asks for its
// reader's own when they start writing, and before it is sent if it has not yet; should
// that fail, the form is sent as it is and the server asks the reader to send it again.
const asked = new Map();

function valuesFrom(url) {
  if (!asked.has(url)) {
    const answer = fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json();
      });
    answer.catch(() => asked.delete(url));
    asked.set(url, answer);
  }
  return asked.get(url);
}

function fillIn(form, values) {
  for (const [name, value] of Object.entries(values)) {
    let input = form.querySelector(`input[name="${name}"]`);
    if (!input && name !== "csrfmiddlewaretoken") continue;  // a report has no form time
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.prepend(input);
    }
    if (!input.value) input.value = value;
  }
  form.dataset.filledIn = "true";
}

function prepare(form) {
  return valuesFrom(form.dataset.readerValues).then((values) => fillIn(form, values));
}

document.addEventListener("focusin", (event) => {
  const form = event.target.closest("form[data-reader-values]");
  if (form && !form.dataset.filledIn) prepare(form).catch(() => {});
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-reader-values]");
  if (!form || form.dataset.filledIn) return;
  event.preventDefault();
  prepare(form).catch(() => {}).finally(() => form.submit());
});

// A reader's own comments still waiting for a moderator are theirs alone, so they are
// not in the shared page: the same answer brings them (the server signs the cookie that
// names them, so it is only a hint that there is something to ask for).
function showOwnWaiting() {
  const place = document.querySelector("[data-own-comments]");
  if (!place || !/(^|;\s*)comments_own=/.test(document.cookie)) return;
  valuesFrom(place.dataset.ownComments)
    .then((values) => {
      if (values.waiting) place.innerHTML = values.waiting;
    })
    .catch(() => {});
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", showOwnWaiting);
} else {
  showOwnWaiting();
}
