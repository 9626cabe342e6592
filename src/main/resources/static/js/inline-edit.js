// Inline edit: any element with data-inline-type (accounts, contacts, opportunities, leads,
// activities — or account, contact, opportunity, activity), data-inline-id,
// data-inline-field and data-inline-version can be changed in place. Click it or press
// Enter to edit, Enter to save, Escape to cancel. Optional data-inline-value holds the
// value as the API takes it (an id, an ISO date) when the text shown is a name or a
// formatted figure. Errors are shown in place; a change someone else made since the page
// was loaded is shown with the choice to keep theirs or overwrite it. In a table, the
// row may carry type, id and version for its cells, each cell naming only its
// data-inline-field. A multi-select is edited with a group of checkboxes, a date-time with a
// datetime-local input. No build step.
(function () {
  'use strict';

  var COLLECTIONS = { account: 'accounts', contact: 'contacts', opportunity: 'opportunities', activity: 'activities', lead: 'leads' };
  var SELECTOR = '[data-inline-field]';

  // the element holding the record's type, id and version: the cell itself or its row
  function holder(element) { return element.closest('[data-inline-id][data-inline-version]'); }
  function attr(element, name) { var h = holder(element); return h ? h.getAttribute(name) : null; }
  var fieldsByType = {};

  function collection(type) { return COLLECTIONS[type] || type; }

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.getAttribute('content')] = token.getAttribute('content'); }
    return headers;
  }

  function fields(type) {
    var name = collection(type);
    if (!fieldsByType[name]) {
      fieldsByType[name] = fetch('/edit/fields/' + name, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (!response.ok) { throw new Error('fields ' + response.status); }
          return response.json();
        });
    }
    return fieldsByType[name];
  }

  function prepare(root) {
    (root || document).querySelectorAll(SELECTOR).forEach(function (element) {
      if (element.hasAttribute('data-inline-ready') || !holder(element)) { return; }
      element.setAttribute('data-inline-ready', '');
      element.classList.add('bw-inline');
      if (!element.hasAttribute('tabindex')) { element.setAttribute('tabindex', '0'); }
      element.setAttribute('title', 'Click or press Enter to edit');
    });
  }

  function currentValue(element, field) {
    if (element.hasAttribute('data-inline-value')) { return element.getAttribute('data-inline-value'); }
    var text = element.textContent.trim();
    if (text === '—') { return ''; }
    if (field.input === 'SELECT') {
      var match = field.options.filter(function (o) { return o.label === text || o.value === text; })[0];
      return match ? match.value : '';
    }
    if (field.input === 'MONEY' || field.input === 'NUMBER') { return text.replace(/[^0-9.\-]/g, ''); }
    return text;
  }

  // a multi-select: a group of checkboxes (Tab between them, Space ticks, Enter saves,
  // Escape cancels); its value is the ticked options' values joined by commas
  function choicesFor(field, value) {
    var chosen = (value || '').split(',').map(function (v) { return v.trim(); }).filter(Boolean);
    var group = document.createElement('div');
    group.className = 'bw-inline-choices';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', field.label);
    var options = field.options.slice();
    chosen.forEach(function (v) {
      if (!options.some(function (o) { return o.value === v; })) { options.push({ value: v, label: v }); }
    });
    options.forEach(function (option, index) {
      var label = document.createElement('label');
      label.className = 'form-check form-check-inline small me-2';
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.className = 'form-check-input';
      box.value = option.value;
      box.checked = chosen.indexOf(option.value) >= 0;
      box.id = 'bw-inline-choice-' + index + '-' + Math.random().toString(36).slice(2, 8);
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + option.label));
      group.appendChild(label);
    });
    Object.defineProperty(group, 'value', {
      get: function () {
        return Array.prototype.filter.call(group.querySelectorAll('input[type=checkbox]'), function (box) { return box.checked; })
          .map(function (box) { return box.value; }).join(',');
      }
    });
    group.focus = function () {
      var first = group.querySelector('input[type=checkbox]');
      if (first) { first.focus(); }
    };
    return group;
  }

  function inputFor(field, value) {
    var input;
    if (field.input === 'MULTI_SELECT') {
      return choicesFor(field, value);
    }
    if (field.input === 'SELECT') {
      input = document.createElement('select');
      if (!field.required) { input.appendChild(new Option('—', '')); }
      field.options.forEach(function (option) { input.appendChild(new Option(option.label, option.value)); });
      if (value && !field.options.some(function (o) { return o.value === value; })) {
        input.appendChild(new Option(value, value));
      }
      input.className = 'form-select form-select-sm';
    } else if (field.input === 'TEXTAREA') {
      input = document.createElement('textarea');
      input.rows = 3;
      input.className = 'form-control form-control-sm';
    } else {
      input = document.createElement('input');
      input.type = field.input === 'DATE' ? 'date' : field.input === 'DATE_TIME' ? 'datetime-local' : 'text';
      if (field.input === 'MONEY' || field.input === 'NUMBER') { input.inputMode = 'decimal'; }
      input.className = 'form-control form-control-sm';
    }
    input.value = value || '';
    input.setAttribute('aria-label', field.label);
    return input;
  }

  function start(element) {
    if (element.classList.contains('bw-inline-editing')) { return; }
    if (!holder(element)) { return; }
    fields(attr(element, 'data-inline-type')).then(function (list) {
      var field = list.filter(function (f) { return f.name === element.getAttribute('data-inline-field'); })[0];
      if (!field) { return; }
      var original = element.innerHTML;
      var input = inputFor(field, currentValue(element, field));
      var message = document.createElement('div');
      message.className = 'bw-inline-message small';
      message.setAttribute('role', 'alert');
      element.classList.add('bw-inline-editing');
      element.innerHTML = '';
      element.appendChild(input);
      element.appendChild(message);
      input.focus();

      function finish(html) {
        element.classList.remove('bw-inline-editing');
        element.innerHTML = html;
        element.focus();
      }

      function save() {
        message.textContent = 'Saving…';
        message.className = 'bw-inline-message small text-muted';
        var url = '/edit/' + collection(attr(element, 'data-inline-type')) + '/' +
          attr(element, 'data-inline-id') + '/fields/' + field.name;
        fetch(url, {
          method: 'PATCH', credentials: 'same-origin', headers: csrfHeaders(),
          body: JSON.stringify({ value: input.value, version: Number(attr(element, 'data-inline-version')) })
        }).then(function (response) {
          return response.json().then(function (body) { return { status: response.status, body: body }; },
            function () { return { status: response.status, body: {} }; });
        }).then(function (answer) {
          if (answer.status === 200) {
            saved(element, answer.body);
            finish(escapeHtml(answer.body.display || '—'));
          } else if (answer.status === 409 && answer.body.current) {
            conflict(answer.body.current);
          } else {
            message.className = 'bw-inline-message small text-danger';
            message.textContent = answer.body.detail || 'Could not save (' + answer.status + ').';
          }
        }).catch(function () {
          message.className = 'bw-inline-message small text-danger';
          message.textContent = 'Could not reach the server; try again.';
        });
      }

      function conflict(current) {
        message.className = 'bw-inline-message small text-warning-emphasis';
        message.textContent = (current.changedBy || 'Someone') + ' changed this to “' + (current.display || '—') + '” — ';
        var keep = document.createElement('button');
        keep.type = 'button';
        keep.className = 'btn btn-link btn-sm p-0 align-baseline';
        keep.textContent = 'keep theirs';
        var overwrite = keep.cloneNode();
        overwrite.textContent = 'overwrite';
        message.appendChild(keep);
        message.appendChild(document.createTextNode(' / '));
        message.appendChild(overwrite);
        keep.addEventListener('click', function (event) {
          event.stopPropagation();
          saved(element, current);
          finish(escapeHtml(current.display || '—'));
        });
        overwrite.addEventListener('click', function (event) {
          event.stopPropagation();
          setVersion(element, current.version);
          save();
        });
      }

      input.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
          event.preventDefault();
          finish(original);
        } else if (event.key === 'Enter' && !(field.input === 'TEXTAREA' && event.shiftKey)) {
          event.preventDefault();
          save();
        }
        event.stopPropagation();
      });
      input.addEventListener('click', function (event) { event.stopPropagation(); });
      if (field.input === 'MULTI_SELECT') {
        // Enter on a box saves rather than toggling; the keydown above handles it
        message.id = 'bw-inline-message-' + Math.random().toString(36).slice(2, 8);
        input.setAttribute('aria-describedby', message.id);
      }
    }).catch(function () { /* the field list could not be read: leave the element as it is */ });
  }

  function setVersion(element, version) {
    // every editable element of the same record carries its version
    var type = collection(attr(element, 'data-inline-type'));
    var id = attr(element, 'data-inline-id');
    document.querySelectorAll('[data-inline-id][data-inline-version]').forEach(function (other) {
      if (other.getAttribute('data-inline-id') === id && collection(other.getAttribute('data-inline-type')) === type) {
        other.setAttribute('data-inline-version', String(version));
      }
    });
  }

  function saved(element, answer) {
    setVersion(element, answer.version);
    if (answer.value === null || answer.value === undefined) {
      element.setAttribute('data-inline-value', '');
    } else {
      element.setAttribute('data-inline-value', answer.value);
    }
  }

  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text;
    return div.innerHTML;
  }

  document.addEventListener('click', function (event) {
    var element = event.target.closest(SELECTOR);
    if (!element || !holder(element) || event.target.closest('a, button, input, select, textarea')) { return; }
    start(element);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches && event.target.matches(SELECTOR) && holder(event.target)) {
      event.preventDefault();
      start(event.target);
    }
  });
  document.addEventListener('DOMContentLoaded', function () { prepare(document); });
  document.addEventListener('htmx:afterSwap', function (event) { prepare(event.target); });
  window.bellwetherInlineEdit = { prepare: prepare, start: start };
})();
