// The open scenario, for <cs-app> (a Lit ReactiveController): where it came from, its raw JSON as edited and its
// validated form, the draft kept in this tab, and what was said on opening it (restored, upgraded, a bad link, its
// problems). Opening one: a draft from before a reload, a share link, a shipped scenario, or one from elsewhere on the
// page (saved, imported, shared, built, calibrated).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { upgradeScenario } from '../scenario/upgrade';
import { formatErrors, parseScenario } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { hasOwn } from '../scenario/check';
import { cannotDraw } from './editor-model';
import { clearDraft, readDraft, saveDraft } from './scenario-store';
import { scenarioFromHash } from './share-link';
import { DEFAULT_SCENARIO, SHIPPED } from './shipped-scenarios';

export class ScenarioController implements ReactiveController {
  /** The shipped scenario last chosen (the one Reset returns to). */
  key = DEFAULT_SCENARIO;
  /** The scenario as edited (raw JSON, possibly invalid); `scenario` is its validated form. */
  raw: unknown;
  scenario: Scenario | undefined;
  edited = false;
  /** Where the loaded scenario came from, when not a shipped one (saved, imported, shared). */
  origin = '';
  /** Said when a reload brought back the scenario being edited, or an older scenario was upgraded. */
  restored = '';
  /** Why the page's share link could not be opened: kept on screen until another scenario is loaded. */
  linkProblem = '';
  /** Why the scenario could not open or run (its problems), kept on screen until it can. */
  error = '';
  /** Scenarios loaded so far: a new one clears what the keep-and-share panel last said. */
  loads = 0;
  /** Whether the scenario being edited is kept in this tab (a reload brings it back); if not, leaving asks first. */
  private draftKept = true;
  private readonly beforeUnload = (e: BeforeUnloadEvent) => {
    if (this.edited && !this.draftKept) e.preventDefault();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Told each time a scenario is opened (not on an edit): what was run on the last one no longer applies. */
    private readonly opened: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeunload', this.beforeUnload);
  }

  hostDisconnected(): void {
    removeEventListener('beforeunload', this.beforeUnload);
  }

  get name(): string {
    return (this.raw as { name?: string } | undefined)?.name ?? 'scenario';
  }

  /** Opens the scenario being edited before a reload, or the one a share link carries, or the default. */
  async start(): Promise<void> {
    const draft = readDraft(location.hash);
    if (draft) this.key = hasOwn(SHIPPED, draft.scenarioKey) ? draft.scenarioKey : DEFAULT_SCENARIO;
    if (draft && this.loadRaw(draft.raw, draft.origin) === undefined) {
      this.edited = true;
      this.draftKept = saveDraft(draft);
      const upgraded = this.restored;
      this.restored = `Your edits from before the page was reloaded are back. They are not saved: save them to keep them beyond this tab.${upgraded ? ` ${upgraded}` : ''}`;
    } else {
      const shared = await scenarioFromHash(location.hash);
      const refused = shared && 'raw' in shared ? this.loadRaw(shared.raw, 'Shared link') : undefined;
      if (!shared || 'problem' in shared || refused !== undefined) {
        this.load(this.key);
        if (shared) this.linkProblem = 'problem' in shared ? shared.problem : `The share link could not be opened (${refused}); the default scenario is loaded instead.`;
      }
    }
    this.host.requestUpdate();
  }

  /** Opens a shipped scenario. */
  load(key: string): void {
    this.key = key;
    this.loadRaw(SHIPPED[key], '');
  }

  /**
   * Opens a scenario as raw JSON; an invalid one still opens in the editor with its problems. One the editor cannot
   * draw is refused whole, the current scenario left as it was: the reason is returned (and said).
   */
  loadRaw(given: unknown, origin: string): string | undefined {
    // A scenario written for an earlier schema opens upgraded, saying what changed (src/scenario/upgrade.ts).
    const { raw, notes } = upgradeScenario(given);
    const refused = cannotDraw(raw);
    if (refused !== undefined) {
      this.error = `${origin || 'The scenario'} was not opened, and the scenario you had is as it was: ${refused}.`;
      this.host.requestUpdate();
      return refused;
    }
    const parsed = parseScenario(raw);
    this.raw = structuredClone(raw);
    this.origin = origin;
    this.loads++;
    this.edited = false;
    clearDraft();
    this.draftKept = true;
    this.restored = notes.length ? `${origin || 'This scenario'} was written for an earlier version and was upgraded to open: ${notes.join('; ')}.` : '';
    this.linkProblem = '';
    this.error = parsed.ok ? '' : `This scenario has problems to fix before it can run:\n${formatErrors(parsed.errors)}`;
    this.scenario = parsed.ok ? parsed.value : undefined;
    this.opened();
    this.host.requestUpdate();
    return undefined;
  }

  /** Keeps an edit: the scenario as edited, kept in this tab (a reload brings it back). */
  keepEdit(raw: unknown, scenario: Scenario | undefined): void {
    this.raw = raw;
    this.scenario = scenario;
    this.edited = true;
    this.draftKept = saveDraft({ raw, origin: this.origin, scenarioKey: this.key, hash: location.hash });
    this.host.requestUpdate();
  }

  /** How many problems the scenario as edited has. */
  errorCount(): number {
    const parsed = parseScenario(this.raw);
    return parsed.ok ? 0 : parsed.errors.length;
  }
}
