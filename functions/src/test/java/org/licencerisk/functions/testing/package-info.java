/**
 * Test support: a real dynalite server on a free loopback port, a model trained once per test JVM, API Gateway v2
 * event builders and OpenAPI response validation.
 */
package org.licencerisk.functions.testing;
