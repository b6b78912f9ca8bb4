// A change painted from its own answer (a coding in a transcript) is shown before the lists that
// count or quote it are fetched again: their answers and renders would otherwise land in the same
// frame as the highlight and hold it back. A hidden window draws no frames, hence the time limit.
const AT_MOST_MS = 50;

export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, AT_MOST_MS);
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
