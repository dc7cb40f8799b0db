// Records every widget event that reaches the document, for tests that check which fired.
window.wsisEvents = [];
for (const name of ['wsis-ready', 'wsis-error', 'p2c-ready', 'p2c-update']) {
  document.addEventListener(name, (e) => window.wsisEvents.push({ name, id: e.target.id, detail: e.detail }));
}
