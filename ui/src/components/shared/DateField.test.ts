import { act, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseDate } from "../../lib/dates";
import { locale } from "../../lib/locale.svelte";
import DateField from "./DateField.svelte";

afterEach(() => locale.set("en"));

describe("a day typed", () => {
  it("is read as each language writes it, or as YYYY-MM-DD", () => {
    expect(parseDate("6 Dec 2026", "en")).toBe("2026-12-06");
    expect(parseDate(" 6 december 2026 ", "en")).toBe("2026-12-06");
    expect(parseDate("6.12.2026", "pl")).toBe("2026-12-06");
    expect(parseDate("06/12/2026", "fr")).toBe("2026-12-06");
    expect(parseDate("06.12.2026", "ru")).toBe("2026-12-06");
    expect(parseDate("2026-12-06", "ru")).toBe("2026-12-06");
  });

  it("is nothing when it is no day of the calendar, or in the US order", () => {
    expect(parseDate("31.02.2026", "pl")).toBeNull();
    expect(parseDate("12/06/2026", "en")).toBeNull();
    expect(parseDate("6 Foo 2026", "en")).toBeNull();
    expect(parseDate("2026-13-01", "fr")).toBeNull();
    expect(parseDate("", "fr")).toBeNull();
  });
});

describe("DateField", () => {
  it("shows the day in the screen's language and gives what is typed as YYYY-MM-DD", async () => {
    const onpick = vi.fn();
    render(DateField, { value: "2026-12-05", max: "2026-12-05", label: "Day", testid: "day", onpick });
    const input = screen.getByTestId<HTMLInputElement>("day");
    expect(input.value).toBe("5 Dec 2026");
    await act(() => locale.set("pl"));
    expect(input.value).toBe("5.12.2026");
    await fireEvent.change(input, { target: { value: "30.11.2026" } });
    expect(onpick).toHaveBeenCalledWith("2026-11-30");
    expect(input.getAttribute("aria-invalid")).toBe("false");
  });

  it("marks a day it cannot read, or after the last allowed, and gives nothing", async () => {
    const onpick = vi.fn();
    render(DateField, { value: "2026-12-05", max: "2026-12-05", label: "Day", testid: "day", onpick });
    const input = screen.getByTestId<HTMLInputElement>("day");
    await fireEvent.change(input, { target: { value: "12/06/2026" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await fireEvent.change(input, { target: { value: "6 Dec 2026" } });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(onpick).not.toHaveBeenCalled();
  });
});
