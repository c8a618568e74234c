import { delay, http, HttpResponse } from 'msw';
import { SECOND_MS } from '@/api/limits';
import { API, paths } from '@/api/paths';
import {
  type Authenticator,
  devSettingsSchema,
  type DevSettings,
  type DevStatus,
  type EmailMessage,
} from '@/api/schemas/dev';
import type { ErrorBody } from '@/api/schemas/common';
import { TOTP_ISSUER, TOTP_PERIOD_SECONDS } from '../domain/limits';
import { codeAt, stepAt } from '../domain/totp';
import { emailView, iso } from '../domain/views';
import type { HandlerDeps } from './deps';
import { NO_STORE, parseBody, route } from './respond';

/**
 * MOCK-8: the dev tools' own endpoints, and the latency, error-rate and offline
 * switches, which apply to the product API only so the dev tools stay usable.
 */
export function devHandlers({ server }: HandlerDeps) {
  return [
    http.all(`${API}/*`, async () => {
      const settings = await server.run((state) => state.devSettings);
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

    route.get(paths.devMailbox, async () => {
      const messages = await server.run((state) => state.outbox.map(emailView).reverse());
      return HttpResponse.json<{ messages: EmailMessage[] }>({ messages });
    }),

    // MOCK-8: what a phone app would show for every bound account, on the server's clock.
    route.get(paths.devAuthenticator, async () => {
      const view = await server.run((state, ctx): Authenticator => {
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
      });
      return HttpResponse.json<Authenticator>(view, { headers: NO_STORE });
    }),

    route.get(paths.devStatus, async () => {
      const status = await server.run((state): DevStatus => ({
        settings: state.devSettings,
        notice: state.notice ? { reason: state.notice.reason, at: iso(state.notice.at) } : null,
      }));
      return HttpResponse.json<DevStatus>(status);
    }),

    route.put(paths.devSettings, async ({ request }) => {
      const settings = await parseBody(request, devSettingsSchema);
      await server.run((state) => {
        state.devSettings = settings;
      });
      return HttpResponse.json<DevSettings>(settings);
    }),

    route.delete(paths.devNotice, async () => {
      await server.run((state) => {
        state.notice = null;
      });
      return new HttpResponse(null, { status: 204 });
    }),

    route.post(paths.devReset, async () => {
      await server.store.reset();
      await server.attachments.clear();
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
