// A scenario written before costs went to their units (issue 23) opens, upgraded, with a note of every change: a
// user's saved or exported scenario is not lost to a schema change. Pure: the raw JSON in, a new raw JSON and the
// notes out; anything it does not recognise is left for the validator to name.

/** The process costs booked per child; every other process cost is a family's. */
const PER_CHILD = new Set(['referral', 'assessment']);

/** The trial's share of pre-proceedings families with care proceedings, as the shipped scenarios give it. */
const PRE_PROCEEDINGS_SHARE = {
  value: 0.717,
  unit: 'share',
  source:
    'upgraded: 71.7% of the control arm had care proceedings issued within 12 months of the pre-proceedings letter, Coram / Foundations randomised trial of FGC at pre-proceedings (Taylor et al., BJSW 2024; external-references.md)',
};

/** Direct care entries with proceedings, for a scenario that never said: England's share of starts under an order as the top. */
const DIRECT_ENTRIES_SHARE = {
  dist: 'uniform',
  min: 0.1,
  max: 0.4,
  unit: 'share',
  source:
    "upgraded: England's 2020/21 care starts began 40% under an interim or full care order or an emergency protection order (DfE cla_starting_by_characteristic.csv), pre-proceedings entries included, so direct entries' share is below that; 0.1 to 0.4 until it is set from the council's own figures",
};

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A quantity as the schema writes one: a value or a distribution. */
function isQuantity(x: unknown): x is Json {
  return isObject(x) && ('value' in x || 'dist' in x);
}

/**
 * The scenario upgraded to the current schema where it is in an earlier one's form, and what was changed (empty,
 * and the same object, when nothing was): process costs with a unit of plain GBP say whose cost they are; a
 * placement's single cost becomes its fixed part, with a marginal part of 0 (nothing counted cashable until the
 * user splits it); the care-proceedings shares are added where missing.
 */
export function upgradeScenario(raw: unknown): { raw: unknown; notes: string[] } {
  if (!isObject(raw)) return { raw, notes: [] };
  const notes: string[] = [];
  // Copies only along the paths it changes (the rest is shared with `raw`, which is never written): a hostile file
  // nested thousands deep costs nothing here, and is refused by the validator.
  const out: Json = { ...raw };
  const costs = isObject(out.costs) ? (out.costs = { ...out.costs }) : undefined;
  if (costs && isObject(costs.process)) {
    const process = (costs.process = { ...costs.process });
    for (const [key, cost] of Object.entries(process)) {
      if (!isQuantity(cost) || cost.unit !== 'GBP') continue;
      const perChild = PER_CHILD.has(key);
      process[key] = { ...cost, unit: perChild ? 'GBP/child' : 'GBP/family' };
      notes.push(
        perChild
          ? `costs.process.${key}: unit GBP is now GBP/child (as it was booked)`
          : `costs.process.${key}: unit GBP is now GBP/family: it was booked for each child of a family, and is now booked once a family (one enquiry, conference or application for a sibling group): check the value is a family's`,
      );
    }
  }
  const perChild = costs && isObject(costs.perChild) ? (costs.perChild = { ...costs.perChild }) : undefined;
  if (perChild && isObject(perChild.cla)) {
    const cla = (perChild.cla = { ...perChild.cla });
    for (const [key, cost] of Object.entries(cla)) {
      if (!isQuantity(cost)) continue;
      const marginal: Json = { value: 0, unit: cost.unit, source: 'upgraded: no marginal (cashable) part given; split the cost to count cashable savings' };
      if (cost.priceYear !== undefined) marginal.priceYear = cost.priceYear;
      cla[key] = { marginal, fixed: cost };
      notes.push(`costs.perChild.cla.${key}: the whole cost is now its fixed part (not cashable) and its marginal part 0: split it into what stops with the placement (allowances, fees) and what does not, to count cashable savings`);
    }
  }
  const pathway = isObject(out.pathway) ? (out.pathway = { ...out.pathway }) : undefined;
  if (pathway && isObject(pathway.preProceedings) && !('proceedingsShare' in pathway.preProceedings)) {
    pathway.preProceedings = { ...pathway.preProceedings, proceedingsShare: { ...PRE_PROCEEDINGS_SHARE } };
    notes.push('pathway.preProceedings.proceedingsShare: added, 0.717 (the trial\'s control arm): care proceedings are now booked only where there were proceedings');
  }
  if (pathway && isObject(pathway.cla) && !('proceedingsShareOfDirectEntries' in pathway.cla)) {
    pathway.cla = { ...pathway.cla, proceedingsShareOfDirectEntries: { ...DIRECT_ENTRIES_SHARE } };
    notes.push('pathway.cla.proceedingsShareOfDirectEntries: added, 0.1 to 0.4 (below England\'s 40% of care starts under an order): set it from the council\'s own figures');
  }
  // An old file had no appraisal horizon: it is now 10 years, past the simulation (only said for a file upgraded).
  if (notes.length && (!isObject(out.finance) || !('appraisalYears' in out.finance))) {
    notes.push('finance.appraisalYears: not given: the appraisal now runs 10 years, carrying the last full simulated year past the simulation; set it to the simulated years to appraise those only');
  }
  return notes.length ? { raw: out, notes } : { raw, notes };
}
