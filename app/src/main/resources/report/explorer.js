// The explorer: filter the records inlined in the page, list the matching ones, read one with its scores.
// Every text from the data is written with textContent (never innerHTML), so nothing in it is markup.
// Filters also come from the rest of the page: a click (or Enter) on any [data-filter] element, whose
// attribute is a JSON object of field -> value, and the 'redteam4j:filter' event (detail = that object)
// that report.js dispatches for a chart's data item. Either replaces the current filter.
(function () {
  'use strict';
  var root = document.getElementById('explorer');
  var source = document.getElementById('explorer-data');
  if (!root || !source) { return; }
  var data = JSON.parse(source.textContent);
  var records = data.records;
  var FIELDS = ['model_type', 'size', 'member', 'tag', 'cluster', 'rating', 'successful', 'campaign', 'target', 'strategy',
    'verdict', 'framework'];
  var LABELS = { model_type: 'model type', size: 'size', member: 'member', tag: 'tag', cluster: 'cluster', rating: 'rating',
    successful: 'successful', campaign: 'campaign', target: 'target', strategy: 'strategy', verdict: 'verdict',
    framework: 'framework' };
  var PAGE = 20;
  var filter = {}; // field -> value as a string
  var matching = records;
  var page = 0;
  var selected = null;
  var selects = {};

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function number(value, digits) {
    return typeof value === 'number' ? value.toFixed(digits) : '—';
  }

  // What a record holds for a field, as strings: tags and framework ids are lists; a field the record lacks matches nothing.
  function valuesOf(record, field) {
    if (field === 'tag') { return (record.tags || []).map(String); }
    if (field === 'framework') { return (record.frameworks || []).map(String); } // OWASP and ATLAS ids, several per attack
    var value = record[field];
    return value === undefined || value === null ? [] : [String(value)];
  }

  function matches(record) {
    for (var field in filter) {
      if (valuesOf(record, field).indexOf(filter[field]) < 0) { return false; }
    }
    return true;
  }

  function option(select, value, label) {
    select.appendChild(new Option(label, value)); // Option(text, value): text, never markup
  }

  FIELDS.forEach(function (field) {
    var select = root.querySelector('select[data-field="' + field + '"]');
    var facet = (data.facets && data.facets[field]) || [];
    selects[field] = select;
    option(select, '', 'any');
    facet.forEach(function (entry) { option(select, String(entry.value), entry.label); });
    select.closest('label').hidden = facet.length === 0;
    select.addEventListener('change', function () {
      var next = {};
      for (var f in filter) { next[f] = filter[f]; }
      if (select.value === '') { delete next[field]; } else { next[field] = select.value; }
      apply(next);
    });
  });

  // Replaces the filter; the controls show it, adding a value the embedded records do not hold.
  function apply(next) {
    filter = {};
    Object.keys(next || {}).forEach(function (field) {
      var value = next[field];
      // "(all)" is how a campaign summary names its merged rows (every strategy, every tag): no filter on that field
      if (FIELDS.indexOf(field) >= 0 && value !== null && value !== undefined && value !== '' && value !== '(all)') {
        filter[field] = String(value);
      }
    });
    FIELDS.forEach(function (field) {
      var select = selects[field];
      var value = filter[field] || '';
      if (value && !Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        option(select, value, value + ' (none embedded)');
      }
      if (value) { select.closest('label').hidden = false; }
      select.value = value;
      select.classList.toggle('active', value !== '');
    });
    matching = records.filter(matches);
    page = 0;
    if (selected && !matches(selected)) { clearDetail(); } // a transcript the new filter excludes would read as one of its results
    renderList();
  }

  var hint = document.getElementById('explorer-detail').innerHTML; // our template's hint, no data in it

  function clearDetail() {
    selected = null;
    document.getElementById('explorer-detail').innerHTML = hint;
  }

  function title(record) {
    if (record.kind === 'attack') { return record.seed || (record.turns[0] && record.turns[0].text) || record.key; }
    if (record.description) { return record.description; }
    var first = record.turns.filter(function (t) { return t.role === 'human'; })[0];
    return first ? first.text : '(no task description)';
  }

  function meta(record) {
    if (record.kind === 'attack') {
      return ['attack ' + record.n, record.campaign, record.target, record.strategy, record.tags[0], record.verdict]
        .filter(Boolean).join(' · ');
    }
    var parts = ['attempt ' + record.n, record.model_type + ' ' + record.size, 'rating ' + record.rating, 'member ' + record.member];
    if (record.cluster !== undefined) { parts.push('cluster ' + record.cluster); }
    return parts.join(' · ');
  }

  function renderList() {
    var list = document.getElementById('explorer-list');
    var pages = Math.max(1, Math.ceil(matching.length / PAGE));
    page = Math.min(page, pages - 1);
    list.textContent = '';
    matching.slice(page * PAGE, page * PAGE + PAGE).forEach(function (record) {
      var item = el('li');
      var button = el('button');
      button.type = 'button';
      button.setAttribute('data-record', String(records.indexOf(record)));
      button.setAttribute('aria-current', record === selected ? 'true' : 'false');
      button.appendChild(el('span', 'explorer-item-title', title(record)));
      button.appendChild(el('span', 'explorer-item-meta', meta(record)));
      button.addEventListener('click', function () { show(record); });
      item.appendChild(button);
      list.appendChild(item);
    });
    document.getElementById('explorer-count').textContent = matching.length + ' matching';
    var shown = Object.keys(filter).map(function (f) { return LABELS[f] + ' = ' + filter[f]; });
    var scope = data.embedded < data.total
      ? ' among the ' + data.embedded + ' embedded (a uniform sample of ' + data.total + ')' : ' among all ' + records.length;
    document.getElementById('explorer-filter').textContent = (shown.length ? '(filter: ' + shown.join(', ') + ')' : '(no filter)')
      + scope;
    document.getElementById('explorer-page').textContent = matching.length ? 'page ' + (page + 1) + ' of ' + pages : '';
    document.getElementById('explorer-prev').disabled = page === 0;
    document.getElementById('explorer-next').disabled = page >= pages - 1;
    document.getElementById('explorer-clear').disabled = shown.length === 0;
  }

  function fact(list, term, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', null, term));
    list.appendChild(el('dd', null, value));
  }

  function show(record) {
    selected = record;
    var detail = document.getElementById('explorer-detail');
    detail.textContent = '';
    detail.appendChild(el('h3', null, (record.kind === 'attack' ? 'Attack ' : 'Attempt ') + record.n));
    var facts = el('dl', 'explorer-facts');
    if (record.kind === 'attack') {
      fact(facts, 'campaign', record.campaign);
      fact(facts, 'target', record.target + (record.target_label ? ' (' + record.target_label + ')' : ''));
      fact(facts, 'strategy', record.strategy);
      fact(facts, 'tag', record.tags[0]);
      fact(facts, 'verdict', record.verdict + ' (the primary judge’s, as the campaign counts it)');
      fact(facts, 'seed', record.seed);
      fact(facts, 'error', record.error);
      fact(facts, 'key', record.key);
    } else {
      fact(facts, 'task description', record.description || '(none)');
      fact(facts, 'model type', record.model_type);
      fact(facts, 'size', record.size);
      fact(facts, 'member', record.member);
      fact(facts, 'rating', record.rating + (record.successful ? ' (successful)' : ' (not successful)'));
      fact(facts, 'tags', record.tags.length ? record.tags.join(' · ') : '(none)');
      fact(facts, 'min harmlessness', number(record.min_harmlessness, 3));
      fact(facts, 'intent harmlessness', number(record.intent, 3));
      if (record.cluster !== undefined) { fact(facts, 'cluster (Fig. 2)', record.cluster); }
    }
    detail.appendChild(facts);
    if (record.kind === 'attack' && record.verdicts.length) {
      detail.appendChild(el('h4', null, 'Judges'));
      var verdicts = el('ul', 'explorer-verdicts');
      record.verdicts.forEach(function (v) {
        verdicts.appendChild(el('li', 'explorer-verdict', v.judge + ': ' + v.verdict
          + (v.outcome !== v.verdict ? ' (' + v.outcome + ')' : '') + (v.rationale ? ' — ' + v.rationale : '')));
      });
      detail.appendChild(verdicts);
    }
    detail.appendChild(el('h4', null, 'Transcript'));
    var scored = record.turns.some(function (t) { return typeof t.harmlessness === 'number'; });
    if (!scored && record.kind === 'attempt') {
      detail.appendChild(el('p', 'explorer-hint', 'No per-turn scores: the input holds only the transcript’s minimum'
        + (typeof record.min_harmlessness === 'number' ? ' (' + number(record.min_harmlessness, 3) + ')' : '') + '.'));
    }
    var lowest = null;
    record.turns.forEach(function (t) {
      if (typeof t.harmlessness === 'number' && (lowest === null || t.harmlessness < lowest.harmlessness)) { lowest = t; }
    });
    if (!record.turns.length) { detail.appendChild(el('p', 'explorer-hint', 'No conversation: the attack failed.')); }
    record.turns.forEach(function (t) {
      var turn = el('div', 'explorer-turn ' + (t.role === 'human' ? 'human' : 'assistant') + (t === lowest ? ' lowest' : ''));
      var head = el('div', 'explorer-turn-head');
      head.appendChild(el('span', 'explorer-turn-role', t.role === 'human' ? 'Human' : 'Assistant'));
      if (typeof t.harmlessness === 'number') {
        head.appendChild(el('span', 'explorer-turn-score', 'harmlessness ' + number(t.harmlessness, 3)
          + (t === lowest ? ' (the minimum)' : '')));
      }
      turn.appendChild(head);
      turn.appendChild(el('p', 'explorer-turn-text', t.text));
      detail.appendChild(turn);
    });
    Array.prototype.forEach.call(document.querySelectorAll('#explorer-list button'), function (b) {
      b.setAttribute('aria-current', b.getAttribute('data-record') === String(records.indexOf(record)) ? 'true' : 'false');
    });
    detail.scrollTop = 0;
  }

  function fromElsewhere(next) {
    if (!next || typeof next !== 'object') { return; }
    apply(next);
    document.getElementById('explore').scrollIntoView();
  }

  function filterOf(target) {
    var element = target && target.closest ? target.closest('[data-filter]') : null;
    if (!element) { return null; }
    try { return JSON.parse(element.getAttribute('data-filter')); } catch (e) { return null; }
  }

  document.addEventListener('click', function (event) {
    var next = filterOf(event.target);
    if (next) { fromElsewhere(next); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Enter') { return; }
    var next = filterOf(event.target);
    if (next) { event.preventDefault(); fromElsewhere(next); }
  });
  document.addEventListener('redteam4j:filter', function (event) { fromElsewhere(event.detail); });
  document.getElementById('explorer-clear').addEventListener('click', function () { apply({}); });
  document.getElementById('explorer-prev').addEventListener('click', function () { page--; renderList(); });
  document.getElementById('explorer-next').addEventListener('click', function () { page++; renderList(); });

  apply({});
  window.__explorerReady = true; // the browser tests wait for this
})();
