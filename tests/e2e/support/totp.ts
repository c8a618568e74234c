import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';

const PERIOD_SECONDS = 30;

/**
 * The code a phone app shows for a secret, `offsetSteps` steps from now,
 * computed by oathtool: an implementation independent of the product's.
 */
export function phoneCode(secret: string, offsetSteps = 0): string {
  const at = Math.floor(Date.now() / 1000) + offsetSteps * PERIOD_SECONDS;
  return execFileSync('oathtool', ['--totp', '-b', secret, `--now=@${at}`], {
    encoding: 'utf8',
  }).trim();
}

/** Steps either side of now a wrong code keeps clear of: the window, and the clock-drift hint's reach (DRIFT-1) with room for a slow machine. */
const NEAR_STEPS = 12;

/**
 * A 6-digit code that none of the steps the server may accept, now or a few
 * steps later on a slow machine, would take, and that no phone with a clock a
 * little off would show either.
 */
export function wrongCode(secret: string): string {
  const offsets = Array.from({ length: 2 * NEAR_STEPS + 1 }, (_, index) => index - NEAR_STEPS);
  const accepted = new Set(offsets.map((offset) => phoneCode(secret, offset)));
  let candidate = 123456;
  while (accepted.has(String(candidate))) candidate += 1;
  return String(candidate);
}

/** Reads a QR code the way a phone would: from pixels, with zbarimg. */
export async function scanQrCode(qr: Locator): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'qr-')), 'qr.png');
  writeFileSync(file, await qr.screenshot());
  return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
}

export function secretOf(otpauthUri: string): string {
  const secret = new URL(otpauthUri).searchParams.get('secret');
  if (!secret) throw new Error(`No secret in ${otpauthUri}`);
  return secret;
}
