/**
 * A stand-in for the browser's speech synthesis, for 语音阅读's tests in Chromium (an init
 * script) and WebKit (run in a loaded page): no voice is installed on this machine.
 */

/** What the stand-in was asked to say, and the calls it had. */
export interface SpeechLog {
  spoken: Array<{ text: string; lang: string; voice?: string; rate: number }>;
  calls: string[];
}

/** How long the stand-in voice takes to "speak" an utterance: a few ms, so a whole page reads in well under a second. */
export const SPEAK_MS = 5;

export interface SpeechStub {
  /** Voice languages; null: no speech synthesis at all; `late`: a zh-CN voice listed only after a moment. */
  voices: string[] | null | 'late';
  /** A CSS selector: an utterance that starts while it matches is long, until the page calls `ttsRelease()`. */
  hold?: string;
  ms: number;
}

/**
 * Replaces speechSynthesis and SpeechSynthesisUtterance with a stand-in that records every utterance
 * and call (in `window.ttsLog`, and in localStorage to read after leaving the page) and "speaks" each
 * utterance in `ms` unless paused or cancelled. The real object, if any, is kept as `window.realSpeech`.
 * Self-contained: it runs in the page.
 */
export function installSpeechStub({ voices, hold, ms }: SpeechStub): void {
  const w = window as unknown as Record<string, unknown>;
  w.realSpeech = window.speechSynthesis;
  if (voices === null) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    return;
  }
  const log = { spoken: [] as SpeechLog['spoken'], calls: [] as string[] };
  const save = () => localStorage.setItem('tts-log', JSON.stringify(log));
  let listed = voices === 'late' ? [] : voices;
  const listeners: Array<() => void> = [];
  if (voices === 'late')
    setTimeout(() => {
      listed = ['zh-CN'];
      for (const l of listeners) l();
    }, 300);
  let current: { text: string; onend: ((e: Event) => void) | null } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paused = false;
  let held = false;
  const finish = () => {
    const done = current;
    current = undefined;
    done?.onend?.call(done, new Event('end'));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(finish, ms);
  };
  const fake = {
    getVoices: () => listed.map((lang) => ({ lang, name: `voice-${lang}`, default: false, localService: true })),
    speak(u: {
      text: string;
      lang: string;
      rate: number;
      voice: { lang: string } | null;
      onend: ((e: Event) => void) | null;
    }) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang, rate: u.rate });
      save();
      current = u;
      held = hold !== undefined && document.querySelector(hold) !== null;
      if (!held && !paused) schedule();
    },
    pause() {
      log.calls.push('pause');
      save();
      paused = true;
      clearTimeout(timer);
    },
    resume() {
      log.calls.push('resume');
      save();
      paused = false;
      if (current && !held) schedule();
    },
    cancel() {
      log.calls.push('cancel');
      save();
      clearTimeout(timer);
      current = undefined;
    },
    addEventListener(type: string, listener: () => void) {
      if (type === 'voiceschanged') listeners.push(listener);
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  // Utterances of the stand-in: real ones refuse a voice that is not a real SpeechSynthesisVoice.
  class Utterance {
    lang = '';
    rate = 1;
    voice: { lang: string } | null = null;
    onend: ((e: Event) => void) | null = null;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  w.ttsLog = log;
  w.ttsRelease = () => {
    held = false;
    if (current && !paused) schedule();
  };
}

/** What 语音阅读 should say for a block's parts: each part's words, "·" read as a pause, the parts as sentences. */
export const spokenParts = (parts: Array<string | null | undefined>): string =>
  parts
    .map((p) =>
      (p ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/\s*·\s*/g, '，'),
    )
    .filter(Boolean)
    .join('。');
