// Sandbox test aid: echoes what the parent window posts back to it, from this origin.
window.addEventListener('message', (event) => {
  if (event.source === window.parent) window.parent.postMessage(event.data, '*');
});
