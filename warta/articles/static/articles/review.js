// The approve buttons of the page editor say what approving does with the go-live
// time in the form: "Setujui dan terbitkan" or "Setujui dan jadwalkan".
// The server renders the label for the saved draft (warta/articles/review.py);
// this follows the "Tayang mulai" field while the editor changes it.
(() => {
  const VERBS = /\b(terbitkan|jadwalkan)\b/;

  const goLiveAhead = () => {
    const input = document.querySelector('input[name="go_live_at"]');
    if (!input || !input.value) return false;
    const when = new Date(input.value.trim().replace(" ", "T"));
    return !Number.isNaN(when.getTime()) && when > new Date();
  };

  const relabel = () => {
    const verb = goLiveAhead() ? "jadwalkan" : "terbitkan";
    document.querySelectorAll('button[data-workflow-action-name="approve"]').forEach((button) => {
      const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (VERBS.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(VERBS, verb);
      }
    });
  };

  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === "go_live_at") relabel();
  });
})();
