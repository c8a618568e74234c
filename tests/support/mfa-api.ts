import { paths } from '@/api/paths';
import { mailboxSchema } from '@/api/schemas/dev';
import { enrollmentSecretSchema } from '@/api/schemas/mfa';
import { BOB_TOTP_SECRET } from '@/backend/seed';
import { type ApiClient, expectOk, type MockApi } from './api-client';
import { totpAt } from './mfa';

/** The MFA steps over HTTP, as the API tests of binding, logging in and unbinding take them. */
export function mfaApiSteps(api: MockApi) {
  const bobCode = (stepDelta = 0) => totpAt(BOB_TOTP_SECRET, api.time.now, stepDelta);

  /** The code in the newest email to `to`, read from the dev mailbox like a tester would. */
  async function mailboxCode(to: string): Promise<string> {
    const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox.href)).body);
    const code = messages
      .find((message) => message.to === to)
      ?.body.match(/verification code is (\d{6})\b/)?.[1];
    if (!code) throw new Error(`no verification code in the mailbox for ${to}`);
    return code;
  }

  async function mailTo(to: string) {
    const { messages } = mailboxSchema.parse((await api.client().get(paths.devMailbox.href)).body);
    return messages.filter((message) => message.to === to);
  }

  /** BIND-1 and BIND-2 over HTTP; returns every response and the secret. */
  async function startBinding(client: ApiClient, email: string) {
    const emailCode = await client.post(paths.enrollmentEmailCode.href);
    expectOk(emailCode);
    const identity = await client.post(paths.enrollmentIdentity.href, {
      code: await mailboxCode(email),
    });
    expectOk(identity, 204);
    const secretResponse = await client.post(paths.enrollmentSecret.href);
    expectOk(secretResponse);
    const { secret } = enrollmentSecretSchema.parse(secretResponse.body);
    return { secret, responses: [emailCode, identity, secretResponse] };
  }

  /** The whole bind wizard over HTTP for a signed-in client. */
  async function bind(client: ApiClient, email: string) {
    const started = await startBinding(client, email);
    const confirmed = await client.post(paths.enrollmentConfirm.href, {
      code: totpAt(started.secret, api.time.now),
    });
    expectOk(confirmed);
    return { secret: started.secret, responses: [...started.responses, confirmed] };
  }

  /** A bob client past the code step. */
  async function activeBob(): Promise<ApiClient> {
    const bob = await api.signedIn('bob@example.com');
    expectOk(await bob.post(paths.sessionMfa.href, { code: bobCode() }));
    return bob;
  }

  async function bobAccount() {
    return api.server.run((state) =>
      structuredClone(state.accounts.find((account) => account.id === 'acc_bob')),
    );
  }

  return { bobCode, mailboxCode, mailTo, startBinding, bind, activeBob, bobAccount };
}
