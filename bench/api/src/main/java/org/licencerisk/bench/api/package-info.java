/**
 * JMH benchmarks of the scoring API's handlers, in process, with storage excluded; comparisons of SDK HTTP clients and
 * the drift report's reading of recent applications against a DynamoDB-compatible server.
 */
package org.licencerisk.bench.api;
