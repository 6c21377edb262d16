/**
 * Where model artifacts live: an {@link org.licencerisk.functions.artifacts.ArtifactStore} in S3 in AWS and in a local
 * directory in local mode. Reading an artifact back checks both files against the digests the registry holds before
 * the model is loaded (and loading checks the model file against its manifest again).
 */
package org.licencerisk.functions.artifacts;
