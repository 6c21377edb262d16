/**
 * HTTP plumbing shared by the handlers: routing of API Gateway HTTP API (payload 2.0) events, request checks
 * (403 for a route's required role, 405, 413, 415), JSON responses and RFC 9457 problem details, and the mapping of typed exceptions to statuses.
 */
package org.licencerisk.functions.http;
