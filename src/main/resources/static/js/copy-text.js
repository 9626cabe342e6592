// Copy buttons: a button with data-copy="#id" copies that field's text to the clipboard.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  var field = document.querySelector(button.getAttribute('data-copy'));
  if (!field) {
    return;
  }
  var done = function () {
    var label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done);
  }
  else {
    field.select();
    document.execCommand('copy');
    done();
  }
});
