// Filters the glossary lists as you type; without JavaScript the full lists stay visible.
(() => {
  const input = document.getElementById("filter");
  const status = document.getElementById("filter-status");
  const items = [...document.querySelectorAll(".terms li")];
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const item of items) {
      const match = words.every(w => item.dataset.keywords.includes(w) || item.textContent.toLowerCase().includes(w));
      item.hidden = !match;
      if (match) shown++;
    }
    status.textContent = words.length ? `${shown / 2} terms match` : "";
  });
})();
