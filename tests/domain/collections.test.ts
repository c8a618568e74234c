import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, indexedFields, specOf } from '@/backend/store/collections';

describe('the registry of collections (ADR 0017, ADR 0021)', () => {
  it.each(COLLECTION_NAMES)(
    'declares the column type of every field that %s keys or indexes by, and no other',
    (name) => {
      const spec = specOf(name);
      const used = indexedFields(spec);

      expect(used.filter((path) => spec.columns[path] === undefined)).toEqual([]);
      expect(Object.keys(spec.columns).filter((path) => !used.includes(path))).toEqual([]);
    },
  );
});
