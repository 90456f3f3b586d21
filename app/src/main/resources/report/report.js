// Draws every chart of the report from the JSON specs inlined above (ECharts is inlined too), and
// makes the campaign tables filterable. Works offline: nothing here loads anything.
(function () {
  'use strict';

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Functions an option names as "@name" (JSON cannot carry functions); see ChartOptions.
  var named = {
    // tooltips: the hovered items' lines, formatted in Java and escaped here (ECharts renders tooltips as HTML)
    '@tips': function (params) {
      var lines = [];
      (Array.isArray(params) ? params : [params]).forEach(function (p) {
        if (p.data && p.data.tip) {
          p.data.tip.forEach(function (line) { lines.push(escapeHtml(line)); });
        }
      });
      return lines.join('<br>');
    },
    '@parameters': function (value) {
      var units = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
      for (var i = 0; i < units.length; i++) {
        if (value >= units[i][0]) { return +(value / units[i][0]).toPrecision(3) + units[i][1]; }
      }
      return String(+value.toPrecision(3));
    },
    '@percent': function (value) { return Math.round(value * 100) + '%'; },
    // error bars: a custom series whose items are [x, low, high]
    '@errorBars': function (params, api) {
      var x = api.value(0);
      var low = api.coord([x, api.value(1)]);
      var high = api.coord([x, api.value(2)]);
      var cap = 5;
      var style = { stroke: api.visual('color'), lineWidth: 1.5 };
      function line(x1, y1, x2, y2) { return { type: 'line', shape: { x1: x1, y1: y1, x2: x2, y2: y2 }, style: style }; }
      return { type: 'group', children: [line(low[0], low[1], high[0], high[1]),
        line(low[0] - cap, low[1], low[0] + cap, low[1]), line(high[0] - cap, high[1], high[0] + cap, high[1])] };
    }
  };

  // a band (e.g. mean ± 1 SD): a custom series whose items are segments [x0, low0, high0, x1, low1, high1], each
  // drawn as the quadrilateral between its bounds, so it is right at any sign of the values
  named['@band'] = function (params, api) {
    var points = [api.coord([api.value(0), api.value(1)]), api.coord([api.value(3), api.value(4)]),
      api.coord([api.value(3), api.value(5)]), api.coord([api.value(0), api.value(2)])];
    return { type: 'polygon', shape: { points: points }, style: { fill: api.visual('color') }, silent: true };
  };

  function resolve(node) {
    if (Array.isArray(node)) { node.forEach(resolve); return; }
    if (!node || typeof node !== 'object') { return; }
    Object.keys(node).forEach(function (key) {
      var value = node[key];
      if ((key === 'formatter' || key === 'renderItem') && typeof value === 'string' && named[value]) {
        node[key] = named[value];
      } else if (key !== 'data') { // data items carry text only: never turned into code
        resolve(value);
      }
    });
  }

  var specs = JSON.parse(document.getElementById('charts').textContent);
  var drawn = 0;
  specs.forEach(function (spec) {
    var element = document.getElementById(spec.__id);
    if (!element || typeof echarts === 'undefined') { return; }
    delete spec.__id;
    resolve(spec);
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(spec);
    // a data item that names a filter opens the attempts behind it in the explorer (when the page has one)
    // (or whose series names one: every point of an attack-map cluster opens that cluster)
    chart.on('click', function (params) {
      var series = spec.series && spec.series[params.seriesIndex];
      var filter = (params.data && params.data.filter) || (series && series.filter);
      if (filter) {
        document.dispatchEvent(new CustomEvent('redteam4j:filter', { detail: filter }));
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
    drawn++;
  });
  window.__chartsRendered = drawn; // the screenshot test checks this

  // A text filter above a table: shows the rows that contain every word typed, in any column.
  Array.prototype.forEach.call(document.querySelectorAll('input[data-table]'), function (input) {
    var table = document.getElementById(input.getAttribute('data-table'));
    var count = input.parentNode.parentNode.querySelector('[aria-live]');
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      if (count) { count.textContent = words.length ? shown + ' of ' + rows.length + ' rows' : rows.length + ' rows'; }
    }
    input.addEventListener('input', apply);
    apply();
  });
})();
