// 语音阅读: reads the page's marked blocks aloud in zh-CN through the browser's own
// speech synthesis, one block at a time, highlighted and kept in view; a block's parts
// (data-read-part) as sentences, a "·" as a pause. Loaded by /page.js on the first press
// of 朗读; the button's words come from the page (data-label-*).
(function () {
  var synth = window.speechSynthesis;
  var reading = null; // { blocks, index, paused }
  var button = document.getElementById('read-aloud');
  var stopButton = document.getElementById('read-stop');
  if (!synth || !button) return;
  var labelText = button.querySelector('.read-label') || button;

  // Mandarin (zh-CN) first, another Chinese voice only when there is none.
  function chineseVoice() {
    var zh = synth.getVoices().filter(function (v) {
      return /^zh/i.test(v.lang);
    });
    return (
      zh.filter(function (v) {
        return /^zh[-_](CN|Hans)/i.test(v.lang);
      })[0] || zh[0]
    );
  }

  function textOf(el) {
    return el.textContent
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\s*·\s*/g, '，');
  }

  // What is said for a block: its parts as sentences, or its text.
  function speechOf(block) {
    var parts = block.querySelectorAll('[data-read-part]');
    if (!parts.length) return textOf(block);
    return Array.prototype.map
      .call(parts, textOf)
      .filter(function (s) {
        return s !== '';
      })
      .join('。');
  }

  // The name, the honours and the story: elements marked data-read, and the children of data-read-children.
  function blocks() {
    return Array.prototype.filter.call(
      document.querySelectorAll('[data-read], [data-read-children] > *'),
      function (el) {
        return !el.hasAttribute('data-read-children') && el.textContent.trim() !== '';
      },
    );
  }

  // The button's state picks its drawn symbol (CSS): ▶ to read or resume, ⏸ while reading.
  function label() {
    var state = reading ? (reading.paused ? 'paused' : 'reading') : 'idle';
    button.dataset.state = state;
    labelText.textContent =
      button.dataset[state === 'idle' ? 'labelRead' : state === 'paused' ? 'labelResume' : 'labelPause'];
    button.setAttribute('aria-pressed', String(!!reading && !reading.paused));
    stopButton.hidden = !reading;
    document.documentElement.classList.toggle('reading-aloud', !!reading);
  }

  function unmark() {
    var marked = document.querySelectorAll('.reading');
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove('reading');
  }

  function speak(index) {
    if (!reading) return;
    unmark();
    var block = reading.blocks[index];
    if (!block) return stop();
    reading.index = index;
    block.classList.add('reading');
    var still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    block.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    var utterance = new SpeechSynthesisUtterance(speechOf(block));
    utterance.lang = 'zh-CN';
    var voice = chineseVoice();
    if (voice) utterance.voice = voice;
    utterance.rate = document.documentElement.classList.contains('large-text') ? 0.85 : 1;
    var mine = reading;
    utterance.onend = function () {
      // A stop or a new start ends this reading: its last utterance must not start the next block.
      if (reading === mine) speak(index + 1);
    };
    synth.speak(utterance);
  }

  function stop() {
    reading = null;
    synth.cancel();
    unmark();
    label();
  }

  function toggle() {
    if (!reading) {
      synth.cancel();
      reading = { blocks: blocks(), index: 0, paused: false };
      speak(0);
    } else if (reading.paused) {
      reading.paused = false;
      synth.resume();
    } else {
      reading.paused = true;
      synth.pause();
    }
    label();
  }

  button.addEventListener('click', toggle);
  stopButton.addEventListener('click', stop);
  // Leaving the page stops the voice: browsers would go on reading the old page.
  window.addEventListener('pagehide', stop);
  window.hrbReadAloud = toggle;
  label();
})();
