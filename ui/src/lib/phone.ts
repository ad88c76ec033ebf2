// A phone shown so staff can confirm who it is without reading it out:
// `+1 555 010 4567` → `+1 ••• ••• 4567`.
export function maskPhone(phone: string | null): string {
  if (!phone) return "";
  const digits = phone.replace(/[^0-9+]/g, "");
  if (digits.length <= 4) return phone;
  // The country code only when it is written apart (`+1 555…`, `+48-601…`).
  const country = /^\+\d{1,3}(?=[\s-])/.exec(phone.trim())?.[0] ?? "";
  return `${country ? country + " " : ""}••• ••• ${digits.slice(-4)}`;
}
