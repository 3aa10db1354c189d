// Issue 25, point 4: DfE's reasons for ceasing care, each onto a route out of care.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CEASED_REASON_ROUTES } from '../../src/scenario/ceased-reasons';
import { CARE_ROUTES } from '../../src/scenario/schema';
import { ROOT } from '../helpers/scenarios';

const FILE = `${ROOT}../shared/data/dfe/cla_ceased_by_reason_decoded.csv`;

describe("DfE's reasons a period of care ceased", () => {
  it('are 17, each onto one of the routes, adoption and special guardianship their own', () => {
    const reasons = Object.keys(CEASED_REASON_ROUTES);
    // The issue counts 18 categories; DfE's file has 17 reasons and their total.
    expect(reasons).toHaveLength(17);
    for (const route of Object.values(CEASED_REASON_ROUTES)) expect(CARE_ROUTES).toContain(route);
    expect(CEASED_REASON_ROUTES.Adopted).toBe('adoption');
    expect(CEASED_REASON_ROUTES['Special guardianship order']).toBe('specialGuardianship');
    expect(reasons.filter((r) => CEASED_REASON_ROUTES[r] === 'returnHome')).toHaveLength(3);
  });

  it("are every reason in DfE's file, and nothing else (where the published data are: ../shared/data)", () => {
    if (!existsSync(FILE)) return; // a clean clone has no data folder: the mapping above is what ships
    const inFile = new Set<string>();
    for (const line of readFileSync(FILE, 'utf8').split('\n')) {
      const m = line.match(/,Reason episode ceased,("[^"]+"|[^,]+),/);
      if (m && m[1] !== 'Total') inFile.add(m[1]!.replace(/^"|"$/g, ''));
    }
    expect([...inFile].sort()).toEqual(Object.keys(CEASED_REASON_ROUTES).sort());
  });
});
