// Case pages' keys (no build step): n takes the next case (list), a assigns the case to me, r goes to the reply box,
// Ctrl+Enter (or Cmd+Enter) in the reply box adds the comment. Keys typed into a field are left alone.
(function () {
  'use strict';
  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target && event.target.id === 'comment-body') {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var target = null;
    if (event.key === 'n') { target = document.getElementById('next-case'); }
    if (event.key === 'a') { target = document.getElementById('assign-to-me'); }
    if (event.key === 'r') {
      var reply = document.getElementById('comment-body');
      if (reply) { event.preventDefault(); reply.focus(); }
      return;
    }
    if (target) { event.preventDefault(); target.click(); }
  });
})();
