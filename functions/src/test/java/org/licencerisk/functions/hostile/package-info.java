/** Hostile input: a seeded generator of malformed and oversized requests, and the fuzz tests that drive every route. */
package org.licencerisk.functions.hostile;
