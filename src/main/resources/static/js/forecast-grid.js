// The forecast grid (templates/forecasting/forecast.html): a team's toggle shows or hides
// its members; hiding a team hides everyone below it.
(function () {
  'use strict';

  function children(grid, key) {
    return grid.querySelectorAll('tr[data-parent="' + key + '"]');
  }

  function collapse(grid, key) {
    children(grid, key).forEach(function (row) {
      row.hidden = true;
      var toggle = row.querySelector('.bw-toggle');
      if (toggle) {
        setExpanded(toggle, false);
        collapse(grid, row.id);
      }
    });
  }

  function setExpanded(toggle, expanded) {
    toggle.setAttribute('aria-expanded', String(expanded));
    var icon = toggle.querySelector('i');
    icon.classList.toggle('bi-caret-down-fill', expanded);
    icon.classList.toggle('bi-caret-right-fill', !expanded);
  }

  function init() {
    var grid = document.getElementById('forecast-grid');
    if (!grid) {
      return;
    }
    grid.addEventListener('click', function (event) {
      var toggle = event.target.closest('.bw-toggle');
      if (!toggle) {
        return;
      }
      var key = toggle.getAttribute('aria-controls');
      var expand = toggle.getAttribute('aria-expanded') !== 'true';
      if (expand) {
        children(grid, key).forEach(function (row) { row.hidden = false; });
      }
      else {
        collapse(grid, key);
      }
      setExpanded(toggle, expand);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
