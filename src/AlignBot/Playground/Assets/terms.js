// Filters the glossary as you type: hides terms that do not match, categories left empty and their jump links, and
// says how many terms match. Without JavaScript everything stays visible.
(() => {
  const input = document.getElementById("filter");
  const status = document.getElementById("filter-status");
  const sections = [...document.querySelectorAll("section.category")];
  const matches = (item, words) => words.every(w => item.dataset.keywords.includes(w) || item.textContent.toLowerCase().includes(w));
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const section of sections) {
      let inSection = 0;
      for (const item of section.querySelectorAll(".terms li")) {
        item.hidden = !matches(item, words);
        if (!item.hidden) inSection++;
      }
      section.hidden = inSection === 0;
      document.querySelector(`.jump a[href="#${section.querySelector("h2").id}"]`).parentElement.hidden = section.hidden;
      shown += inSection;
    }
    status.textContent = !words.length ? "" : shown === 0 ? "No terms match." : shown === 1 ? "1 term matches." : `${shown} terms match.`;
  });
})();
