/**
 * Synthetic data for denial screening. Real denial notifications are confidential between states, so nothing here
 * is real: firm names are composed, seeded, from lists of brand words, generic words, cities and legal forms in
 * Latin, Cyrillic, Chinese, Arabic and Greek script, rendered the ways real names vary (native script or
 * transliterated, legal form changed, word order, abbreviations, typos, punctuation, a city added or dropped).
 * <ul>
 *     <li>{@link org.licencerisk.screening.synthetic.SyntheticDenialRegister}: a register of denials, for local
 *     seeding and benchmarks;</li>
 *     <li>{@link org.licencerisk.screening.synthetic.LabelledNamePairs}: labelled pairs of party names (the same firm
 *     written two ways, or two different firms sharing generic words and a city), to measure precision and recall.</li>
 * </ul>
 */
package org.licencerisk.screening.synthetic;
