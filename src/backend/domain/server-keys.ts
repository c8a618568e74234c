/**
 * The mock server's configured secrets: what a real backend reads from its
 * secret store or environment, never from its database (ADR 0016). Kept out of
 * the stored state on purpose, so a copy of the store alone cannot test a
 * guessed recovery code. In the mock it is demo configuration, public like the
 * demo passwords; a real deployment makes its own 256-bit key and rotates it
 * by issuing new sets.
 */
export const RECOVERY_CODE_KEY = '6d6f636b2d7265636f766572792d636f64652d6b65792d6e6f742d7365637265';
