// The engine's messages in the screen's language, from the same Fluent
// catalogues the command line uses (locales/*.ftl). A message is an id and
// typed arguments (bindings.ts `Message`); the screen never builds sentences.
import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";
import type { Arg, Language, Message } from "./bindings";
import { formatDate } from "./dates";
import { formatMoney } from "./money";
import { nameIn } from "./names";
import en from "../../../locales/en.ftl?raw";
import fr from "../../../locales/fr.ftl?raw";
import pl from "../../../locales/pl.ftl?raw";
import ru from "../../../locales/ru.ftl?raw";

const SOURCES: Readonly<Record<Language, string>> = { en, pl, fr, ru };

/** Every language the catalogues hold. */
export const LANGUAGES: readonly Language[] = ["en", "pl", "fr", "ru"];

function bundleOf(language: Language): FluentBundle {
  // Isolation marks would show as noise around names and amounts; the
  // engine renders without them, and the two must read the same.
  const bundle = new FluentBundle(language, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(SOURCES[language]));
  if (errors.length > 0) console.warn(`the ${language} catalogue has errors`, errors);
  return bundle;
}

/** One language's catalogue, falling back to English for a missing message. */
export class Catalogue {
  readonly language: Language;
  private readonly bundle: FluentBundle;
  private readonly fallback: Catalogue | undefined;

  constructor(language: Language) {
    this.language = language;
    this.bundle = bundleOf(language);
    this.fallback = language === "en" ? undefined : new Catalogue("en");
  }

  /** True when this language has the message itself. */
  has(id: string): boolean {
    return this.bundle.hasMessage(id);
  }

  /** The message in words. An id no catalogue has is shown as the id. */
  render(message: Message): string {
    return this.format(message, false);
  }

  /**
   * The message in words, in parts: the catalogue's words, and each text,
   * money or date argument (a card's code, a name, an amount) as a part of
   * its own, which a screen keeps on one line.
   */
  renderParts(message: Message): TextPart[] {
    const parts: TextPart[] = [];
    for (const [i, piece] of this.format(message, true).split(/[\uE000\uE001]/).entries()) {
      // The split alternates: words, an argument, words, …
      if (piece) parts.push({ text: piece, arg: i % 2 === 1 });
    }
    return parts;
  }

  private format(message: Message, mark: boolean): string {
    const pattern = this.bundle.getMessage(message.id)?.value;
    if (!pattern) return this.fallback ? this.fallback.format(message, mark) : message.id;
    const args: Record<string, FluentVariable> = {};
    for (const [name, arg] of Object.entries(message.args ?? {})) {
      args[name] = this.value(arg, mark);
    }
    const errors: Error[] = [];
    const text = this.bundle.formatPattern(pattern, args, errors);
    if (errors.length > 0) console.warn(`message ${message.id} did not render cleanly`, errors);
    return text;
  }

  private value(arg: Arg, mark: boolean): FluentVariable {
    if ("number" in arg) {
      // Counts pick the plural form; written without grouping, as the engine does.
      return new FluentNumber(arg.number, { useGrouping: false });
    }
    // Marked (private-use characters around it) when the parts are asked for.
    const marked = (text: string): string => (mark ? `\uE000${text}\uE001` : text);
    if ("text" in arg) return marked(arg.text);
    if ("name" in arg) return marked(nameIn(arg.name, this.language));
    if ("money" in arg) return marked(formatMoney(arg.money.minor, arg.money.currency, this.language));
    if ("date" in arg) return marked(formatDate(arg.date, this.language));
    return this.format(arg.message, mark);
  }
}

/** A piece of a message in words: the catalogue's own, or an argument's (`arg`). */
export type TextPart = { text: string; arg: boolean };
