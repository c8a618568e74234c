import { delay, http, HttpResponse } from 'msw';
import { SECOND_MS } from '@/api/limits';
import { API, paths } from '@/api/paths';
import type { ErrorBody } from '@/api/schemas/common';
import {
  type Authenticator,
  type DevSettings,
  devSettingsSchema,
  type DevStatus,
  largeDemoBatchRequestSchema,
  type Mailbox,
} from '@/api/schemas/dev';
import { addLargeDemoBatch } from '../domain/large-demo';
import { TOTP_ISSUER, TOTP_PERIOD_SECONDS } from '../domain/limits';
import { codeAt, stepAt } from '../domain/totp';
import { emailView, iso } from '../domain/views';
import type { HandlerDeps } from './deps';
import { endpoints } from './endpoint';
import { LARGE_DEMO_BATCH, only, SETTINGS_ONLY } from './load-plans';
import { errorResponse } from './respond';

/**
 * MOCK-8: the dev tools' own endpoints, and the latency, error-rate and offline
 * switches, which apply to the product API only so the dev tools stay usable.
 */
export function devHandlers(deps: HandlerDeps) {
  const { server } = deps;
  const endpoint = endpoints(deps);
  return [
    http.all(`${API}/*`, async () => {
      let settings: DevSettings;
      try {
        settings = await server.run((state) => state.devSettings, SETTINGS_ONLY);
      } catch (error) {
        // A busy store answers like any endpoint would (503), not as a crash.
        return errorResponse(error);
      }
      if (settings.offline) return HttpResponse.error();
      if (settings.latencyMs > 0) await delay(settings.latencyMs);
      if (settings.errorRate > 0 && Math.random() < settings.errorRate) {
        return HttpResponse.json<ErrorBody>(
          { error: { code: 'SERVICE_UNAVAILABLE', message: 'Simulated failure.' } },
          { status: 503 },
        );
      }
      return undefined;
    }),

    endpoint.get(paths.devMailbox.pattern, {
      caller: 'anyone',
      load: only('outbox'),
      run: ({ state }): Mailbox => ({ messages: state.outbox.map(emailView).reverse() }),
    }),

    // MOCK-8: what a phone app would show for every bound account, on the server's clock.
    endpoint.get(paths.devAuthenticator.pattern, {
      caller: 'anyone',
      noStore: true,
      load: only('accounts'),
      run: ({ state, ctx }): Authenticator => {
        const step = stepAt(ctx.now);
        const periodMs = TOTP_PERIOD_SECONDS * SECOND_MS;
        return {
          serverTime: iso(ctx.now),
          accounts: state.accounts.flatMap((account) =>
            account.mfa
              ? [
                  {
                    email: account.email,
                    issuer: TOTP_ISSUER,
                    code: codeAt(account.mfa.secret, step),
                    nextCode: codeAt(account.mfa.secret, step + 1),
                    secondsLeft: Math.ceil((periodMs - (ctx.now % periodMs)) / SECOND_MS),
                  },
                ]
              : [],
          ),
        };
      },
    }),

    endpoint.get(paths.devStatus.pattern, {
      caller: 'anyone',
      load: SETTINGS_ONLY,
      run: ({ state }): DevStatus => ({
        settings: state.devSettings,
        notice: state.notice ? { reason: state.notice.reason, at: iso(state.notice.at) } : null,
      }),
    }),

    endpoint.put(paths.devSettings.pattern, {
      caller: 'anyone',
      body: { kind: 'json', schema: devSettingsSchema },
      load: SETTINGS_ONLY,
      run: ({ state, body }) => {
        state.devSettings = body;
        return body;
      },
    }),

    endpoint.delete(paths.devNotice.pattern, {
      caller: 'anyone',
      load: SETTINGS_ONLY,
      run: ({ state }) => {
        state.notice = null;
      },
    }),

    // MOCK-8: Load a large demo, one batch (one transaction) per request, so progress shows.
    endpoint.post(paths.devLargeDemo.pattern, {
      caller: 'anyone',
      body: { kind: 'json', schema: largeDemoBatchRequestSchema },
      load: LARGE_DEMO_BATCH,
      run: ({ state, ctx, body }) => addLargeDemoBatch(state, ctx, body.batch, body.workspaceId),
    }),

    // Outside any transaction: it drops the state and the attachment bytes whole.
    endpoint.post(paths.devReset.pattern, {
      caller: 'anyone',
      reply: async () => {
        await server.store.reset();
        await server.attachments.clear();
        return { status: 204 };
      },
    }),
  ];
}
