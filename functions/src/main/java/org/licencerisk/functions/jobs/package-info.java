/**
 * Durable progress of long batch jobs (the training export, re-scoring after a promotion): a checkpoint item per job
 * in the models table, advanced by conditional puts so that a job interrupted anywhere (a Lambda timeout, a crash, a
 * Ctrl-C) resumes from its last checkpoint and two workers never both advance the same job.
 */
package org.licencerisk.functions.jobs;
