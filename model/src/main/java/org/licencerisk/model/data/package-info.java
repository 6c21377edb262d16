/**
 * Historical decisions: JSON Lines of applications with outcomes, flat CSV decision logs described by a
 * schema, and the data set type both load into.
 */
package org.licencerisk.model.data;
