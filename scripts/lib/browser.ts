/** Debian's Chromium through playwright-core: no browser download is possible here. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** The full browser, as residents run it: the audit and the benchmark drive it (and Lighthouse). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium's headless shell (Debian's chromium-headless-shell, built from the same source as
 * `chromium`): the same Blink and V8 without the desktop browser around them, and Playwright's own
 * default for headless runs. The test suite drives it: 40 loads of sample pages at 390×844 took 20
 * CPU-seconds and 15 s against the full browser's 70 and 38 s (measured here), and the browser tests
 * had spent 476 of the suite's 856 CPU-seconds in the full browser, on a machine of two cores.
 */
export const HEADLESS_SHELL = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';

export function launch(executablePath = CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `${executablePath} is missing: apt-get install -y chromium chromium-headless-shell (.ci/run does this)`,
    );
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
