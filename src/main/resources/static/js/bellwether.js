// Bellwether page behaviour: CSRF for htmx, record pickers, keyboard shortcuts. No build step.
(function () {
  'use strict';

  // Send the CSRF token with every htmx request that changes something.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // "/" focuses the global search box unless the user is typing somewhere.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
    if (event.key === '/' && !typing) {
      var search = document.getElementById('global-search');
      if (search) {
        event.preventDefault();
        search.focus();
      }
    }
  });

  // Record pickers: a search box that fills a hidden id field from a lookup URL returning
  // [{id, label}], usable with the keyboard (arrows, Enter, Escape).
  function initPicker(picker) {
    var input = picker.querySelector('input[type="search"]');
    var hidden = picker.querySelector('input[type="hidden"]');
    var list = picker.querySelector('.bw-picker-results');
    var timer = null;
    var active = -1;

    function close() { list.innerHTML = ''; list.hidden = true; active = -1; }
    // Tell listeners (e.g. an htmx filter form) that the chosen record changed.
    function changed() { hidden.dispatchEvent(new Event('change', { bubbles: true })); }
    function choose(item) {
      hidden.value = item.dataset.id;
      input.value = item.dataset.label;
      close();
      changed();
    }
    function highlight(index) {
      var items = list.querySelectorAll('button');
      items.forEach(function (b, i) { b.classList.toggle('active', i === index); });
      active = index;
      if (items[index]) { items[index].scrollIntoView({ block: 'nearest' }); }
    }
    input.addEventListener('input', function () {
      hidden.value = '';
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        fetch(picker.dataset.lookup + '?q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (items) {
            list.innerHTML = '';
            items.forEach(function (found) {
              var button = document.createElement('button');
              button.type = 'button';
              button.className = 'list-group-item list-group-item-action';
              button.dataset.id = found.id;
              button.dataset.label = found.label;
              button.textContent = found.label;
              button.addEventListener('click', function () { choose(button); });
              list.appendChild(button);
            });
            if (!items.length) {
              var none = document.createElement('div');
              none.className = 'list-group-item text-muted';
              none.textContent = 'No match';
              list.appendChild(none);
            }
            list.hidden = false;
            active = -1;
          });
      }, 200);
    });
    input.addEventListener('keydown', function (event) {
      var items = list.querySelectorAll('button');
      if (event.key === 'ArrowDown' && items.length) { event.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (event.key === 'ArrowUp' && items.length) { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (event.key === 'Enter' && active >= 0 && items[active]) { event.preventDefault(); choose(items[active]); }
      else if (event.key === 'Escape') { close(); }
    });
    input.addEventListener('change', function () {
      if (!input.value.trim() && hidden.value) { hidden.value = ''; changed(); }
    });
    document.addEventListener('click', function (event) {
      if (!picker.contains(event.target)) { close(); }
    });
  }

  // Result lists (.bw-keyboard-list, e.g. search results): ArrowDown/ArrowUp move focus
  // from link to link across all such lists on the page; ArrowDown in the global search
  // box jumps to the first result.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') { return; }
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    var links = Array.prototype.slice.call(document.querySelectorAll('.bw-keyboard-list a[href]'));
    if (!links.length) { return; }
    var target = event.target;
    var index = links.indexOf(target);
    if (index < 0) {
      if (target && target.id === 'global-search' && event.key === 'ArrowDown') {
        event.preventDefault();
        links[0].focus();
      }
      return;
    }
    event.preventDefault();
    var next = event.key === 'ArrowDown' ? Math.min(index + 1, links.length - 1) : index - 1;
    if (next < 0) {
      var search = document.getElementById('global-search');
      if (search) { search.focus(); }
      return;
    }
    links[next].focus();
  });

  // The global search box's suggestions close with Escape or a click elsewhere.
  function closeSuggestions() {
    var suggestions = document.getElementById('global-search-suggestions');
    if (suggestions) { suggestions.innerHTML = ''; }
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && event.target.closest && event.target.closest('.bw-search')) {
      closeSuggestions();
      var search = document.getElementById('global-search');
      if (search) { search.focus(); }
    }
  });
  document.addEventListener('click', function (event) {
    if (!(event.target.closest && event.target.closest('.bw-search'))) { closeSuggestions(); }
  });

  // Buttons that ask before doing something destructive: data-confirm="Question?"
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // Read-only fields meant to be copied (a new API token): select all on focus.
  document.addEventListener('focusin', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-select-on-focus')) {
      event.target.select();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.bw-picker').forEach(initPicker);
  });
})();
