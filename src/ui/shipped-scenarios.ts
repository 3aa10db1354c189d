// The scenarios that ship with the app, as raw JSON (validated when loaded).
import darlington from '../../scenarios/darlington-2019.json';
import leeds from '../../scenarios/leeds-2015-family-valued.json';
import pip from '../../scenarios/leeds-2019-partners-in-practice.json';

export const SHIPPED: Record<string, unknown> = {
  'leeds-2015-family-valued': leeds,
  'darlington-2019': darlington,
  'leeds-2019-partners-in-practice': pip,
};

export const DEFAULT_SCENARIO = 'leeds-2015-family-valued';
