import { type FormEvent, useState } from 'react';
import { DAY_MS, MAX_CLOCK_OFFSET_MS, MAX_ERROR_RATE, MAX_LATENCY_MS } from '@/api/limits';
import type { DevSettings } from '@/api/schemas/dev';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageHeader } from '@/components/page-header';
import { QueryState } from '@/components/query-state';
import { TextField } from '@/components/text-field';
import { errorMessage } from '@/lib/error-message';
import { useLanguage, useT } from '@/lib/i18n/i18n';
import { useLoadLargeDemo, useResetDemoData, useSaveDevSettings } from './api/dev-mutations';
import { useDevStatus } from './api/dev-queries';
import { Authenticator } from './authenticator';
import styles from './devtools.module.css';

/** The most whole days the clock offset can move, either way. */
const MAX_CLOCK_OFFSET_DAYS = MAX_CLOCK_OFFSET_MS / DAY_MS;

/** MOCK-8: network conditions and Reset demo data. */
export function DevToolsPage() {
  const t = useT();
  const status = useDevStatus();
  return (
    <>
      <PageHeader title={t('dev.title')} />
      <div className={styles.sections}>
        <Authenticator />
        <QueryState query={status}>
          {(data) => <FaultSwitches initial={data.settings} />}
        </QueryState>
        <LargeDemoCard />
        <ResetCard />
      </div>
    </>
  );
}

function FaultSwitches({ initial }: { initial: DevSettings }) {
  const t = useT();
  const language = useLanguage();
  const save = useSaveDevSettings();
  const [latencyMs, setLatencyMs] = useState(String(initial.latencyMs));
  const [errorPercent, setErrorPercent] = useState(String(Math.round(initial.errorRate * 100)));
  const [offline, setOffline] = useState(initial.offline);
  const [clockOffsetSeconds, setClockOffsetSeconds] = useState(
    String(initial.clockOffsetMs / 1000),
  );

  const [advanceDays, setAdvanceDays] = useState('1');
  const [advanceError, setAdvanceError] = useState<string | null>(null);
  const [advanced, setAdvanced] = useState<number | null>(null);

  const settings = (clockOffsetMs: number): DevSettings => ({
    latencyMs: Number(latencyMs),
    errorRate: Number(errorPercent) / 100,
    offline,
    clockOffsetMs,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdvanced(null);
    save.mutate(settings(Number(clockOffsetSeconds) * 1000));
  }

  /** MANDATORY-5: reach a grace period's deadline without typing seconds. */
  function advance(event: FormEvent) {
    event.preventDefault();
    const days = /^\d{1,2}$/.test(advanceDays.trim()) ? Number(advanceDays.trim()) : NaN;
    if (!(days >= 1 && days <= MAX_CLOCK_OFFSET_DAYS))
      return setAdvanceError(t('dev.advanceInvalid'));
    const offsetMs = Number(clockOffsetSeconds) * 1000 + days * DAY_MS;
    if (!Number.isInteger(offsetMs) || Math.abs(offsetMs) > MAX_CLOCK_OFFSET_MS) {
      return setAdvanceError(t('dev.advanceTooFar'));
    }
    setAdvanceError(null);
    save.mutate(settings(offsetMs), {
      onSuccess: () => {
        setClockOffsetSeconds(String(offsetMs / 1000));
        setAdvanced(days);
      },
    });
  }

  return (
    <Card title={t('dev.faults')}>
      <form className={styles.form} onSubmit={submit}>
        <TextField
          label={t('dev.latency')}
          type="number"
          min={0}
          max={MAX_LATENCY_MS}
          step={100}
          value={latencyMs}
          onChange={(event) => setLatencyMs(event.target.value)}
        />
        <TextField
          label={t('dev.errorRate')}
          type="number"
          min={0}
          max={MAX_ERROR_RATE * 100}
          step={5}
          value={errorPercent}
          onChange={(event) => setErrorPercent(event.target.value)}
        />
        <TextField
          label={t('dev.clockOffset')}
          type="number"
          min={-MAX_CLOCK_OFFSET_MS / 1000}
          max={MAX_CLOCK_OFFSET_MS / 1000}
          step={30}
          value={clockOffsetSeconds}
          onChange={(event) => setClockOffsetSeconds(event.target.value)}
        />
        <label className={styles.checkbox}>
          <input
            type="checkbox"
            checked={offline}
            onChange={(event) => setOffline(event.target.checked)}
          />
          {t('dev.offline')}
        </label>
        <div className={styles.formActions}>
          <Button type="submit" variant="primary" busy={save.isPending}>
            {t('common.save')}
          </Button>
          {save.isSuccess && advanced === null && <span role="status">{t('dev.saved')}</span>}
        </div>
        {save.isError && <Alert tone="danger">{errorMessage(t, language, save.error)}</Alert>}
      </form>
      <form className={styles.advance} onSubmit={advance} noValidate>
        <TextField
          label={t('dev.advanceDays')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_CLOCK_OFFSET_DAYS}
          step={1}
          value={advanceDays}
          error={advanceError ?? undefined}
          onChange={(event) => {
            setAdvanceDays(event.target.value);
            setAdvanceError(null);
          }}
        />
        <Button type="submit" busy={save.isPending}>
          {t('dev.advance')}
        </Button>
        {advanced !== null && save.isSuccess && (
          <span role="status">{t('dev.advanced', { count: advanced })}</span>
        )}
      </form>
    </Card>
  );
}

/** MOCK-8: 10,000 tickets and 500 members, with the progress of each batch. */
function LargeDemoCard() {
  const t = useT();
  const language = useLanguage();
  const load = useLoadLargeDemo();
  const format = (count: number) => count.toLocaleString(language);
  return (
    <Card
      title={t('dev.largeDemo')}
      description={t('dev.largeDemoHint')}
      actions={
        <Button busy={load.isPending} onClick={() => load.mutate()}>
          {t('dev.largeDemo')}
        </Button>
      }
    >
      {load.isPending && (
        <div className={styles.progress}>
          <progress value={load.loaded} max={load.total} aria-label={t('dev.largeDemoLoading')} />
          <span role="status">
            {t('dev.largeDemoProgress', { done: format(load.loaded), total: format(load.total) })}
          </span>
        </div>
      )}
      {load.isSuccess && (
        <Alert tone="success">{t('dev.largeDemoDone', { total: format(load.total) })}</Alert>
      )}
      {load.isError && <Alert tone="danger">{errorMessage(t, language, load.error)}</Alert>}
    </Card>
  );
}

function ResetCard() {
  const t = useT();
  const language = useLanguage();
  const reset = useResetDemoData();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Card
        title={t('dev.reset')}
        description={t('dev.resetHint')}
        actions={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t('dev.reset')}
          </Button>
        }
      >
        {reset.isSuccess && <Alert tone="success">{t('dev.resetDone')}</Alert>}
        {reset.isError && <Alert tone="danger">{errorMessage(t, language, reset.error)}</Alert>}
      </Card>
      <ConfirmDialog
        open={confirming}
        title={t('dev.reset')}
        description={t('dev.resetConfirm')}
        confirmLabel={t('dev.reset')}
        tone="danger"
        pending={reset.isPending}
        onConfirm={() => reset.mutate(undefined, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
