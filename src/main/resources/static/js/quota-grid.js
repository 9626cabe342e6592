// The quota grid (templates/forecasting/quotas.html): arrow keys, Tab and Enter move
// between cells; a block pasted from a spreadsheet (rows by line, cells by tab) fills the
// cells from the one pasted into, rightwards and downwards; changed cells are marked.
(function () {
  'use strict';

  function cell(grid, row, col) {
    return grid.querySelector('input.bw-quota-input[data-row="' + row + '"][data-col="' + col + '"]');
  }

  function position(input) {
    return { row: Number(input.dataset.row), col: Number(input.dataset.col) };
  }

  function focusCell(grid, row, col) {
    var target = cell(grid, row, col);
    if (target) {
      target.focus();
      target.select();
      return true;
    }
    return false;
  }

  function markDirty(input) {
    input.classList.toggle('bw-dirty', input.value.trim() !== (input.dataset.original || ''));
  }

  function init() {
    var grid = document.getElementById('quota-grid');
    if (!grid) {
      return;
    }
    var columns = Number(grid.dataset.columns);
    var message = document.getElementById('paste-message');

    grid.addEventListener('input', function (event) {
      if (event.target.classList.contains('bw-quota-input')) {
        markDirty(event.target);
      }
    });

    grid.addEventListener('keydown', function (event) {
      var input = event.target;
      if (!input.classList || !input.classList.contains('bw-quota-input')) {
        return;
      }
      var at = position(input);
      var moved = false;
      switch (event.key) {
        case 'ArrowUp':
          moved = focusCell(grid, at.row - 1, at.col);
          break;
        case 'ArrowDown':
          moved = focusCell(grid, at.row + 1, at.col);
          break;
        case 'Enter':
          // Enter moves down, Shift+Enter up, like a spreadsheet (the form is saved with
          // its button)
          moved = focusCell(grid, at.row + (event.shiftKey ? -1 : 1), at.col) || true;
          break;
        case 'ArrowLeft':
          if (input.selectionStart === 0 && input.selectionEnd === 0) {
            moved = focusCell(grid, at.row, at.col - 1);
          }
          break;
        case 'ArrowRight':
          if (input.selectionStart === input.value.length) {
            moved = focusCell(grid, at.row, at.col + 1);
          }
          break;
        default:
          break;
      }
      if (moved) {
        event.preventDefault();
      }
    });

    grid.addEventListener('paste', function (event) {
      var input = event.target;
      if (!input.classList || !input.classList.contains('bw-quota-input')) {
        return;
      }
      var text = (event.clipboardData || window.clipboardData).getData('text');
      if (text.indexOf('\t') < 0 && text.replace(/\r?\n$/, '').indexOf('\n') < 0) {
        return; // one value: the browser pastes it
      }
      event.preventDefault();
      var lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
      var at = position(input);
      var skipped = 0;
      var filled = 0;
      lines.forEach(function (line, r) {
        line.split('\t').forEach(function (value, c) {
          var target = cell(grid, at.row + r, at.col + c);
          if (!target || target.readOnly || at.col + c >= columns) {
            skipped++;
            return;
          }
          target.value = value.trim();
          markDirty(target);
          filled++;
        });
      });
      message.textContent = 'Pasted ' + filled + (filled === 1 ? ' cell' : ' cells')
        + (skipped ? '; ' + skipped + ' outside the grid or not yours to set were left out' : '')
        + '. Save to keep them.';
      message.classList.remove('d-none');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
