// Pathway states and event kinds shared by the run context and the arm simulation.

export const enum State {
  Assessment = 0,
  Cin = 1,
  Cp = 2,
  PreProceedings = 3,
  Cla = 4,
  /** Case closed; a re-referral may be pending. */
  Closed = 5,
  /** Left the system for good. */
  Out = 6,
}

/** Event kinds, packed into a payload as family * 4 + kind. A payload of -1 is an FGC allocation slot. */
export const enum EventKind {
  Exit = 0,
  Arrival = 1,
  Conference = 2,
}

export const SLOT_PAYLOAD = -1;
