// The workbench's only script (no inline script is allowed by the Content-Security-Policy).
(function () {
  'use strict';

  // Blur replies on request; the choice is remembered in this browser.
  var toggle = document.getElementById('blur-toggle');
  function applyBlur(on) {
    document.body.classList.toggle('blurred', on);
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? 'Show replies' : 'Blur replies';
    }
  }
  applyBlur(localStorage.getItem('rt4j-blur') === '1');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var on = !document.body.classList.contains('blurred');
      localStorage.setItem('rt4j-blur', on ? '1' : '0');
      applyBlur(on);
    });
  }

  // Replies can take seconds: show that the model is working and keep the button from double-sending.
  document.querySelectorAll('form.working').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type=submit]');
      var spinner = form.querySelector('.spinner');
      if (button) { button.disabled = true; }
      if (spinner) { spinner.textContent = 'The model is working…'; }
    });
  });

  // Keyboard: A or B picks a reply, unless the person is typing.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable)) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key.toUpperCase();
    var button = document.querySelector('button[data-key="' + key + '"]');
    if (button) { event.preventDefault(); button.click(); }
  });

  document.documentElement.setAttribute('data-ready', '1'); // tests wait for this before using shortcuts
})();
