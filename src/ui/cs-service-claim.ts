// <cs-service-claim>: a caseload service's published claim (Leeds's RES: "£406,466.60 a month", gross) beside what the
// run gives for the same option and financial year: costs avoided before the services' own cost, that extra cost, and
// the net, £ a month (the numbers `npm run service-claim` prints). Pure render of the engine's serviceClaim.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { claimProblem, serviceClaim, type RunSummary, type Stat } from '../engine';
import type { Scenario } from '../scenario/schema';
import { formatFixed, formatGbp, meanAndBand } from './format';

/** A simulated row: £ a month, the mean with its P10 to P90. */
const simulated = (claim: string, label: string, s: Stat) => {
  const { mean, band } = meanAndBand(s, formatGbp);
  return html`<tr><th scope="row">${label}</th><td data-claim=${claim} data-mean=${s.mean}>${mean} <span class="band">(${band})</span></td></tr>`;
};

@customElement('cs-service-claim')
export class CsServiceClaim extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.9rem; }
    table { border-collapse: collapse; margin: 0.5rem 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
    th, td { text-align: right; padding: 0.3rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
    th[scope='row'], thead th:first-child { text-align: left; font-weight: normal; }
    .band { color: #555; font-size: 0.85em; }
    .note { color: #555; font-size: 0.85rem; }
    /* A narrow screen scrolls a wide table inside itself, not the page. */
    @media (max-width: 48rem) { table { display: block; overflow-x: auto; } }
  `;

  /** The run's summary. */
  @property({ attribute: false }) summary: RunSummary | undefined;
  /** The scenario the summary was run from (its service's published claim). */
  @property({ attribute: false }) scenario: Scenario | undefined;

  override render() {
    const { summary, scenario } = this;
    if (!summary || !scenario) return nothing;
    const problem = claimProblem(scenario, summary);
    if (problem) return html`<p class="note" id="claim-problem">The published claim cannot be set beside this run: ${problem}.</p>`;
    const c = serviceClaim(scenario, summary);
    const grade = scenario.services?.[0]?.effects.byOfferPoint.referral.rrEntryToCare.grade;
    const prices = c.priceYear ? `${c.priceYear} prices` : 'each cost at its source’s price year';
    return html`
      <table tabindex="0" id="service-claim">
        <caption>Published claim beside the simulation: ${c.service}, “${c.option}” against “${c.reference}”, ${c.year}; £ a month, means over runs with P10 to P90 (${prices})</caption>
        <thead><tr><th scope="col">Figure</th><th scope="col">£ a month</th></tr></thead>
        <tbody>
          <tr><th scope="row">Published (${c.published.basis}, ${c.published.priceYear} prices)</th><td data-claim="published" data-mean=${c.published.monthlySaving}>${formatGbp(c.published.monthlySaving)}</td></tr>
          ${simulated('gross', 'Simulated: costs avoided before the services’ own cost', c.simulated.gross)}
          ${simulated('cost', 'Simulated: the services’ extra cost (the teams)', c.simulated.serviceCost)}
          ${simulated('net', 'Simulated: net (the counterfactual’s cost less the option’s)', c.simulated.net)}
          ${c.claimWay
            ? html`<tr><th scope="row">Simulated effects costed the claim’s way (${formatGbp(c.claimWay.careEntryAvoided)} a care entry avoided, ${formatGbp(c.claimWay.cpPlanStarted)} a CP plan added; ${c.published.priceYear} prices; means)</th><td data-claim="claim-way" data-mean=${c.claimWay.monthly}>${formatGbp(c.claimWay.monthly)}</td></tr>`
            : nothing}
        </tbody>
      </table>
      <p class="note" id="claim-per-month">
        A month in ${c.year}, means over runs: <span data-claim="children" data-mean=${c.perMonth.childrenTakenOn}>${formatFixed(c.perMonth.childrenTakenOn, 1)}</span> children taken on,
        <span data-claim="care-avoided" data-mean=${c.perMonth.claEntriesAvoided}>${formatFixed(c.perMonth.claEntriesAvoided, 2)}</span> fewer children entering care,
        <span data-claim="cp-added" data-mean=${c.perMonth.cpEntriesAdded}>${formatFixed(c.perMonth.cpEntriesAdded, 2)}</span> more child protection plans starting.
      </p>
      <p class="note" id="claim-caution">
        ${c.published.basis === 'gross'
          ? `The claim is gross: it does not take off the teams’ own cost, so compare it with the costs avoided before the services’ cost, not with the net. `
          : `The claim is net of the service’s own cost: compare it with the net. `}
        ${grade === 'uncontrolled comparison'
          ? 'It comes from an uncontrolled before-and-after comparison (no comparison group), which cannot separate the service from everything else that changed at the time. '
          : ''}The simulation’s effect of the service on care is graded “${grade ?? 'ungraded'}” in the scenario’s inputs. The simulated figures are as they fall, undiscounted and before optimism bias (the appraisal adds it to the costs); the row costed the claim’s way is of the means.
      </p>
      <p class="note" id="claim-source">Source: ${c.published.source}${c.published.note ? html`<br />${c.published.note}` : nothing}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-service-claim': CsServiceClaim;
  }
}
