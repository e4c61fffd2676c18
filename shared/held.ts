/**
 * A value kept with an object (a store's caches, a survey table's lists), as a hidden property under
 * a symbol of its own, where a WeakMap from the object would do the same job with a cost: V8 marks
 * what a WeakMap's values hold as ephemerons, and a large graph behind one (a survey's 875,000
 * documents) was marked in the collector's final pause on the main thread (a 101 ms task at
 * 500,000 responses, 88 ms of it ephemeron marking). A property is marked like any other, by the
 * concurrent marker. The property is not enumerable: spreads, structured clones (IndexedDB, workers)
 * and JSON leave it out, as they would the WeakMap's entry.
 */
export interface Held<O extends object, V> {
  get(owner: O): V | undefined;
  set(owner: O, value: V): V;
}

export function held<O extends object, V>(name: string): Held<O, V> {
  const key = Symbol(name);
  return {
    get: (owner) => (owner as unknown as Record<symbol, V | undefined>)[key],
    set: (owner, value) => {
      Object.defineProperty(owner, key, { value, writable: true, configurable: true, enumerable: false });
      return value;
    },
  };
}
