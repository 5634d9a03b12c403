// The state's shapes (tables.ts) in this process's memory.
import type { Ledger, Table } from "./tables.js";

const done = Promise.resolve();

export function memoryTable<T>(): Table<T> {
  const values = new Map<string, T>();
  return {
    get: (key) => Promise.resolve(values.get(key)),
    set(key, value) {
      values.set(key, value);
      return done;
    },
    delete(key) {
      values.delete(key);
      return done;
    },
  };
}

export function memoryLedger<T>(): Ledger<T> {
  // A Map keeps insertion order: oldest first.
  const values = new Map<string, T>();
  return {
    add(key, value) {
      if (values.has(key)) return Promise.resolve(false);
      values.set(key, value);
      return Promise.resolve(true);
    },
    get: (key) => Promise.resolve(values.get(key)),
    values: () => Promise.resolve([...values.values()]),
  };
}
