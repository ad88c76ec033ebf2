// The till's overview as the engine answers `till_state`, for the screens'
// tests: nothing set up unless a test says otherwise, so a field the engine
// adds to `TillOverview` is given here once, not in every test.
import type { TillOverview } from "../lib/bindings";

export function tillOverview(over: Partial<TillOverview> = {}): TillOverview {
  return {
    shop: null,
    signed_in: null,
    signed_in_until: null,
    signed_out_idle: null,
    sign_in_idle: { barista_minutes: 30, manager_minutes: 10 },
    staff: { runs_open: false, staff: [] },
    permissions: [],
    ...over,
  };
}
