/**
 * Re-scoring after a promotion: every undecided application is scored again with the new champion,
 * in pages, as one checkpointed job per champion-pointer revision, so that its score history keeps the old score, the
 * queue is ranked by the new ones, and the job can be interrupted and re-run anywhere without duplicating a score.
 * {@link org.licencerisk.functions.rescoring.RescoreService} does the work; the Lambda handler
 * ({@link org.licencerisk.functions.rescoring.RescoreFunction}), the {@code registry rescore} command and the local
 * server's pointer watcher only start it.
 */
package org.licencerisk.functions.rescoring;
