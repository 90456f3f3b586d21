// Draws every chart of the report from the JSON specs inlined above (ECharts is inlined too).
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('charts').textContent);
  var drawn = 0;
  specs.forEach(function (spec) {
    var element = document.getElementById(spec.__id);
    if (!element || typeof echarts === 'undefined') { return; }
    delete spec.__id;
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(spec);
    // a data item that names a filter opens the attempts behind it in the explorer (when the page has one)
    chart.on('click', function (params) {
      if (params.data && params.data.filter) {
        document.dispatchEvent(new CustomEvent('redteam4j:filter', { detail: params.data.filter }));
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    window.addEventListener('beforeprint', function () { chart.resize(); });
    drawn++;
  });
  window.__chartsRendered = drawn; // the screenshot test checks this
})();
