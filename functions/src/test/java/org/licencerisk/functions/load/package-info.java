/** Load without loss: many distinct applications and exact retries through the local server, then a count of the table. */
package org.licencerisk.functions.load;
