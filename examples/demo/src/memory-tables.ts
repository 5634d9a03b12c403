// The state's shapes (tables.ts) in this process's memory.
import type { Ledger, Table } from "./tables.js";

export function memoryTable<T>(): Table<T> {
  const values = new Map<string, T>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}

export function memoryLedger<T>(): Ledger<T> {
  // A Map keeps insertion order: oldest first.
  const values = new Map<string, T>();
  return {
    async add(key, value) {
      if (values.has(key)) return false;
      values.set(key, value);
      return true;
    },
    get: async (key) => values.get(key),
    values: async () => [...values.values()],
  };
}
