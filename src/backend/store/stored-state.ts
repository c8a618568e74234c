import * as z from 'zod/mini';
import { type ResetNotice, SCHEMA_VERSION, type ServerState } from '../domain/state';
import { seedState } from '../seed';

const storedShape = z.looseObject({
  version: z.number(),
  accounts: z.array(
    z.looseObject({
      id: z.string(),
      email: z.string(),
      password: z.object({ salt: z.string(), hash: z.string() }),
      mfa: z.nullable(
        z.looseObject({
          secret: z.string(),
          boundAt: z.number(),
          lastUsedStep: z.number(),
          recoveryCodes: z.array(z.looseObject({ hash: z.string() })),
        }),
      ),
      codeFailures: z.number(),
      retention: z.looseObject({ idleMinutes: z.number(), maxDays: z.number() }),
    }),
  ),
  workspaces: z.array(z.looseObject({ id: z.string() })),
  memberships: z.array(z.looseObject({ accountId: z.string(), workspaceId: z.string() })),
  sessions: z.array(
    z.looseObject({
      id: z.string(),
      tokenHash: z.string(),
      accountId: z.string(),
      expiresAt: z.number(),
    }),
  ),
  loginThrottle: z.array(z.unknown()),
  emailCodes: z.array(z.unknown()),
  emailSends: z.array(z.unknown()),
  enrollments: z.array(z.unknown()),
  outbox: z.array(z.unknown()),
  audit: z.array(z.unknown()),
  tickets: z.array(
    z.looseObject({
      id: z.string(),
      number: z.string(),
      requesterId: z.string(),
      status: z.string(),
      entries: z.array(z.unknown()),
    }),
  ),
  ticketSequence: z.number(),
  attachments: z.array(z.looseObject({ id: z.string(), ownerId: z.string() })),
  idempotencyKeys: z.array(z.unknown()),
  addressWindows: z.optional(z.array(z.unknown())),
  endedSessions: z.array(z.unknown()),
  securityKeys: z.optional(z.array(z.unknown())),
  keyChallenges: z.optional(z.array(z.unknown())),
  devSettings: z.looseObject({ latencyMs: z.number(), clockOffsetMs: z.number() }),
});

/**
 * MOCK-2: turns whatever storage holds into a usable state. Nothing stored means
 * the seed (the demo's unless told otherwise); a state from another schema
 * version or one that does not parse is replaced by the seed with a notice the
 * UI shows, never a blank page.
 */
export function restoreState(
  stored: unknown,
  now: number,
  seed: (now: number) => ServerState = seedState,
): ServerState {
  if (stored === undefined || stored === null) return seed(now);
  const reason = problemWith(stored);
  if (reason === null) return stored as ServerState;
  const notice: ResetNotice = { reason, at: now };
  return { ...seed(now), notice };
}

function problemWith(stored: unknown): ResetNotice['reason'] | null {
  const parsed = storedShape.safeParse(stored);
  if (!parsed.success) {
    const version = (stored as { version?: unknown }).version;
    return typeof version === 'number' && version !== SCHEMA_VERSION ? 'outdated' : 'corrupt';
  }
  if (parsed.data.version !== SCHEMA_VERSION) return 'outdated';
  return null;
}
