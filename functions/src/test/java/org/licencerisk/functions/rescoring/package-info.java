/** Tests of re-scoring after a promotion, against dynalite. */
package org.licencerisk.functions.rescoring;
