// Timers a controller is handed, so its tests run them by hand
// (src/test/barista.ts `HandClock`); the screens pass `browserTimers`.

/** Each answers its cancel. */
export interface Timers {
  after(ms: number, run: () => void): () => void;
  every(ms: number, run: () => void): () => void;
}

/** The webview's own timers. */
export const browserTimers: Timers = {
  after: (ms, run) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
  every: (ms, run) => {
    const id = setInterval(run, ms);
    return () => clearInterval(id);
  },
};
