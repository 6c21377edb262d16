/**
 * The register of earlier denials: notifications from other states and this authority's own refusals, with every
 * version kept, the routes of the denial administrators, bulk import, and the register version the scoring functions
 * follow (see docs/denial-screening.md).
 */
package org.licencerisk.functions.denials;
