/**
 * Where the training export's pseudonymisation key comes from at run time: a Secrets Manager secret in AWS
 * ({@code GetSecretValue}, read once per container and cached) or a key file locally. The key is never in the
 * environment, the repository, a log line or a response; only where it lives is configuration.
 */
package org.licencerisk.functions.privacy;
