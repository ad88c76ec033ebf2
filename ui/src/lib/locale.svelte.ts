// The screen's language, switched without a restart: every component reads
// `locale.t(...)` and re-renders when the language changes.
import type { Language, Message, Name } from "./bindings";
import { Catalogue, LANGUAGES } from "./i18n";
import { formatMoney } from "./money";
import { nameIn } from "./names";

const STORAGE_KEY = "counterpart.language";

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const tag = globalThis.navigator?.language.slice(0, 2) ?? "en";
  return (LANGUAGES as readonly string[]).includes(tag) ? (tag as Language) : "en";
}

/** Arguments of a screen's own message: counts and words. */
export type Args = Readonly<Record<string, string | number>>;

class Locale {
  language = $state<Language>(initialLanguage());
  #catalogues = new Map<Language, Catalogue>();

  get catalogue(): Catalogue {
    let c = this.#catalogues.get(this.language);
    if (!c) {
      c = new Catalogue(this.language);
      this.#catalogues.set(this.language, c);
    }
    return c;
  }

  set(language: Language): void {
    this.language = language;
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
    document.documentElement.lang = language;
  }

  /** One of the screen's own messages (`ui-…` in locales/*.ftl). */
  t(id: string, args?: Args): string {
    const message: Message = { id };
    if (args) {
      message.args = Object.fromEntries(
        Object.entries(args).map(([k, v]) => [k, typeof v === "number" ? { number: v } : { text: v }]),
      );
    }
    return this.catalogue.render(message);
  }

  /** A message the engine sent. */
  render(message: Message): string {
    return this.catalogue.render(message);
  }

  /** A name from the program (a reward, a tier), in the screen's language when the program gives it. */
  name(name: Name): string {
    return nameIn(name, this.language);
  }

  money(minor: number, currency: string): string {
    return formatMoney(minor, currency, this.language);
  }
}

export const locale = new Locale();
