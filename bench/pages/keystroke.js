// Shared by the benchmark pages: typing into a widget's search box, timed to the last DOM
// mutation it causes.
export const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Puts `text` in the search box of `host` as typing does; resolves with ms from the input event
 * to the last DOM mutation it caused (0 when nothing on screen changed).
 */
export async function keystroke(host, text) {
  const root = host.shadowRoot;
  const input = root.querySelector('[data-testid="search"]');
  let last = 0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await afterPaint();
  await afterPaint();
  observer.disconnect();
  return last ? last - start : 0;
}
