// The Chromium the browser figures run in: Debian's, or another through BENCH_CHROMIUM.
export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
