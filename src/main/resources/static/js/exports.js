// The Export menu of the lists (templates/fragments/export.html): a list re-filtered in
// place (htmx, with the address pushed) exports what the address now says.
(function () {
  if (window.bwExports) {
    return;
  }
  window.bwExports = true;
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.bw-export-link') : null;
    if (!link || window.location.pathname !== link.dataset.list) {
      return;
    }
    var params = new URLSearchParams(window.location.search);
    params.delete('page');
    params.delete('cursor');
    params.delete('format');
    params.set('format', link.dataset.format);
    link.setAttribute('href', link.dataset.list + '/export?' + params.toString());
  });
})();
