/**
 * {@code scripts/registry}: the data scientists' command line for the model registry (register an artifact, promote,
 * roll back, list). It lives in the functions module because it needs DynamoDB and the artifact store, which the
 * model module's {@code risk-model} CLI deliberately does not depend on; it runs the same services as the API.
 */
package org.licencerisk.functions.cli;
