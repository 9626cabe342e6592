// Analytics page: bar and line charts (<canvas data-chart="{type, labels, series, links}">) drawn
// with Chart.js; a click on a bar or point opens the deals behind it. The tables beside each chart
// hold the same figures, with the same links, for the keyboard and screen readers.
(function () {
  'use strict';

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    canvas.setAttribute('data-drawn', 'true');
    var scales = {};
    spec.series.forEach(function (s) {
      if (scales[s.axis]) { return; }
      scales[s.axis] = s.axis === 'percent'
        ? { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, ticks: { callback: function (v) { return v + '%'; } } }
        : { position: 'left', beginAtZero: true };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s) {
          // lines drawn over the bars
          return { label: s.label, data: s.data, type: s.type, yAxisID: s.axis, borderColor: s.color,
            backgroundColor: s.color, tension: 0.25, spanGaps: true, pointRadius: 3, order: s.type === 'line' ? 0 : 1 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        onClick: function (event, elements) {
          if (elements.length && spec.links[elements[0].index]) { window.location.href = spec.links[elements[0].index]; }
        },
        scales: scales,
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function init() {
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
  document.addEventListener('htmx:afterSettle', init);
}());
