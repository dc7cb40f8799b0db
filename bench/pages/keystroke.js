// Shared by the benchmark pages (ours and the vanilla baseline alike, so both are timed the same
// way): an interaction, timed from the event to the last DOM mutation it causes.
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Runs `act()` and resolves with ms from then to the last DOM mutation under `host`'s shadow
 * root (0 when nothing on screen changed). Two frames are waited so work a framework defers to
 * the next frame is still counted.
 */
async function timed(host, act) {
  const root = host.shadowRoot;
  let last = 0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = performance.now();
  act(root);
  await afterPaint();
  await afterPaint();
  observer.disconnect();
  return last ? last - start : 0;
}

/** Puts `text` in the search box of `host` as typing does. */
export function keystroke(host, text) {
  return timed(host, (root) => {
    const input = root.querySelector('input[type="search"]');
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  });
}

/** Picks `value` in the `<select id=…>` of `host` as a reader does. */
export function pick(host, id, value) {
  return timed(host, (root) => {
    const select = root.getElementById(id);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  });
}

/** ms from the newest data file's arrival and from `script`'s request start to now. */
export function loadTimes(scriptSuffix) {
  const now = performance.now();
  const resources = performance.getEntriesByType('resource');
  const data = resources.filter((e) => e.name.includes('.json'));
  const script = resources.find((e) => e.name.endsWith(scriptSuffix));
  return {
    dataReadyToPainted: now - Math.max(...data.map((e) => e.responseEnd)),
    scriptStartToPainted: now - (script ? script.startTime : 0),
  };
}
