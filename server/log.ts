/** One line of the server's log: JSON, so a collector can read it (SERVER-10). */
export type LogLine = { level: 'info' | 'warn' | 'error'; msg: string } & Record<
  string,
  string | number | boolean | null
>;

export type Log = (line: LogLine) => void;

/**
 * Writes JSON lines. What goes in a line is chosen field by field where it is
 * written (a route, a status, a duration): never a body, a header, a query
 * string or an error's message, which could carry a password, a code, a
 * secret or a cookie.
 */
export function jsonLog(write: (text: string) => void): Log {
  return (line) => write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
}
