// Shows the widget's DOM events on the demo page (host pages can listen the same way).
const out = document.getElementById('last-event');
for (const name of ['wsis-ready', 'wsis-select', 'wsis-error', 'wsis-language-change', 'p2c-ready', 'p2c-update']) {
  document.addEventListener(name, (event) => {
    out.textContent = name + ' ' + JSON.stringify(event.detail);
  });
}
