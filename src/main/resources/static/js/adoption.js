// Adoption pages: the weekly trend (<canvas data-trend="{...}">, shares in per cent) drawn with
// Chart.js, a click on a week opening the people behind it; metric help popovers.
(function () {
  'use strict';

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    var spec = JSON.parse(canvas.getAttribute('data-trend'));
    canvas.setAttribute('data-drawn', 'true');
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (line) {
          return { label: line.label, data: line.data, borderColor: line.color, backgroundColor: line.color,
            tension: 0.25, spanGaps: true, pointRadius: 2 };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        onClick: function (event, elements) {
          if (elements.length && spec.links[elements[0].index]) { window.location.href = spec.links[elements[0].index]; }
        },
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + (item.raw == null ? '—' : item.raw + '%'); } } }
        }
      }
    });
  }

  function popovers() {
    if (!window.bootstrap || !window.bootstrap.Popover) { return; }
    document.querySelectorAll('[data-bs-toggle="popover"]').forEach(function (el) {
      window.bootstrap.Popover.getOrCreateInstance(el);
    });
  }

  function init() {
    document.querySelectorAll('canvas[data-trend]').forEach(draw);
    popovers();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
  document.addEventListener('htmx:afterSettle', init);
}());
