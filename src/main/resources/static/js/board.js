// The pipeline board: move a deal to another stage by dragging its card, by its "Move to
// stage" menu, or with Shift+ArrowRight / Shift+ArrowLeft on a focused card. Moving to a lost
// stage asks for the loss reason first. The server answers every move with the board
// re-drawn (and a message: moved, or why not — e.g. someone else changed the deal).
(function () {
  'use strict';

  function boardElement() { return document.getElementById('board'); }

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { name: header.content, value: token.content } : null;
  }

  function isLostStage(stageId) {
    var lost = (boardElement().getAttribute('data-lost-stages') || '').split(',');
    return lost.indexOf(stageId) >= 0;
  }

  function askLossReason(card) {
    return new Promise(function (resolve) {
      var dialog = document.getElementById('loss-dialog');
      var reason = document.getElementById('loss-reason');
      var form = document.getElementById('loss-form');
      document.getElementById('loss-deal-name').textContent = card.getAttribute('data-name');
      var detail = document.getElementById('loss-reason-detail');
      reason.value = '';
      detail.value = '';
      reason.classList.remove('is-invalid');
      function finish(value) {
        form.removeEventListener('submit', onSubmit);
        document.getElementById('loss-cancel').removeEventListener('click', onCancel);
        dialog.removeEventListener('cancel', onCancel);
        if (dialog.open) { dialog.close(); }
        resolve(value);
      }
      function onSubmit(event) {
        event.preventDefault();
        if (!reason.value.trim()) { reason.classList.add('is-invalid'); reason.focus(); return; }
        finish({ reason: reason.value.trim(), detail: detail.value.trim() });
      }
      function onCancel(event) { event.preventDefault(); finish(null); }
      form.addEventListener('submit', onSubmit);
      document.getElementById('loss-cancel').addEventListener('click', onCancel);
      dialog.addEventListener('cancel', onCancel);
      dialog.showModal();
      reason.focus();
    });
  }

  function move(card, stageId) {
    if (!card || card.getAttribute('data-stage-id') === stageId) { return; }
    var reasoning = isLostStage(stageId) ? askLossReason(card) : Promise.resolve({ reason: '', detail: '' });
    reasoning.then(function (loss) {
      if (loss === null) { restoreSelect(card); return; }
      var board = boardElement();
      var body = new URLSearchParams();
      body.append('id', card.getAttribute('data-id'));
      body.append('stageId', stageId);
      body.append('version', card.getAttribute('data-version'));
      if (loss.reason) { body.append('lossReason', loss.reason); }
      if (loss.detail) { body.append('lossReasonDetail', loss.detail); }
      ['ownerId', 'team', 'period'].forEach(function (name) {
        var value = board.getAttribute('data-' + (name === 'ownerId' ? 'owner-id' : name));
        if (value) { body.append(name, value); }
      });
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' };
      var token = csrf();
      if (token) { headers[token.name] = token.value; }
      card.classList.add('bw-card-moving');
      fetch(board.getAttribute('data-move-url'), { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
        .then(function (response) {
          var redirect = response.headers.get('HX-Redirect');
          if (redirect) { window.location.href = redirect; return null; }
          return response.text();
        })
        .then(function (html) {
          if (html === null) { return; }
          var focusId = card.getAttribute('data-id');
          board.outerHTML = html;
          var fresh = boardElement();
          if (window.htmx) { window.htmx.process(fresh); }
          var moved = document.getElementById('card-' + focusId);
          if (moved) { moved.focus(); }
        })
        .catch(function () {
          card.classList.remove('bw-card-moving');
          restoreSelect(card);
          window.alert('The move could not be sent. Check your connection and try again.');
        });
    });
  }

  function restoreSelect(card) {
    var select = card.querySelector('.bw-card-move');
    if (select) { select.value = card.getAttribute('data-stage-id'); }
  }

  // Drag and drop
  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest && event.target.closest('.bw-card-movable');
    if (!card) { return; }
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.getAttribute('data-id'));
    card.classList.add('bw-card-dragging');
  });
  document.addEventListener('dragend', function (event) {
    var card = event.target.closest && event.target.closest('.bw-card');
    if (card) { card.classList.remove('bw-card-dragging'); }
    document.querySelectorAll('.bw-column-over').forEach(function (column) { column.classList.remove('bw-column-over'); });
  });
  document.addEventListener('dragover', function (event) {
    var column = event.target.closest && event.target.closest('.bw-column');
    if (!column) { return; }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    document.querySelectorAll('.bw-column-over').forEach(function (other) {
      if (other !== column) { other.classList.remove('bw-column-over'); }
    });
    column.classList.add('bw-column-over');
  });
  document.addEventListener('drop', function (event) {
    var column = event.target.closest && event.target.closest('.bw-column');
    if (!column) { return; }
    event.preventDefault();
    column.classList.remove('bw-column-over');
    var card = document.getElementById('card-' + event.dataTransfer.getData('text/plain'));
    move(card, column.getAttribute('data-stage-id'));
  });

  // The "Move to stage" menu on each card
  document.addEventListener('change', function (event) {
    if (!event.target.classList || !event.target.classList.contains('bw-card-move')) { return; }
    move(event.target.closest('.bw-card'), event.target.value);
  });

  // Keyboard: Shift+Arrow moves the focused card one stage; Enter opens it
  document.addEventListener('keydown', function (event) {
    var card = event.target.classList && event.target.classList.contains('bw-card') ? event.target : null;
    if (!card) { return; }
    if (event.key === 'Enter') {
      var link = card.querySelector('.bw-card-title');
      if (link) { window.location.href = link.href; }
      return;
    }
    if (!event.shiftKey || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) { return; }
    if (!card.classList.contains('bw-card-movable')) { return; }
    event.preventDefault();
    var columns = Array.prototype.slice.call(document.querySelectorAll('.bw-column'));
    var index = columns.indexOf(card.closest('.bw-column'));
    var target = columns[index + (event.key === 'ArrowRight' ? 1 : -1)];
    if (target) { move(card, target.getAttribute('data-stage-id')); }
  });
})();
