/** JMH benchmarks of the scoring API's handlers, in process, with storage excluded. */
package org.licencerisk.bench.api;
