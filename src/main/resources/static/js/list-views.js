// Saved views and the keyboard of the list pages (accounts, contacts, deals, activities).
// j/k or ↓/↑ move between rows, ←/→ between a row's cells, x selects the row, e edits the cell
// (it sends a cancelable "bw:inline-edit" event to the cell, then clicks it unless a handler
// cancelled the event), Enter opens the record, / focuses the search box, ? shows the shortcuts.
// Plain JavaScript, no build; the lists are re-drawn by htmx, so everything is delegated.
(function () {
  'use strict';
  if (window.bwListViews) {
    return;
  }
  window.bwListViews = true;

  var active = null;
  var activeCell = -1;

  function table() {
    return document.querySelector('table.bw-list');
  }

  function rows() {
    var t = table();
    return t ? Array.prototype.slice.call(t.tBodies[0] ? t.tBodies[0].rows : []) : [];
  }

  function typing(target) {
    if (!target || !target.tagName) {
      return false;
    }
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }

  function inList(target) {
    var t = table();
    return t && target && t.contains(target) && target.closest('tbody');
  }

  function focusRow(row, cellIndex) {
    if (!row) {
      return;
    }
    if (active && active !== row) {
      active.classList.remove('bw-row-active');
    }
    active = row;
    row.classList.add('bw-row-active');
    activeCell = (typeof cellIndex === 'number') ? cellIndex : -1;
    var target = row;
    if (activeCell >= 0 && row.cells[activeCell]) {
      target = row.cells[activeCell];
    }
    target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
    if (target.scrollIntoView) {
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  function move(step) {
    var all = rows();
    if (!all.length) {
      return;
    }
    var index = active ? all.indexOf(active) : -1;
    var next = index < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(index + step, 0), all.length - 1);
    focusRow(all[next], activeCell);
  }

  function moveCell(step) {
    if (!active) {
      move(1);
      return;
    }
    var count = active.cells.length;
    var next = activeCell < 0 ? (step > 0 ? 1 : count - 1) : Math.min(Math.max(activeCell + step, 0), count - 1);
    focusRow(active, next);
  }

  function editCell() {
    if (!active) {
      return;
    }
    var cell = activeCell >= 0 ? active.cells[activeCell] : null;
    if (!cell || !cell.hasAttribute('data-inline-field')) {
      cell = active.querySelector('[data-inline-field]');
    }
    if (!cell) {
      return;
    }
    cell.setAttribute('tabindex', '-1');
    cell.focus();
    var go = cell.dispatchEvent(new CustomEvent('bw:inline-edit', { bubbles: true, cancelable: true }));
    if (go) {
      cell.click();
    }
  }

  function showShortcuts(opener) {
    var dialog = document.getElementById('shortcuts-dialog');
    if (!dialog || dialog.open) {
      return;
    }
    dialog.bwOpener = opener || document.activeElement;
    if (dialog.showModal) {
      dialog.showModal();
    }
    else {
      dialog.setAttribute('open', '');
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || !table()) {
      return;
    }
    var dialog = document.getElementById('shortcuts-dialog');
    if (dialog && dialog.open) {
      return;
    }
    var target = event.target;
    if (typing(target)) {
      return;
    }
    var key = event.key;
    var focusedInList = inList(target);
    if (key === '?') {
      event.preventDefault();
      showShortcuts(target);
    }
    else if (key === '/') {
      var search = document.getElementById('q');
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    }
    else if (key === 'j' || (key === 'ArrowDown' && focusedInList)) {
      event.preventDefault();
      move(1);
    }
    else if (key === 'k' || (key === 'ArrowUp' && focusedInList)) {
      event.preventDefault();
      move(-1);
    }
    else if ((key === 'ArrowRight' || key === 'ArrowLeft') && focusedInList && active) {
      event.preventDefault();
      moveCell(key === 'ArrowRight' ? 1 : -1);
    }
    else if (key === 'x' && active) {
      var box = active.querySelector('input.bw-row-select');
      if (box) {
        event.preventDefault();
        box.click();
      }
    }
    else if (key === 'e' && active) {
      event.preventDefault();
      editCell();
    }
    else if (key === 'Enter' && active && focusedInList && target.tagName.toLowerCase() !== 'a'
        && target.tagName.toLowerCase() !== 'button') {
      var href = active.getAttribute('data-href');
      if (href) {
        event.preventDefault();
        window.location.assign(href);
      }
    }
  });

  // a click in a row makes it the active one (so that the keys continue from there)
  document.addEventListener('click', function (event) {
    var row = event.target.closest && event.target.closest('table.bw-list tbody tr');
    if (row) {
      if (active && active !== row) {
        active.classList.remove('bw-row-active');
      }
      active = row;
      row.classList.add('bw-row-active');
      var cell = event.target.closest('td');
      activeCell = cell ? cell.cellIndex : -1;
    }
    if (event.target.closest && event.target.closest('#show-shortcuts')) {
      showShortcuts(event.target.closest('#show-shortcuts'));
    }
    var up = event.target.closest && event.target.closest('.bw-col-up, .bw-col-down');
    if (up) {
      var item = up.closest('li');
      var list = item.parentNode;
      if (up.classList.contains('bw-col-up') && item.previousElementSibling) {
        list.insertBefore(item, item.previousElementSibling);
      }
      else if (up.classList.contains('bw-col-down') && item.nextElementSibling) {
        list.insertBefore(item.nextElementSibling, item);
      }
      up.focus();
    }
  });

  document.addEventListener('change', function (event) {
    var target = event.target;
    if (target.matches && target.matches('input.bw-select-all')) {
      rows().forEach(function (row) {
        var box = row.querySelector('input.bw-row-select');
        if (box && box.checked !== target.checked) {
          box.checked = target.checked;
          box.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
    }
  });

  // the list may have been re-filtered by htmx since the page was drawn: forms that save
  // or re-draw the list take the address as it is now (its view and what it overrides)
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!window.location.search || window.location.search === '?') {
      // the page as drawn (perhaps the person's default view): what the server wrote is right
      return;
    }
    var query = form.querySelector && form.querySelector('input[data-bw-current-query]');
    if (query) {
      query.value = window.location.search.replace(/^\?/, '');
    }
    if (form.id === 'column-form') {
      Array.prototype.slice.call(form.querySelectorAll('input[data-bw-carried]')).forEach(function (input) {
        input.remove();
      });
      new URLSearchParams(window.location.search).forEach(function (value, name) {
        if (name === 'col' || name === 'cols' || name === 'size' || name === 'page' || name.indexOf('w.') === 0) {
          return;
        }
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        input.setAttribute('data-bw-carried', '');
        form.appendChild(input);
      });
    }
  }, true);

  document.addEventListener('close', function (event) {
    // the close event comes after the dialog has closed (a task later): give the focus
    // back to what opened it only if nothing took it meanwhile (a key pressed at once,
    // e.g. / to search, wins)
    var now = document.activeElement;
    var untaken = !now || now === document.body || event.target.contains(now);
    if (event.target.id === 'shortcuts-dialog' && untaken && event.target.bwOpener && event.target.bwOpener.focus) {
      event.target.bwOpener.focus();
    }
  }, true);

  // htmx re-drew the list: the old active row is gone
  document.addEventListener('htmx:afterSwap', function () {
    if (active && !document.body.contains(active)) {
      active = null;
      activeCell = -1;
    }
  });
})();
