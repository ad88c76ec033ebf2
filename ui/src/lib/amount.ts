// The amount a barista keys, as the decimal text the engine parses ("12.50"):
// the same rules for the sale's keypad and the cashback dialog's.

/** Digits kept at most, so a key held down cannot type a phone number. */
const MAX_DIGITS = 9;

/** The amount after one key ("." is the decimal mark, whatever the locale shows). */
export function typeKey(amount: string, key: string, decimals: number): string {
  if (key === "Backspace") return amount.slice(0, -1);
  if (key === ".") return decimals > 0 && !amount.includes(".") ? (amount || "0") + "." : amount;
  if (!/^[0-9]$/.test(key)) return amount;
  const [, fraction] = amount.split(".");
  if (fraction !== undefined && fraction.length >= decimals) return amount;
  if (amount.replace(".", "").length >= MAX_DIGITS) return amount;
  return amount === "0" ? key : amount + key;
}

/** True for an amount above zero. */
export function isAmount(amount: string): boolean {
  return /^\d+(\.\d+)?$/.test(amount) && Number(amount) > 0;
}
