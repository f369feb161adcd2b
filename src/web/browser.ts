/**
 * How the browser tests and the screenshot script start Chromium: Debian's package (apt `chromium`),
 * headless, with nothing that reaches the network on its own. TRIANGULATE_CHROMIUM points elsewhere.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.TRIANGULATE_CHROMIUM || '/usr/bin/chromium';
}
