// The calibration re-draws a group of shares run by run as the simulator drew them (its own copy of the Dirichlet
// draw, since analysis does not import the simulator): the two must give the same shares, branch by branch.
import { describe, expect, it } from 'vitest';
import { drawnShares, withPriors } from '../../../src/engine/analysis/calibrate-inputs';
import { drawParameters } from '../../../src/engine/sim/params';
import { DARLINGTON, LEEDS, loadScenario } from '../../helpers/scenarios';

describe('shares re-drawn for calibration', () => {
  it('are the simulator’s own draws, run by run, for every group of exits in both shipped scenarios', () => {
    for (const file of [LEEDS, DARLINGTON]) {
      for (const state of ['assessment', 'cin', 'cp', 'preProceedings', 'cla']) {
        const path = `pathway.${state}.exits`;
        const s = withPriors(loadScenario(file), [path]);
        const redrawn = drawnShares(s, path, 'seed', 5);
        for (let r = 0; r < 5; r++) {
          const drawn = new Map<string, number>();
          drawParameters(s, 'seed', r, drawn);
          for (const [branch, values] of redrawn) expect(values[r], `${file} ${path} ${branch} run ${r}`).toBe(drawn.get(`${path}.shares.${branch}`));
        }
      }
    }
  });
});
