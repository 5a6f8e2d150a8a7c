// Values the global setup hands to test files (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server tests create their databases on. */
    aftercareDatabaseUrl: string;
  }
}

export {};
