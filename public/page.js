// A content page's one script, blocking in <head> so remembered choices (长辈模式, the folded
// sample note) apply before the first paint. Without it the menu stays open.
(function () {
  var root = document.documentElement;
  var get = function (key) {
    try {
      return localStorage.getItem(key) === '1';
    } catch (e) {
      return false; // storage disabled
    }
  };
  var set = function (key, on) {
    try {
      localStorage.setItem(key, on ? '1' : '0');
    } catch (e) {
      /* not remembered, but applied */
    }
  };
  var show = function (id, onClick) {
    var el = document.getElementById(id);
    if (el) {
      el.hidden = false;
      el.addEventListener('click', function () {
        onClick(el);
      });
    }
    return el;
  };
  root.classList.add('js');
  root.classList.toggle('large-text', get('hrb-large-text'));
  root.classList.toggle('sample-folded', get('hrb-sample-folded'));
  root.classList.toggle('has-query', /[?&]q=./.test(location.search));
  root.classList.toggle('wechat', /MicroMessenger/.test(navigator.userAgent)); // no print
  document.addEventListener('DOMContentLoaded', function () {
    var sync = function (el) {
      el.setAttribute('aria-pressed', String(root.classList.contains('large-text')));
    };
    var toggle = show('large-text-toggle', function (el) {
      set('hrb-large-text', root.classList.toggle('large-text'));
      sync(el);
    });
    if (toggle) sync(toggle);
    // 长辈模式's way back to the county roll last opened, kept on this device only.
    var here = document.querySelector('[data-my-region-href]');
    var mine = {};
    try {
      if (here) localStorage.setItem('hrb-my-region', JSON.stringify(here.dataset));
      mine = JSON.parse(localStorage.getItem('hrb-my-region')) || {};
    } catch (e) {
      /* not remembered */
    }
    var link = document.getElementById('my-region');
    // On a county's roll or the tiles (marked as the page) it says 地区.
    if (link && !link.hasAttribute('aria-current') && /^\/regions\/[\w-]+\/$/.test(mine.myRegionHref)) {
      link.href = mine.myRegionHref;
      var whose = document.createElement('span');
      var where = document.createElement('span');
      whose.textContent = link.dataset.mine;
      where.textContent = mine.myRegionShort;
      link.replaceChildren(whose, where);
      link.classList.add('two-line');
    }
    show('menu-toggle', function (el) {
      var open = el.getAttribute('aria-expanded') !== 'true';
      el.setAttribute('aria-expanded', String(open));
      document.getElementById('site-menu').classList.toggle('open', open);
    });
    show('sample-dismiss', function () {
      root.classList.add('sample-folded');
      set('hrb-sample-folded', true);
    });
    // 语音阅读: the reader loads on the first press. Voices may be listed late (voiceschanged).
    var note = document.getElementById('read-note');
    var read = show('read-aloud', function (el) {
      // No Chinese voice: the press opens the why and how (a disabled button looked dead).
      if (el.getAttribute('aria-disabled')) return ((note.open = true), note.querySelector('summary').focus());
      if (window.hrbReadAloud) return;
      var s = document.createElement('script');
      s.src = el.dataset.script;
      s.onload = function () {
        window.hrbReadAloud();
      };
      document.head.append(s);
    });
    var offer = function (settled) {
      var s = window.speechSynthesis;
      var voices = s ? s.getVoices() : [];
      var zh = voices.some(function (v) {
        return /^zh/i.test(v.lang);
      });
      if (read && (read.disabled || zh) && (zh || settled || !s || voices.length)) {
        read.disabled = false;
        read[zh ? 'removeAttribute' : 'setAttribute']('aria-disabled', 'true');
        note.hidden = zh;
        var how = note.querySelector('.read-note-how');
        if (how && (!s || root.classList.contains('wechat'))) how.textContent = how.dataset.inApp;
        read[zh ? 'removeAttribute' : 'setAttribute']('aria-describedby', 'read-note');
      }
    };
    offer();
    if (window.speechSynthesis) speechSynthesis.addEventListener('voiceschanged', offer);
    setTimeout(offer, 1500, true);
    // 分享: the card's script loads on the first press.
    document.querySelectorAll('[data-share]').forEach(function (el) {
      el.hidden = false;
      el.addEventListener('click', function () {
        if (window.hrbShare) return window.hrbShare(el);
        if (el.dataset.loading) return;
        el.dataset.loading = '1';
        var s = document.createElement('script');
        s.src = el.dataset.script;
        s.onload = function () {
          window.hrbShare(el);
        };
        s.onerror = function () {
          delete el.dataset.loading; // offline: the next press tries again
          s.remove();
        };
        document.head.append(s);
      });
    });
    document.querySelectorAll('[data-print]').forEach(function (el) {
      el.hidden = false;
      el.addEventListener('click', function () {
        window.print();
      });
    });
  });
})();
