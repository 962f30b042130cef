// Gantry console: confirmations, live sections and live logs. Plain JavaScript, no build step.
'use strict';

let leaving = false;

// A form with data-confirm asks first (rollback, removing a domain).
document.addEventListener('submit', (event) => {
  const question = event.target.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  leaving = true;
});

// Sections marked data-live follow the server: the page is fetched again every few seconds and
// each such section swapped for its new version, unless the user is typing in it.
const REFRESH_MILLIS = 2000;
if (document.querySelector('[data-live]')) {
  setInterval(async () => {
    if (leaving || document.hidden) {
      return;
    }
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', redirect: 'error' });
      if (!response.ok || leaving) {
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const section of document.querySelectorAll('[data-live]')) {
        const next = fresh.getElementById(section.id);
        if (next && !section.contains(document.activeElement)) {
          section.replaceWith(next);
        }
      }
    } catch (e) {
      // Signed out or the control plane restarting: the next tick tries again.
    }
  }, REFRESH_MILLIS);
}

// The log page reads the app's log as Server-Sent Events. The browser reconnects on its own, and
// each connection starts with the recent lines again, so they replace what was shown.
const MAX_LOG_LINES = 2000;
const log = document.querySelector('[data-stream]');
if (log) {
  const source = new EventSource(log.dataset.stream);
  source.onopen = () => {
    log.textContent = '';
  };
  source.onmessage = (event) => {
    const atBottom = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    log.append(event.data + '\n');
    while (log.childNodes.length > MAX_LOG_LINES) {
      log.firstChild.remove();
    }
    if (atBottom) {
      log.scrollTop = log.scrollHeight;
    }
  };
}
