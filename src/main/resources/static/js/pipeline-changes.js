// What changed in the pipeline: the waterfall (<canvas data-waterfall="{labels, bars: [[low, high]], kinds, links}">)
// drawn with Chart.js as floating bars; a click on a bar opens that bucket's deals.
(function () {
  'use strict';

  var COLOURS = { total: '#6c757d', up: '#198754', down: '#dc3545' };

  function draw(canvas) {
    if (canvas.getAttribute('data-drawn') || !window.Chart) { return; }
    var spec = JSON.parse(canvas.getAttribute('data-waterfall'));
    canvas.setAttribute('data-drawn', 'true');
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: [{
          label: 'Pipeline',
          data: spec.bars.map(function (bar) { return [Number(bar[0]), Number(bar[1])]; }),
          backgroundColor: spec.kinds.map(function (kind) { return COLOURS[kind]; })
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        onClick: function (event, elements) {
          if (!elements.length) { return; }
          var target = spec.links[elements[0].index];
          var bucket = target && document.querySelector(target);
          if (bucket) { bucket.open = true; bucket.scrollIntoView(); }
        },
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (item) {
                var bar = item.raw;
                var change = bar[1] - bar[0];
                return spec.kinds[item.dataIndex] === 'total' ? bar[1].toLocaleString()
                  : (change >= 0 ? '+' : '−') + Math.abs(change).toLocaleString();
              }
            }
          }
        }
      }
    });
  }

  function init() { document.querySelectorAll('canvas[data-waterfall]').forEach(draw); }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
