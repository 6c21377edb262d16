/**
 * Officers' decisions: {@code PUT /v1/applications/{applicationId}/decision} records a decision against the
 * application's latest score and takes the application out of the queue; a different later decision needs an explicit
 * revision, and every revision is kept.
 */
package org.licencerisk.functions.decisions;
