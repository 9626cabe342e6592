// The pipeline review's walk: J or the right arrow opens the next deal, K or the left arrow
// the previous one, N moves to the note. Keys typed into a field (a note, a value being
// changed in place) are left alone.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    var target = event.target;
    if (target && (target.isContentEditable || (target.closest && target.closest('input, textarea, select, .bw-inline-editing')))) {
      return;
    }
    var key = event.key;
    var link = null;
    if (key === 'j' || key === 'J' || key === 'ArrowRight') {
      link = document.getElementById('review-next');
    } else if (key === 'k' || key === 'K' || key === 'ArrowLeft') {
      link = document.getElementById('review-prev');
    } else if (key === 'n' || key === 'N') {
      var note = document.getElementById('note');
      if (note) { event.preventDefault(); note.focus(); }
      return;
    }
    if (link && !link.classList.contains('disabled')) {
      event.preventDefault();
      window.location.assign(link.getAttribute('href'));
    }
  });
})();
