// The "log activity" form: show only the fields of the chosen kind (all show without
// JavaScript; the server takes only the chosen kind's fields either way).
(function () {
  'use strict';
  function init() {
    var form = document.getElementById('activity-form');
    if (!form) { return; }
    function show() {
      var checked = form.querySelector('input[name="kind"]:checked');
      var kind = checked ? checked.value : form.dataset.kind;
      form.querySelectorAll('[data-kinds]').forEach(function (element) {
        element.hidden = element.dataset.kinds.split(' ').indexOf(kind) < 0;
      });
    }
    form.addEventListener('change', function (event) {
      if (event.target.name === 'kind') { show(); }
    });
    show();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
