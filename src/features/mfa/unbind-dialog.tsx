import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { CodeForm } from '@/components/code-form';
import { Dialog } from '@/components/dialog';
import { useT } from '@/lib/i18n/i18n';
import { useSessionCache } from '@/lib/session';

/**
 * UNBIND-1: Unbind asks for the current dynamic code. The answer is the session,
 * which owes a new binding when the workspace enforces MFA (UNBIND-2).
 */
export function UnbindButton() {
  const t = useT();
  const cache = useSessionCache();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const unbind = useMutation({
    mutationFn: (code: string) =>
      request<Session>(paths.unbindMfa.href, { method: 'POST', body: { code } }),
    onSuccess: async (session) => {
      setOpen(false);
      setDone(true);
      cache.replace(session);
      await cache.refetchTheRest();
    },
  });

  return (
    <>
      <Button
        onClick={() => {
          unbind.reset();
          setDone(false);
          setOpen(true);
        }}
      >
        {t('account.unbind')}
      </Button>
      {done && <Alert tone="success">{t('unbind.done')}</Alert>}
      <Dialog
        open={open}
        title={t('unbind.title')}
        description={t('unbind.text')}
        onClose={() => setOpen(false)}
        dismissible={!unbind.isPending}
      >
        <CodeForm
          label={t('code.dynamicLabel')}
          onSubmit={(code) => unbind.mutate(code)}
          pending={unbind.isPending}
          error={unbind.error}
          secondary={
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={unbind.isPending}>
              {t('common.cancel')}
            </Button>
          }
        />
      </Dialog>
    </>
  );
}
