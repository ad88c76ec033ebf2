// The refused events' list as a manager opens it: grouped by who refused
// them, each named in the screen's language with its customer, who recorded
// it and when; the English reason only under "Details"; Escape closes.
import { act, fireEvent, render, screen, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { RefusedEvent } from "../../lib/bindings";
import { locale } from "../../lib/locale.svelte";
import RefusedEventsDialog from "./RefusedEventsDialog.svelte";

function refused(over: Partial<RefusedEvent>): RefusedEvent {
  return {
    event_id: "0193a1f0-0000-7000-8000-000000000001",
    refused_by: "server",
    kind: "visit",
    customer: "0193a1f0-0000-7000-8000-0000000000aa",
    customer_name: "Ada",
    staff: "Mia",
    recorded: "2026-12-03 07:05",
    refused: "2026-12-03 07:06",
    reason: "the visit amount 99999999999 is out of range",
    ...over,
  };
}

const events: RefusedEvent[] = [
  refused({}),
  refused({
    event_id: "0193a1f0-0000-7000-8000-000000000002",
    refused_by: "this_till",
    kind: "redeemed",
    customer_name: null,
    staff: null,
    reason: "not enough points",
  }),
  refused({
    event_id: "0193a1f0-0000-7000-8000-000000000003",
    refused_by: "this_till",
    kind: null,
    customer: null,
    customer_name: null,
    staff: null,
    recorded: null,
  }),
];

beforeEach(() => locale.set("en"));

describe("RefusedEventsDialog", () => {
  it("lists the cloud's refusals and this till's apart, each said in words", () => {
    render(RefusedEventsDialog, { props: { events, onclose: () => {} } });
    const server = screen.getByTestId("refused-server");
    expect(server.textContent).toContain("Refused by the shop's server");
    expect(server.textContent).not.toContain("cloud");
    const visit = within(server).getByTestId("refused-event");
    expect(visit.textContent).toContain("Visit");
    expect(visit.textContent).toContain("Ada");
    expect(visit.textContent).toContain("recorded 3 Dec 2026, 07:05");
    expect(visit.textContent).toContain("by Mia");

    const here = within(screen.getByTestId("refused-this_till")).getAllByTestId("refused-event");
    expect(here).toHaveLength(2);
    expect(here[0]?.textContent).toContain("Redemption");
    expect(here[0]?.textContent).toContain("Customer without a name");
    // Erased with its customer: no kind, no customer, said so.
    expect(here[1]?.textContent).toContain("details were erased");
    expect(here[1]?.textContent).not.toContain("Customer without a name");
    // The reason is the engine's English, kept for support under Details.
    const details = visit.querySelector("details");
    expect(details?.textContent).toContain("out of range");
    expect(details?.open).toBe(false);
  });

  it("speaks the screen's language", async () => {
    render(RefusedEventsDialog, { props: { events, onclose: () => {} } });
    await act(() => locale.set("pl"));
    expect(screen.getByTestId("refused-server").textContent).toContain("Odrzucone przez serwer lokalu");
    expect(screen.getAllByTestId("refused-event")[0]?.textContent).toContain("Wizyta");
    // Dates in the reader's words, not 2026-12-03 07:05.
    expect(screen.getAllByTestId("refused-event")[0]?.textContent).toContain("zapisano 3 gru 2026, 07:05");
    await act(() => locale.set("ru"));
    expect(screen.getAllByTestId("refused-event")[1]?.textContent).toContain("Выдача награды");
  });

  it("says what to do next, and its details control looks like one", () => {
    render(RefusedEventsDialog, { props: { events, onclose: () => {} } });
    expect(screen.getByTestId("refused-next").textContent).toContain("Nothing is lost");
    const summary = screen.getAllByTestId("refused-event")[0]?.querySelector("summary");
    expect(summary?.textContent).toBe("Details (for support)");
  });

  it("says when nothing is refused", () => {
    render(RefusedEventsDialog, { props: { events: [], onclose: () => {} } });
    expect(screen.getByTestId("refused-none").textContent).toBe("Nothing was refused.");
  });

  it("closes on Escape or its button", async () => {
    const onclose = vi.fn();
    render(RefusedEventsDialog, { props: { events, onclose } });
    await fireEvent.keyDown(window, { key: "Escape" });
    await fireEvent.click(screen.getByTestId("refused-close"));
    expect(onclose).toHaveBeenCalledTimes(2);
  });
});
