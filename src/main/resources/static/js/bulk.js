// The bulk bar of a list (templates/fragments/bulk.html): row checkboxes name="ids"
// form="bulk-form", a checkbox data-bulk-select-page selects the page's rows. The field
// list and its choices come from /edit/fields/{type}. "All N matching" sends the list's
// filters (its address) as filter.* parameters. A value that asks for a reason (a lost
// stage) shows the reason's choices. No build step.
(function () {
  'use strict';

  function init() {
    var form = document.getElementById('bulk-form');
    if (!form || form.hasAttribute('data-bulk-ready')) { return; }
    form.setAttribute('data-bulk-ready', '');
    var type = form.getAttribute('data-bulk-type');
    var action = form.querySelector('#bulk-action');
    var field = form.querySelector('#bulk-field');
    var valueHolder = form.querySelector('#bulk-value');
    var subject = form.querySelector('#bulk-subject');
    var due = form.querySelector('#bulk-due');
    var all = form.querySelector('#bulk-all');
    var selected = form.querySelector('#bulk-selected');
    var campaign = form.querySelector('#bulk-campaign');
    var bulkAction = form.getAttribute('action');
    var campaignsLoaded = false;
    var fields = [];

    function boxes() { return document.querySelectorAll('input[name="ids"][form="bulk-form"]'); }

    function refresh() {
      var count = Array.prototype.filter.call(boxes(), function (box) { return box.checked; }).length;
      var total = form.getAttribute('data-bulk-total');
      selected.textContent = all.checked ? 'All ' + total + ' selected' : count + ' selected';
      form.classList.toggle('d-none', count === 0 && !all.checked);
      var change = action.value === 'CHANGE';
      var work = action.value === 'LOG_ACTIVITY' || action.value === 'CREATE_TASK';
      field.classList.toggle('d-none', !change);
      valueHolder.classList.toggle('d-none', !change);
      subject.classList.toggle('d-none', !work);
      due.classList.toggle('d-none', action.value !== 'CREATE_TASK');
      if (campaign) {
        campaign.classList.toggle('d-none', action.value !== 'ADD_TO_CAMPAIGN');
        if (action.value === 'ADD_TO_CAMPAIGN') { loadCampaigns(); }
      }
    }

    // the campaigns one may add members to (planned and active), asked once
    function loadCampaigns() {
      if (campaignsLoaded) { return; }
      campaignsLoaded = true;
      fetch('/campaigns/pickable', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (campaigns) {
          campaign.innerHTML = '';
          if (!campaigns.length) {
            var none = new Option('No planned or active campaign you may change', '');
            none.disabled = true;
            campaign.appendChild(none);
            return;
          }
          campaigns.forEach(function (c) { campaign.appendChild(new Option(c.name + ' (' + c.status + ')', c.id)); });
        });
    }

    function valueInput() {
      var spec = fields.filter(function (f) { return f.name === field.value; })[0];
      valueHolder.innerHTML = '';
      if (!spec) { return; }
      var input;
      if (spec.input === 'MULTI_SELECT') {
        // the chosen options joined by commas, as inline edit sends them
        var hiddenValue = document.createElement('input');
        hiddenValue.type = 'hidden';
        hiddenValue.name = 'value';
        var choices = document.createElement('select');
        choices.multiple = true;
        choices.size = Math.min(spec.options.length, 4) || 1;
        choices.className = 'form-select form-select-sm w-auto d-inline-block align-middle';
        spec.options.forEach(function (o) { choices.appendChild(new Option(o.label, o.value)); });
        choices.addEventListener('change', function () {
          hiddenValue.value = Array.prototype.map.call(choices.selectedOptions, function (o) { return o.value; }).join(',');
        });
        choices.id = 'bulk-new-value';
        choices.setAttribute('aria-label', 'New ' + spec.label.toLowerCase());
        valueHolder.appendChild(choices);
        valueHolder.appendChild(hiddenValue);
        return;
      }
      if (spec.input === 'SELECT') {
        input = document.createElement('select');
        input.className = 'form-select form-select-sm w-auto d-inline-block';
        if (!spec.required) { input.appendChild(new Option('— (empty)', '')); }
        spec.options.forEach(function (o) { input.appendChild(new Option(o.label, o.value)); });
      } else {
        input = document.createElement('input');
        input.type = spec.input === 'DATE' ? 'date' : spec.input === 'DATE_TIME' ? 'datetime-local' : 'text';
        if (spec.input === 'MONEY' || spec.input === 'NUMBER') { input.inputMode = 'decimal'; }
        input.className = 'form-control form-control-sm w-auto d-inline-block';
        input.placeholder = 'New value';
      }
      input.name = 'value';
      input.id = 'bulk-new-value';
      input.setAttribute('aria-label', 'New ' + spec.label.toLowerCase());
      valueHolder.appendChild(input);
      if (spec.reason) { reasonInput(spec.reason, input); }
    }

    // Some values ask for a reason with them (deals moved to a lost stage: the loss
    // reason, which every deal moved takes): a choice shown, and sent, only for those.
    function reasonInput(reason, valueInput) {
      var select = document.createElement('select');
      select.name = 'reason';
      select.id = 'bulk-reason';
      select.className = 'form-select form-select-sm w-auto d-inline-block ms-2';
      select.setAttribute('aria-label', reason.label);
      select.appendChild(new Option('Choose the ' + reason.label.toLowerCase() + '…', ''));
      reason.options.forEach(function (o) { select.appendChild(new Option(o.label, o.value)); });
      valueHolder.appendChild(select);
      function show() {
        var asked = reason.values.indexOf(valueInput.value) >= 0;
        select.classList.toggle('d-none', !asked);
        select.disabled = !asked;
        select.required = asked;
      }
      valueInput.addEventListener('change', show);
      show();
    }

    fetch('/edit/fields/' + type, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) {
        fields = list;
        list.forEach(function (f) { field.appendChild(new Option(f.label, f.name)); });
        valueInput();
      });

    field.addEventListener('change', valueInput);
    action.addEventListener('change', refresh);
    all.addEventListener('change', refresh);
    document.addEventListener('change', function (event) {
      var target = event.target;
      if (target.matches('input[data-bulk-select-page]')) {
        boxes().forEach(function (box) { box.checked = target.checked; });
      }
      if (target.matches('input[name="ids"][form="bulk-form"], input[data-bulk-select-page]')) { refresh(); }
    });
    form.addEventListener('submit', function (event) {
      // the form has a field named "action": the attribute, not form.action
      form.setAttribute('action', action.value === 'ADD_TO_CAMPAIGN'
        ? '/campaigns/members/from-list/' + type : bulkAction);
      form.querySelectorAll('input[data-bulk-filter]').forEach(function (input) { input.remove(); });
      if (all.checked) {
        var sent = {};
        var carry = function (name, value) {
          var hidden = document.createElement('input');
          hidden.type = 'hidden';
          hidden.name = 'filter.' + name;
          hidden.value = value;
          hidden.setAttribute('data-bulk-filter', '');
          form.appendChild(hidden);
        };
        // the view the list shows (also a default opened on the bare list, which the
        // address does not name): the server applies its filters under the address's own
        var view = form.getAttribute('data-bulk-view');
        if (view) { carry('view', view); }
        new URLSearchParams(window.location.search).forEach(function (value, name) {
          if (sent[name] || ['page', 'size', 'sort', 'cursor', 'exactTotal', 'cols', 'col', 'view'].indexOf(name) >= 0) { return; }
          sent[name] = true; // the first value counts, as on the list
          carry(name, value);
        });
      }
      if (action.value === 'RECYCLE' && !window.confirm('Move the selected records to the recycle bin? You can undo this.')) {
        event.preventDefault();
      }
    });
    refresh();
  }

  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSwap', init);
})();
