// Rollout waves: each wave's funnel (<canvas data-funnel="[invited, signed in, ...]">) as a
// Chart.js bar chart.
(function () {
  'use strict';

  var STEPS = ['Invited', 'Signed in', 'First record', 'Active in week 2', 'Healthy'];

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    canvas.setAttribute('data-drawn', 'true');
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: STEPS, datasets: [{ label: 'Members', data: JSON.parse(canvas.getAttribute('data-funnel')), backgroundColor: '#0d6efd' }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } }
      }
    });
  }

  function init() {
    document.querySelectorAll('canvas[data-funnel]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
  document.addEventListener('htmx:afterSettle', init);
}());
