/** A ledger that cannot be opened, read or written: the message says which file and why. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}
