// A typed key for Svelte's context: a screen sets its controller once, its
// components get it back typed, without a prop per piece of state.
import { getContext, hasContext, setContext } from "svelte";

export interface ContextKey<T> {
  /** The key itself, for a test that mounts a component with `context: new Map([[key, value]])`. */
  readonly key: symbol;
  /** During a component's initialisation: the value its screen set. */
  get(): T;
  /** During a component's initialisation: hands `value` to every component below it. */
  set(value: T): T;
}

export function contextKey<T>(name: string): ContextKey<T> {
  const key = Symbol(name);
  return {
    key,
    get: () => {
      if (!hasContext(key)) throw new Error(`no ${name} in context: mount this component inside its screen`);
      return getContext<T>(key);
    },
    set: (value) => setContext(key, value),
  };
}
