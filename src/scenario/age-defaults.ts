// England's age mixes, for a scenario that gives none (demand.ageMix, initialStocks.claAgeMix): DfE, Children looked
// after in England 2025 (national rows, ../shared/data/dfe; Open Government Licence v3.0), shares of the band counts.

/** Children looked after on 31 March 2025 by age group: 3,630 under 1; 10,030 aged 1–4; 15,110 5–9; 30,930 10–15; 22,060 16 and over. */
export const ENGLAND_CLA_AGE_MIX = {
  shares: { under1: 0.0444, age1to4: 0.1227, age5to9: 0.1848, age10to15: 0.3783, age16plus: 0.2698 },
  source: "DfE, Children looked after in England 2025, cla_31_march_by_characteristic.csv, 'Age group', National, 2025: 3,630 / 10,030 / 15,110 / 30,930 / 22,060 of 81,760",
  note: 'England, used where the scenario gives no age mix of its own',
};

/**
 * Children starting to be looked after in 2024/25 by age on starting: 5,140 under 1; 4,430 aged 1–4; 4,920 5–9; 8,660
 * 10–15; 9,110 16 and over. It stands in for the ages of referred children (these files give no age at referral);
 * unaccompanied asylum-seeking children make its 16-and-over share larger than a council's referrals' may be.
 */
export const ENGLAND_REFERRAL_AGE_MIX = {
  shares: { under1: 0.1593, age1to4: 0.1373, age5to9: 0.1525, age10to15: 0.2684, age16plus: 0.2825 },
  source: "assumption: the ages of children starting care stand in for referred children's; DfE, Children looked after in England 2025, cla_starting_by_characteristic.csv, 'Age on starting', National, 2025: 5,140 / 4,430 / 4,920 / 8,660 / 9,110 of 32,260",
  note: 'England, used where the scenario gives no age mix of its own',
};
