// <cs-help>: the words the page uses, one line each, and how the model works on one page, in plain English.
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** The glossary: a term (with what its letters stand for) and one plain line. */
const WORDS: Array<[string, string]> = [
  ['CIN (child in need)', 'A child on a child in need plan: help from children’s services without a protection plan. (DfE’s published count of children in need also includes children on plans and in care; the model’s does not.)'],
  ['CP (child protection plan)', 'A plan for a child judged at risk of significant harm, agreed at a child protection conference.'],
  ['CLA (children looked after)', 'Children in the council’s care: with relatives, foster carers, in a children’s home or elsewhere.'],
  ['ICPC (initial child protection conference)', 'The meeting that decides whether a child needs a protection plan; one of the four points where an FGC can be offered.'],
  ['SGO (special guardianship order)', 'A court order that places a child for the long term with a guardian, often a relative; one of the ways out of care here.'],
  ['FGC (family group conference)', 'A meeting, set up by an independent coordinator, at which the wider family makes its own plan for the child.'],
  ['FTE (full-time equivalent)', 'Staff counted as full-time posts: two half-time coordinators are 1 FTE.'],
  ['NPV (net present value)', 'Savings less costs over the appraisal years, later years discounted at the scenario’s rate (3.5% a year, HM Treasury’s Green Book rate, unless the scenario sets another); above 0, the option pays for itself.'],
  ['BCR (benefit–cost ratio)', 'The present value of the savings divided by the present value of the extra FGC service cost; above 1, the option pays for itself.'],
  ['P10 and P90', 'The values that 10% and 90% of the runs fall below: 8 runs in 10 lie between them.'],
  ['Counterfactual', 'What the council would do anyway (for Leeds in 2015, its service before Family Valued); every option is compared with it.'],
  ['Arm', 'One way of running the FGC service, simulated side by side with the others: the counterfactual, or an option with its own number of coordinators.'],
  ['Run', 'One possible future: every uncertain input drawn once, then every family simulated month by month, in every arm. The results summarise many runs.'],
  ['Seed', 'The text that fixes the random numbers: the same scenario, runs and seed give the same results again.'],
  ['Cashable', 'A saving the budget gets back: here the placements’ marginal cost (carers’ payments, bought places), which stops when a placement does. Staff time and fixed costs are saved in value, not in cash.'],
];

@customElement('cs-help')
export class CsHelp extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 70rem; font-size: 0.95rem; }
    h2 { font-size: 1rem; margin: 1rem 0 0.4rem; }
    /* One line an entry, the term first, wrapping as the text does at any width. */
    dl { margin: 0; }
    dt { float: left; clear: left; font-weight: 600; margin-right: 0.4em; }
    dt::after { content: ':'; }
    dd { margin: 0 0 0.35rem; }
    p { margin: 0 0 0.6rem; }
  `;

  override render() {
    return html`
      <h2 id="glossary-heading">Words used on this page</h2>
      <dl id="glossary">
        ${WORDS.map(([term, meaning]) => html`<dt>${term}</dt><dd>${meaning}</dd>`)}
      </dl>
      <h2>How the model works</h2>
      <div id="how-it-works">
        <p>
          The model follows families of 1 to 5 children (plans and care are counted in children, FGCs in families). Each month new families are
          referred and assessed; a case then closes (and may come back) or goes to a child in need plan, a child protection plan,
          pre-proceedings or care, stepping up or down between them. Children leave care by going home, special guardianship,
          adoption, another route, or at 18.
        </p>
        <p>
          Time in a state is not memoryless: each stay is drawn from its own long-tailed distribution (lognormal, gamma, Weibull or
          one read from data), not from one fixed chance of leaving each month. The first month is the scenario’s own counts.
        </p>
        <p>
          The FGC service has a capacity: coordinators (FTE) × conferences a coordinator holds a year. FGCs are offered at four points:
          a child in need plan starting, an initial child protection conference, pre-proceedings, and in care. A family may decline;
          one that accepts joins a first-come queue, and goes on without a conference if it waits too long or its case closes.
        </p>
        <p>
          A conference held can change that family’s later path: its risks of child protection, care and care proceedings, its time
          in the system, placements with relatives, going home from care; most effects fade with time. Each effect belongs to the
          offer point where it was measured, with its evidence grade (randomised trial, quasi-experimental, uncontrolled comparison, or
          assumption); one measured on the offer is turned into one per conference held. By default (“trial evidence”) an effect
          nobody measured is centred on no effect.
        </p>
        <p>
          Every arm meets the same families with the same random numbers (common random numbers), so the difference between arms is
          the option’s own effect, not chance. The scenario is run many times (Monte Carlo): each run draws every uncertain input
          once, then simulates the families. Tables give the mean over runs with P10 to P90; charts give bands and the median.
        </p>
        <p>
          Costs follow what happens: referrals, assessments, enquiries, conferences and care proceedings as they happen, each month on
          a plan or in a placement, and the coordinators whether busy or not, all at one year’s prices. The appraisal follows the
          Green Book: financial years April to March, later years discounted at the scenario’s rate (3.5% by default), the service’s extra cost raised for
          optimism bias, and the savings split into cashable and not, with the budget’s own NPV (cashable savings only) beside the
          full one.
        </p>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cs-help': CsHelp;
  }
}
