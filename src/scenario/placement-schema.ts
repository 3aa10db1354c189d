// Placements by age at entry, moves between placement types in care, and the support paid for after care (issue 26):
// the parts of the scenario schema that say them. Split from ./schema.ts, which uses them.
import { arr, literal, num, obj, optional, refine, str, type Out } from './check';
import { sumProblem } from './duration-schema';
import { LIMITS } from './limits';
import { NON_NEGATIVE, PROBABILITY, quantity } from './quantity';

export const PLACEMENTS = ['kinship', 'inHouseFostering', 'independentFostering', 'residential', 'other'] as const;
export type Placement = (typeof PLACEMENTS)[number];
/** The placements a child not placed with kin can enter care in. */
export const NON_KIN_PLACEMENTS = ['inHouseFostering', 'independentFostering', 'residential', 'other'] as const;

/** DfE's age bands (children looked after by age): under 1, 1–4, 5–9, 10–15, 16 and over (to the 18th birthday). */
export const AGE_BANDS = ['under1', 'age1to4', 'age5to9', 'age10to15', 'age16plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const share = num(PROBABILITY);
const nonKinMix = refine(obj({ inHouseFostering: share, independentFostering: share, residential: share, other: share }), (s) => sumProblem(Object.values(s)));

/**
 * Of the children of a family not placed with kin, the shares by placement at entry to care, by the child's age band
 * at entry (each band's four shares sum to 1). The kinship share is the family's (pathway.cla.placements, where the
 * FGC effect on kinship acts): relatives take a sibling group.
 */
export const placementByAge = obj({
  shares: obj({ under1: nonKinMix, age1to4: nonKinMix, age5to9: nonKinMix, age10to15: nonKinMix, age16plus: nonKinMix }),
  source: str(),
  note: optional(str()),
});

const placement = literal(...PLACEMENTS);
const MOVES_A_YEAR = quantity({ ...NON_NEGATIVE, max: 12, reason: 'moves a child-year from one placement type to another: 0 or more, at most 12 (one a month)' }, ['moves/child/year']);
const move = obj({ from: placement, to: placement, perChildYear: MOVES_A_YEAR, note: optional(str()) });

/**
 * Changes of placement in care, as DfE counts new placements: each pair's rate a child-year in care, by age band if
 * given. A move from a type to itself is a new placement of the same type (another carer, a change of status only):
 * counted, its cost unchanged.
 */
export const placementMoves = obj({
  moves: refine(arr(move, { minLength: 1, maxLength: PLACEMENTS.length * PLACEMENTS.length, why: 'one a pair of placement types (a type to itself too)' }), (moves) => {
    const seen = new Set<string>();
    for (const [i, m] of moves.entries()) {
      const key = `${m.from} → ${m.to}`;
      if (seen.has(key)) return `[${i}]: ${key} is given twice; give each pair once`;
      seen.add(key);
    }
    return undefined;
  }),
  /** A multiplier on every move's rate by the child's age band at the time (absent: 1 in every band). */
  byAge: optional(
    obj({
      multipliers: arr(num({ min: 0, max: 100, reason: 'a multiplier on the moves\' rate is 0 (none at that age) or more' }), { length: AGE_BANDS.length, why: 'one a DfE age band: under 1, 1–4, 5–9, 10–15, 16 and over' }),
      source: str(),
      note: optional(str()),
    }),
  ),
  note: optional(str()),
});

const COST = { ...NON_NEGATIVE, ...LIMITS.cost, reason: 'a cost cannot be negative' };

/** Support paid for after care: its cost a child, the share of the children leaving by its route it is paid for, and to what age. */
const support = obj({
  cost: quantity(COST, ['GBP/week', 'GBP/month', 'GBP/year'], { money: true }),
  share: quantity(PROBABILITY, ['share']),
  untilAge: num({ min: 0, max: 25, reason: 'an age in years, to 25 at most (a personal adviser\'s support ends at 25)' }),
  /** Whether it is a payment the council stops making when fewer children need it (an allowance) or staff time (not cashable). */
  cashable: literal('yes', 'no'),
  note: optional(str()),
});

/**
 * What follows care and is paid for, in every arm alike: special guardianship and adoption allowances (from the exit
 * by that route), staying put (a care leaver at 18 in foster care then) and a personal adviser (every care leaver at 18).
 */
export const afterCare = obj({
  specialGuardianshipAllowance: support,
  adoptionAllowance: support,
  stayingPut: support,
  personalAdviser: support,
  note: optional(str()),
});
export type AfterCare = Out<typeof afterCare>;
/** The kinds of support after care, in the walk's order (AFTER_CARE_KINDS in src/wasm/layout-table.ts). */
export const AFTER_CARE_KINDS = ['specialGuardianshipAllowance', 'adoptionAllowance', 'stayingPut', 'personalAdviser'] as const;
