// Home page charts: each <canvas data-chart="{...}"> is drawn with Chart.js; clicking a bar or
// a slice opens the list of the deals (or leads, or campaign) behind it (links[dataset][index]).
(function () {
  'use strict';

  // a chart without a currency shows counts (the marketing funnel)
  function money(currency, value) {
    var number = Number(value).toLocaleString(undefined, { maximumFractionDigits: 0 });
    return currency ? currency + ' ' + number : number;
  }

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    canvas.setAttribute('data-drawn', 'true');
    var doughnut = spec.type === 'doughnut';
    var datasets = spec.datasets.map(function (dataset) {
      var colours = dataset.color.split(',');
      return {
        label: dataset.label,
        data: dataset.data.map(Number),
        backgroundColor: doughnut ? colours : colours[0]
      };
    });
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      onClick: function (event, elements) {
        if (!elements.length) { return; }
        var element = elements[0];
        var links = spec.links[doughnut ? 0 : element.datasetIndex] || [];
        if (links[element.index]) { window.location.href = links[element.index]; }
      },
      onHover: function (event, elements) {
        event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: doughnut || spec.datasets.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + money(spec.currency, item.raw); } } }
      }
    };
    if (!doughnut) {
      options.scales = {
        x: { stacked: spec.stacked },
        y: { stacked: spec.stacked, ticks: { callback: function (value) { return money(spec.currency, value); } } }
      };
    }
    new window.Chart(canvas, { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options });
  }

  function drawAll() { document.querySelectorAll('canvas[data-chart]').forEach(draw); }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', drawAll); } else { drawAll(); }
  window.addEventListener('load', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
})();
