/**
 * The criteria a decision rests on: EU Common Position 2008/944/CFSP (as amended by Council Decision (CFSP)
 * 2019/1560), in short words, and Art. 5 of Regulation (EU) 2021/821. `api` is the value the API records: it
 * knows the eight criteria and Art. 5, so a sub-criterion is recorded as its criterion.
 */
export const CRITERIA = [
  { id: '1', api: '1', label: '1 International obligations, commitments and embargoes' },
  { id: '1a', api: '1', label: '1a UN, EU or OSCE arms embargo', sub: true },
  { id: '1b', api: '1', label: '1b Non-proliferation treaties (NPT, BWC, CWC)', sub: true },
  { id: '1c', api: '1', label: '1c Anti-personnel landmines', sub: true },
  { id: '1d', api: '1', label: '1d Export control regimes (Wassenaar, MTCR, NSG, Australia Group)', sub: true },
  { id: '1e', api: '1', label: '1e Arms Trade Treaty', sub: true },
  { id: '1f', api: '1', label: '1f Other international obligations', sub: true },
  { id: '2', api: '2', label: '2 Respect for human rights and international humanitarian law' },
  { id: '2a', api: '2', label: '2a Clear risk of use for internal repression', sub: true },
  { id: '2b', api: '2', label: '2b Serious violations of human rights established', sub: true },
  { id: '2c', api: '2', label: '2c Clear risk of serious violations of humanitarian law', sub: true },
  { id: '3', api: '3', label: '3 Internal situation: tensions or armed conflict' },
  { id: '4', api: '4', label: '4 Regional peace, security and stability' },
  { id: '5', api: '5', label: '5 Security of member states and allies' },
  { id: '6', api: '6', label: '6 Behaviour towards terrorism and international law' },
  { id: '7', api: '7', label: '7 Risk of diversion or re-export' },
  { id: '8', api: '8', label: '8 Technical and economic capacity of the recipient' },
  { id: 'ART5', api: 'ART5', label: 'Art. 5 Cyber-surveillance catch-all (Regulation (EU) 2021/821)' },
];

/** The short name of a criterion the API records ('1'…'8', 'ART5'). */
export function criterionName(api) {
  const c = CRITERIA.find((x) => x.id === api);
  return c ? c.label : `Criterion ${api}`;
}

/** The API's criteria for the ticked ids, each once, in list order. */
export function apiCriteria(ids) {
  const out = [];
  for (const c of CRITERIA) {
    if (ids.includes(c.id) && !out.includes(c.api)) out.push(c.api);
  }
  return out;
}
