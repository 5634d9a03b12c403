// The shop's state in this process's memory: the default, for one process.
// Gone when the process ends, and invisible to any other process.
import { memoryTokenStore, type LeasedTokenStore } from "@connect-payment/oauth";
import { memoryLedger, memoryTable } from "./memory-tables.js";
import type { DemoState } from "./state.js";

export function memoryState(): DemoState {
  // One store per session, kept while logged in: its lease coordinates the
  // token sources of concurrent requests.
  const stores = new Map<string, LeasedTokenStore>();
  return {
    sessions: memoryTable(),
    pendingLogins: memoryTable(),
    owed: memoryTable(),
    payments: memoryLedger(),
    grants: memoryLedger(),
    tokens(sessionId) {
      let store = stores.get(sessionId);
      if (!store) {
        store = memoryTokenStore();
        stores.set(sessionId, store);
      }
      const remove = () => {
        stores.delete(sessionId);
        return Promise.resolve();
      };
      return { ...store, remove };
    },
    close: async () => {},
  };
}
