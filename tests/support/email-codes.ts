import { beforeEach } from 'vitest';
import { accountById } from '@/backend/domain/accounts';
import { consumeEmailCode, sendEmailCode } from '@/backend/domain/email-codes';
import type { EmailCodePurpose } from '@/backend/domain/state';
import { createTestServer, type TestServer } from './domain-server';
import { latestEmailCode } from './mfa';
import { seededRandomBytes } from './random';

export const ALICE = { id: 'acc_alice', email: 'alice@example.com' };
export const OWNER = { id: 'acc_owner', email: 'owner@example.com' };

/**
 * A fresh test server for each test of the file, with seeded random codes,
 * and the steps on it: read through `t`, a test always meets the current one.
 */
export function emailCodeTests() {
  const t = freshServer();
  return { t, ...emailCodeSteps(t) };
}

function freshServer(): TestServer {
  let current: TestServer;
  beforeEach(() => {
    current = createTestServer({ randomBytes: seededRandomBytes(6238) });
  });
  return {
    get server() {
      return current.server;
    },
    get time() {
      return current.time;
    },
    snapshot: () => current.snapshot(),
  };
}

/** Sending and using email codes on the test server of the moment, as the domain's callers do. */
function emailCodeSteps(t: TestServer) {
  const current = () => t;
  function send(accountId: string, purpose: EmailCodePurpose = 'bind') {
    return current().server.run((state, ctx) =>
      sendEmailCode(state, ctx, accountById(state, accountId), purpose),
    );
  }

  /** Sends a code and reads it back from the mailbox, as the user would. */
  async function sendAndRead(
    account: { id: string; email: string },
    purpose: EmailCodePurpose = 'bind',
  ): Promise<string> {
    await send(account.id, purpose);
    return latestEmailCode((await current().snapshot()).outbox, account.email);
  }

  /** `true` if the code was accepted (and so used up), else the refusal. */
  function consume(accountId: string, code: string, purpose: EmailCodePurpose = 'bind') {
    return current()
      .server.run((state, ctx) => consumeEmailCode(state, ctx, accountId, purpose, code))
      .then(
        () => true as const,
        (error: unknown) => error,
      );
  }

  return { send, sendAndRead, consume };
}

/** A 6-digit code that is not `code`. */
export const otherThan = (code: string, offset = 1) =>
  String((Number(code) + offset) % 1_000_000).padStart(6, '0');
