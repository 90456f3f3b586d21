// The labelling page (no inline script is allowed by the Content-Security-Policy): the whole conversation
// (the request turns, often the harmful text, and the reply) stays blurred until revealed by the button
// or the R key; keys 1–3 choose a label unless the person is typing.
(function () {
  'use strict';
  var reply = document.getElementById('label-conversation');
  var reveal = document.getElementById('reveal-reply');
  function show(on) {
    if (!reply) { return; }
    reply.classList.toggle('concealed', !on);
    if (reveal) {
      reveal.setAttribute('aria-pressed', String(on));
      reveal.firstChild.textContent = on ? 'Blur conversation ' : 'Reveal conversation ';
    }
  }
  if (reveal) {
    reveal.addEventListener('click', function () { show(reply.classList.contains('concealed')); });
  }
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && target.type !== 'radio') || target.isContentEditable)) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === 'r' || event.key === 'R') {
      if (reply) { event.preventDefault(); show(reply.classList.contains('concealed')); }
      return;
    }
    var choice = document.querySelector('input[data-label-key="' + event.key + '"]');
    if (choice) { event.preventDefault(); choice.checked = true; choice.focus(); }
  });
  document.documentElement.setAttribute('data-labels-ready', '1');
})();
