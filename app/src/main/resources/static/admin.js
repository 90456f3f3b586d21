// The admins' pages (issue 18): the copy button beside a new invitation link. Loaded by the
// admin templates only; no inline script (the CSP forbids it).
(function () {
  'use strict';

  function say(status, text) {
    if (status) {
      status.textContent = text;
    }
  }

  function copy(button) {
    var field = document.querySelector(button.getAttribute('data-copy'));
    var status = document.getElementById('copy-status');
    if (!field) {
      return;
    }
    var text = field.textContent;
    // selected, so that a manual copy works where the clipboard is refused
    window.getSelection().selectAllChildren(field);
    var done = function () { say(status, 'Copied to the clipboard.'); };
    var manual = function () { say(status, 'Could not copy: the link is selected, press Ctrl+C (or ⌘C).'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        try { if (document.execCommand('copy')) { done(); return; } } catch (e) { /* fall through */ }
        manual();
      });
      return;
    }
    try {
      if (document.execCommand('copy')) { done(); return; }
    } catch (e) { /* fall through */ }
    manual();
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-copy]');
    if (button) {
      event.preventDefault();
      copy(button);
    }
  });
})();
