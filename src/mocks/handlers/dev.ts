import { delay, http, HttpResponse } from 'msw';
import { API, paths } from '@/api/paths';
import {
  devSettingsSchema,
  type DevSettings,
  type DevStatus,
  type EmailMessage,
} from '@/api/schemas/dev';
import type { ErrorBody } from '@/api/schemas/common';
import { emailView, iso } from '../domain/views';
import type { HandlerDeps } from './deps';
import { parseBody, route } from './respond';

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
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
