/**
 * Historical decisions: the native JSON Lines format (applications as the API receives them, plus
 * {@code outcome} and {@code decidedAt}; {@link org.licencerisk.model.data.JsonLinesDecisionWriter},
 * {@link org.licencerisk.model.data.JsonLinesDecisionLoader}), flat CSV decision logs described by a schema
 * ({@link org.licencerisk.model.data.CsvSchema}, {@link org.licencerisk.model.data.CsvDecisionLoader}), and the
 * data set type both load into. Only approved and refused decisions are labels; other outcomes are kept and
 * counted but not learned from. Files are written atomically ({@link org.licencerisk.model.io.AtomicFileOutput}).
 */
package org.licencerisk.model.data;
