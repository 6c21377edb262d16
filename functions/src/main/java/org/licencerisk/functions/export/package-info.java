/**
 * The training export: decided applications from the applications table into the model module's JSON Lines format,
 * pseudonymised, streamed page by page. The command line writes one file (a temporary sibling moved into place
 * whole); the export function writes parts to S3 with a checkpoint after each, so that it resumes where it stopped.
 */
package org.licencerisk.functions.export;
