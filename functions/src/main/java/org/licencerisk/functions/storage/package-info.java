/**
 * DynamoDB plumbing: the one client factory, the table definitions shared with {@code template.yaml}, opaque
 * pagination cursors, and the translation of throttling and connection failures into
 * {@link org.licencerisk.functions.storage.StorageUnavailableException}.
 */
package org.licencerisk.functions.storage;
