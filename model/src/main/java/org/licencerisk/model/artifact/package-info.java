/**
 * Model artifacts: the Tribuo model in protobuf form plus a manifest, written atomically and verified
 * (checksum, feature definition, reference data) when loaded.
 */
package org.licencerisk.model.artifact;
