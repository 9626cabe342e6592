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

// Adjustments: the pencil beside a figure opens its row's form on that category, the
// amount focused (Enter saves); Escape closes the form and returns to the pencil.
(function () {
  'use strict';

  function init() {
    var grid = document.getElementById('forecast-grid');
    if (!grid) {
      return;
    }
    var opener = null;
    grid.addEventListener('click', function (event) {
      var button = event.target.closest('.bw-adjust-open');
      if (!button) {
        return;
      }
      var user = button.getAttribute('data-user');
      var form = document.getElementById('adjust-form-' + user);
      if (!form) {
        return;
      }
      opener = button;
      form.open = true;
      document.getElementById('adjust-category-' + user).value = button.getAttribute('data-category');
      document.getElementById('adjust-amount-' + user).focus();
    });
    grid.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') {
        return;
      }
      var form = event.target.closest('details.bw-adjust');
      if (!form || !form.open) {
        return;
      }
      form.open = false;
      (opener && opener.isConnected ? opener : form.querySelector('summary')).focus();
      event.preventDefault();
    });
    var refused = grid.querySelector('details.bw-adjust[open] [role=alert]');
    if (refused) {
      var row = refused.closest('tr');
      for (var at = row; at && at.hidden; at = document.getElementById(at.getAttribute('data-parent'))) {
        at.hidden = false;
      }
      refused.closest('form').querySelector('input[name=amount]').focus();
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
