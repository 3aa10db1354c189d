// The app's custom events, typed in one place: properties go down, these come up.
import type { Scenario } from '../scenario/schema';

export type RunRequestEvent = CustomEvent<{ runs: number; seed: string }>;
/** A capacity sweep's steps (FTE) and runs; `service`, a caseload service's id, sweeps its workers, not the coordinators. */
export type SweepRequestEvent = CustomEvent<{ capacity: number[]; runs: number; service?: string }>;
/** The option the verdict and the coordinator answer speak of (1 = the first). */
export type FocusChangeEvent = CustomEvent<{ arm: number }>;
export type CompareRequestEvent = CustomEvent<{ entries: Array<{ label: string; raw: unknown }> }>;
export type CancelRequestEvent = CustomEvent<Record<string, never>>;
export type ScenarioChangeEvent = CustomEvent<{ raw: unknown; scenario: Scenario | undefined }>;
/** A whole scenario to load (saved, imported or shared), with where it came from. */
export type ScenarioLoadEvent = CustomEvent<{ raw: unknown; label: string }>;
/** The scenarios saved in this browser changed (one saved or deleted): lists of them read the store again. */
export type SavedChangeEvent = CustomEvent<Record<string, never>>;

declare global {
  interface GlobalEventHandlersEventMap {
    'run-request': RunRequestEvent;
    'cancel-request': CancelRequestEvent;
    'sweep-request': SweepRequestEvent;
    'focus-change': FocusChangeEvent;
    'compare-request': CompareRequestEvent;
    'scenario-change': ScenarioChangeEvent;
    'scenario-load': ScenarioLoadEvent;
    'saved-change': SavedChangeEvent;
  }
}

/** Dispatches an event that leaves shadow roots. */
export function emit<K extends keyof GlobalEventHandlersEventMap>(from: EventTarget, type: K, detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never): void {
  from.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
