// An embed loads nothing from its provider until the reader presses its button:
// then the placeholder gives way to the provider's frame (see articles/embeds.py).
document.addEventListener("click", (event) => {
  const button = event.target.closest(".embed-load");
  const figure = button && button.closest("figure[data-embed]");
  if (!figure) return;
  const frame = document.createElement("iframe");
  frame.src = figure.dataset.embed;
  frame.title = figure.dataset.embedTitle;
  frame.allow = "fullscreen; picture-in-picture";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.className = "embed-frame";
  figure.replaceChildren(frame);
  frame.focus();
});
