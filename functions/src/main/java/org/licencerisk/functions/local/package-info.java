/**
 * The local API server ({@code scripts/local-api}): serves the Lambda handlers over HTTP on 127.0.0.1, routed from
 * {@code template.yaml} and fed events built through the Lambda runtime's own serialization. Not part of the Lambda
 * package.
 */
package org.licencerisk.functions.local;
