/**
 * Safari's engine here: Debian's WebKitGTK MiniBrowser driven by its own
 * WebDriver (webkit2gtk-driver) on a virtual display (xvfb), spoken to over
 * W3C WebDriver HTTP — playwright-core cannot use a browser it did not download.
 *
 * MiniBrowser's window is at least 447 px wide, so a phone is simulated by a
 * 390 × 844 iframe: the page inside gets a real 390 × 844 viewport (its media
 * queries, its layout), and the session switches into the frame to test it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, inject } from 'vitest';
import { serve } from './serve.ts';
import { freePort } from './port.ts';

const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One WebDriver session: a MiniBrowser window. */
export class WebKitPage {
  constructor(
    private readonly base: string,
    private readonly id: string,
  ) {}

  private async command<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as { value: T & { error?: string; message?: string } };
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value.error} ${json.value.message}`);
    return json.value;
  }

  /** Runs `fn` in the page (or the phone frame) with `args`; its result comes back as JSON. */
  async evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>> {
    // execute/async so that promise-returning probes work; the last argument is the callback.
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn.toString()}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then(done, (e) => done({ __error: String(e) }));`;
    const value = await this.command<unknown>('POST', '/execute/async', { script, args });
    if (value && typeof value === 'object' && '__error' in value) throw new Error(String(value.__error));
    return value as Awaited<R>;
  }

  /** Waits until `fn` returns something truthy in the page. */
  async waitFor<A extends unknown[]>(fn: (...args: A) => unknown, timeoutMs: number, ...args: A): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (await this.evaluate(fn, ...args).catch(() => false)) return;
      if (Date.now() > until) throw new Error(`timed out waiting for ${fn.toString().slice(0, 120)}`);
      await sleep(100);
    }
  }

  /**
   * Opens `url` as a phone would show it: in a 390 × 844 frame, the session inside it.
   * `storage` is written to the page's localStorage first (a choice made on an earlier visit).
   */
  async phone(url: string, storage: Record<string, string> = {}): Promise<void> {
    await this.command('POST', '/frame', { id: null });
    await this.command('POST', '/url', { url: new URL('/404.html', url).href });
    await this.evaluate((s: Record<string, string>) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
      document.body.innerHTML = '';
      document.body.style.margin = '0';
    }, storage);
    await this.evaluate((src: string) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.width = '390';
      frame.height = '844';
      frame.style.border = '0';
      document.body.append(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    }, url);
    const frame = await this.command<Record<string, string>>('POST', '/element', {
      using: 'css selector',
      value: 'iframe',
    });
    await this.command('POST', '/frame', { id: frame });
  }

  /**
   * Opens `url` in the window itself (at least 447 px wide), for a behaviour that needs no phone
   * layout, on a server whose policy forbids frames (frame-ancestors 'none', as nginx sends it).
   */
  async open(url: string): Promise<void> {
    await this.command('POST', '/frame', { id: null });
    await this.command('POST', '/url', { url });
  }

  /** Narrows or widens the phone frame to `width` px, the page not reloaded; the session stays inside it. */
  async resize(width: number): Promise<void> {
    await this.command('POST', '/frame', { id: null });
    await this.evaluate((w: number) => {
      const frame = document.querySelector('iframe');
      if (frame) frame.width = String(w);
    }, width);
    const frame = await this.command<Record<string, string>>('POST', '/element', {
      using: 'css selector',
      value: 'iframe',
    });
    await this.command('POST', '/frame', { id: frame });
    await this.waitFor((w: number) => innerWidth === w, 5_000, width);
  }

  /** Reloads the phone frame's page (the session stays inside the frame). */
  async reload(): Promise<void> {
    await this.evaluate(() => {
      location.reload();
    });
    await sleep(300);
    await this.waitFor(() => document.readyState === 'complete', 10_000);
  }

  /** Clicks the first element matching `css`, as a pointer would (WebDriver's element click). */
  async click(css: string): Promise<void> {
    const el = await this.command<Record<string, string>>('POST', '/element', { using: 'css selector', value: css });
    await this.command('POST', `/element/${el[ELEMENT]}/click`, {});
  }

  /** Taps the middle of the first element matching `css` with a pointer, whatever element is on top there. */
  async tap(css: string): Promise<void> {
    const el = await this.command<Record<string, string>>('POST', '/element', { using: 'css selector', value: css });
    await this.command('POST', '/actions', {
      actions: [
        {
          type: 'pointer',
          id: 'finger',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', origin: el, x: 0, y: 0 },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
  }

  /** Types `text` into the first element matching `css`. */
  async type(css: string, text: string): Promise<void> {
    const el = await this.command<Record<string, string>>('POST', '/element', { using: 'css selector', value: css });
    await this.command('POST', `/element/${el[ELEMENT]}/value`, { text });
  }

  async close(): Promise<void> {
    await this.command('DELETE', '');
  }
}

/** A WebKitWebDriver on its own virtual display. */
export async function startWebKit(): Promise<{ newPage: () => Promise<WebKitPage>; close: () => Promise<void> }> {
  const children: ChildProcess[] = [];
  const display = `:${100 + (process.pid % 800)}`;
  children.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
  const port = await freePort();
  children.push(
    spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' }),
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/status`)).ok) break;
    } catch {
      if (i > 100) throw new Error('WebKitWebDriver did not start (apt-get install webkit2gtk-driver xvfb)');
    }
    await sleep(100);
  }
  const pages: WebKitPage[] = [];
  return {
    newPage: async () => {
      const response = await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilities: {
            alwaysMatch: {
              browserName: 'MiniBrowser',
              'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
            },
          },
        }),
      });
      const { value } = (await response.json()) as { value: { sessionId?: string; message?: string } };
      if (!value.sessionId) throw new Error(`WebKit session: ${value.message}`);
      const page = new WebKitPage(base, value.sessionId);
      pages.push(page);
      return page;
    },
    close: async () => {
      await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      for (const child of children) child.kill();
    },
  };
}

/** The built sample site served on loopback and a WebKit for a test file, like `sampleSiteInBrowser`. */
export function sampleSiteInWebKit(): { url: string; page: WebKitPage } {
  const site = {} as { url: string; page: WebKitPage; close?: () => Promise<void> };
  beforeAll(async () => {
    const server = await serve(inject('sampleDist'));
    const webkit = await startWebKit();
    site.url = server.url;
    site.page = await webkit.newPage();
    site.close = async () => {
      await webkit.close();
      await server.close();
    };
  }, 60_000);
  afterAll(async () => {
    await site.close?.();
  });
  return site;
}
