// The one script of a content page, blocking in <head> so remembered choices apply
// before the first paint: 长辈模式, the folding phone menu, the folded sample note and
// print buttons. Without JavaScript the menu stays open; zoom and print still work.
(function () {
  var root = document.documentElement;
  var get = function (key) {
    try {
      return localStorage.getItem(key) === '1';
    } catch (e) {
      return false; // storage disabled: choices still apply to this page
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
  document.addEventListener('DOMContentLoaded', function () {
    var sync = function (el) {
      el.setAttribute('aria-pressed', String(root.classList.contains('large-text')));
    };
    var toggle = show('large-text-toggle', function (el) {
      set('hrb-large-text', root.classList.toggle('large-text'));
      sync(el);
    });
    if (toggle) sync(toggle);
    show('menu-toggle', function (el) {
      var open = el.getAttribute('aria-expanded') !== 'true';
      el.setAttribute('aria-expanded', String(open));
      document.getElementById('site-menu').classList.toggle('open', open);
    });
    show('sample-dismiss', function () {
      root.classList.add('sample-folded');
      set('hrb-sample-folded', true);
    });
    // 语音阅读: where the browser can speak Chinese the button reads (the reader loads on the first
    // press); elsewhere it stays disabled, and the note beside it says so and how to get a voice.
    // Phones often list their voices a moment after the page loads (voiceschanged): until then, or
    // for at most VOICE_WAIT ms, the button waits disabled without a note.
    var read = document.getElementById('read-aloud');
    if (read) {
      var note = document.getElementById('read-note');
      var VOICE_WAIT = 1500;
      var offered = false;
      var zhVoice = function () {
        // Read anew each time: the object can be replaced (a test's stand-in voice).
        var speech = window.speechSynthesis;
        return (
          !!speech &&
          speech.getVoices().some(function (v) {
            return /^zh([-_](CN|Hans))?/i.test(v.lang);
          })
        );
      };
      var noVoice = function () {
        if (offered) return;
        note.hidden = false;
        read.setAttribute('aria-describedby', 'read-note');
      };
      var offer = function () {
        if (offered || !zhVoice()) return;
        offered = true;
        read.disabled = false;
        note.hidden = true;
        read.removeAttribute('aria-describedby');
        read.addEventListener('click', function () {
          if (window.hrbReadAloud) return;
          var s = document.createElement('script');
          s.src = read.dataset.script;
          s.onload = function () {
            window.hrbReadAloud();
          };
          document.head.append(s);
        });
      };
      read.hidden = false;
      var speech = window.speechSynthesis;
      if (!speech || typeof window.SpeechSynthesisUtterance !== 'function') noVoice();
      else {
        offer();
        speech.addEventListener('voiceschanged', function () {
          offer();
          if (!offered && speech.getVoices().length) noVoice();
        });
        if (!offered && speech.getVoices().length) noVoice();
        else setTimeout(noVoice, VOICE_WAIT);
      }
    }
    document.querySelectorAll('[data-print]').forEach(function (el) {
      el.hidden = false;
      el.addEventListener('click', function () {
        window.print();
      });
    });
  });
})();
