// The only script a content page carries, loaded blocking in <head> so remembered
// choices apply before the first paint: 长辈模式 (larger text and spacing, higher
// contrast), the folded phone menu, the folded sample-data explanation, and print
// buttons. Without JavaScript the menu stays open and the browser's zoom and print
// menu do the rest.
(function () {
  var KEY = 'hrb-large-text';
  var SAMPLE_KEY = 'hrb-sample-folded';
  var root = document.documentElement;
  var stored = function (key) {
    try {
      return localStorage.getItem(key) === '1';
    } catch (e) {
      return false; // storage disabled: every choice still works for this page
    }
  };
  var store = function (key, on) {
    try {
      localStorage.setItem(key, on ? '1' : '0');
    } catch (e) {
      /* not remembered, but applied */
    }
  };
  root.classList.add('js');
  if (stored(KEY)) root.classList.add('large-text');
  if (stored(SAMPLE_KEY)) root.classList.add('sample-folded');
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('large-text-toggle');
    if (button) {
      var sync = function () {
        button.setAttribute('aria-pressed', String(root.classList.contains('large-text')));
      };
      button.hidden = false;
      sync();
      button.addEventListener('click', function () {
        store(KEY, root.classList.toggle('large-text'));
        sync();
      });
    }
    var menu = document.getElementById('menu-toggle');
    var nav = document.getElementById('site-menu');
    if (menu && nav) {
      menu.hidden = false;
      menu.addEventListener('click', function () {
        var open = menu.getAttribute('aria-expanded') !== 'true';
        menu.setAttribute('aria-expanded', String(open));
        nav.classList.toggle('open', open);
      });
    }
    var fold = document.getElementById('sample-dismiss');
    if (fold) {
      fold.hidden = false;
      fold.addEventListener('click', function () {
        root.classList.add('sample-folded');
        store(SAMPLE_KEY, true);
      });
    }
    var prints = document.querySelectorAll('[data-print]');
    for (var i = 0; i < prints.length; i++) {
      prints[i].hidden = false;
      prints[i].addEventListener('click', function () {
        window.print();
      });
    }
  });
})();
