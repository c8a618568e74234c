/** Thrown when a collection the plan did not load is touched: declare it (ADR 0017). */
export class NotLoadedError extends Error {
  constructor(what: string) {
    super(`${what} was not loaded by this transaction's plan; declare it (ADR 0017)`);
    this.name = 'NotLoadedError';
  }
}
