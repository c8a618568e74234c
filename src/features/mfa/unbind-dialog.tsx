import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '@/api/client';
import { paths } from '@/api/paths';
import type { Session } from '@/api/schemas/session';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { CodeForm } from '@/components/code-form';
import { Dialog } from '@/components/dialog';
import { useT } from '@/lib/i18n/i18n';
import { sessionKeys, sessionQueryOptions } from '@/lib/session';

/**
 * UNBIND-1: Unbind asks for the current dynamic code. The answer is the session,
 * which owes a new binding when the workspace enforces MFA (UNBIND-2).
 */
export function UnbindButton() {
  const t = useT();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const unbind = useMutation({
    mutationFn: (code: string) =>
      request<Session>(paths.unbindMfa.href, { method: 'POST', body: { code } }),
    onSuccess: async (session) => {
      setOpen(false);
      setDone(true);
      queryClient.setQueryData(sessionQueryOptions.queryKey, session);
      await queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== sessionKeys.all[0],
      });
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
