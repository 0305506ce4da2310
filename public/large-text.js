// 长辈模式 (large-text mode): larger text and spacing, higher contrast, remembered
// across pages. Loaded blocking in <head> so a remembered choice applies before
// the first paint; the only script a content page carries.
(function () {
  var KEY = 'hrb-large-text';
  var root = document.documentElement;
  try {
    if (localStorage.getItem(KEY) === '1') root.classList.add('large-text');
  } catch (e) {
    /* storage disabled: the mode still works for this page */
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('large-text-toggle');
    if (!button) return;
    var sync = function () {
      button.setAttribute('aria-pressed', String(root.classList.contains('large-text')));
    };
    button.hidden = false;
    sync();
    button.addEventListener('click', function () {
      root.classList.toggle('large-text');
      try {
        localStorage.setItem(KEY, root.classList.contains('large-text') ? '1' : '0');
      } catch (e) {
        /* not remembered, but applied */
      }
      sync();
    });
  });
})();
