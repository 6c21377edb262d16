/**
 * Pseudonymisation of licence applications for training exports: exporter, end-user and consignee identities
 * become keyed hashes (HMAC-SHA256) so that a model can learn "same end user as an earlier refusal" without
 * anyone seeing names, and free text that can carry identities is replaced by neutral placeholders that keep
 * every model feature unchanged. See {@code docs/monitoring-and-privacy.md}.
 */
package org.licencerisk.model.privacy;
