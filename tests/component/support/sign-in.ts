import { defaultWorkspaceId, findAccountByEmail } from '@/mocks/domain/accounts';
import { openSession } from '@/mocks/domain/sessions';
import { allHandlers } from '@/mocks/handlers/all-handlers';
import { memoryJar } from '@/mocks/handlers/session-jar';
import { mswServer } from '../setup';
import { mockApi } from './mock-api';

/**
 * Signs this test's browser in past the password, straight in the core, for
 * tests about what comes after it: a real password check is slow by design.
 */
export async function signIn(
  email: string,
  state: 'active' | 'mfa_required' = 'active',
): Promise<void> {
  const { server } = mockApi();
  const jar = memoryJar();
  const token = await server.run((serverState, ctx) => {
    const account = findAccountByEmail(serverState, email);
    if (!account) throw new Error(`no account ${email}`);
    const workspaceId = defaultWorkspaceId(serverState, account);
    return openSession(serverState, ctx, account, state, workspaceId).token;
  });
  jar.write(new Headers(), token);
  mswServer.resetHandlers(...allHandlers({ server, jar }));
}
