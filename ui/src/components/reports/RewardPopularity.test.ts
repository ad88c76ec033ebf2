// Reward popularity under the KPIs: each reward in the engine's order with
// its count, its share as a bar and a percentage, and the period before's
// count, the program's name in the reader's language (the id where the
// program no longer has it); none says so; the table saves as CSV.
import { render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { locale } from "../../lib/locale.svelte";
import type { TableExporter } from "../../lib/reportTable";
import { refusal, somePopularity } from "../../test/kpis";
import RewardPopularity from "./RewardPopularity.svelte";

/** ICU versions differ in their spaces (thin, no-break): compared as plain ones. */
const plain = (el: Element) => el.textContent?.replace(/\s+/g, " ").trim();

function idle(): TableExporter {
  return { exported: null, exporting: null, exportCsv: () => Promise.resolve() };
}

const rows = () => screen.getAllByTestId("reward-line").map((row) => Array.from(row.children).map(plain));

afterEach(() => locale.set("en"));

describe("reward popularity", () => {
  it("lists each reward with its count, its share and the period before's, in the engine's order", () => {
    render(RewardPopularity, { rewards: somePopularity(), exporter: idle() });
    expect(screen.getByRole("heading").textContent).toBe("Reward popularity");
    expect(screen.getAllByRole("columnheader").map(plain)).toEqual(["Reward", "Times redeemed", "Share", "Previous period"]);
    expect(rows()).toEqual([
      ["Any drink", "12", "75%", "3"],
      ["Pastry", "4", "25%", "6"],
      ["old-cake", "0", "0%", "1"],
    ]);
    const first = screen.getAllByTestId("reward-line")[0];
    if (!first) throw new Error("no reward line");
    const bar = within(first).getByText("75%").previousElementSibling;
    expect((bar?.firstElementChild as HTMLElement).style.width).toBe("75%");
    expect(screen.getByRole("button").textContent?.trim()).toBe("Export reward popularity as CSV");
  });

  it("writes the program's names and the numbers in Polish", () => {
    locale.set("pl");
    render(RewardPopularity, { rewards: somePopularity(), exporter: idle() });
    expect(screen.getByRole("heading").textContent).toBe("Popularność nagród");
    expect(rows()[0]).toEqual(["Dowolny napój", "12", "75%", "3"]);
  });

  it("says nothing was redeemed when the program has no reward, without an empty table", () => {
    render(RewardPopularity, { rewards: [], exporter: idle() });
    expect(screen.getByTestId("rewards-none").textContent).toBe(
      "The program has no rewards yet, and none was redeemed in these two periods.",
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows a dash for the share when nothing was redeemed in the period", () => {
    render(RewardPopularity, {
      rewards: [{ reward: "drink", name: { text: "Any drink", translations: {} }, count: 0, previous: 2, share: null }],
      exporter: idle(),
    });
    expect(rows()).toEqual([["Any drink", "0", "—", "2"]]);
  });

  it("says it is counting after a while, and why it was refused, under its heading", () => {
    const { rerender } = render(RewardPopularity, { rewards: null, slow: true, exporter: idle() });
    expect(screen.getByRole("heading").textContent).toBe("Reward popularity");
    expect(screen.getByTestId("reward-popularity-counting").textContent).toContain("Counting the redemptions…");
    expect(screen.queryByRole("table")).toBeNull();
    rerender({ rewards: null, slow: false, refusal: refusal("auth.forbidden"), exporter: idle() });
    expect(screen.getByTestId("reward-popularity-refusal")).toBeTruthy();
  });
});

