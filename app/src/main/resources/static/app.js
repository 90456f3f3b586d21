// The workbench's script for members and reviewers (no inline script: the Content-Security-Policy forbids it).
// Without it every form still works by post and redirect; with it nothing typed is lost: drafts are kept in this
// browser as the person types, forms are sent with fetch so the server's refusal shows in place with the input
// kept, each action has one request in flight, and a draw of replies shows its elapsed time and can be cancelled.
(function () {
  'use strict';

  var NO_ANSWER = 'The server did not answer; your text is kept. Try again in a moment.';

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') : '';
  }

  var account = meta('rt4j-account');
  document.documentElement.classList.add('js'); // what only a page without the script needs is hidden

  // --- Blurring: members choose it (off by default); reviewers start blurred. One reply is revealed by click or keyboard.
  // Kept per account: on a shared browser one reviewer's "show" must not start the next one unblurred.
  var blurKey = (document.body.getAttribute('data-blur-key') || 'rt4j-blur') + ':' + account;
  var blurDefault = document.body.getAttribute('data-blur-default') === '1';

  function applyBlur(on) {
    document.body.classList.toggle('blurred', on);
    var toggle = document.getElementById('blur-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(on));
      toggle.textContent = on ? 'Show replies' : 'Blur replies';
    }
  }

  function blurred() {
    var stored = localStorage.getItem(blurKey);
    return stored === null ? blurDefault : stored === '1';
  }

  function revealable(root) {
    root.querySelectorAll('.reply').forEach(function (reply) {
      reply.tabIndex = 0;
      reply.setAttribute('role', 'button');
      reply.setAttribute('aria-expanded', 'false');
      reply.title = 'Blurred when blurring is on: click, or press Enter, to show or hide';
      function flip(event) {
        if (event.target.closest('button')) { return; }
        if (!document.body.classList.contains('blurred')) { return; }
        var shown = reply.classList.toggle('revealed');
        reply.setAttribute('aria-expanded', String(shown));
      }
      reply.addEventListener('click', flip);
      reply.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); flip(event); }
      });
    });
  }

  // --- Drafts: every field of a form[data-draft] as the person types, per account and form, until the server accepts it.
  function draftKey(form) {
    return 'rt4j-draft:' + account + ':' + form.getAttribute('data-draft');
  }

  function saveDraft(form) {
    var fields = {};
    form.querySelectorAll('textarea, input[type=text], input[type=radio], input[type=checkbox]').forEach(function (field) {
      if (!field.name) { return; }
      if (field.type === 'radio' || field.type === 'checkbox') {
        if (field.checked) { (fields[field.name] = fields[field.name] || []).push(field.value); }
      } else if (field.value) {
        fields[field.name] = [field.value];
      }
    });
    try {
      if (Object.keys(fields).length) {
        localStorage.setItem(draftKey(form), JSON.stringify(fields));
      } else {
        localStorage.removeItem(draftKey(form));
      }
    } catch (full) { /* storage full or disabled: the form still works */ }
  }

  function restoreDraft(form) {
    var fields;
    try { fields = JSON.parse(localStorage.getItem(draftKey(form)) || 'null'); } catch (broken) { fields = null; }
    if (!fields) { return; }
    Object.keys(fields).forEach(function (name) {
      form.querySelectorAll('[name="' + name + '"]').forEach(function (field) {
        if (field.type === 'radio' || field.type === 'checkbox') {
          field.checked = fields[name].indexOf(field.value) >= 0;
        } else if (!field.value) { // what the server sent back (a kept message) wins
          field.value = fields[name][0];
        }
      });
    });
  }

  function clearDraft(form) {
    if (form.hasAttribute('data-draft')) { localStorage.removeItem(draftKey(form)); }
  }

  /** Removes the drafts whose key starts with {@code prefix} (all of them: 'rt4j-draft:'). */
  function clearDrafts(prefix) {
    try {
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf(prefix) === 0) { localStorage.removeItem(key); }
      }
    } catch (disabled) { /* storage disabled: nothing was kept */ }
  }

  /** A finished or abandoned attempt takes no more input: its message and rating drafts go. */
  function clearFinishedAttempt(root) {
    var main = root.querySelector ? (root.matches && root.matches('main') ? root : root.querySelector('main')) : null;
    if (main && main.getAttribute('data-finished') === '1') {
      clearDrafts('rt4j-draft:' + account + ':attempt:' + main.getAttribute('data-attempt') + ':');
    }
  }

  // --- Messages in place.
  function showError(form, message) {
    var box = form.querySelector('.form-error') || (form.closest('section') || form).querySelector('.form-error');
    if (!box) {
      box = document.createElement('p');
      box.className = 'error form-error';
      box.setAttribute('role', 'alert');
      form.insertBefore(box, form.firstChild);
    }
    box.textContent = message;
    box.hidden = false;
  }

  function clearError(form) {
    var box = form.querySelector('.form-error');
    if (box) { box.hidden = true; box.textContent = ''; }
  }

  /** The message of the server's refusal: the page it answered with names it in an alert. */
  function messageOf(html, status) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var alert = page.querySelector('main [role=alert]:not([hidden])');
    var text = alert ? alert.textContent.trim() : '';
    return text || ('The server refused this (' + status + '). Your text is kept.');
  }

  // --- One request in flight per action: every form of a group (A and B, say) waits for it.
  function group(form) {
    var name = form.getAttribute('data-group');
    return name ? document.querySelectorAll('form[data-group="' + name + '"]') : [form];
  }

  function setBusy(form, busy) {
    group(form).forEach(function (member) {
      member.setAttribute('data-busy', busy ? '1' : '0');
      member.querySelectorAll('button[type=submit]').forEach(function (button) { button.disabled = busy; });
    });
  }

  // --- Waiting for replies: elapsed seconds and a Cancel that aborts the request and tells the server to discard the draw.
  function startWaiting(form, controller) {
    var spinner = form.querySelector('.spinner');
    var started = Date.now();
    var cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.className = 'secondary cancel';
    cancel.id = 'cancel';
    cancel.textContent = 'Cancel';
    function tick() {
      if (spinner) { spinner.textContent = 'Drawing replies… ' + Math.floor((Date.now() - started) / 1000) + ' s'; }
    }
    tick();
    var timer = setInterval(tick, 1000);
    cancel.addEventListener('click', function () {
      controller.cancelled = true;
      controller.abort();
      fetch(form.getAttribute('data-cancel'), {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': meta('rt4j-csrf')}, body: '{}'
      }).then(function (response) { return response.json(); }).then(function (answer) {
        // "stored": too late, the message and its replies were stored; "discarded" or "none" (nothing was
        // drawing: the message was never sent): the draft is kept
        if (answer && answer.cancelled === 'stored') {
          clearDraft(form);
          refresh(null, null);
        }
      }).catch(function () { /* the server is gone: nothing was stored by this page's request either way */ });
    });
    if (spinner) { spinner.parentNode.insertBefore(cancel, spinner.nextSibling); }
    return function stop() {
      clearInterval(timer);
      if (spinner) { spinner.textContent = ''; }
      cancel.remove();
    };
  }

  function submit(event) {
    var form = event.currentTarget;
    event.preventDefault();
    if (form.getAttribute('data-busy') === '1') { return; }
    saveDraft(form);
    clearError(form);
    setBusy(form, true);
    var controller = new AbortController();
    var stop = form.hasAttribute('data-wait') ? startWaiting(form, controller) : function () {};
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin', signal: controller.signal,
      headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams(new FormData(form))
    }).then(function (response) {
      return response.text().then(function (html) {
        stop();
        if (response.ok) {
          clearDraft(form);
          arrive(response.url, html, form.getAttribute('data-then'));
          return;
        }
        var message = messageOf(html, response.status);
        if (response.status === 409) { // a stale tab: show the page as it is now, the draft kept, the message in place
          refresh(message, form);
          return;
        }
        setBusy(form, false);
        showError(form, message);
        var send = form.querySelector('#send');
        if (send && response.status === 502) { send.textContent = 'Retry'; }
      });
    }).catch(function (error) {
      stop();
      setBusy(form, false);
      showError(form, controller.cancelled
        ? 'Cancelled: the replies were discarded. Your message is kept; send it again when you like.' : NO_ANSWER);
    });
  }

  /** The page the server sent after a change: swapped in when it is this page (so focus can move), else loaded. */
  function arrive(url, html, then) {
    var target = new URL(url, location.href);
    if (target.pathname !== location.pathname) {
      location.assign(target.href);
      return;
    }
    swap(html);
    focusOn(then);
  }

  function swap(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var main = page.querySelector('main');
    var current = document.querySelector('main');
    if (!main || !current) { location.reload(); return; }
    current.replaceWith(document.importNode(main, true));
    document.title = page.title;
    init(document.querySelector('main'));
  }

  /** Reloads the page's state in place; {@code message}, if any, is shown by the form that was refused or at the top. */
  function refresh(message, form) {
    fetch(location.pathname + location.search, {credentials: 'same-origin'}).then(function (response) {
      return response.text();
    }).then(function (html) {
      var action = form ? form.getAttribute('action') : null;
      swap(html);
      if (!message) { return; }
      var again = action ? document.querySelector('main form[action="' + action + '"]') : null;
      if (again) {
        showError(again, message);
      } else {
        var box = document.createElement('p');
        box.className = 'error form-error';
        box.setAttribute('role', 'alert');
        box.textContent = message;
        var main = document.querySelector('main');
        main.insertBefore(box, main.querySelector('h1') ? main.querySelector('h1').nextSibling : main.firstChild);
      }
    }).catch(function () {
      if (form) { setBusy(form, false); showError(form, NO_ANSWER); }
    });
  }

  function focusOn(where) {
    if (where === 'composer' || where === 'choices') {
      var field = where === 'composer' ? document.getElementById('message') : document.getElementById('choose-title');
      if (!field) { field = document.getElementById('message') || document.getElementById('choose-title'); }
      if (field) { field.focus(); }
    }
  }

  // --- Reviews: a tag beyond the most allowed cannot be ticked, and the page says why.
  function limitTags(form) {
    var most = parseInt(form.getAttribute('data-max-tags'), 10);
    var note = form.querySelector('.tag-note');
    form.querySelectorAll('input[name=tags]').forEach(function (box) {
      box.addEventListener('change', function () {
        var ticked = form.querySelectorAll('input[name=tags]:checked').length;
        if (box.checked && ticked > most) {
          box.checked = false;
          if (note) { note.textContent = 'At most ' + most + ' tags: untick one to choose another.'; }
        } else if (note) {
          note.textContent = '';
        }
      });
    });
  }

  function init(root) {
    clearFinishedAttempt(root);
    revealable(root);
    applyBlur(blurred());
    var toggle = root.querySelector('#blur-toggle');
    if (toggle) {
      toggle.addEventListener('click', function () {
        var on = !document.body.classList.contains('blurred');
        localStorage.setItem(blurKey, on ? '1' : '0');
        applyBlur(on);
      });
    }
    root.querySelectorAll('form[data-draft]').forEach(function (form) {
      restoreDraft(form);
      form.addEventListener('input', function () { saveDraft(form); });
      form.addEventListener('change', function () { saveDraft(form); });
    });
    root.querySelectorAll('form[data-max-tags]').forEach(limitTags);
    root.querySelectorAll('form[data-fetch]').forEach(function (form) { form.addEventListener('submit', submit); });
  }

  init(document);

  // Logging out leaves no draft (a harmful prompt, say) for the next person on this browser; the
  // response's Clear-Site-Data: "storage" does the same where the browser honours it.
  document.querySelectorAll('form[action="/logout"]').forEach(function (form) {
    form.addEventListener('submit', function () { clearDrafts('rt4j-draft:'); });
  });
  if (location.hash === '#composer') { focusOn('composer'); } // after a pick without script's help, too

  // Back to a page from the browser's cache: no request of it is in flight any more.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[data-busy="1"]').forEach(function (form) { setBusy(form, false); });
      document.querySelectorAll('.spinner').forEach(function (spinner) { spinner.textContent = ''; });
    }
  });

  // Keyboard: A or B picks a reply, unless the person is typing.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT' || target.isContentEditable)) { return; }
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = (event.key || '').toUpperCase();
    var button = document.querySelector('button[data-key="' + key + '"]');
    if (button) { event.preventDefault(); if (!button.disabled) { button.click(); } }
  });

  document.documentElement.setAttribute('data-ready', '1'); // tests wait for this before using shortcuts
})();
