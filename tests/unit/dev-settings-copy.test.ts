import { describe, expect, it } from 'vitest';
import { createDevSettingsCopy } from '@/backend/dev-settings-copy';
import { DEFAULT_DEV_SETTINGS } from '@/backend/domain/state';

const OFFLINE = { ...DEFAULT_DEV_SETTINGS, offline: true };

describe("the fault switches' copy of the dev settings (MOCK-8, ADR 0027)", () => {
  it('keeps a change over a read that started before it and settled after it', () => {
    const copy = createDevSettingsCopy();
    const olderRead = copy.begin();
    const change = copy.begin();

    change.settle(DEFAULT_DEV_SETTINGS, OFFLINE);
    olderRead.settle(DEFAULT_DEV_SETTINGS, DEFAULT_DEV_SETTINGS);

    expect(copy.current()).toEqual(OFFLINE);
  });

  it("takes what a read that started after the last change saw: another process's change", () => {
    const copy = createDevSettingsCopy();
    copy.begin().settle(DEFAULT_DEV_SETTINGS, DEFAULT_DEV_SETTINGS);

    copy.begin().settle(OFFLINE, OFFLINE);

    expect(copy.current()).toEqual(OFFLINE);
  });
});
