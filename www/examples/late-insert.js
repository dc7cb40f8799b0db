const slot = document.getElementById('slot');
document.getElementById('insert').addEventListener('click', () => {
  const el = document.createElement('wsis-sdg-matrix');
  el.setAttribute('src', '/data/matrix.json');
  el.setAttribute('theme', 'light');
  slot.replaceChildren(el);
});
document.getElementById('remove').addEventListener('click', () => slot.replaceChildren());
