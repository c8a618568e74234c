import type { ServerState } from '../domain/state';
import { COLLECTION_NAMES, type CollectionName } from './collections';
import type { Key, KeyRange } from './record-backend';

/** Some records of one collection, picked by key or by an index range. */
export type Pick = {
  from: CollectionName;
  /** Tickets: their conversation too, not the header alone. */
  withSplit?: boolean;
  /**
   * Records the transaction reads but never changes (list rows, names): they
   * come frozen from the tab's copy of the store while it is current. A
   * record loaded for change by an earlier stage stays the one loaded.
   */
  readOnly?: boolean;
} & (
  | { all: true }
  /** Records whose key (the registry's `key`) is one of these. */
  | { keys: readonly Key[] }
  | { index: string; range: KeyRange }
);

/** Picks made from what is loaded so far (the meta record, whole collections, earlier stages). */
export type PickStage<X = void> = (view: ServerState, extra: X) => readonly Pick[];

/**
 * What a transaction reads (ADR 0017). A collection named nowhere is not
 * loaded, and touching it in the transaction is an error that says so. The
 * meta record (the scalars: sequence, dev settings, notice) is always loaded.
 */
export interface LoadPlan<X = void> {
  /** Loaded in full: tickets with their conversations. */
  whole?: readonly CollectionName[];
  /** Loaded empty: what the transaction adds is written, nothing else is read. */
  append?: readonly CollectionName[];
  /** Loaded in part, one stage after the other, in the same transaction. */
  stages?: readonly PickStage<X>[];
  /** The collections the stages pick from; without it every store joins the transaction. */
  pickFrom?: readonly CollectionName[];
}

/**
 * Every collection whole. No request loads it (ADR 0024); a caller that truly
 * wants the whole state, such as a test looking at it, names it.
 */
export const EVERYTHING = { whole: COLLECTION_NAMES } satisfies LoadPlan<unknown>;

/** One plan of several: every collection any of them loads, the widest way it does. */
export function mergePlans<X>(...plans: readonly (LoadPlan<X> | undefined)[]): LoadPlan<X> {
  const whole = new Set<CollectionName>();
  const append = new Set<CollectionName>();
  const stages: PickStage<X>[] = [];
  let pickFrom: Set<CollectionName> | null = new Set();
  for (const plan of plans) {
    for (const name of plan?.whole ?? []) whole.add(name);
    for (const name of plan?.append ?? []) append.add(name);
    stages.push(...(plan?.stages ?? []));
    if (plan?.stages?.length && plan.pickFrom === undefined) pickFrom = null;
    for (const name of plan?.pickFrom ?? []) pickFrom?.add(name);
  }
  return {
    whole: [...whole],
    append: [...append],
    stages,
    ...(pickFrom ? { pickFrom: [...pickFrom] } : {}),
  };
}

/** A plan's stages, given what they need besides the view. */
export function bindPlan<X>(plan: LoadPlan<X>, extra: (view: ServerState) => X): LoadPlan {
  return {
    ...plan,
    stages: (plan.stages ?? []).map((stage) => (view: ServerState) => stage(view, extra(view))),
  };
}
